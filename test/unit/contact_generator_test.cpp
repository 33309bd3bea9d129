// generate_contact(): determinism (including a golden hash that pins the exact
// bytes across machines), the split property, customer_id format and
// uniqueness, value ranges, presence rates and distributions over 100k+
// contacts, postal-code and phone formats per country, real non-ASCII
// spellings, UTF-8 validity of every table, and robustness for extreme ids
// and seeds.
#include "core/contact_generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/generator_data.hpp"

namespace {

using contacts::core::Date;
using contacts::core::generate_contact;
using contacts::core::GeneratedContact;
using contacts::core::kMicrosPerDay;
using contacts::core::kReferenceTime;
using contacts::core::Timestamp;
namespace gd = contacts::core::gendata;

// Independent of the generator's own constants on purpose.
constexpr Date kYoungestBirthday = 2557;             // 2007-01-01: 18 years before
constexpr Date kOldestBirthday = -25931;             // 1929-01-02: 95 years (and 364 days) before
constexpr Timestamp kTenYears = int64_t{3653} * kMicrosPerDay;

GeneratedContact gen(uint64_t seed, int64_t id) {
    GeneratedContact c;
    generate_contact(seed, id, c);
    return c;
}

std::string str(std::string_view v) { return std::string(v); }

// Every field, in a fixed order and format: equality of two contacts and the
// golden hash both go through this.
std::string serialize(const GeneratedContact& c) {
    std::string s;
    const auto field = [&s](std::string_view v) {
        s.append(v.data(), v.size());
        s.push_back('\x1f');
    };
    const auto num = [&field](int64_t v) { field(std::to_string(v)); };
    num(c.id);
    field(c.first_name);
    field(c.last_name);
    field(std::string_view(&c.gender, 1));
    field(c.customer_id.view());
    num(c.has_phone);
    field(c.phone_number.view());
    num(c.has_birthday);
    num(c.birthday);
    num(c.created);
    num(c.last_updated);
    num(c.has_address);
    field(c.street);
    field(c.street_number.view());
    field(c.city_code.view());
    field(c.city);
    field(c.country);
    num(c.has_relationship);
    num(c.points);
    num(c.relationship_created);
    num(c.has_last_activity);
    num(c.last_activity);
    return s;
}

uint64_t fnv1a(uint64_t h, std::string_view bytes) {
    for (unsigned char b : bytes) {
        h ^= b;
        h *= 0x100000001B3ULL;
    }
    return h;
}

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n;
        uint32_t cp;
        if (b < 0x80) {
            ++i;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            n = 1;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            n = 2;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            n = 3;
            cp = b & 0x07;
        } else {
            return false;
        }
        if (i + n >= s.size()) return false;  // truncated sequence
        for (std::size_t k = 1; k <= n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += n + 1;
    }
    return true;
}

