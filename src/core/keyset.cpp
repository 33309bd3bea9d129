#include "core/keyset.hpp"

#include <utility>

#include "core/error.hpp"
#include "core/sql_text.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core {

// --- expression constructors ------------------------------------------------------

namespace {

bool same(const KsExpr& a, const KsExpr& b) {
    if (a.kind != b.kind || a.key != b.key || a.end != b.end || a.op != b.op ||
        a.children.size() != b.children.size())
        return false;
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        if (!same(a.children[i], b.children[i])) return false;
    }
    return true;
}

// AND (is_and) or OR of parts, simplified: the neutral element is dropped,
// the absorbing one wins, nested groups of the same kind are flattened and
// exact duplicates removed.
KsExpr combine(bool is_and, std::vector<KsExpr> parts) {
    const KsExpr::Kind group = is_and ? KsExpr::Kind::And : KsExpr::Kind::Or;
    const KsExpr::Kind neutral = is_and ? KsExpr::Kind::True : KsExpr::Kind::False;
    const KsExpr::Kind absorbing = is_and ? KsExpr::Kind::False : KsExpr::Kind::True;
    std::vector<KsExpr> flat;
    auto add = [&](KsExpr e) {
        for (const KsExpr& f : flat) {
            if (same(f, e)) return;
        }
        flat.push_back(std::move(e));
    };
    for (KsExpr& p : parts) {
        if (p.kind == neutral) continue;
        if (p.kind == absorbing) return KsExpr::truth(!is_and);
        if (p.kind == group) {
            for (KsExpr& c : p.children) add(std::move(c));
        } else {
            add(std::move(p));
        }
    }
    if (flat.empty()) return KsExpr::truth(is_and);
    if (flat.size() == 1) return std::move(flat.front());
    KsExpr e;
    e.kind = group;
    e.children = std::move(flat);
    return e;
}

}  // namespace

KsExpr KsExpr::truth(bool v) {
    KsExpr e;
    e.kind = v ? Kind::True : Kind::False;
    return e;
}
KsExpr KsExpr::cmp(std::size_t key, CmpOp op) {
    KsExpr e;
    e.kind = Kind::Cmp;
    e.key = key;
    e.op = op;
    return e;
}
KsExpr KsExpr::row_cmp(std::size_t first, std::size_t end, CmpOp op) {
    KsExpr e;
    e.kind = Kind::RowCmp;
    e.key = first;
    e.end = end;
    e.op = op;
    return e;
}
KsExpr KsExpr::is_null(std::size_t key) {
    KsExpr e;
    e.kind = Kind::IsNull;
    e.key = key;
    return e;
}
KsExpr KsExpr::is_not_null(std::size_t key) {
    KsExpr e;
    e.kind = Kind::IsNotNull;
    e.key = key;
    return e;
}
KsExpr KsExpr::all(std::vector<KsExpr> parts) { return combine(true, std::move(parts)); }
KsExpr KsExpr::any(std::vector<KsExpr> parts) { return combine(false, std::move(parts)); }

// --- the plan -------------------------------------------------------------------------

namespace {

class Planner {
public:
    Planner(const SortSpec& spec, const std::vector<CursorValue>& cursor) : spec_(spec), c_(cursor) {}

    // Can key i be NULL in the rows considered? (The segment may know that
    // the leading key is not.)
    bool nullable(std::size_t i) const { return spec_.keys[i].field->nullable && !(i == 0 && leading_not_null_); }
    bool desc(std::size_t i) const { return spec_.keys[i].descending; }
    bool null_value(std::size_t i) const { return c_[i].is_null; }

    // Rows whose key i comes strictly after cursor value i.
    KsExpr after_key(std::size_t i) const {
        if (!desc(i)) {  // ASC NULLS LAST
            if (null_value(i)) return KsExpr::truth(false);
            if (nullable(i)) return KsExpr::any({KsExpr::cmp(i, CmpOp::Gt), KsExpr::is_null(i)});
            return KsExpr::cmp(i, CmpOp::Gt);
        }
        // DESC NULLS FIRST
        if (null_value(i)) return nullable(i) ? KsExpr::is_not_null(i) : KsExpr::truth(true);
        return KsExpr::cmp(i, CmpOp::Lt);
    }

