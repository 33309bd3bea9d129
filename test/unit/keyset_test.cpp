// The keyset predicate is checked exhaustively: for many sorts (every
// combination of nullable / NOT NULL keys, directions and lengths), every row
// over a small domain with NULLs, and every cursor, the plan's predicate
// (evaluated three-valued, as SQL does) must be TRUE exactly when a reference
// comparator puts the row after the cursor.
#include "core/keyset.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>

#include "core/error.hpp"

using namespace contacts::core;

namespace {

using Row = std::vector<std::optional<std::string>>;
enum class TV { False, Null, True };

int compare_values(const Field& f, const std::string& a, const std::string& b) {
    if (f.type == FieldType::BigInt || f.type == FieldType::Integer) {
        long long x = std::stoll(a), y = std::stoll(b);
        return x < y ? -1 : x > y;
    }
    return a < b ? -1 : a > b;  // text (C collation) and ISO dates
}

// Reference: position of row a relative to row b in the sort (−1 before, 0 tie, 1 after).
int reference(const SortSpec& spec, const Row& a, const Row& b) {
    for (std::size_t i = 0; i < spec.keys.size(); ++i) {
        int c;
        if (!a[i] && !b[i]) c = 0;
        else if (!a[i]) c = 1;   // NULL sorts as larger than any value: last ASC, first DESC
        else if (!b[i]) c = -1;
        else c = compare_values(*spec.keys[i].field, *a[i], *b[i]);
        if (spec.keys[i].descending) c = -c;
        if (c != 0) return c;
    }
    return 0;
}

TV tv(bool b) { return b ? TV::True : TV::False; }

TV apply(CmpOp op, int c) {
    switch (op) {
        case CmpOp::Lt: return tv(c < 0);
        case CmpOp::Le: return tv(c <= 0);
        case CmpOp::Eq: return tv(c == 0);
        case CmpOp::Ge: return tv(c >= 0);
        case CmpOp::Gt: return tv(c > 0);
    }
    return TV::Null;
}

// SQL semantics, three-valued.
TV eval(const KsExpr& e, const SortSpec& spec, const Row& r, const Row& c) {
    switch (e.kind) {
        case KsExpr::Kind::True: return TV::True;
        case KsExpr::Kind::False: return TV::False;
        case KsExpr::Kind::And: {
            TV out = TV::True;
            for (const KsExpr& x : e.children) {
                TV v = eval(x, spec, r, c);
                if (v == TV::False) return TV::False;
                if (v == TV::Null) out = TV::Null;
            }
            return out;
        }
        case KsExpr::Kind::Or: {
            TV out = TV::False;
            for (const KsExpr& x : e.children) {
                TV v = eval(x, spec, r, c);
                if (v == TV::True) return TV::True;
                if (v == TV::Null) out = TV::Null;
            }
            return out;
        }
        case KsExpr::Kind::Cmp: {
            EXPECT_TRUE(c[e.key].has_value()) << "a NULL cursor value must never be compared";
            if (!r[e.key] || !c[e.key]) return TV::Null;
            return apply(e.op, compare_values(*spec.keys[e.key].field, *r[e.key], *c[e.key]));
        }
        case KsExpr::Kind::RowCmp: {
            // PostgreSQL: decided by the first pair that is unequal or involves NULL.
            for (std::size_t i = e.key; i < e.end; ++i) {
                EXPECT_TRUE(c[i].has_value());
                if (!r[i] || !c[i]) return TV::Null;
                int cmp = compare_values(*spec.keys[i].field, *r[i], *c[i]);
                if (cmp != 0) return apply(e.op, cmp);
            }
            return apply(e.op, 0);
        }
        case KsExpr::Kind::IsNull: return tv(!r[e.key]);
        case KsExpr::Kind::IsNotNull: return tv(r[e.key].has_value());
    }
    return TV::Null;
}

std::vector<std::optional<std::string>> domain(const Field& f) {
    std::vector<std::optional<std::string>> d;
    if (f.nullable) d.push_back(std::nullopt);
    switch (f.type) {
        case FieldType::BigInt:
        case FieldType::Integer: d.push_back("-5"); d.push_back("10"); break;  // numeric, not lexical, order
        case FieldType::Text: d.push_back("a"); d.push_back("b"); break;
        default: d.push_back("2000-01-01"); d.push_back("2000-01-02"); break;
    }
    return d;
}

std::vector<Row> all_rows(const SortSpec& spec) {
    std::vector<Row> rows{Row{}};
    for (const SortKey& k : spec.keys) {
        std::vector<Row> next;
        for (const Row& r : rows) {
            for (const auto& v : domain(*k.field)) {
                Row x = r;
                x.push_back(v);
                next.push_back(x);
            }
        }
        rows = std::move(next);
    }
    return rows;
}

std::vector<CursorValue> as_cursor(const Row& r) {
    std::vector<CursorValue> c;
    for (const auto& v : r) c.push_back(v ? CursorValue::of(*v) : CursorValue::null());
    return c;
}

// Checks every property of a plan for one sort; returns the number of (row, cursor) pairs.
std::size_t check_sort(const SortSpec& spec, bool split) {
    const std::vector<Row> rows = all_rows(spec);
    std::size_t pairs = 0;
    auto check_plan = [&](const KeysetPlan& plan, const Row* cursor) {
        const std::size_t nseg = plan.segments.size();
        EXPECT_GE(nseg, 1u);
        EXPECT_LE(nseg, 2u);
        const bool leading_nullable = spec.keys[0].field->nullable;
        if (!split || !leading_nullable) {
            EXPECT_EQ(nseg, 1u);
            EXPECT_EQ(plan.segments[0].rows, KeysetSegment::Rows::All);
        }
        for (const Row& r : rows) {
            ++pairs;
            bool expected = cursor == nullptr || reference(spec, r, *cursor) > 0;
            int matched = 0;
            for (std::size_t s = 0; s < nseg; ++s) {
                const KeysetSegment& seg = plan.segments[s];
                TV v = eval(seg.predicate, spec, r, cursor ? *cursor : Row(spec.keys.size()));
                if (v != TV::True) continue;
                ++matched;
                if (seg.rows == KeysetSegment::Rows::LeadingNotNull) {
                    EXPECT_TRUE(r[0].has_value());
                }
                if (seg.rows == KeysetSegment::Rows::LeadingNull) {
                    EXPECT_FALSE(r[0].has_value());
                }
            }
            EXPECT_LE(matched, 1) << "segments overlap for " << spec.normalized();
            if ((matched == 1) != expected) {
                ADD_FAILURE() << "sort " << spec.normalized() << (split ? " (split)" : "")
                              << ": wrong answer for a row";
                return;
            }
        }
        // Segment order follows the sort: ASC puts non-NULL leading keys first.
        if (nseg == 2) {
            bool desc = spec.keys[0].descending;
            EXPECT_EQ(plan.segments[0].rows,
                      desc ? KeysetSegment::Rows::LeadingNull : KeysetSegment::Rows::LeadingNotNull);
            EXPECT_EQ(plan.segments[1].rows,
                      desc ? KeysetSegment::Rows::LeadingNotNull : KeysetSegment::Rows::LeadingNull);
        }
    };
    check_plan(plan_keyset(spec, nullptr, split), nullptr);
    for (const Row& c : rows) {
        std::vector<CursorValue> cv = as_cursor(c);
        check_plan(plan_keyset(spec, &cv, split), &c);
    }
    return pairs;
}

SortSpec spec_of(std::vector<std::string> entries) { return parse_sort(entries); }

std::string sql_of(const KsExpr& e, const SortSpec& spec) {
    std::vector<std::string> ph;
    for (std::size_t i = 0; i < spec.keys.size(); ++i) ph.push_back("$" + std::to_string(i + 1));
    return keyset_sql(e, spec, ph);
}

}  // namespace

