// Filter rendering: FilterNode → SQL predicate with $n parameters.
//
// NOT is pushed down to the leaves (De Morgan), carrying a `negated` flag, so
// each leaf decides how to negate itself two-valuedly: a condition that can
// be NULL (nullable field) becomes "(cond) IS NOT TRUE", one that cannot
// becomes "NOT (cond)", IS NULL becomes IS NOT NULL. In a positive position a
// leaf stays unwrapped: AND/OR are monotone, so in WHERE a NULL leaf acts
// exactly like FALSE there, and the bare comparison keeps indexes usable.
#include <cstdio>

#include "core/error.hpp"
#include "core/filter.hpp"
#include "core/sql_text.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core {

namespace {

struct Pred {
    std::string sql;
    bool can_be_null = false;
    std::string negated_sql;  // when non-empty: the exact two-valued negation
};

ParamType scalar_type(const Field& f, Transform t) {
    switch (t) {
        case Transform::Year:
        case Transform::Month:
        case Transform::Day: return ParamType::Int4;
        case Transform::Date: return ParamType::Date;
        default: break;
    }
    switch (f.type) {
        case FieldType::BigInt: return ParamType::Int8;
        case FieldType::Integer: return ParamType::Int4;
        case FieldType::Text: return ParamType::Text;
        case FieldType::Date: return ParamType::Date;
        case FieldType::TimestampTz: return ParamType::TimestampTz;
    }
    return ParamType::Text;
}

ParamType array_type(ParamType scalar) {
    switch (scalar) {
        case ParamType::Int8: return ParamType::Int8Array;
        case ParamType::Int4: return ParamType::Int4Array;
        case ParamType::Date: return ParamType::DateArray;
        case ParamType::TimestampTz: return ParamType::TimestampTzArray;
        default: return ParamType::TextArray;
    }
}

// The type of a column bound (year ranges bound the column itself).
ParamType column_type(const Field& f) { return scalar_type(f, Transform::None); }

std::string comparison_op(Lookup l) {
    switch (l) {
        case Lookup::Gt: return " > ";
        case Lookup::Gte: return " >= ";
        case Lookup::Lt: return " < ";
        case Lookup::Lte: return " <= ";
        default: return " = ";
    }
}

std::string year_start(const std::string& year) {
    // "1990" → "1990-01-01" (years are validated to 1..9999; the year after
    // 9999 is written as 10000-01-01, which PostgreSQL accepts).
    std::string y = year;
    while (y.size() < 4) y.insert(0, "0");
    return y + "-01-01";
}

std::string next_year(const std::string& year) { return std::to_string(std::stoll(year) + 1); }

class Renderer {
public:
    explicit Renderer(SqlContext& ctx) : ctx_(ctx) {}

    std::string render(const FilterNode& n, bool negated) {
        switch (n.kind) {
            case FilterNode::Kind::And:
            case FilterNode::Kind::Or: {
                bool is_and = (n.kind == FilterNode::Kind::And) != negated;
                if (n.children.empty()) {
                    // Empty AND is TRUE, empty OR is FALSE; negation swaps them.
                    return (n.kind == FilterNode::Kind::And) != negated ? "TRUE" : "FALSE";
                }
                std::vector<std::string> parts;
                for (const FilterNode& c : n.children) parts.push_back(render(c, negated));
                return sql::join_grouped(parts, is_and ? " AND " : " OR ");
            }
            case FilterNode::Kind::Not:
                return render(n.children.at(0), !negated);
            case FilterNode::Kind::Search: {
                if (n.terms.empty()) return negated ? "FALSE" : "TRUE";
                std::vector<std::string> parts;
                for (const SearchTerm& t : n.terms) {
                    std::string p = search_term_sql(t, ctx_);
                    // Some searched columns are nullable: negate two-valuedly.
                    parts.push_back(negated ? "(" + p + ") IS NOT TRUE" : p);
                }
                return sql::join_grouped(parts, negated ? " OR " : " AND ");
            }
            case FilterNode::Kind::Condition: {
                Pred p = condition(n.condition);
                if (!negated) return p.sql;
                if (!p.negated_sql.empty()) return p.negated_sql;
                if (p.can_be_null) return "(" + p.sql + ") IS NOT TRUE";
                return "NOT (" + p.sql + ")";
            }
        }
        throw Error(SqlState::InternalError, "unknown filter node");
    }

private:
    std::string param(ParamType type, std::string text, const Condition& c) {
        return ctx_.params->add_scalar(type, std::move(text), c.key);
    }

