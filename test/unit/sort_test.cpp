#include "core/sort.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/error.hpp"
#include "core/siphash.hpp"

using namespace contacts::core;

namespace {

Error sort_error(const std::vector<std::string>& entries) {
    try {
        parse_sort(entries);
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected a sort error";
    return Error(SqlState::InternalError, "none");
}

}  // namespace

TEST(SipHash, PaperTestVectors) {
    uint8_t key[16];
    for (int i = 0; i < 16; ++i) key[i] = static_cast<uint8_t>(i);
    uint8_t msg[64];
    for (int i = 0; i < 64; ++i) msg[i] = static_cast<uint8_t>(i);
    // From the SipHash paper (appendix A) and the reference implementation's vectors.
    EXPECT_EQ(siphash24(key, msg, 15), 0xa129ca6149be45e5ULL);
    EXPECT_EQ(siphash24(key, msg, 0), 0x726fdb47dd0e0e31ULL);
    EXPECT_EQ(siphash24(key, msg, 1), 0x74f839c593dc67fdULL);
    EXPECT_EQ(siphash24(key, msg, 8), 0x93f5f5799a932462ULL);
    EXPECT_EQ(siphash24(key, msg, 63), 0x958a324ceb064572ULL);
}

TEST(Sort, EmptyIsId) {
    SortSpec s = parse_sort({});
    ASSERT_EQ(s.keys.size(), 1u);
    EXPECT_EQ(s.keys[0].field, &id_field());
    EXPECT_FALSE(s.keys[0].descending);
    EXPECT_EQ(s.normalized(), "id");
    EXPECT_EQ(order_by_sql(s), "u.id ASC NULLS LAST");
}

TEST(Sort, IdAppendedAsTieBreaker) {
    SortSpec s = parse_sort({"-points", "last_name"});
    EXPECT_EQ(s.normalized(), "-points,last_name,id");
    EXPECT_EQ(order_by_sql(s), "cr.points DESC NULLS FIRST, u.last_name ASC NULLS LAST, u.id ASC NULLS LAST");
    EXPECT_EQ(order_by_sql(s, "s"), "s.points DESC NULLS FIRST, s.last_name ASC NULLS LAST, s.id ASC NULLS LAST");
}

TEST(Sort, ExplicitIdKeepsItsPlaceAndDirection) {
    EXPECT_EQ(parse_sort({"-id"}).normalized(), "-id");
    EXPECT_EQ(parse_sort({"city", "-id"}).normalized(), "city,-id");
    // Keys after the unique id can never matter: dropped.
    EXPECT_EQ(parse_sort({"id", "city"}).normalized(), "id");
    EXPECT_EQ(parse_sort({"id", "city"}).fingerprint(), parse_sort({}).fingerprint());
}

TEST(Sort, AliasesNormalize) {
    SortSpec a = parse_sort({"address__city", "-relationship__points"});
    SortSpec b = parse_sort({"city", "-points"});
    EXPECT_EQ(a.normalized(), "city,-points,id");
    EXPECT_EQ(a.fingerprint(), b.fingerprint());
    EXPECT_EQ(order_by_sql(a), "a.city ASC NULLS LAST, cr.points DESC NULLS FIRST, u.id ASC NULLS LAST");
}

TEST(Sort, EveryFieldBothDirections) {
    std::set<uint64_t> fingerprints;
    for (const Field& f : all_fields()) {
        for (bool desc : {false, true}) {
            std::string entry = (desc ? "-" : "") + std::string(f.name);
            SortSpec s = parse_sort({entry});
            EXPECT_EQ(s.keys[0].field, &f);
            EXPECT_EQ(s.keys[0].descending, desc);
            EXPECT_TRUE(fingerprints.insert(s.fingerprint()).second) << entry;
            std::string expected = std::string(f.sql) + (desc ? " DESC NULLS FIRST" : " ASC NULLS LAST");
            EXPECT_EQ(order_by_sql(s).rfind(expected, 0), 0u) << order_by_sql(s);
        }
    }
}

TEST(Sort, FingerprintDependsOnOrderAndDirection) {
    EXPECT_NE(parse_sort({"city", "points"}).fingerprint(), parse_sort({"points", "city"}).fingerprint());
    EXPECT_NE(parse_sort({"city"}).fingerprint(), parse_sort({"-city"}).fingerprint());
    EXPECT_NE(parse_sort({"city"}).fingerprint(), parse_sort({"city", "-id"}).fingerprint());
}

TEST(Sort, Reversed) {
    SortSpec s = parse_sort({"-points", "last_name"}).reversed();
    EXPECT_EQ(s.normalized(), "points,-last_name,-id");
    EXPECT_EQ(order_by_sql(s), "cr.points ASC NULLS LAST, u.last_name DESC NULLS FIRST, u.id DESC NULLS FIRST");
}

TEST(Sort, Errors) {
    Error e = sort_error({"nickname"});
    EXPECT_EQ(e.state(), SqlState::UndefinedColumn);
    EXPECT_STREQ(e.what(), "unknown sort field \"nickname\" in sort entry \"nickname\"");
    EXPECT_NE(e.detail().find("Allowed fields: id, first_name"), std::string::npos);

    e = sort_error({"-cursor"});
    EXPECT_EQ(e.state(), SqlState::UndefinedColumn);
    EXPECT_STREQ(e.what(), "unknown sort field \"cursor\" in sort entry \"-cursor\"");

    for (const std::vector<std::string>& bad :
         std::vector<std::vector<std::string>>{{"+city"}, {"--city"}, {"city "}, {"CITY"}, {"u.id"}, {"city,points"}}) {
        EXPECT_EQ(sort_error(bad).state(), SqlState::UndefinedColumn) << bad[0];
    }

    e = sort_error({"city", ""});
    EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
    EXPECT_STREQ(e.what(), "sort entry 2 is empty: expected a field name");
    e = sort_error({"-"});
    EXPECT_STREQ(e.what(), "sort entry 1 is \"-\": expected a field name");

    e = sort_error({"city", "-city"});
    EXPECT_EQ(e.state(), SqlState::InvalidParameterValue);
    EXPECT_STREQ(e.what(), "sort field \"city\" appears more than once (entry \"-city\")");
    e = sort_error({"city", "address__city"});
    EXPECT_STREQ(e.what(), "sort field \"city\" appears more than once (entry \"address__city\")");
    // Duplicates are found even after id.
    EXPECT_EQ(sort_error({"id", "city", "city"}).state(), SqlState::InvalidParameterValue);
    EXPECT_EQ(sort_error({"id", "-id"}).state(), SqlState::InvalidParameterValue);
}