// ^CUST-[0-9a-f]{12}$
bool is_customer_id(std::string_view s) {
    if (s.size() != 17 || s.substr(0, 5) != "CUST-") return false;
    for (char c : s.substr(5)) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

// Invariants every contact satisfies, whatever its seed and id.
void expect_well_formed(const GeneratedContact& c) {
    EXPECT_TRUE(is_customer_id(c.customer_id.view())) << c.customer_id.view();
    EXPECT_TRUE(c.gender == 'M' || c.gender == 'F' || c.gender == 'O');
    EXPECT_FALSE(c.first_name.empty());
    EXPECT_FALSE(c.last_name.empty());
    EXPECT_TRUE(valid_utf8(c.first_name));
    EXPECT_TRUE(valid_utf8(c.last_name));
    if (c.has_phone) {
        EXPECT_GE(c.phone_number.len, 8);
        EXPECT_EQ(c.phone_number.data[0], '+');
    } else {
        EXPECT_EQ(c.phone_number.len, 0);
    }
    if (c.has_birthday) {
        EXPECT_GE(c.birthday, kOldestBirthday);
        EXPECT_LE(c.birthday, kYoungestBirthday);
    }
    EXPECT_GE(c.created, kReferenceTime - kTenYears);
    EXPECT_LT(c.created, kReferenceTime);
    EXPECT_GE(c.last_updated, c.created);
    EXPECT_LE(c.last_updated, kReferenceTime);
    if (c.has_address) {
        EXPECT_FALSE(c.street.empty());
        EXPECT_GT(c.street_number.len, 0);
        EXPECT_GT(c.city_code.len, 0);
        EXPECT_FALSE(c.city.empty());
        EXPECT_FALSE(c.country.empty());
        EXPECT_TRUE(valid_utf8(c.street));
        EXPECT_TRUE(valid_utf8(c.city));
    }
    if (c.has_relationship) {
        EXPECT_GE(c.points, 0);
        EXPECT_LE(c.points, 100000);
        EXPECT_GE(c.relationship_created, c.created);
        EXPECT_LT(c.relationship_created, kReferenceTime);
        if (c.has_last_activity) {
            EXPECT_GT(c.last_activity, c.relationship_created);
            EXPECT_LE(c.last_activity, kReferenceTime);
        }
    }
}

// ------------------------------------------------------------------ determinism

TEST(ContactGenerator, SameSeedAndIdGiveTheSameContact) {
    for (int64_t id : {int64_t{1}, int64_t{2}, int64_t{77}, int64_t{1000000}, int64_t{-5}}) {
        EXPECT_EQ(serialize(gen(42, id)), serialize(gen(42, id))) << id;
    }
}

TEST(ContactGenerator, DifferentSeedsGiveDifferentData) {
    int differing_names = 0, differing_places = 0;
    for (int64_t id = 1; id <= 1000; ++id) {
        const GeneratedContact a = gen(1, id), b = gen(2, id);
        if (a.first_name != b.first_name || a.last_name != b.last_name) ++differing_names;
        if (a.city != b.city || a.phone_number.view() != b.phone_number.view()) ++differing_places;
        EXPECT_NE(serialize(a), serialize(b)) << id;
        // customer_id depends on the id alone, so it stays unique whatever the seed.
        EXPECT_EQ(a.customer_id.view(), b.customer_id.view());
    }
    EXPECT_GT(differing_names, 950);
    EXPECT_GT(differing_places, 950);
}

TEST(ContactGenerator, AdjacentIdsAreUnrelated) {
    int same_city = 0;
    for (int64_t id = 1; id <= 1000; ++id) {
        if (gen(42, id).city == gen(42, id + 1).city) ++same_city;
    }
    EXPECT_LT(same_city, 10);
}

// contacts_generate(100, 42, 51) must equal rows 51..150 of
// contacts_generate(200, 42): contact k depends on (seed, k) only, not on the
// range it is generated in, the order, or what the output struct held before.
TEST(ContactGenerator, SplitRangesMatchTheWholeRange) {
    std::vector<std::string> whole;
    GeneratedContact reused;
    for (int64_t id = 1; id <= 200; ++id) {
        generate_contact(42, id, reused);
        whole.push_back(serialize(reused));
    }
    GeneratedContact other;
    for (int64_t id = 150; id >= 51; --id) {  // another range, backwards, another struct
        generate_contact(42, id, other);
        EXPECT_EQ(serialize(other), whole[static_cast<std::size_t>(id - 1)]) << id;
    }
    // A struct left dirty by a contact with every part present, then reused.
    GeneratedContact dirty = gen(7, 3);
    for (int64_t id = 1; id <= 200; ++id) {
        generate_contact(42, id, dirty);
        EXPECT_EQ(serialize(dirty), whole[static_cast<std::size_t>(id - 1)]) << id;
    }
}

// Pins the exact output of the generator: the FNV-1a hash of every field of
// contacts 1..1000 of seed 42. It guards cross-machine and cross-compiler
// determinism (the pg_regress checksum of contacts_generate(10000, 42) relies
// on it) and catches unintended changes to the data or the draws. If you
// change the generator on purpose, update the constant AND the pg_regress
// expected output together.
TEST(ContactGenerator, GoldenHash) {
    uint64_t h = 0xCBF29CE484222325ULL;
    GeneratedContact c;
    for (int64_t id = 1; id <= 1000; ++id) {
        generate_contact(42, id, c);
        h = fnv1a(h, serialize(c));
    }
    EXPECT_EQ(h, 0x3CFD9A835BF035CFULL) << std::hex << "actual 0x" << h;
}

// ------------------------------------------------------------------ customer_id

TEST(ContactGenerator, CustomerIdFormatAndUniqueness) {
    std::unordered_set<std::string> seen;
    seen.reserve(300000);
    GeneratedContact c;
    for (int64_t id = 1; id <= 200000; ++id) {
        generate_contact(42, id, c);
        ASSERT_TRUE(is_customer_id(c.customer_id.view())) << c.customer_id.view();
        ASSERT_TRUE(seen.insert(std::string(c.customer_id.view())).second) << "duplicate at id " << id;
    }
    // Ids a later contacts_seed call appends (other seed, continuing ids) and
    // scattered large ids stay distinct from all of them.
    std::mt19937_64 rng(12345);
    std::set<int64_t> ids;
    while (ids.size() < 50000) {
        ids.insert(200001 + static_cast<int64_t>(rng() % ((uint64_t{1} << 48) - 200002)));
    }
    for (int64_t id : ids) {
        generate_contact(99, id, c);
        ASSERT_TRUE(is_customer_id(c.customer_id.view()));
        ASSERT_TRUE(seen.insert(std::string(c.customer_id.view())).second) << "duplicate at id " << id;
    }
    // Consecutive ids do not give consecutive customer ids.
    EXPECT_NE(gen(0, 1).customer_id.view().substr(0, 12), gen(0, 2).customer_id.view().substr(0, 12));
}

// ------------------------------------------------------------------ robustness

TEST(ContactGenerator, ExtremeIdsAndSeedsAreWellFormed) {
    const int64_t ids[] = {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::min() + 1,
                           -1, 0, 1, (int64_t{1} << 48) - 1, int64_t{1} << 48,
                           std::numeric_limits<int64_t>::max()};
    const uint64_t seeds[] = {0, 1, 42, uint64_t{1} << 63, std::numeric_limits<uint64_t>::max()};
    for (int64_t id : ids) {
        for (uint64_t seed : seeds) {
            const GeneratedContact c = gen(seed, id);
            EXPECT_EQ(c.id, id);
            expect_well_formed(c);
        }
    }
    std::mt19937_64 rng(777);
    for (int i = 0; i < 20000; ++i) {
        const uint64_t seed = rng();
        const auto id = static_cast<int64_t>(rng());
        expect_well_formed(gen(seed, id));
    }
}

// ------------------------------------------------------------------ statistics over a large sample

struct Sample {
    static constexpr int kCount = 200000;
    std::vector<GeneratedContact> contacts;
    std::unordered_map<std::string, int> first_names, last_names, cities, countries;
    int with_address = 0, with_relationship = 0, with_phone = 0, with_birthday = 0,
        with_last_activity = 0;
    int male = 0, female = 0, other = 0;
    std::vector<int32_t> points;
};

const Sample& sample() {
    static const Sample s = [] {
        Sample r;
        r.contacts.resize(Sample::kCount);
        for (int i = 0; i < Sample::kCount; ++i) {
            GeneratedContact& c = r.contacts[static_cast<std::size_t>(i)];
            generate_contact(42, i + 1, c);
            ++r.first_names[str(c.first_name)];
            ++r.last_names[str(c.last_name)];
            if (c.has_address) {
                ++r.with_address;
                ++r.cities[str(c.city) + " / " + str(c.country)];
                ++r.countries[str(c.country)];
            }
            if (c.has_relationship) {
                ++r.with_relationship;
                r.points.push_back(c.points);
                if (c.has_last_activity) ++r.with_last_activity;
            }
            if (c.has_phone) ++r.with_phone;
            if (c.has_birthday) ++r.with_birthday;
            if (c.gender == 'M') ++r.male;
            if (c.gender == 'F') ++r.female;
            if (c.gender == 'O') ++r.other;
        }
        std::sort(r.points.begin(), r.points.end());
        return r;
    }();
    return s;
}

double share(int count, int of) { return static_cast<double>(count) / of; }

std::pair<std::string, int> most_common(const std::unordered_map<std::string, int>& m) {
    std::pair<std::string, int> best{"", 0};
    for (const auto& [k, v] : m) {
        if (v > best.second) best = {k, v};
    }
    return best;
}

TEST(ContactGeneratorSample, EveryContactIsWellFormed) {
    for (const GeneratedContact& c : sample().contacts) {
        expect_well_formed(c);
        if (::testing::Test::HasFailure()) {
            ADD_FAILURE() << "first failing contact: " << serialize(c);
            return;
        }
    }
}

TEST(ContactGeneratorSample, GenderSetAndShares) {
    const Sample& s = sample();
    EXPECT_EQ(s.male + s.female + s.other, Sample::kCount);
    EXPECT_NEAR(share(s.male, Sample::kCount), 0.49, 0.01);
    EXPECT_NEAR(share(s.female, Sample::kCount), 0.49, 0.01);
    EXPECT_NEAR(share(s.other, Sample::kCount), 0.02, 0.005);
}

TEST(ContactGeneratorSample, PresenceRates) {
    const Sample& s = sample();
    EXPECT_NEAR(share(s.with_address, Sample::kCount), 0.98, 0.003);
    EXPECT_NEAR(share(s.with_relationship, Sample::kCount), 0.95, 0.004);
    EXPECT_NEAR(share(s.with_phone, Sample::kCount), 0.97, 0.003);
    EXPECT_NEAR(share(s.with_birthday, Sample::kCount), 0.99, 0.002);
    EXPECT_NEAR(share(s.with_last_activity, s.with_relationship), 0.90, 0.005);
}

TEST(ContactGeneratorSample, DatesSpreadOverTheirRanges) {
    const Sample& s = sample();
    Date min_birthday = kYoungestBirthday, max_birthday = kOldestBirthday;
    Timestamp min_created = kReferenceTime, max_created = 0;
    int updated = 0, old_created = 0;
    for (const GeneratedContact& c : s.contacts) {
        if (c.has_birthday) {
            min_birthday = std::min(min_birthday, c.birthday);
            max_birthday = std::max(max_birthday, c.birthday);
        }
        min_created = std::min(min_created, c.created);
        max_created = std::max(max_created, c.created);
        if (c.last_updated > c.created) ++updated;
        if (c.created < kReferenceTime - 9 * 365 * kMicrosPerDay) ++old_created;
    }
    // Both ends of the ranges are reached (within a month).
    EXPECT_LT(min_birthday, kOldestBirthday + 31);
    EXPECT_GT(max_birthday, kYoungestBirthday - 31);
    EXPECT_LT(min_created, kReferenceTime - kTenYears + 31 * kMicrosPerDay);
    EXPECT_GT(max_created, kReferenceTime - kMicrosPerDay);
    EXPECT_GT(share(updated, Sample::kCount), 0.5);
    EXPECT_GT(old_created, Sample::kCount / 20);
}

TEST(ContactGeneratorSample, PointsAreHeavyTailed) {
    const std::vector<int32_t>& p = sample().points;
    ASSERT_FALSE(p.empty());
    const auto n = static_cast<int>(p.size());
    EXPECT_LT(p[p.size() / 2], 1000);  // median
    EXPECT_GE(p.front(), 0);
    EXPECT_LE(p.back(), 100000);
    const auto at_least = [&p](int32_t v) {
        return static_cast<int>(p.end() - std::lower_bound(p.begin(), p.end(), v));
    };
    EXPECT_NEAR(share(at_least(1000) - at_least(10000), n), 0.10, 0.01);
    EXPECT_NEAR(share(at_least(10000), n), 0.01, 0.003);
    EXPECT_GT(at_least(50000), 0);
}

TEST(ContactGeneratorSample, DistinctCounts) {
    const Sample& s = sample();
    EXPECT_GE(s.first_names.size(), 300u);
    EXPECT_GE(s.last_names.size(), 500u);
    EXPECT_GE(s.cities.size(), 1000u);
    EXPECT_GE(s.countries.size(), 30u);
}

TEST(ContactGeneratorSample, SelectivitiesAreRealistic) {
    const Sample& s = sample();
    const auto [top_first, top_first_count] = most_common(s.first_names);
    EXPECT_GE(share(top_first_count, Sample::kCount), 0.004) << top_first;
    EXPECT_LE(share(top_first_count, Sample::kCount), 0.012) << top_first;
    // Common names are common, but not dominant.
    for (const char* name : {"Anna", "Maria", "Thomas", "Paul"}) {
        const auto it = s.first_names.find(name);
        ASSERT_NE(it, s.first_names.end()) << name;
        EXPECT_GE(share(it->second, Sample::kCount), 0.001) << name;
        EXPECT_LE(share(it->second, Sample::kCount), 0.012) << name;
    }
    const auto [top_last, top_last_count] = most_common(s.last_names);
    EXPECT_LE(share(top_last_count, Sample::kCount), 0.015) << top_last;
    const auto [top_city, top_city_count] = most_common(s.cities);
    EXPECT_LT(share(top_city_count, Sample::kCount), 0.003) << top_city;
    EXPECT_GT(share(top_city_count, Sample::kCount), 0.0008) << top_city;
    for (const char* city : {"München / Germany", "Paris / France", "Kraków / Poland"}) {
        const auto it = s.cities.find(city);
        ASSERT_NE(it, s.cities.end()) << city;
        EXPECT_NEAR(share(it->second, Sample::kCount), 0.001, 0.0006) << city;
    }
}

TEST(ContactGeneratorSample, RealNonAsciiSpellingsOccur) {
    const Sample& s = sample();
    for (const char* name : {"Łukasz", "Zoë", "Jiří", "Žofie", "Søren", "Ömer", "Guðrún", "Siobhán"}) {
        EXPECT_TRUE(s.first_names.count(name)) << name;
    }
    for (const char* name : {"Müller", "García", "Şahin", "Østergaard", "Nováková", "Kowalska",
                             "Jónsdóttir", "Παπαδόπουλος", "Ní Bhriain"}) {
        EXPECT_TRUE(s.last_names.count(name)) << name;
    }
    for (const char* city : {"São Paulo / Brazil", "München / Germany", "Düsseldorf / Germany",
                             "Kraków / Poland", "Łódź / Poland", "Zürich / Switzerland",
                             "Genève / Switzerland", "Göteborg / Sweden", "Malmö / Sweden",
                             "Ängelholm / Sweden", "Aarhus / Denmark", "Reykjavík / Iceland",
                             "İstanbul / Turkey", "Ciudad de México / Mexico", "Bogotá / Colombia",
                             "Montréal / Canada", "Αθήνα / Greece", "Tokyo / Japan"}) {
        EXPECT_TRUE(s.cities.count(city)) << city;
    }
    bool oster_street = false;
    for (const GeneratedContact& c : s.contacts) {
        if (c.has_address && c.street == "Østergade") oster_street = true;
    }
    EXPECT_TRUE(oster_street);
}

// Every entry of every table is reachable: the weighted and uniform picks
// cover their whole lists (an off-by-one would starve the last entries).
TEST(ContactGeneratorSample, EveryTableEntryOccurs) {
    std::unordered_set<std::string_view> first, last, streets, cities;
    for (const GeneratedContact& c : sample().contacts) {
        first.insert(c.first_name);
        last.insert(c.last_name);
        if (c.has_address) {
            streets.insert(c.street);
            cities.insert(c.city);
        }
    }
    for (std::size_t i = 0; i < gd::kCultureCount; ++i) {
        const gd::NameCulture& c = gd::kCultures[i];
        for (uint16_t k = 0; k < c.male.size; ++k) EXPECT_TRUE(first.count(c.male.items[k])) << c.male.items[k];
        for (uint16_t k = 0; k < c.female.size; ++k) EXPECT_TRUE(first.count(c.female.items[k])) << c.female.items[k];
        for (uint16_t k = 0; k < c.surname_count; ++k) {
            EXPECT_TRUE(last.count(c.surnames[k].male)) << c.surnames[k].male;
            if (!c.surnames[k].female.empty()) {
                EXPECT_TRUE(last.count(c.surnames[k].female)) << c.surnames[k].female;
            }
        }
    }
    for (std::size_t i = 0; i < gd::kStreetsCount; ++i) {
        for (uint16_t k = 0; k < gd::kStreetLists[i].size; ++k) {
            EXPECT_TRUE(streets.count(gd::kStreetLists[i].items[k])) << gd::kStreetLists[i].items[k];
        }
    }
    for (std::size_t r = 0; r < gd::kRegionCount; ++r) {
        for (uint16_t k = 0; k < gd::kRegions[r].cities.size; ++k) {
            EXPECT_TRUE(cities.count(gd::kRegions[r].cities.items[k])) << gd::kRegions[r].cities.items[k];
        }
    }
}

TEST(ContactGeneratorSample, FirstNamesFollowGenderAndCountry) {
    int german_first_names_in_japan = 0, in_japan = 0;
    std::set<std::string> japanese_female(gd::kCultures[gd::kCultureJapanese].female.items,
                                          gd::kCultures[gd::kCultureJapanese].female.items +
                                              gd::kCultures[gd::kCultureJapanese].female.size);
    int female_with_japanese_female_name = 0, female_in_japan = 0;
    const gd::StringList& german_male = gd::kCultures[gd::kCultureGerman].male;
    std::set<std::string> german(german_male.items, german_male.items + german_male.size);
    for (const GeneratedContact& c : sample().contacts) {
        if (c.country != "Japan") continue;
        ++in_japan;
        if (german.count(str(c.first_name))) ++german_first_names_in_japan;
        if (c.gender == 'F') {
            ++female_in_japan;
            if (japanese_female.count(str(c.first_name))) ++female_with_japanese_female_name;
        }
    }
    ASSERT_GT(in_japan, 1000);
    EXPECT_LT(share(german_first_names_in_japan, in_japan), 0.01);
    EXPECT_GT(share(female_with_japanese_female_name, female_in_japan), 0.9);
}

// ------------------------------------------------------------------ formats per country

// Shape matching for the format checks (std::regex is slow, and GCC 12 warns
// inside it under the sanitizers). In a shape, '9' is any digit, '1' a digit
// 1-9, 'A' an uppercase ASCII letter, 'X' an uppercase letter or a digit;
// every other character stands for itself.
bool matches_shape(std::string_view s, std::string_view shape) {
    if (s.size() != shape.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool digit = c >= '0' && c <= '9';
        const bool upper = c >= 'A' && c <= 'Z';
        switch (shape[i]) {
            case '9': if (!digit) return false; break;
            case '1': if (!digit || c == '0') return false; break;
            case 'A': if (!upper) return false; break;
            case 'X': if (!digit && !upper) return false; break;
            default: if (c != shape[i]) return false; break;
        }
    }
    return true;
}

bool matches_any(std::string_view s, const std::vector<std::string>& shapes) {
    for (const std::string& shape : shapes) {
        if (matches_shape(s, shape)) return true;
    }
    return false;
}

TEST(ContactGeneratorShape, MatcherWorks) {
    EXPECT_TRUE(matches_shape("80331", "99999"));
    EXPECT_FALSE(matches_shape("8033", "99999"));
    EXPECT_FALSE(matches_shape("8033a", "99999"));
    EXPECT_TRUE(matches_shape("SW1A 1AA", "AAXX 9AA"));
    EXPECT_FALSE(matches_shape("SW1A-1AA", "AAXX 9AA"));
    EXPECT_FALSE(matches_shape("0123", "1999"));
    EXPECT_TRUE(matches_any("K1A 0B1", {"A9A 9A9"}));
    EXPECT_FALSE(matches_any("K1A 0B1", {"9999", "A9A9A9"}));
}

TEST(ContactGeneratorSample, PostalCodesHaveTheCountrysFormat) {
    const std::map<std::string, std::vector<std::string>> formats = {
        {"Germany", {"99999"}},
        {"Austria", {"1999"}},
        {"Switzerland", {"1999"}},
        {"France", {"99999"}},
        {"Belgium", {"1999"}},
        {"Netherlands", {"1999 AA"}},
        {"Spain", {"99999"}},
        {"Portugal", {"1999-999"}},
        {"Brazil", {"99999-999"}},
        {"Italy", {"99999"}},
        {"United Kingdom", {"A9 9AA", "A99 9AA", "AA9 9AA", "AA99 9AA", "A9A 9AA", "AA9A 9AA"}},
        {"Ireland", {"A99 XXXX"}},
        {"Sweden", {"199 99"}},
        {"Norway", {"9999"}},
        {"Denmark", {"1999"}},
        {"Finland", {"99999"}},
        {"Iceland", {"199"}},
        {"Poland", {"99-999"}},
        {"Czechia", {"199 99"}},
        {"Hungary", {"1999"}},
        {"Romania", {"999999"}},
        {"Croatia", {"19999"}},
        {"Greece", {"199 99"}},
        {"Turkey", {"99999"}},
        {"United States", {"99999"}},
        {"Canada", {"A9A 9A9"}},
        {"Mexico", {"99999"}},
        {"Argentina", {"A9999"}},
        {"Colombia", {"999999"}},
        {"Chile", {"9999999"}},
        {"Japan", {"999-9999"}},
        {"Australia", {"9999"}},
    };
    std::set<std::string> checked;
    for (const GeneratedContact& c : sample().contacts) {
        if (!c.has_address) continue;
        const auto it = formats.find(str(c.country));
        ASSERT_NE(it, formats.end()) << "no postal format for " << c.country;
        ASSERT_TRUE(matches_any(c.city_code.view(), it->second))
            << c.country << ": '" << c.city_code.view() << "'";
        if (c.country == "Canada") {
            // Canadian postal codes never use D, F, I, O, Q, U; W and Z never first.
            for (char l : {c.city_code.data[0], c.city_code.data[2], c.city_code.data[5]}) {
                ASSERT_EQ(std::string_view("DFIOQU").find(l), std::string_view::npos) << c.city_code.view();
            }
            ASSERT_NE(c.city_code.data[0], 'W');
            ASSERT_NE(c.city_code.data[0], 'Z');
        }
        checked.insert(it->first);
    }
    EXPECT_EQ(checked.size(), formats.size());
}

TEST(ContactGeneratorSample, PostalPrefixAndAreaCodeAreStablePerCity) {
    // The first two digits of a German postal code, the UK postcode area and
    // the first letter of a Canadian postal code belong to the city.
    std::map<std::string, std::set<std::string>> prefixes;
    for (const GeneratedContact& c : sample().contacts) {
        if (!c.has_address) continue;
        const std::string code(c.city_code.view());
        if (c.country == "Germany") prefixes[str(c.city)].insert(code.substr(0, 2));
        if (c.city == "Manchester") {
            EXPECT_TRUE(code.size() > 2 && code[0] == 'M' && std::isdigit(static_cast<unsigned char>(code[1])))
                << code;
        }
        if (c.city == "Leeds") {
            EXPECT_EQ(code.substr(0, 2), "LS");
        }
        if (c.city == "Toronto") {
            EXPECT_EQ(code[0], 'M') << code;
        }
        if (c.city == "Montréal") {
            EXPECT_EQ(code[0], 'H') << code;
        }
    }
    ASSERT_GT(prefixes.size(), 50u);
    for (const auto& [city, set] : prefixes) EXPECT_EQ(set.size(), 1u) << city;
}

TEST(ContactGeneratorSample, PhoneNumbersHaveTheCountrysFormat) {
    // Real national formats, written with the country code.
    const std::map<std::string, std::vector<std::string>> formats = {
        {"Germany", {"+49 159 99999999", "+49 169 9999999", "+49 179 9999999", "+49 19 9999999",
                     "+49 199 99999999", "+49 1999 999999"}},
        {"France", {"+33 1 99 99 99 99"}},
        {"United Kingdom", {"+44 7999 999999", "+44 199 999 9999", "+44 1999 999999", "+44 20 9999 9999"}},
        {"United States", {"+1 199-199-9999"}},
        {"Canada", {"+1 199-199-9999"}},
        {"Spain", {"+34 999 999 999"}},
        {"Italy", {"+39 099 9999999", "+39 09 99999999", "+39 399 999 9999"}},
        {"Netherlands", {"+31 6 99999999", "+31 19 999 9999", "+31 199 999999"}},
        {"Poland", {"+48 19 999 99 99", "+48 999 999 999"}},
        {"Japan", {"+81 1-9999-9999", "+81 19-999-9999", "+81 199-99-9999", "+81 90-9999-9999",
                   "+81 80-9999-9999", "+81 70-9999-9999"}},
        {"Brazil", {"+55 19 9999-9999", "+55 19 99999-9999"}},
        {"Switzerland", {"+41 19 999 99 99"}},
        {"Sweden", {"+46 1 999 99 99", "+46 19 999 99 99"}},
        {"Greece", {"+30 299 999 9999", "+30 2999 999999", "+30 699 999 9999"}},
        {"Ireland", {"+353 1 999 9999", "+353 19 999 9999", "+353 89 999 9999"}},
        {"Australia", {"+61 1 9999 9999", "+61 499 999 999"}},
        {"Turkey", {"+90 199 999 99 99"}},
        {"Czechia", {"+420 199 999 999"}},
        {"Denmark", {"+45 19 99 99 99"}},
        {"Norway", {"+47 19 99 99 99", "+47 199 99 999"}},
    };
    std::set<std::string> checked;
    for (const GeneratedContact& c : sample().contacts) {
        if (!c.has_phone) continue;
        const std::string_view phone = c.phone_number.view();
        // Every number: "+<country code> " then digits, spaces and hyphens, ending in a digit.
        ASSERT_GE(phone.size(), 10u) << phone;
        ASSERT_EQ(phone[0], '+') << phone;
        ASSERT_TRUE(std::isdigit(static_cast<unsigned char>(phone.back()))) << phone;
        ASSERT_EQ(phone.find_first_not_of("+0123456789 -"), std::string_view::npos) << phone;
        ASSERT_EQ(phone.find('+', 1), std::string_view::npos) << phone;
        if (!c.has_address) continue;
        const auto it = formats.find(str(c.country));
        if (it == formats.end()) continue;
        ASSERT_TRUE(matches_any(phone, it->second)) << c.country << ": '" << phone << "'";
        checked.insert(it->first);
    }
    EXPECT_EQ(checked.size(), formats.size());
}

TEST(ContactGeneratorSample, HouseNumbersLookReal) {
    int with_letter = 0, european_count = 0;
    for (const GeneratedContact& c : sample().contacts) {
        if (!c.has_address) continue;
        const std::string_view n = c.street_number.view();
        ASSERT_FALSE(n.empty());
        ASSERT_NE(n[0], '0') << n;
        if (c.country == "Japan") {  // chome-ban-go
            ASSERT_TRUE(matches_any(n, {"1-1-1", "1-19-1", "1-1-19", "1-19-19"})) << n;
        } else if (c.country == "United States" || c.country == "Canada") {
            ASSERT_TRUE(matches_any(n, {"1", "19", "199", "1999"})) << n;
        } else {
            ASSERT_TRUE(matches_any(n, {"1", "19", "199"}) ||
                        (n.size() > 1 && n.back() >= 'a' && n.back() <= 'd' &&
                         matches_any(n.substr(0, n.size() - 1), {"1", "19", "199"})))
                << c.country << ": " << n;
            ++european_count;
            if (n.back() >= 'a') ++with_letter;
        }
    }
    EXPECT_NEAR(share(with_letter, european_count), 0.08, 0.01);
}

// ------------------------------------------------------------------ the data tables

void expect_list_ok(const gd::StringList& list, const std::string& what, bool unique = true) {
    EXPECT_GT(list.size, 0) << what;
    std::set<std::string_view> seen;
    for (uint16_t i = 0; i < list.size; ++i) {
        const std::string_view v = list.items[i];
        EXPECT_FALSE(v.empty()) << what << "[" << i << "]";
        EXPECT_TRUE(valid_utf8(v)) << what << "[" << i << "]";
        EXPECT_EQ(v, std::string(v).c_str()) << what << ": embedded NUL";
        EXPECT_NE(v.front(), ' ') << what << ": " << v;
        EXPECT_NE(v.back(), ' ') << what << ": " << v;
        if (unique) {
            EXPECT_TRUE(seen.insert(v).second) << what << ": duplicate " << v;
        }
    }
}

TEST(ContactGeneratorData, TablesAreValidUtf8WithoutDuplicates) {
    std::set<std::string_view> all_first, all_last;
    for (std::size_t i = 0; i < gd::kCultureCount; ++i) {
        const gd::NameCulture& c = gd::kCultures[i];
        expect_list_ok(c.male, std::string(c.code) + " male");
        expect_list_ok(c.female, std::string(c.code) + " female");
        std::set<std::string_view> seen;
        for (uint16_t k = 0; k < c.surname_count; ++k) {
            EXPECT_TRUE(valid_utf8(c.surnames[k].male));
            EXPECT_TRUE(valid_utf8(c.surnames[k].female));
            EXPECT_FALSE(c.surnames[k].male.empty());
            EXPECT_TRUE(seen.insert(c.surnames[k].male).second) << c.code << ": " << c.surnames[k].male;
            all_last.insert(c.surnames[k].male);
            if (!c.surnames[k].female.empty()) all_last.insert(c.surnames[k].female);
        }
        for (uint16_t k = 0; k < c.male.size; ++k) all_first.insert(c.male.items[k]);
        for (uint16_t k = 0; k < c.female.size; ++k) all_first.insert(c.female.items[k]);
        EXPECT_LE(c.male.size, gd::kMaxRankedList);
        EXPECT_LE(c.female.size, gd::kMaxRankedList);
        EXPECT_LE(c.surname_count, gd::kMaxRankedList);
    }
    EXPECT_GE(all_first.size(), 300u);
    EXPECT_GE(all_last.size(), 500u);
    for (std::size_t i = 0; i < gd::kStreetsCount; ++i) {
        expect_list_ok(gd::kStreetLists[i], "streets " + std::to_string(i));
        EXPECT_GE(gd::kStreetLists[i].size, 15) << i;
    }
    std::set<std::string_view> countries;
    uint32_t cities = 0;
    for (std::size_t r = 0; r < gd::kRegionCount; ++r) {
        const gd::Region& region = gd::kRegions[r];
        expect_list_ok(region.cities, std::string(region.country) + " cities");
        expect_list_ok(region.postal_patterns, std::string(region.country) + " postal");
        expect_list_ok(region.landline_patterns, std::string(region.country) + " landline");
        expect_list_ok(region.mobile_patterns, std::string(region.country) + " mobile");
        EXPECT_LT(region.culture, gd::kCultureCount);
        EXPECT_LE(region.alt_culture, gd::kCultureCount);
        EXPECT_LT(region.streets, gd::kStreetsCount);
        EXPECT_EQ(gd::kRegionCityStart[r], cities);
        cities += region.cities.size;
        countries.insert(region.country);
    }
    EXPECT_EQ(cities, gd::kCityCount);
    EXPECT_GE(gd::kCityCount, 1000u);
    EXPECT_GE(countries.size(), 30u);
}

}  // namespace
