#include "core/fields.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace contacts::core;

TEST(Fields, ContractColumnsInOrder) {
    const char* expected[] = {"id",           "first_name",    "last_name",  "gender",
                              "customer_id",  "phone_number",  "birthday",   "created",
                              "last_updated", "address_id",    "street",     "street_number",
                              "city_code",    "city",          "country",    "relationship_id",
                              "points",       "relationship_created",        "last_activity"};
    const auto& fields = all_fields();
    ASSERT_EQ(fields.size(), 19u);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        EXPECT_EQ(fields[i].name, expected[i]);
        EXPECT_EQ(fields[i].column, i);
        EXPECT_TRUE(fields[i].sortable);
    }
}

TEST(Fields, AliasesResolveToTheirColumn) {
    struct Case {
        const char* alias;
        const char* name;
        const char* sql;
    };
    const Case cases[] = {
        {"address__street", "street", "a.street"},
        {"address__street_number", "street_number", "a.street_number"},
        {"address__city_code", "city_code", "a.city_code"},
        {"address__city", "city", "a.city"},
        {"address__country", "country", "a.country"},
        {"address__id", "address_id", "u.address_id"},
        {"relationship__id", "relationship_id", "cr.id"},
        {"relationship__points", "points", "cr.points"},
        {"relationship__created", "relationship_created", "cr.created"},
        {"relationship__last_activity", "last_activity", "cr.last_activity"},
    };
    for (const Case& c : cases) {
        const Field* f = find_field(c.alias);
        ASSERT_NE(f, nullptr) << c.alias;
        EXPECT_EQ(f->name, c.name);
        EXPECT_EQ(f->sql, c.sql);
        EXPECT_EQ(find_field(c.name), f);
    }
}

TEST(Fields, TypesTablesAndNullability) {
    EXPECT_EQ(find_field("id")->type, FieldType::BigInt);
    EXPECT_FALSE(find_field("id")->nullable);
    EXPECT_EQ(find_field("points")->type, FieldType::Integer);
    EXPECT_EQ(find_field("birthday")->type, FieldType::Date);
    EXPECT_EQ(find_field("last_activity")->type, FieldType::TimestampTz);
    EXPECT_FALSE(find_field("first_name")->nullable);
    EXPECT_FALSE(find_field("created")->nullable);
    EXPECT_TRUE(find_field("phone_number")->nullable);
    // Columns of LEFT JOINed tables are nullable in the output.
    EXPECT_TRUE(find_field("city")->nullable);
    EXPECT_TRUE(find_field("points")->nullable);
    EXPECT_EQ(find_field("city")->table, Table::Address);
    EXPECT_EQ(find_field("points")->table, Table::Relationship);
    EXPECT_EQ(find_field("address_id")->table, Table::AppUser);
    EXPECT_EQ(&id_field(), find_field("id"));
}

TEST(Fields, UnknownNamesAreRejected) {
    for (const char* name : {"", "cursor", "ID", "address", "address__", "relationship__appuser_id",
                             "appuser_id", "u.id", "first_name ", "id;"}) {
        EXPECT_EQ(find_field(name), nullptr) << name;
    }
}

TEST(Fields, SqlExpressionsAreFixedIdentifiers) {
    std::set<std::string_view> seen;
    for (const Field& f : all_fields()) {
        EXPECT_TRUE(seen.insert(f.sql).second) << f.sql;
        for (char c : f.sql) {
            EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_' || c == '.') << f.sql;
        }
    }
}

TEST(Fields, AllowedNamesListsEverything) {
    std::string list = allowed_field_names();
    for (const Field& f : all_fields()) {
        EXPECT_NE(list.find(std::string(f.name)), std::string::npos);
        if (!f.alias.empty()) {
            EXPECT_NE(list.find(std::string(f.alias)), std::string::npos);
        }
    }
    EXPECT_EQ(list.rfind("id, first_name, last_name", 0), 0u);
}

TEST(Fields, NullTests) {
    // Own column for app_user fields and the relationship's nullable column;
    // "no joined row" for the NOT NULL columns of the joined tables.
    EXPECT_EQ(find_field("phone_number")->null_test_sql, "u.phone_number");
    EXPECT_EQ(find_field("address_id")->null_test_sql, "u.address_id");
    for (const char* f : {"street", "street_number", "city_code", "city", "country"}) {
        EXPECT_EQ(find_field(f)->null_test_sql, "a.id") << f;
    }
    for (const char* f : {"relationship_id", "points", "relationship_created"}) {
        EXPECT_EQ(find_field(f)->null_test_sql, "cr.appuser_id") << f;
    }
    EXPECT_EQ(find_field("last_activity")->null_test_sql, "cr.last_activity");
    for (const Field& f : all_fields()) {
        if (!f.nullable) {
            EXPECT_EQ(f.null_test_sql, f.sql) << f.name;
        }
    }
}
