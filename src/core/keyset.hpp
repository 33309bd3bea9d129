// Keyset pagination: "the rows after this cursor" as a predicate, for any sort.
//
// The order being walked ("effective" order) is the requested sort for
// forward pages and its reverse for backward pages (SortSpec::reversed flips
// every direction and with it every NULL placement), so one construction
// serves both.
//
// The exact predicate is the lexicographic expansion
//     after(k1) OR (k1 = c1 AND after(k2)) OR (k1 = c1 AND k2 = c2 AND after(k3)) ...
// with NULL-aware pieces (PostgreSQL's default placement: NULLS LAST
// ascending, NULLS FIRST descending):
//     equal to NULL c            k IS NULL
//     ASC,  after non-NULL c     k > c OR k IS NULL     (NULLs come last)
//     ASC,  after NULL c         FALSE                  (nothing follows NULL but ties)
//     DESC, after NULL c         k IS NOT NULL          (NULLs came first)
//     DESC, after non-NULL c     k < c
// The expansion is simplified for the actual cursor (a NULL value changes the
// SQL text — fine, the plan cache keys on it), and a trailing run of keys
// that are known non-NULL, share one direction and have non-NULL cursor
// values becomes a row comparison (k2, k3, id) > ($2, $3, $4), which a
// composite btree index serves directly.
//
// Index friendliness. Each segment carries a redundant bound on the leading
// key (k1 >= c1, k1 <= c1, k1 IS NULL, k1 IS NOT NULL) so a btree on k1 can
// start the scan at the cursor. When k1 is nullable, "after c1" in an ASC
// order is (k1 >= c1 OR k1 IS NULL), which no single index range serves and
// which keeps a LEFT JOIN from being reduced to an inner join. So for a
// nullable leading key the rows are split into two segments, non-NULL k1 and
// NULL k1, in the effective order (ASC: non-NULL first; DESC: NULL first);
// each gets a bound a btree can serve, and segments wholly before the cursor
// are dropped. The query builder runs each live segment with its own ORDER
// BY ... LIMIT and merges them (UNION ALL, then ORDER BY ... LIMIT).
//
// "key IS NULL" is rendered through Field::null_test_sql (for the NOT NULL
// columns of a joined table: "there is no joined row"), which is equivalent
// and far better estimated and indexed than the joined column's IS NULL.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/cursor.hpp"
#include "core/sort.hpp"

namespace contacts::core {

enum class CmpOp { Lt, Le, Eq, Ge, Gt };

// A small boolean expression over "key i" and "cursor value i", kept as a
// tree so tests can evaluate it against rows (three-valued, like SQL).
struct KsExpr {
    enum class Kind { True, False, And, Or, Cmp, RowCmp, IsNull, IsNotNull };
    Kind kind = Kind::True;
    std::vector<KsExpr> children;  // And, Or
    std::size_t key = 0;           // Cmp, IsNull, IsNotNull: key index; RowCmp: first key
    std::size_t end = 0;           // RowCmp: one past the last key
    CmpOp op = CmpOp::Eq;          // Cmp, RowCmp: key(s) op cursor value(s)

    static KsExpr truth(bool v);
    static KsExpr cmp(std::size_t key, CmpOp op);
    static KsExpr row_cmp(std::size_t first, std::size_t end, CmpOp op);
    static KsExpr is_null(std::size_t key);
    static KsExpr is_not_null(std::size_t key);
    // Simplifying constructors: drop TRUE (AND) / FALSE (OR), short-circuit,
    // flatten nested groups of the same kind.
    static KsExpr all(std::vector<KsExpr> parts);
    static KsExpr any(std::vector<KsExpr> parts);
};

struct KeysetSegment {
    // Which rows of the leading key the segment holds.
    enum class Rows { All, LeadingNotNull, LeadingNull };
    Rows rows = Rows::All;
    KsExpr predicate;  // bound AND exact "after" predicate; TRUE when there is no cursor
};

struct KeysetPlan {
    std::vector<KeysetSegment> segments;  // 1 or 2, in the effective order
};

// cursor: the values of the row to start after, one per key of `effective`
// (nullptr: start at the beginning of the effective order).
// split_nullable_leading_key: split a nullable leading key into NOT NULL and
// NULL segments (see above); when false, one segment is produced.
KeysetPlan plan_keyset(const SortSpec& effective, const std::vector<CursorValue>* cursor,
                       bool split_nullable_leading_key = true);

// Renders e as SQL: key i is effective.keys[i].field->sql, cursor value i is
// placeholders[i] (only non-NULL values are ever referenced).
// address_rows_hidable: see null_test_for() (fields.hpp).
std::string keyset_sql(const KsExpr& e, const SortSpec& effective, const std::vector<std::string>& placeholders,
                       bool address_rows_hidable = true);

}  // namespace contacts::core
