#include "core/ascii_ilike.hpp"

#include "core/no_postgres.hpp"

namespace contacts::core {
namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

void lower_into(std::string_view ascii, std::string& out) {
    out.resize(ascii.size());
    for (std::size_t i = 0; i < ascii.size(); ++i) out[i] = ascii_lower(ascii[i]);
}

}  // namespace

bool is_ascii(std::string_view bytes) {
    unsigned char any = 0;
    for (char c : bytes) any |= static_cast<unsigned char>(c);
    return (any & 0x80) == 0;
}

std::optional<AsciiIlike> AsciiIlike::compile(std::string_view pattern) {
    if (!is_ascii(pattern)) return std::nullopt;
    // A lone trailing escape: PostgreSQL raises "LIKE pattern must not end
    // with escape character" (LikeMatcher would take it literally).
    std::size_t backslashes = 0;
    for (std::size_t i = pattern.size(); i > 0 && pattern[i - 1] == '\\'; --i) ++backslashes;
    if (backslashes % 2 == 1) return std::nullopt;
    // lower() lower-cases the whole pattern, escaped characters included
    // (so "\A" means a literal "a"), and so does this.
    std::string lowered;
    lower_into(pattern, lowered);
    return AsciiIlike(lowered);
}

std::optional<bool> AsciiIlike::matches(std::string_view text, std::string& scratch) const {
    if (!is_ascii(text)) return std::nullopt;
    lower_into(text, scratch);
    return matcher_.matches(scratch);
}

}  // namespace contacts::core