TEST(Keyset, ExhaustiveTruthTables) {
    // Nullable and NOT NULL keys of every type, from all three tables.
    const char* names[] = {"city", "last_name", "points", "birthday", "created", "phone_number"};
    std::size_t pairs = 0, sorts = 0;
    std::function<void(std::vector<std::string>&, std::size_t)> rec = [&](std::vector<std::string>& cur,
                                                                           std::size_t depth) {
        for (bool id_desc : {false, true}) {
            std::vector<std::string> entries = cur;
            entries.push_back(id_desc ? "-id" : "id");
            SortSpec spec = spec_of(entries);
            for (bool split : {true, false}) pairs += check_sort(spec, split);
            ++sorts;
            if (::testing::Test::HasFailure()) return;
        }
        if (depth == 3) return;
        for (const char* n : names) {
            bool used = false;
            for (const std::string& e : cur) used |= e == n || e == std::string("-") + n;
            if (used) continue;
            for (bool desc : {false, true}) {
                cur.push_back(desc ? std::string("-") + n : std::string(n));
                rec(cur, depth + 1);
                cur.pop_back();
                if (::testing::Test::HasFailure()) return;
            }
        }
    };
    std::vector<std::string> cur;
    rec(cur, 0);
    EXPECT_EQ(sorts, 2u * (1 + 12 + 120 + 960));
    EXPECT_GT(pairs, 1000000u);
}

