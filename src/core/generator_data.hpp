// Static data tables behind generate_contact(): name cultures, street lists,
// countries (split into language regions) and their real cities, with the
// postal-code and phone-number patterns of each country.
//
// Everything here is constant-initialized (string_view literals and pointers
// into static arrays): no static constructors, no heap, safe to read from any
// thread at any time. The tables are defined in generator_names.cpp,
// generator_streets.cpp and generator_places.cpp; generator code reads them
// through these declarations only.
//
// Text is UTF-8, written as UTF-8 literals in the sources.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace contacts::core::gendata {

// A list of strings in static storage.
struct StringList {
    const std::string_view* items;
    uint16_t size;
};

// A StringList over a static array, its size checked at compile time.
template <std::size_t N>
constexpr StringList list(const std::string_view (&items)[N]) {
    static_assert(N > 0 && N < 65536, "bad list size");
    return StringList{items, static_cast<uint16_t>(N)};
}

// A family name with its feminine form where the language has one
// (Kowalski/Kowalska, Novák/Nováková, Jónsson/Jónsdóttir, Παπαδόπουλος/
// Παπαδοπούλου, Ó Briain/Ní Bhriain). `female` empty: same form for all.
struct Surname {
    std::string_view male;
    std::string_view female;
};

// First names and surnames of one culture, each list ordered from the most to
// the least common: the generator weights rank r by a Zipf-like 1/(r + k).
struct NameCulture {
    std::string_view code;  // for tests and debugging only, e.g. "de"
    StringList male;
    StringList female;
    const Surname* surnames;
    uint16_t surname_count;
};

// How house numbers look in a region.
enum class HouseStyle : uint8_t {
    European,       // "12", "7b", "104"
    NorthAmerican,  // "1250", "37" (wider range, no letters)
    Japanese,       // chome-ban-go: "2-14-3"
};

// Pattern language of the postal and phone patterns (see expand_pattern in
// contact_generator.cpp):
//   '#' random digit 0-9       'N' random digit 2-9      'A' random letter
//   'c' city digit 0-9         'C' city digit 1-9        'D' city digit 2-9
//   'L' city letter            '@' the city's code from Region::city_codes
//   'K' random letter valid in Canadian postal codes
// City characters are derived from a hash of the city, so one city always has
// the same postal prefix and area code; everything else is literal.
// Letters are drawn from kPatternLetters (the letters valid in UK inward codes,
// also fine for NL, CA, IE and AR).
inline constexpr std::string_view kPatternLetters = "ABDEFGHJLNPQRSTUWXYZ";
inline constexpr std::string_view kCanadianLetters = "ABCEGHJKLMNPRSTVWXYZ";

// One language region of a country: a country with several languages
// (Switzerland, Belgium, Canada) has several regions with disjoint cities, so a
// contact in Genève gets French names and French street names.
struct Region {
    std::string_view country;   // English country name, e.g. "Germany"
    uint8_t culture;            // index into kCultures
    uint8_t alt_culture;        // second culture of the region's people ...
    uint8_t alt_percent;        // ... chosen for this percentage of contacts
    uint8_t streets;            // index into kStreetLists
    HouseStyle house;
    StringList postal_patterns;
    StringList landline_patterns;
    StringList mobile_patterns;
    StringList cities;
    const std::string_view* city_codes;  // per-city code for '@' (same size as cities) or nullptr
};

// Name cultures.
enum Culture : uint8_t {
    kCultureGerman,
    kCultureFrench,
    kCultureSpanish,
    kCultureItalian,
    kCulturePortuguese,
    kCultureDutch,
    kCultureEnglish,
    kCultureIrish,
    kCultureSwedish,
    kCultureNorwegian,
    kCultureDanish,
    kCultureFinnish,
    kCultureIcelandic,
    kCulturePolish,
    kCultureCzech,
    kCultureHungarian,
    kCultureRomanian,
    kCultureCroatian,
    kCultureGreek,
    kCultureTurkish,
    kCultureJapanese,
    kCultureCount
};

// Street-name lists.
enum Streets : uint8_t {
    kStreetsGermany,
    kStreetsAustria,
    kStreetsSwissGerman,
    kStreetsFrench,
    kStreetsItalian,
    kStreetsSpain,
    kStreetsMexico,
    kStreetsArgentina,
    kStreetsColombia,
    kStreetsChile,
    kStreetsPortugal,
    kStreetsBrazil,
    kStreetsDutch,
    kStreetsUK,
    kStreetsIreland,
    kStreetsUS,
    kStreetsCanada,
    kStreetsAustralia,
    kStreetsSweden,
    kStreetsNorway,
    kStreetsDenmark,
    kStreetsFinland,
    kStreetsIceland,
    kStreetsPoland,
    kStreetsCzechia,
    kStreetsHungary,
    kStreetsRomania,
    kStreetsCroatia,
    kStreetsGreece,
    kStreetsTurkey,
    kStreetsJapan,
    kStreetsCount
};

// Longest ranked name list the generator's weight tables cover.
inline constexpr std::size_t kMaxRankedList = 128;

extern const NameCulture kCultures[kCultureCount];
extern const StringList kStreetLists[kStreetsCount];

extern const Region kRegions[];
extern const std::size_t kRegionCount;
// kRegionCityStart[i] is the global index of region i's first city;
// kRegionCityStart[kRegionCount] is the total number of cities.
extern const uint32_t* const kRegionCityStart;
extern const uint32_t kCityCount;

// Cities are not all equally common: each region's city list starts with its
// largest cities. A country's first 10 cities have weight 4, its next 20
// weight 2, the rest weight 1; a country split into language regions shares
// those tiers among its regions in proportion to their sizes (CityTiers). So a
// big city (Berlin, Lyon, Kraków) matches ~0.12% of contacts, a small one
// ~0.03%, and none more than ~0.15%.
inline constexpr uint32_t kBigCityCount = 10;
inline constexpr uint32_t kMidCityCount = 20;
inline constexpr uint32_t kBigCityWeight = 4;
inline constexpr uint32_t kMidCityWeight = 2;

// The weight tiers of one region: its first `big` cities have weight
// kBigCityWeight, the next `mid` kMidCityWeight, the rest 1.
struct CityTiers {
    uint32_t big;
    uint32_t mid;

    constexpr uint32_t weight(uint32_t i) const {
        return i < big ? kBigCityWeight : i < big + mid ? kMidCityWeight : 1;
    }
    // Sum of weight(i) for i < n.
    constexpr uint32_t total(uint32_t n) const {
        uint32_t w = 0;
        for (uint32_t i = 0; i < n; ++i) w += weight(i);
        return w;
    }
    // The city whose weight interval contains offset x.
    constexpr uint32_t city_at(uint32_t x) const {
        const uint32_t b = big * kBigCityWeight;
        const uint32_t m = mid * kMidCityWeight;
        if (x < b) return x / kBigCityWeight;
        if (x < b + m) return big + (x - b) / kMidCityWeight;
        return big + mid + (x - b - m);
    }
};

// Per region: its weight tiers; kRegionWeightStart[i] is the summed weight of
// regions 0..i-1, and kRegionWeightStart[kRegionCount] == kTotalCityWeight.
extern const CityTiers* const kRegionTiers;
extern const uint32_t* const kRegionWeightStart;
extern const uint32_t kTotalCityWeight;

}  // namespace contacts::core::gendata