    Pred condition(const Condition& c) {
        const Field& f = *c.field;
        const std::string col(f.sql);
        Pred p;
        p.can_be_null = f.nullable;
        if (c.is_null_test) {
            // A transform of a non-NULL value is never NULL, so field__transform
            // IS NULL is the field IS NULL.
            // IS NULL through the field's null test (u.address_id for the
            // address columns, cr.appuser_id for the relationship's: see
            // fields.hpp); IS NOT NULL on the field itself.
            const std::string null_test = std::string(null_test_for(f, ctx_.address_rows_hidable)) + " IS NULL";
            const std::string not_null = col + " IS NOT NULL";
            p.sql = c.is_null_negated ? not_null : null_test;
            p.negated_sql = c.is_null_negated ? null_test : not_null;
            p.can_be_null = false;
            return p;
        }
        switch (c.transform) {
            case Transform::None: p.sql = plain(c, col); break;
            case Transform::Unaccent: p.sql = unaccent(c, col); break;
            case Transform::Year: p.sql = year(c, col); break;
            case Transform::Month: p.sql = extract(c, "MONTH", col); break;
            case Transform::Day: p.sql = extract(c, "DAY", col); break;
            case Transform::Date: p.sql = date(c, col); break;
        }
        return p;
    }

    // Shared by plain columns and EXTRACT(...) expressions.
    std::string ordering(const Condition& c, const std::string& expr, ParamType type) {
        switch (c.lookup) {
            case Lookup::Exact:
            case Lookup::Gt:
            case Lookup::Gte:
            case Lookup::Lt:
            case Lookup::Lte:
                return expr + comparison_op(c.lookup) + param(type, c.values.at(0), c);
            case Lookup::In:
                return expr + " = ANY(" + ctx_.params->add_array(array_type(type), c.values, c.key) + ")";
            case Lookup::Range: {
                std::string lo = param(type, c.values.at(0), c);
                std::string hi = param(type, c.values.at(1), c);
                return "(" + expr + " >= " + lo + " AND " + expr + " <= " + hi + ")";
            }
            default:
                throw Error(SqlState::InternalError,
                            "lookup " + std::string(lookup_name(c.lookup)) + " reached ordering()");
        }
    }

    // contacts_ext's text operators (see sql_text.hpp), schema-qualified.
    std::string op(const std::string& lhs, std::string_view name, const std::string& rhs) {
        return sql::op_expr(ctx_.schema_sql, lhs, name, rhs);
    }

    std::string plain(const Condition& c, const std::string& col) {
        const ParamType type = scalar_type(*c.field, c.transform);
        const std::string& v = c.values.empty() ? empty_ : c.values.front();
        using sql::Anchor;
        // Case-insensitive lookups are exactly ILIKE, through the ~~*@
        // operator: the same function as ILIKE, planned with contacts_ext's
        // estimate and served by the contacts_trgm_ops indexes. The
        // case-sensitive ones stay LIKE (PostgreSQL's prefix optimisation
        // serves startswith on a "C"-collated btree such as customer_id's,
        // and contacts_trgm_ops serves LIKE too).
        switch (c.lookup) {
            case Lookup::IExact: return op(col, "~~*@", param(type, sql::like_pattern(v, Anchor::Exact), c));
            case Lookup::Contains: return col + " LIKE " + param(type, sql::like_pattern(v, Anchor::Contains), c);
            case Lookup::IContains: return op(col, "~~*@", param(type, sql::like_pattern(v, Anchor::Contains), c));
            case Lookup::StartsWith: return col + " LIKE " + param(type, sql::like_pattern(v, Anchor::StartsWith), c);
            case Lookup::IStartsWith:
                return op(col, "~~*@", param(type, sql::like_pattern(v, Anchor::StartsWith), c));
            case Lookup::EndsWith: return col + " LIKE " + param(type, sql::like_pattern(v, Anchor::EndsWith), c);
            case Lookup::IEndsWith: return op(col, "~~*@", param(type, sql::like_pattern(v, Anchor::EndsWith), c));
            case Lookup::TrigramSimilar:
                // The operator folds both sides and reads the threshold GUC
                // (contacts_ext.similarity_threshold) when it runs.
                return op(col, "%~", param(type, v, c));
            default:
                return ordering(c, col, type);
        }
    }

    std::string unaccent(const Condition& c, const std::string& col) {
        // Both sides folded: the value here, in C++ (so the bound pattern is
        // what the index compares), the column by the @~~ operator.
        using sql::Anchor;
        Anchor anchor;
        switch (c.lookup) {
            case Lookup::Exact:
            case Lookup::IExact: anchor = Anchor::Exact; break;
            case Lookup::Contains:
            case Lookup::IContains: anchor = Anchor::Contains; break;
            case Lookup::StartsWith:
            case Lookup::IStartsWith: anchor = Anchor::StartsWith; break;
            case Lookup::EndsWith:
            case Lookup::IEndsWith: anchor = Anchor::EndsWith; break;
            default:
                throw Error(SqlState::InternalError, "lookup not valid after unaccent");
        }
        return op(col, "@~~", param(ParamType::Text, sql::folded_pattern(c.values.at(0), anchor), c));
    }