TEST(Keyset, ReversedSortIsBackwardPaging) {
    // "Before c in S" must equal "after c in reversed(S)".
    SortSpec spec = spec_of({"-points", "city"});
    SortSpec rev = spec.reversed();
    for (const Row& c : all_rows(spec)) {
        std::vector<CursorValue> cv = as_cursor(c);
        KeysetPlan plan = plan_keyset(rev, &cv);
        for (const Row& r : all_rows(spec)) {
            bool before = reference(spec, r, c) < 0;
            bool matched = false;
            for (const KeysetSegment& s : plan.segments) matched |= eval(s.predicate, rev, r, c) == TV::True;
            ASSERT_EQ(matched, before);
        }
    }
}

TEST(Keyset, SqlForNotNullKeysUsesRowComparison) {
    SortSpec spec = spec_of({"last_name", "first_name"});
    std::vector<CursorValue> c = {CursorValue::of("a"), CursorValue::of("b"), CursorValue::of("1")};
    KeysetPlan plan = plan_keyset(spec, &c);
    ASSERT_EQ(plan.segments.size(), 1u);
    // The row comparison leads with last_name: a btree on last_name (alone or
    // composite) serves it, so no separate bound is added.
    EXPECT_EQ(sql_of(plan.segments[0].predicate, spec), "(u.last_name, u.first_name, u.id) > ($1, $2, $3)");
    SortSpec by_id = spec_of({});
    std::vector<CursorValue> one = {CursorValue::of("7")};
    EXPECT_EQ(sql_of(plan_keyset(by_id, &one).segments[0].predicate, by_id), "u.id > $1");
    EXPECT_EQ(sql_of(plan_keyset(by_id.reversed(), &one).segments[0].predicate, by_id), "u.id < $1");
}

TEST(Keyset, SqlForMixedDirections) {
    SortSpec spec = spec_of({"-created", "last_name"});
    std::vector<CursorValue> c = {CursorValue::of("2024-01-01"), CursorValue::of("x"), CursorValue::of("1")};
    EXPECT_EQ(sql_of(plan_keyset(spec, &c).segments[0].predicate, spec),
              "(u.created <= $1 AND (u.created < $1 OR (u.created = $1 AND (u.last_name, u.id) > ($2, $3))))");
}

