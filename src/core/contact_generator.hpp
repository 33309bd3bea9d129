// Deterministic, realistic synthetic contacts.
//
// A contact is a pure function of (seed, id): the same pair gives the same
// bytes on every machine and every run, so contacts_generate(100, 42, 51)
// equals rows 51..150 of contacts_generate(200, 42), and a benchmark's data set
// is reproducible by anyone. Only integer arithmetic is used (no libm, no
// std::*_distribution, whose results are implementation-defined).
//
// All times are relative to a fixed reference instant, kReferenceTime, never
// to the wall clock.
//
// GeneratedContact holds no heap memory (static strings and fixed buffers):
// it is trivially destructible, so the PostgreSQL layer may keep one on a frame
// that can longjmp, and generating a contact never allocates.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace contacts::core {

// Microseconds since 2000-01-01 00:00:00 UTC: PostgreSQL's TimestampTz epoch.
using Timestamp = int64_t;
// Days since 2000-01-01: PostgreSQL's DateADT epoch.
using Date = int32_t;

constexpr int64_t kMicrosPerDay = int64_t{86400} * 1000000;
// 2025-01-01 00:00:00 UTC, the "now" every generated time is relative to.
constexpr Timestamp kReferenceTime = int64_t{9132} * kMicrosPerDay;

// A short string stored inline (no allocation). N includes no terminator.
template <std::size_t N>
struct FixedText {
    char data[N];
    uint8_t len = 0;

    std::string_view view() const { return {data, len}; }
    void assign(std::string_view s);  // truncates to N bytes (never splits... callers size N for the worst case)
};

template <std::size_t N>
inline void FixedText<N>::assign(std::string_view s) {
    len = static_cast<uint8_t>(s.size() < N ? s.size() : N);
    std::memcpy(data, s.data(), len);
}

struct GeneratedContact {
    int64_t id = 0;  // also address.id and customer_relationship.id when present

    // app_user
    std::string_view first_name;  // static storage, UTF-8
    std::string_view last_name;   // static storage, UTF-8
    char gender = 'O';            // 'M', 'F' or 'O'
    FixedText<17> customer_id;    // "CUST-" + 12 lowercase hex digits, unique per id
    bool has_phone = false;
    FixedText<32> phone_number;   // in the address country's format
    bool has_birthday = false;
    Date birthday = 0;            // 18..95 years before kReferenceTime
    Timestamp created = 0;        // within 10 years before kReferenceTime
    Timestamp last_updated = 0;   // >= created, <= kReferenceTime

    // address (address_id == id when present)
    bool has_address = false;     // ~98%
    std::string_view street;      // static storage, UTF-8 (street name only)
    FixedText<8> street_number;   // "12", "7b", ...
    FixedText<16> city_code;      // postal code in the country's format
    std::string_view city;        // static storage, UTF-8, a real city
    std::string_view country;     // static storage, English country name

    // customer_relationship (relationship id == id when present)
    bool has_relationship = false;  // ~95%
    int32_t points = 0;             // heavy-tailed: most < 1000, a few up to 100000
    Timestamp relationship_created = 0;
    bool has_last_activity = false;
    Timestamp last_activity = 0;    // > relationship_created, <= kReferenceTime
};

// Fills `out` with contact `id` of data set `seed`. Never allocates, never
// throws. Any int64 id and seed are accepted.
void generate_contact(uint64_t seed, int64_t id, GeneratedContact& out) noexcept;

}  // namespace contacts::core

namespace contacts::core {
// customer_id is a bijection of the low 48 bits of the id, so ids must stay
// below 2^48 for customer ids to be unique.
constexpr int64_t kMaxContactId = (int64_t{1} << 48) - 1;
}  // namespace contacts::core
