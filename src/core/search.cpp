// The "search" key: term splitting, the per-term predicate (see search.hpp).
#include "core/search.hpp"
#include "core/sql_text.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core {

namespace {

// Unicode's White_Space property (PropList.txt), so a no-break or
// ideographic space separates terms too.
bool is_white_space(char32_t cp) {
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

// Digits of a phone-like term ("+49 (30) 1234" style punctuation only, at
// least 3 digits), else "".
std::string phone_digits(std::string_view term) {
    std::string digits;
    for (char c : term) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
        } else if (c != '+' && c != '(' && c != ')' && c != '-' && c != '.' && c != '/') {
            return "";
        }
    }
    return digits.size() >= 3 ? digits : "";
}

}  // namespace

std::vector<SearchTerm> split_search_terms(std::string_view text, std::size_t max_terms) {
    std::vector<SearchTerm> terms;
    std::size_t i = 0;
    std::size_t start = std::string_view::npos;
    auto flush = [&](std::size_t end) {
        if (start == std::string_view::npos) return;
        if (terms.size() >= max_terms) {
            throw Error(SqlState::ProgramLimitExceeded,
                        "\"search\" has too many terms (more than " + std::to_string(max_terms) + ")");
        }
        SearchTerm t;
        t.text = std::string(text.substr(start, end - start));
        t.digits = phone_digits(t.text);
        terms.push_back(std::move(t));
        start = std::string_view::npos;
    };
    // The text is valid UTF-8 (it comes from the JSON parser); the lenient
    // decoder only keeps a stray byte from being read past.
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    while (i < text.size()) {
        char32_t cp = 0;
        const auto len = static_cast<std::size_t>(utf8::decode_lenient(s + i, text.size() - i, cp));
        if (is_white_space(cp)) {
            flush(i);
        } else if (start == std::string_view::npos) {
            start = i;
        }
        i += len;
    }
    flush(text.size());
    return terms;
}

SearchTermSql search_term_sides(const SearchTerm& term, SqlContext& ctx) {
    // The term is folded here, so the bound pattern is what the trigram
    // indexes compare; @~~ folds each column value.
    static const char* const kUserColumns[] = {"u.first_name", "u.last_name", "u.customer_id", "u.phone_number"};
    static const char* const kAddressColumns[] = {"a.street", "a.city", "a.country"};
    const std::string p =
        ctx.params->add_scalar(ParamType::Text, sql::folded_pattern(term.text, sql::Anchor::Contains), "search");
    std::vector<std::string> user, address;
    for (const char* col : kUserColumns) {
        // A phone-like term found in phone_number is found in its digits too
        // (the digits of the text hold the digits of the term, in order), so
        // the digits test below replaces the raw one; it is also the cheaper
        // index read (word-start trigrams of "017-5011" match most numbers).
        if (!term.digits.empty() && std::string_view(col) == "u.phone_number") continue;
        user.push_back(sql::op_expr(ctx.schema_sql, col, "@~~", p));
    }
    if (!term.digits.empty()) {
        // "30-1234" also finds "+49 30 1234 567": digits against digits.
        const std::string d = ctx.params->add_scalar(
            ParamType::Text, sql::like_pattern(term.digits, sql::Anchor::Contains), "search");
        user.push_back(sql::op_expr(ctx.schema_sql, sql::phone_digits_sql(ctx.schema_sql, "u.phone_number"), "@~~", d));
    }
    for (const char* col : kAddressColumns) address.push_back(sql::op_expr(ctx.schema_sql, col, "@~~", p));
    return {sql::join_grouped(user, " OR "), sql::join_grouped(address, " OR ")};
}

std::string search_term_sql(const SearchTerm& term, SqlContext& ctx) {
    SearchTermSql sides = search_term_sides(term, ctx);
    // One group: (user side OR address side), without nested parentheses.
    return "(" + sides.user.substr(1, sides.user.size() - 2) + " OR " +
           sides.address.substr(1, sides.address.size() - 2) + ")";
}

namespace {

// Folded length in characters' bytes: the longer a term, the rarer (a
// cheap proxy; the planner decides with real estimates per branch).
std::size_t term_weight(const SearchTerm& t) { return t.text.size(); }

// Finds the driving term: in a Search node that is the root or a direct
// child of an And root. Returns false when there is none.
bool find_driving_term(const FilterNode& root, std::size_t& child, std::size_t& term) {
    auto best_in = [&](const FilterNode& n, std::size_t& idx) {
        if (n.kind != FilterNode::Kind::Search || n.terms.empty()) return false;
        idx = 0;
        for (std::size_t i = 1; i < n.terms.size(); ++i)
            if (term_weight(n.terms[i]) > term_weight(n.terms[idx])) idx = i;
        return true;
    };
    child = static_cast<std::size_t>(-1);
    if (best_in(root, term)) return true;
    if (root.kind != FilterNode::Kind::And) return false;
    bool found = false;
    for (std::size_t c = 0; c < root.children.size(); ++c) {
        std::size_t idx = 0;
        if (!best_in(root.children[c], idx)) continue;
        if (!found || term_weight(root.children[c].terms[idx]) > term_weight(root.children[child].terms[term])) {
            child = c;
            term = idx;
            found = true;
        }
    }
    return found;
}

std::string and_all(const std::vector<std::string>& parts) {
    std::vector<std::string> kept;
    for (const std::string& p : parts)
        if (p != "TRUE") kept.push_back(p);
    if (kept.empty()) return "TRUE";
    return sql::join_grouped(kept, " AND ");
}

}  // namespace

std::vector<std::string> filter_branches(const FilterNode& root, SqlContext& ctx) {
    std::size_t child = 0, term = 0;
    if (!find_driving_term(root, child, term)) return {filter_sql(root, ctx)};

    // The filter without the driving term (a search node left without terms
    // renders TRUE).
    FilterNode rest = root;
    FilterNode& search = child == static_cast<std::size_t>(-1) ? rest : rest.children[child];
    const SearchTerm driving = search.terms[term];
    search.terms.erase(search.terms.begin() + static_cast<std::ptrdiff_t>(term));

    const std::string rest_sql = filter_sql(rest, ctx);
    const SearchTermSql sides = search_term_sides(driving, ctx);
    return {and_all({rest_sql, sides.user}),
            and_all({rest_sql, sides.address, "(" + sides.user + ") IS NOT TRUE"})};
}

}  // namespace contacts::core
