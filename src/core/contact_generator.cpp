// generate_contact(): one deterministic, realistic synthetic contact.
//
// Determinism: a contact is a pure function of (seed, id). The pair is mixed
// into a 64-bit row state, and every field is drawn from small splitmix64
// streams derived from that state, using integer arithmetic only (no floating
// point, no libm, no std::*_distribution), so the bytes are the same on every
// machine and compiler. The customer_id depends on the id alone (a keyed
// bijection), so it is unique across seeds too.
//
// Speed: no allocation, no locale, no static initialization at run time; the
// Zipf weight tables are constexpr, data tables are constant-initialized, and
// every choice is an index lookup or a short binary search.
#include "core/contact_generator.hpp"

#include <array>
#include <cstddef>
#include <type_traits>

#include "core/generator_data.hpp"

#include "core/no_postgres.hpp"

namespace contacts::core {
namespace {

namespace gd = gendata;

// ---------------------------------------------------------------- mixing and random streams

// The splitmix64 finalizer: a bijective 64-bit mixer with full avalanche.
constexpr uint64_t mix64(uint64_t z) noexcept {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

constexpr uint64_t kGamma = 0x9E3779B97F4A7C15ULL;

// High 64 bits of the 128-bit product a * b (exact, so every implementation
// gives the same value).
inline uint64_t mulhi64(uint64_t a, uint64_t b) noexcept {
#if defined(__SIZEOF_INT128__)
    __extension__ using u128 = unsigned __int128;
    return static_cast<uint64_t>((static_cast<u128>(a) * b) >> 64);
#else
    const uint64_t a_lo = a & 0xFFFFFFFFu, a_hi = a >> 32;
    const uint64_t b_lo = b & 0xFFFFFFFFu, b_hi = b >> 32;
    const uint64_t lo_lo = a_lo * b_lo;
    const uint64_t hi_lo = a_hi * b_lo;
    const uint64_t lo_hi = a_lo * b_hi;
    const uint64_t cross = (lo_lo >> 32) + (hi_lo & 0xFFFFFFFFu) + lo_hi;
    return a_hi * b_hi + (hi_lo >> 32) + (cross >> 32);
#endif
}

// A splitmix64 stream. Each field group gets its own stream (seeded from the
// row state and a group constant), so changing how one group draws never
// shifts the values of another.
class Stream {
public:
    constexpr explicit Stream(uint64_t state) noexcept : state_(state) {}

    uint64_t next() noexcept {
        state_ += kGamma;
        return mix64(state_);
    }

    // 32 random bits; each 64-bit draw serves two calls.
    uint32_t next32() noexcept {
        if (has_half_) {
            has_half_ = false;
            return half_;
        }
        const uint64_t v = next();
        half_ = static_cast<uint32_t>(v);
        has_half_ = true;
        return static_cast<uint32_t>(v >> 32);
    }

    // Uniform in [0, n) for n <= 2^32 (multiply-shift; the bias is at most
    // n / 2^32, irrelevant here). n == 0 yields 0.
    uint32_t below(uint32_t n) noexcept {
        return static_cast<uint32_t>((static_cast<uint64_t>(next32()) * n) >> 32);
    }

    // Uniform in [0, n) for any n: the high 64 bits of next() * n.
    uint64_t below64(uint64_t n) noexcept { return mulhi64(next(), n); }

    // True with probability percent/100.
    bool percent(uint32_t p) noexcept { return below(100) < p; }

    // True with probability permille/1000.
    bool permille(uint32_t p) noexcept { return below(1000) < p; }

private:
    uint64_t state_;
    uint32_t half_ = 0;
    bool has_half_ = false;
};

// Per-group stream constants (arbitrary odd 64-bit values).
constexpr uint64_t kGroupPerson = 0x6A09E667F3BCC909ULL;
constexpr uint64_t kGroupAddress = 0xBB67AE8584CAA73BULL;
constexpr uint64_t kGroupPhone = 0x3C6EF372FE94F82BULL;
constexpr uint64_t kGroupTimes = 0xA54FF53A5F1D36F1ULL;
constexpr uint64_t kGroupRelationship = 0x510E527FADE682D1ULL;
constexpr uint64_t kGroupCity = 0x9B05688C2B3E6C1FULL;

// The row state: for a fixed seed, a bijection of the id (so distinct ids never
// share a state), scrambled differently for every seed.
uint64_t row_state(uint64_t seed, int64_t id) noexcept {
    const uint64_t s = mix64(seed ^ 0x1F83D9ABFB41BD6BULL);
    return mix64(s ^ (static_cast<uint64_t>(id) * kGamma + 0x5BE0CD19137E2179ULL));
}

// The groups' streams start at unrelated points of the 2^64-long splitmix64
// sequence (overlap within a contact's few dozen draws has probability
// ~2^-58), and Stream::next's mixing decorrelates them.
Stream group_stream(uint64_t row, uint64_t group) noexcept { return Stream(row ^ group); }

// ---------------------------------------------------------------- customer_id

// A 4-round Feistel network over 48 bits (two 24-bit halves) with a fixed key:
// a bijection on [0, 2^48), so distinct ids (mod 2^48) get distinct ids out,
// while consecutive ids look unrelated.
constexpr uint64_t kFeistelKeys[4] = {
    0x2545F4914F6CDD1DULL, 0x9FB21C651E98DF25ULL, 0xD6E8FEB86659FD93ULL, 0xC4CEB9FE1A85EC53ULL,
};

constexpr uint64_t permute48(uint64_t x) noexcept {
    constexpr uint64_t kMask24 = (uint64_t{1} << 24) - 1;
    uint64_t left = (x >> 24) & kMask24;
    uint64_t right = x & kMask24;
    for (uint64_t key : kFeistelKeys) {
        const uint64_t f = mix64(right ^ key) & kMask24;
        const uint64_t new_right = left ^ f;
        left = right;
        right = new_right;
    }
    return (left << 24) | right;
}

void write_customer_id(int64_t id, FixedText<17>& out) noexcept {
    static constexpr char kHex[] = "0123456789abcdef";
    const uint64_t v = permute48(static_cast<uint64_t>(id) & ((uint64_t{1} << 48) - 1));
    char* p = out.data;
    p[0] = 'C';
    p[1] = 'U';
    p[2] = 'S';
    p[3] = 'T';
    p[4] = '-';
    for (int i = 0; i < 12; ++i) {
        p[5 + i] = kHex[(v >> (44 - 4 * i)) & 0xF];
    }
    out.len = 17;
}

// ---------------------------------------------------------------- Zipf-like ranked choice

// Cumulative weights of ranks 0..kMaxRankedList-1 with weight(r) = 2^20/(r+k).
// The offset k flattens the head: with k = 0 the top name of a big culture
// would cover several percent of all contacts; the issue wants ~0.5-1%.
template <uint32_t Offset>
constexpr std::array<uint32_t, gd::kMaxRankedList> make_cumulative() {
    std::array<uint32_t, gd::kMaxRankedList> cum{};
    uint32_t total = 0;
    for (std::size_t r = 0; r < gd::kMaxRankedList; ++r) {
        total += (uint32_t{1} << 20) / (static_cast<uint32_t>(r) + Offset);
        cum[r] = total;
    }
    return cum;
}

constexpr auto kFirstNameCum = make_cumulative<10>();
constexpr auto kSurnameCum = make_cumulative<5>();

// Index in [0, n) drawn with the Zipf-like weights of `cum`.
uint32_t ranked_pick(Stream& rng, const std::array<uint32_t, gd::kMaxRankedList>& cum,
                     uint32_t n) noexcept {
    if (n == 0) return 0;
    if (n > gd::kMaxRankedList) n = gd::kMaxRankedList;
    const uint32_t x = rng.below(cum[n - 1]);
    // First index whose cumulative weight exceeds x (branch-free binary
    // search: the loop count depends on n only).
    const uint32_t* base = cum.data();
    uint32_t len = n;
    while (len > 1) {
        const uint32_t half = len / 2;
        base = base[half - 1] <= x ? base + half : base;
        len -= half;
    }
    return static_cast<uint32_t>(base - cum.data()) + (*base <= x ? 1u : 0u);
}

std::string_view uniform_pick(Stream& rng, const gd::StringList& list) noexcept {
    if (list.size == 0) return {};
    return list.items[rng.below(list.size)];
}

// ---------------------------------------------------------------- pattern expansion

// Appends to a fixed buffer, silently truncating at its capacity.
class Writer {
public:
    Writer(char* buf, std::size_t cap) noexcept : buf_(buf), cap_(cap) {}
    void put(char c) noexcept {
        if (len_ < cap_) buf_[len_++] = c;
    }
    void put(std::string_view s) noexcept {
        for (char c : s) put(c);
    }
    void put_uint(uint32_t v) noexcept {
        char tmp[10];
        int n = 0;
        do {
            tmp[n++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v != 0 && n < 10);
        while (n > 0) put(tmp[--n]);
    }
    std::size_t size() const noexcept { return len_; }

private:
    char* buf_;
    std::size_t cap_;
    std::size_t len_ = 0;
};

// A source of small random values carved out of 64-bit draws: one draw serves
// ~6 digits or letters, keeping pattern expansion cheap.
class Digits {
public:
    explicit Digits(Stream& rng) noexcept : rng_(rng) {}
    // Uniform in [0, n) for small n (<= 32).
    uint32_t take(uint32_t n) noexcept {
        if (left_ == 0) {
            pool_ = rng_.next();
            left_ = 6;
        }
        --left_;
        // 10 bits per value: the top bits of (10-bit chunk * n) >> 10.
        const uint32_t chunk = static_cast<uint32_t>(pool_ & 0x3FF);
        pool_ >>= 10;
        return (chunk * n) >> 10;
    }

private:
    Stream& rng_;
    uint64_t pool_ = 0;
    int left_ = 0;
};

// Expands a postal or phone pattern (see generator_data.hpp). `city_hash`
// drives the city-stable characters; `code` replaces '@'.
template <std::size_t N>
void expand_pattern(std::string_view pattern, Stream& rng, uint64_t city_hash,
                    std::string_view code, FixedText<N>& out) noexcept {
    Writer w(out.data, N);
    Digits rnd(rng);
    // City-stable values: successive "digits" of the city hash in the radix
    // needed (64 bits last for ~13 of them; patterns use at most 5).
    uint64_t ch = city_hash;
    const auto city_value = [&ch](auto radix) noexcept {
        constexpr uint64_t n = decltype(radix)::value;
        const uint32_t v = static_cast<uint32_t>(ch % n);
        ch /= n;
        return v;
    };
    using R8 = std::integral_constant<uint64_t, 8>;
    using R9 = std::integral_constant<uint64_t, 9>;
    using R10 = std::integral_constant<uint64_t, 10>;
    using RL = std::integral_constant<uint64_t, gd::kPatternLetters.size()>;
    for (char c : pattern) {
        switch (c) {
            case '#': w.put(static_cast<char>('0' + rnd.take(10))); break;
            case 'N': w.put(static_cast<char>('2' + rnd.take(8))); break;
            case 'A': w.put(gd::kPatternLetters[rnd.take(static_cast<uint32_t>(gd::kPatternLetters.size()))]); break;
            case 'c': w.put(static_cast<char>('0' + city_value(R10{}))); break;
            case 'C': w.put(static_cast<char>('1' + city_value(R9{}))); break;
            case 'D': w.put(static_cast<char>('2' + city_value(R8{}))); break;
            case 'L': w.put(gd::kPatternLetters[city_value(RL{})]); break;
            case 'K': w.put(gd::kCanadianLetters[rnd.take(static_cast<uint32_t>(gd::kCanadianLetters.size()))]); break;
            case '@': w.put(code); break;
            default: w.put(c); break;
        }
    }
    out.len = static_cast<uint8_t>(w.size());
}

// ---------------------------------------------------------------- places

// Region whose weight interval holds x (kRegionWeightStart is ascending):
// the last region whose start is <= x, by a branch-free binary search.
std::size_t region_at_weight(uint32_t x) noexcept {
    const uint32_t* base = gd::kRegionWeightStart;
    std::size_t len = gd::kRegionCount;
    while (len > 1) {
        const std::size_t half = len / 2;
        base = base[half] <= x ? base + half : base;
        len -= half;
    }
    return static_cast<std::size_t>(base - gd::kRegionWeightStart);
}

void write_house_number(Stream& rng, gd::HouseStyle style, FixedText<8>& out) noexcept {
    Writer w(out.data, 8);
    switch (style) {
        case gd::HouseStyle::NorthAmerican: {
            // Mostly 1-4 digits, skewed low: the smaller of two uniform draws.
            const uint32_t a = rng.below(9999), b = rng.below(9999);
            w.put_uint(1 + (a < b ? a : b));
            break;
        }
        case gd::HouseStyle::Japanese: {
            // chome-ban-go, e.g. "2-14-3".
            w.put_uint(1 + rng.below(9));
            w.put('-');
            w.put_uint(1 + rng.below(30));
            w.put('-');
            w.put_uint(1 + rng.below(20));
            break;
        }
        case gd::HouseStyle::European:
        default: {
            const uint32_t a = rng.below(200), b = rng.below(200);
            w.put_uint(1 + (a < b ? a : b));
            if (rng.percent(8)) w.put(static_cast<char>('a' + rng.below(4)));
            break;
        }
    }
    out.len = static_cast<uint8_t>(w.size());
}

// ---------------------------------------------------------------- times

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr Date kReferenceDate = static_cast<Date>(kReferenceTime / kMicrosPerDay);  // 2025-01-01
// Ages 18..95 on 2025-01-01: born 1929-01-02 .. 2007-01-01, i.e. this many
// days before the reference date.
constexpr int32_t kMinAgeDays = 6575;   // 2007-01-01
constexpr int32_t kAge50Days = 18263;   // 1975-01-01
constexpr int32_t kAge75Days = 27394;   // 1950-01-01
constexpr int32_t kMaxAgeDays = 35063;  // 1929-01-02
constexpr uint32_t kCreatedSpanSeconds = 3650u * 86400u;  // ten years
constexpr int64_t kWeekMicros = int64_t{7} * kMicrosPerDay;

Date draw_birthday(Stream& rng) noexcept {
    const uint32_t bucket = rng.below(100);
    int32_t lo, hi;  // days before the reference date, [lo, hi)
    if (bucket < 55) {
        lo = kMinAgeDays;
        hi = kAge50Days;
    } else if (bucket < 90) {
        lo = kAge50Days;
        hi = kAge75Days;
    } else {
        lo = kAge75Days;
        hi = kMaxAgeDays + 1;
    }
    const int32_t days = lo + static_cast<int32_t>(rng.below(static_cast<uint32_t>(hi - lo)));
    return kReferenceDate - days;
}

// Heavy-tailed loyalty points: ~89% under 1,000, ~10% 1,000-9,999, ~1%
// 10,000-100,000; skewed low inside each bucket (the smaller of two draws).
int32_t draw_points(Stream& rng) noexcept {
    const uint32_t bucket = rng.below(1000);
    uint32_t base, span;
    if (bucket < 890) {
        base = 0;
        span = 1000;
    } else if (bucket < 990) {
        base = 1000;
        span = 9000;
    } else {
        base = 10000;
        span = 90001;
    }
    const uint32_t a = rng.below(span), b = rng.below(span);
    return static_cast<int32_t>(base + (a < b ? a : b));
}

}  // namespace

void generate_contact(uint64_t seed, int64_t id, GeneratedContact& out) noexcept {
    const uint64_t row = row_state(seed, id);
    out.id = id;
    write_customer_id(id, out.customer_id);

    // Where the contact lives decides the country, the name culture, the
    // street names and the postal and phone formats. A contact without an
    // address still has a home country (for the phone number).
    Stream place = group_stream(row, kGroupAddress);
    const uint32_t weight = place.below(gd::kTotalCityWeight);
    const std::size_t region_index = region_at_weight(weight);
    const gd::Region& region = gd::kRegions[region_index];
    uint32_t city_local =
        gd::kRegionTiers[region_index].city_at(weight - gd::kRegionWeightStart[region_index]);
    if (city_local >= region.cities.size) city_local = 0;  // unreachable; keeps lookups in bounds
    const uint32_t city_global = gd::kRegionCityStart[region_index] + city_local;
    const uint64_t city_hash = mix64(static_cast<uint64_t>(city_global) * kGamma ^ kGroupCity);

    // ---- person
    Stream person = group_stream(row, kGroupPerson);
    const uint32_t g = person.below(100);
    out.gender = g < 49 ? 'M' : (g < 98 ? 'F' : 'O');
    bool female_forms = out.gender == 'F' || (out.gender == 'O' && person.below(2) == 0);

    uint32_t culture = region.culture;
    const uint32_t mix = person.below(100);
    if (mix < 3) {
        culture = person.below(gd::kCultureCount);  // people move: any culture, anywhere
    } else if (region.alt_culture < gd::kCultureCount && mix < 3u + region.alt_percent) {
        culture = region.alt_culture;
    }
    if (culture >= gd::kCultureCount) culture = 0;
    const gd::NameCulture& names = gd::kCultures[culture];
    const gd::StringList& firsts = female_forms ? names.female : names.male;
    out.first_name = firsts.size ? firsts.items[ranked_pick(person, kFirstNameCum, firsts.size)]
                                 : std::string_view{};
    if (out.gender == 'O') female_forms = person.below(2) == 0;  // surname form independent of the first name
    if (names.surname_count > 0) {
        const gd::Surname& s = names.surnames[ranked_pick(person, kSurnameCum, names.surname_count)];
        out.last_name = (female_forms && !s.female.empty()) ? s.female : s.male;
    } else {
        out.last_name = {};
    }

    // ---- address (~98%)
    out.has_address = !place.permille(20);
    if (out.has_address) {
        const gd::StringList& streets =
            gd::kStreetLists[region.streets < gd::kStreetsCount ? region.streets : 0];
        out.street = uniform_pick(place, streets);
        write_house_number(place, region.house, out.street_number);
        const std::string_view code =
            region.city_codes != nullptr ? region.city_codes[city_local] : std::string_view{};
        expand_pattern(uniform_pick(place, region.postal_patterns), place, city_hash, code,
                       out.city_code);
        out.city = region.cities.items[city_local];
        out.country = region.country;
    } else {
        out.street = {};
        out.street_number.len = 0;
        out.city_code.len = 0;
        out.city = {};
        out.country = {};
    }

    // ---- phone (~97%), in the home country's format, mobile more often than not
    Stream phone = group_stream(row, kGroupPhone);
    out.has_phone = !phone.permille(30);
    if (out.has_phone) {
        const bool mobile = phone.percent(60);
        const gd::StringList& patterns = mobile ? region.mobile_patterns : region.landline_patterns;
        expand_pattern(uniform_pick(phone, patterns), phone, mix64(city_hash ^ kGroupPhone), {},
                       out.phone_number);
    } else {
        out.phone_number.len = 0;
    }

    // ---- dates
    Stream times = group_stream(row, kGroupTimes);
    out.has_birthday = !times.permille(10);
    out.birthday = out.has_birthday ? draw_birthday(times) : 0;
    // created: within ten years before the reference time, strictly before it.
    const int64_t created_s = static_cast<int64_t>(times.below(kCreatedSpanSeconds)) + 1;
    out.created = kReferenceTime - created_s * kMicrosPerSecond +
                  static_cast<int64_t>(times.below(static_cast<uint32_t>(kMicrosPerSecond)));
    const int64_t until_ref = kReferenceTime - out.created;  // >= 1
    out.last_updated = times.percent(25)
                           ? out.created
                           : out.created + static_cast<int64_t>(
                                               times.below64(static_cast<uint64_t>(until_ref) + 1));

    // ---- customer relationship (~95%)
    Stream rel = group_stream(row, kGroupRelationship);
    out.has_relationship = !rel.percent(5);
    if (out.has_relationship) {
        out.points = draw_points(rel);
        // Most relationships start within a week of the contact, the rest any
        // time later; always strictly before the reference time.
        const int64_t window = rel.percent(60) && until_ref > kWeekMicros ? kWeekMicros : until_ref;
        out.relationship_created =
            out.created + static_cast<int64_t>(rel.below64(static_cast<uint64_t>(window)));
        out.has_last_activity = !rel.percent(10);
        if (out.has_last_activity) {
            const int64_t after = kReferenceTime - out.relationship_created;  // >= 1
            out.last_activity =
                out.relationship_created + 1 +
                static_cast<int64_t>(rel.below64(static_cast<uint64_t>(after)));
        } else {
            out.last_activity = 0;
        }
    } else {
        out.points = 0;
        out.relationship_created = 0;
        out.has_last_activity = false;
        out.last_activity = 0;
    }
}

}  // namespace contacts::core