TEST(Keyset, SqlForNullableLeadingKeySplits) {
    SortSpec spec = spec_of({"city"});
    std::vector<CursorValue> c = {CursorValue::of("Berlin"), CursorValue::of("9")};
    KeysetPlan plan = plan_keyset(spec, &c);
    ASSERT_EQ(plan.segments.size(), 2u);
    EXPECT_EQ(plan.segments[0].rows, KeysetSegment::Rows::LeadingNotNull);
    EXPECT_EQ(sql_of(plan.segments[0].predicate, spec), "(a.city >= $1 AND (a.city, u.id) > ($1, $2))");
    // "city IS NULL" is tested as "no address" (see Field::null_test_sql).
    EXPECT_EQ(sql_of(plan.segments[1].predicate, spec), "a.id IS NULL");
    // NULL cursor value, ASC: only NULL rows follow, ordered by the rest.
    std::vector<CursorValue> n = {CursorValue::null(), CursorValue::of("9")};
    plan = plan_keyset(spec, &n);
    ASSERT_EQ(plan.segments.size(), 1u);
    EXPECT_EQ(sql_of(plan.segments[0].predicate, spec), "(a.id IS NULL AND u.id > $2)");
    // DESC: NULLs first; after a NULL value come the remaining NULLs, then every non-NULL.
    SortSpec desc = spec_of({"-points", "last_name"});
    std::vector<CursorValue> dn = {CursorValue::null(), CursorValue::of("x"), CursorValue::of("9")};
    plan = plan_keyset(desc, &dn);
    ASSERT_EQ(plan.segments.size(), 2u);
    EXPECT_EQ(sql_of(plan.segments[0].predicate, desc), "(cr.appuser_id IS NULL AND (u.last_name, u.id) > ($2, $3))");
    EXPECT_EQ(sql_of(plan.segments[1].predicate, desc), "cr.points IS NOT NULL");
    std::vector<CursorValue> dv = {CursorValue::of("100"), CursorValue::of("x"), CursorValue::of("9")};
    plan = plan_keyset(desc, &dv);
    ASSERT_EQ(plan.segments.size(), 1u);
    EXPECT_EQ(sql_of(plan.segments[0].predicate, desc),
              "(cr.points <= $1 AND (cr.points < $1 OR (cr.points = $1 AND (u.last_name, u.id) > ($2, $3))))");
    // No cursor: both segments, in sort order.
    plan = plan_keyset(desc, nullptr);
    ASSERT_EQ(plan.segments.size(), 2u);
    EXPECT_EQ(sql_of(plan.segments[0].predicate, desc), "cr.appuser_id IS NULL");
    EXPECT_EQ(sql_of(plan.segments[1].predicate, desc), "cr.points IS NOT NULL");
}

TEST(Keyset, SqlWithoutSplit) {
    SortSpec spec = spec_of({"city", "-birthday"});
    std::vector<CursorValue> c = {CursorValue::of("B"), CursorValue::null(), CursorValue::of("3")};
    KeysetPlan plan = plan_keyset(spec, &c, false);
    ASSERT_EQ(plan.segments.size(), 1u);
    EXPECT_EQ(sql_of(plan.segments[0].predicate, spec),
              "((a.city >= $1 OR a.id IS NULL) AND (a.city > $1 OR a.id IS NULL OR (a.city = $1 AND "
              "(u.birthday IS NOT NULL OR (u.birthday IS NULL AND u.id > $3)))))");
    EXPECT_EQ(sql_of(plan_keyset(spec, nullptr, false).segments[0].predicate, spec), "TRUE");
}

TEST(Keyset, NullCursorValueIsNeverBound) {
    // keyset_sql must not need a placeholder for a NULL value.
    SortSpec spec = spec_of({"city", "phone_number"});
    std::vector<CursorValue> c = {CursorValue::null(), CursorValue::null(), CursorValue::of("3")};
    std::vector<std::string> ph = {"", "", "$1"};
    for (const KeysetSegment& s : plan_keyset(spec, &c).segments) {
        EXPECT_NO_THROW(keyset_sql(s.predicate, spec, ph));
    }
    EXPECT_EQ(keyset_sql(plan_keyset(spec, &c).segments[0].predicate, spec, ph),
              "(a.id IS NULL AND u.phone_number IS NULL AND u.id > $1)");
}

TEST(Keyset, CallerBugsAreInternalErrors) {
    SortSpec spec = spec_of({"last_name"});
    std::vector<CursorValue> short_cursor = {CursorValue::of("x")};
    EXPECT_THROW(plan_keyset(spec, &short_cursor), Error);
    std::vector<CursorValue> null_not_null = {CursorValue::null(), CursorValue::of("1")};
    try {
        plan_keyset(spec, &null_not_null);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.state(), SqlState::InternalError);
    }
}
