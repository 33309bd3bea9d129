// The cursor codec: a row's position in a sort, as an opaque URL-safe token.
//
// Layout (version 1), before base64url encoding without padding:
//   u8   version (1)
//   u64  fingerprint of the normalised sort spec (little endian)
//   u8   number of keys
//   per key: u8 tag, then the value
//        0 NULL (no value)   1 integer: zigzag varint
//        2 text: varint length + bytes
//        3 date, 4 timestamptz: varint length + PostgreSQL's text output
//   u64  SipHash-2-4 MAC of everything above (little endian)
//
// The MAC key is a fixed constant compiled into contacts_ext. It is an
// integrity check — it catches corrupted, truncated and hand-edited cursors —
// not an authorisation mechanism (Google AIP-158): anyone with the binary can
// mint a cursor, and a cursor grants nothing a different filter value would
// not. Row level security and privileges still apply to every query.
//
// Decoding checks, in this order: base64url and size ("invalid cursor"),
// MAC ("invalid cursor"), version ("unsupported cursor version"), sort
// fingerprint ("cursor was created for a different sort"), then every value
// against its key's type. All are InvalidParameterValue (22023).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/sort.hpp"

namespace contacts::core {

// One sort-key value of a row. text is: decimal for bigint/integer keys, the
// bytes for text keys, PostgreSQL's text output for date/timestamptz keys
// (produced with DateStyle ISO so it reads back the same in any session).
struct CursorValue {
    bool is_null = false;
    std::string text;

    static CursorValue null() { return CursorValue{true, {}}; }
    static CursorValue of(std::string t) { return CursorValue{false, std::move(t)}; }
    bool operator==(const CursorValue& o) const { return is_null == o.is_null && text == o.text; }
    bool operator!=(const CursorValue& o) const { return !(*this == o); }
};

constexpr unsigned kCursorVersion = 1;
constexpr std::size_t kMaxCursorLength = 1 << 20;  // characters of the encoded token

// Writes the cursors of many rows in one sort: contacts_list makes one per
// row. The header (version, sort fingerprint, key count) is written once, and
// every token is built in buffers that are reused, so after the first row a
// cursor costs no allocation. Per row: begin(), one add_*() per sort key in
// order, finish(). A value that does not fit its key (NULL for a NOT NULL
// key, an integer for a text key, a missing or extra key) is InternalError:
// the caller read it from the wrong column.
class CursorEncoder {
public:
    explicit CursorEncoder(const SortSpec& spec);

    void begin();
    void add_null();
    void add_int(int64_t value);
    // Text keys, and dates/timestamps in the ISO text form (never empty).
    void add_text(std::string_view value);
    // The token of the row; valid until the next begin().
    std::string_view finish();

private:
    const Field& next_key(const char* what);

    const SortSpec& spec_;
    std::size_t header_size_ = 0;
    std::size_t keys_added_ = 0;
    std::string payload_;  // header, then this row's values (and the MAC while sealing)
    std::string token_;
};

// Encodes the sort-key values of one row (one per key of spec, in order).
// A value that does not fit its key (wrong count, NULL for a NOT NULL key,
// a malformed integer) is a caller bug: InternalError.
std::string encode_cursor(const SortSpec& spec, const std::vector<CursorValue>& values);

// Decodes a token created for spec. Throws Error(InvalidParameterValue) as
// described above.
std::vector<CursorValue> decode_cursor(const SortSpec& spec, std::string_view token);

namespace detail {
// Appends the MAC to a raw payload and encodes it: lets tests and fuzzers
// build structurally wrong cursors that pass the integrity check, to exercise
// the checks behind it.
std::string seal_cursor_payload(std::string_view payload);
}  // namespace detail

// base64url (RFC 4648 §5) without padding; decode is strict (no padding, no
// white space, zero trailing bits) so every token has one spelling.
std::string base64url_encode(std::string_view bytes);
bool base64url_decode(std::string_view text, std::string& out);

}  // namespace contacts::core