    // Rows whose key i ties with cursor value i (NULL ties with NULL, as in ORDER BY).
    KsExpr equal_key(std::size_t i) const {
        if (null_value(i)) return nullable(i) ? KsExpr::is_null(i) : KsExpr::truth(false);
        return KsExpr::cmp(i, CmpOp::Eq);
    }

    // A row comparison is exact for keys i.. when they share a direction,
    // cannot be NULL and the cursor values are not NULL.
    bool row_comparable(std::size_t i) const {
        const std::size_t n = spec_.keys.size();
        if (n - i < 2) return false;
        for (std::size_t j = i; j < n; ++j) {
            if (desc(j) != desc(i) || nullable(j) || null_value(j)) return false;
        }
        return true;
    }

    // Rows after the cursor, deciding on keys i, i+1, ...
    KsExpr after_from(std::size_t i) const {
        const std::size_t n = spec_.keys.size();
        if (row_comparable(i)) return KsExpr::row_cmp(i, n, desc(i) ? CmpOp::Lt : CmpOp::Gt);
        KsExpr first = after_key(i);
        if (i + 1 == n) return first;
        return KsExpr::any({std::move(first), KsExpr::all({equal_key(i), after_from(i + 1)})});
    }

    // The redundant leading-key bound, when the exact predicate does not
    // already start with a plain comparison on key 0.
    KsExpr with_bound(KsExpr bound, KsExpr exact) const {
        bool redundant = (exact.kind == KsExpr::Kind::Cmp && exact.key == 0) ||
                         (exact.kind == KsExpr::Kind::RowCmp && exact.key == 0 &&
                          !spec_.keys[0].field->nullable);  // a RowCompare does not reduce a LEFT JOIN
        if (redundant) return exact;
        return KsExpr::all({std::move(bound), std::move(exact)});
    }

    // One segment holding every row (the leading key is NOT NULL, or no split).
    KeysetSegment whole() {
        leading_not_null_ = false;
        KeysetSegment s;
        s.rows = KeysetSegment::Rows::All;
        KsExpr exact = after_from(0);
        KsExpr bound = KsExpr::truth(true);
        if (!desc(0)) {
            if (null_value(0)) bound = KsExpr::is_null(0);
            else if (nullable(0)) bound = KsExpr::any({KsExpr::cmp(0, CmpOp::Ge), KsExpr::is_null(0)});
            else bound = KsExpr::cmp(0, CmpOp::Ge);
        } else if (!null_value(0)) {
            bound = KsExpr::cmp(0, CmpOp::Le);
        }
        s.predicate = with_bound(std::move(bound), std::move(exact));
        return s;
    }

    // The rows whose leading key is NOT NULL; nothing when all are before the cursor.
    bool not_null_segment(KeysetSegment& s) {
        leading_not_null_ = true;
        s.rows = KeysetSegment::Rows::LeadingNotNull;
        if (null_value(0)) {
            if (!desc(0)) return false;  // ASC: non-NULL values all precede the NULL cursor value
            s.predicate = KsExpr::is_not_null(0);  // DESC: they all follow it
            return true;
        }
        KsExpr bound = KsExpr::cmp(0, desc(0) ? CmpOp::Le : CmpOp::Ge);
        s.predicate = with_bound(std::move(bound), after_from(0));
        return true;
    }

    // The rows whose leading key is NULL; nothing when all are before the cursor.
    bool null_segment(KeysetSegment& s) {
        leading_not_null_ = false;
        s.rows = KeysetSegment::Rows::LeadingNull;
        if (!null_value(0)) {
            if (desc(0)) return false;  // DESC: NULLs precede every non-NULL cursor value
            s.predicate = KsExpr::is_null(0);  // ASC: they all follow it
            return true;
        }
        // Tied on the NULL leading key: the remaining keys decide.
        s.predicate = KsExpr::all({KsExpr::is_null(0), after_from(1)});
        return true;
    }

private:
    const SortSpec& spec_;
    const std::vector<CursorValue>& c_;
    bool leading_not_null_ = false;
};

}  // namespace