    std::string year(const Condition& c, const std::string& col) {
        // Index-friendly: a half-open range on the column itself, with bounds
        // typed like the column (timestamptz bounds are read in the session
        // time zone, as EXTRACT would).
        const ParamType type = column_type(*c.field);
        auto start = [&](const std::string& y) { return param(type, year_start(y), c); };
        switch (c.lookup) {
            case Lookup::Exact: {
                std::string lo = start(c.values.at(0));
                std::string hi = start(next_year(c.values.at(0)));
                return "(" + col + " >= " + lo + " AND " + col + " < " + hi + ")";
            }
            case Lookup::Gt: return col + " >= " + start(next_year(c.values.at(0)));
            case Lookup::Gte: return col + " >= " + start(c.values.at(0));
            case Lookup::Lt: return col + " < " + start(c.values.at(0));
            case Lookup::Lte: return col + " < " + start(next_year(c.values.at(0)));
            case Lookup::Range: {
                std::string lo = start(c.values.at(0));
                std::string hi = start(next_year(c.values.at(1)));
                return "(" + col + " >= " + lo + " AND " + col + " < " + hi + ")";
            }
            case Lookup::In:
                return extract(c, "YEAR", col);
            default:
                throw Error(SqlState::InternalError, "lookup not valid after year");
        }
    }

    std::string extract(const Condition& c, const char* part, const std::string& col) {
        // EXTRACT yields numeric; the integer parameter is promoted to it.
        return ordering(c, std::string("EXTRACT(") + part + " FROM " + col + ")", ParamType::Int4);
    }

    std::string date(const Condition& c, const std::string& col) {
        // The day d in the session time zone is [d 00:00, d+1 00:00): a range
        // on the timestamp column, so its index serves it.
        auto day_start = [](const std::string& p) { return "CAST(" + p + " AS pg_catalog.timestamptz)"; };
        auto day_end = [](const std::string& p) { return "CAST(" + p + " + 1 AS pg_catalog.timestamptz)"; };
        switch (c.lookup) {
            case Lookup::Exact: {
                std::string d = param(ParamType::Date, c.values.at(0), c);
                return "(" + col + " >= " + day_start(d) + " AND " + col + " < " + day_end(d) + ")";
            }
            case Lookup::Gt: return col + " >= " + day_end(param(ParamType::Date, c.values.at(0), c));
            case Lookup::Gte: return col + " >= " + day_start(param(ParamType::Date, c.values.at(0), c));
            case Lookup::Lt: return col + " < " + day_start(param(ParamType::Date, c.values.at(0), c));
            case Lookup::Lte: return col + " < " + day_end(param(ParamType::Date, c.values.at(0), c));
            case Lookup::Range: {
                std::string lo = param(ParamType::Date, c.values.at(0), c);
                std::string hi = param(ParamType::Date, c.values.at(1), c);
                return "(" + col + " >= " + day_start(lo) + " AND " + col + " < " + day_end(hi) + ")";
            }
            case Lookup::In:
                return "CAST(" + col + " AS pg_catalog.date) = ANY(" +
                       ctx_.params->add_array(ParamType::DateArray, c.values, c.key) + ")";
            default:
                throw Error(SqlState::InternalError, "lookup not valid after date");
        }
    }

    SqlContext& ctx_;
    const std::string empty_;
};

void collect_tables(const FilterNode& n, TableUse& use) {
    switch (n.kind) {
        case FilterNode::Kind::Condition:
            if (n.condition.field->table == Table::Address) use.address = true;
            if (n.condition.field->table == Table::Relationship) use.relationship = true;
            break;
        case FilterNode::Kind::Search:
            if (!n.terms.empty()) use.address = true;  // street, city, country
            break;
        default:
            for (const FilterNode& c : n.children) collect_tables(c, use);
    }
}

bool value_sensitive(const Condition& c) {
    if (c.is_null_test) return false;
    if (c.transform == Transform::Unaccent) return true;
    // iexact, (i)contains, (i)startswith, (i)endswith, trigram_similar
    return !is_ordering_lookup(c.lookup);
}

}  // namespace

bool selectivity_varies_by_value(const FilterNode& n) {
    switch (n.kind) {
        case FilterNode::Kind::Condition: return value_sensitive(n.condition);
        case FilterNode::Kind::Search: return !n.terms.empty();
        default:
            for (const FilterNode& c : n.children)
                if (selectivity_varies_by_value(c)) return true;
            return false;
    }
}

std::string filter_sql(const FilterNode& node, SqlContext& ctx) {
    if (ctx.params == nullptr) throw Error(SqlState::InternalError, "filter_sql without a parameter list");
    Renderer r(ctx);
    return r.render(node, false);
}

TableUse tables_used(const FilterNode& node) {
    TableUse use;
    collect_tables(node, use);
    return use;
}

}  // namespace contacts::core
