// The search predicate by table and the branch split of a filter (search.hpp).
#include "core/search.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace contacts::core;

namespace {

struct Branches {
    std::vector<std::string> sql;
    std::vector<Param> params;
};

Branches branches(std::string_view filter) {
    FilterNode node = parse_filter(filter);
    ParamList params;
    SqlContext ctx;
    ctx.schema_sql = "s";
    ctx.params = &params;
    Branches b;
    b.sql = filter_branches(node, ctx);
    b.params = std::move(params).take();
    return b;
}

const std::string kUser =
    "(u.first_name OPERATOR(s.@~~) $1 OR u.last_name OPERATOR(s.@~~) $1 OR u.customer_id OPERATOR(s.@~~) $1 OR "
    "u.phone_number OPERATOR(s.@~~) $1)";
const std::string kAddress = "(a.street OPERATOR(s.@~~) $1 OR a.city OPERATOR(s.@~~) $1 OR a.country OPERATOR(s.@~~) $1)";

}  // namespace

TEST(SearchBranches, NoSearchIsOneBranch) {
    Branches b = branches(R"({"first_name": "Ann"})");
    ASSERT_EQ(b.sql.size(), 1u);
    EXPECT_EQ(b.sql[0], "u.first_name = $1");
    EXPECT_EQ(branches("{}").sql, std::vector<std::string>{"TRUE"});
    EXPECT_EQ(branches(R"({"search": "  "})").sql, std::vector<std::string>{"TRUE"});
}

TEST(SearchBranches, OneTermSplitsByTable) {
    Branches b = branches(R"({"search": "Müller"})");
    ASSERT_EQ(b.sql.size(), 2u);
    EXPECT_EQ(b.sql[0], kUser);
    EXPECT_EQ(b.sql[1], "(" + kAddress + " AND (" + kUser + ") IS NOT TRUE)");
    ASSERT_EQ(b.params.size(), 1u);
    EXPECT_EQ(b.params[0].text, "%muller%");
}

TEST(SearchBranches, TheLongestTermDrivesAndTheRestStays) {
    Branches b = branches(R"({"search": "ann berlin", "points__gte": 10})");
    ASSERT_EQ(b.sql.size(), 2u);
    // "berlin" drives; "ann" stays in the rest of the filter, as one predicate.
    ASSERT_EQ(b.params.size(), 3u);
    EXPECT_EQ(b.params[0].text, "%ann%");
    EXPECT_EQ(b.params[1].text, "10");
    EXPECT_EQ(b.params[2].text, "%berlin%");
    EXPECT_NE(b.sql[0].find("cr.points >= $2"), std::string::npos) << b.sql[0];
    EXPECT_NE(b.sql[0].find("u.first_name OPERATOR(s.@~~) $3"), std::string::npos) << b.sql[0];
    EXPECT_EQ(b.sql[0].find("a.street OPERATOR(s.@~~) $3"), std::string::npos) << b.sql[0];
    EXPECT_NE(b.sql[1].find("a.street OPERATOR(s.@~~) $3"), std::string::npos) << b.sql[1];
    EXPECT_NE(b.sql[1].find(") IS NOT TRUE"), std::string::npos) << b.sql[1];
    // Both branches keep the other term across all seven columns.
    for (const std::string& s : b.sql) EXPECT_NE(s.find("a.country OPERATOR(s.@~~) $1"), std::string::npos) << s;
}

TEST(SearchBranches, PhoneDigitsBelongToTheUserSide) {
    Branches b = branches(R"({"search": "30-1234"})");
    ASSERT_EQ(b.sql.size(), 2u);
    EXPECT_NE(b.sql[0].find("s.contacts_phone_digits(u.phone_number) OPERATOR(s.@~~) $2"), std::string::npos);
    EXPECT_EQ(b.params.at(1).text, "%301234%");
}

TEST(SearchBranches, NestedSearchIsNotSplit) {
    EXPECT_EQ(branches(R"({"not": {"search": "ann"}})").sql.size(), 1u);
    EXPECT_EQ(branches(R"({"or": [{"search": "ann"}, {"city": "Berlin"}]})").sql.size(), 1u);
}

TEST(SearchBranches, PhoneTermTestsDigitsInsteadOfTheRawPhoneNumber) {
    // "30-1234" in phone_number implies "301234" in its digits: the raw test is
    // redundant, and its word-start trigrams are the costliest index read.
    Branches b = branches(R"({"search": "30-1234"})");
    ASSERT_EQ(b.sql.size(), 2u);
    EXPECT_EQ(b.sql[0].find("u.phone_number OPERATOR(s.@~~) $1"), std::string::npos) << b.sql[0];
    EXPECT_NE(b.sql[0].find("u.customer_id OPERATOR(s.@~~) $1"), std::string::npos) << b.sql[0];
    EXPECT_NE(b.sql[0].find("s.contacts_phone_digits(u.phone_number) OPERATOR(s.@~~) $2"), std::string::npos) << b.sql[0];
    ASSERT_EQ(b.params.size(), 2u);
    EXPECT_EQ(b.params[1].text, "%301234%");
    // A term that is not phone-like keeps the raw test.
    Branches w = branches(R"({"search": "anna"})");
    EXPECT_NE(w.sql[0].find("u.phone_number OPERATOR(s.@~~) $1"), std::string::npos) << w.sql[0];
}