KeysetPlan plan_keyset(const SortSpec& effective, const std::vector<CursorValue>* cursor,
                       bool split_nullable_leading_key) {
    if (effective.keys.empty()) throw Error(SqlState::InternalError, "plan_keyset: empty sort");
    if (cursor != nullptr && cursor->size() != effective.keys.size()) {
        throw Error(SqlState::InternalError, "plan_keyset: cursor does not match the sort");
    }
    const bool split = split_nullable_leading_key && effective.keys[0].field->nullable;
    const bool leading_desc = effective.keys[0].descending;
    KeysetPlan plan;

    if (cursor == nullptr) {
        if (!split) {
            plan.segments.push_back(KeysetSegment{KeysetSegment::Rows::All, KsExpr::truth(true)});
            return plan;
        }
        KeysetSegment nn{KeysetSegment::Rows::LeadingNotNull, KsExpr::is_not_null(0)};
        KeysetSegment nl{KeysetSegment::Rows::LeadingNull, KsExpr::is_null(0)};
        // ASC NULLS LAST: non-NULL rows first; DESC NULLS FIRST: NULL rows first.
        if (leading_desc) {
            plan.segments = {nl, nn};
        } else {
            plan.segments = {nn, nl};
        }
        return plan;
    }

    for (std::size_t i = 0; i < cursor->size(); ++i) {
        if ((*cursor)[i].is_null && !effective.keys[i].field->nullable) {
            throw Error(SqlState::InternalError, "plan_keyset: NULL cursor value for a NOT NULL key");
        }
    }
    Planner p(effective, *cursor);
    if (!split) {
        plan.segments.push_back(p.whole());
        return plan;
    }
    KeysetSegment nn;
    KeysetSegment nl;
    bool has_nn = p.not_null_segment(nn);
    bool has_nl = p.null_segment(nl);
    if (leading_desc) {
        if (has_nl) plan.segments.push_back(std::move(nl));
        if (has_nn) plan.segments.push_back(std::move(nn));
    } else {
        if (has_nn) plan.segments.push_back(std::move(nn));
        if (has_nl) plan.segments.push_back(std::move(nl));
    }
    return plan;
}

// --- SQL ------------------------------------------------------------------------------

namespace {

const char* op_sql(CmpOp op) {
    switch (op) {
        case CmpOp::Lt: return " < ";
        case CmpOp::Le: return " <= ";
        case CmpOp::Eq: return " = ";
        case CmpOp::Ge: return " >= ";
        case CmpOp::Gt: return " > ";
    }
    return " = ";
}

}  // namespace

std::string keyset_sql(const KsExpr& e, const SortSpec& spec, const std::vector<std::string>& ph,
                       bool address_rows_hidable) {
    auto col = [&](std::size_t i) { return std::string(spec.keys.at(i).field->sql); };
    auto value = [&](std::size_t i) -> const std::string& {
        const std::string& p = ph.at(i);
        if (p.empty()) throw Error(SqlState::InternalError, "keyset_sql: no placeholder for key " + std::to_string(i));
        return p;
    };
    switch (e.kind) {
        case KsExpr::Kind::True: return "TRUE";
        case KsExpr::Kind::False: return "FALSE";
        case KsExpr::Kind::And:
        case KsExpr::Kind::Or: {
            std::vector<std::string> parts;
            for (const KsExpr& c : e.children) parts.push_back(keyset_sql(c, spec, ph, address_rows_hidable));
            return sql::join_grouped(parts, e.kind == KsExpr::Kind::And ? " AND " : " OR ");
        }
        case KsExpr::Kind::Cmp: return col(e.key) + op_sql(e.op) + value(e.key);
        case KsExpr::Kind::RowCmp: {
            std::string l = "(";
            std::string r = "(";
            for (std::size_t i = e.key; i < e.end; ++i) {
                if (i > e.key) {
                    l += ", ";
                    r += ", ";
                }
                l += col(i);
                r += value(i);
            }
            return l + ")" + op_sql(e.op) + r + ")";
        }
        case KsExpr::Kind::IsNull:
            return std::string(null_test_for(*spec.keys.at(e.key).field, address_rows_hidable)) + " IS NULL";
        case KsExpr::Kind::IsNotNull: return col(e.key) + " IS NOT NULL";
    }
    throw Error(SqlState::InternalError, "keyset_sql: unknown node");
}

}  // namespace contacts::core
