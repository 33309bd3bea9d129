// The "search" key: term splitting and the per-term predicate.
#include <cstdint>

#include "core/filter.hpp"
#include "core/sql_text.hpp"
#include "core/error.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core {

namespace {

// Decodes one UTF-8 code point at s[i] (s is valid UTF-8: it comes from the
// JSON parser). Returns its length; invalid bytes are taken one at a time.
std::size_t decode(std::string_view s, std::size_t i, uint32_t& cp) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (i + len > s.size()) len = 1;
    if (len == 1) {
        cp = b;
        return 1;
    }
    cp = b & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return len;
}

// Unicode's White_Space property (PropList.txt), so a no-break or
// ideographic space separates terms too.
bool is_white_space(uint32_t cp) {
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
    while (i < text.size()) {
        uint32_t cp = 0;
        std::size_t len = decode(text, i, cp);
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

std::string phone_digits_sql() {
    return "pg_catalog.regexp_replace(u.phone_number, '[^0-9]', '', 'g')";
}

std::string search_term_sql(const SearchTerm& term, SqlContext& ctx) {
    // Folded contains on each column: the term is folded and escaped in SQL
    // (folding may produce LIKE metacharacters), then wrapped in %...%.
    static const char* const kColumns[] = {"u.first_name", "u.last_name", "u.customer_id",
                                           "u.phone_number", "a.street",   "a.city",
                                           "a.country"};
    std::string t = ctx.params->add_scalar(ParamType::Text, term.text, "search");
    std::string pattern = "('%' || " + sql::like_escape_sql(sql::fold_sql(ctx.schema_sql, t)) + " || '%')";
    std::vector<std::string> parts;
    for (const char* col : kColumns) {
        parts.push_back(sql::fold_sql(ctx.schema_sql, col) + " LIKE " + pattern);
    }
    if (!term.digits.empty()) {
        std::string d = ctx.params->add_scalar(ParamType::Text, "%" + term.digits + "%", "search");
        parts.push_back(phone_digits_sql() + " LIKE " + d);
    }
    return sql::join_grouped(parts, " OR ");
}

}  // namespace contacts::core
