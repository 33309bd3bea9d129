// A small, strict JSON parser (RFC 8259) into a DOM, for filter documents.
//
// The input is normally PostgreSQL's jsonb text output, but the parser trusts
// nothing: it validates UTF-8, rejects what jsonb would reject (\u0000, lone
// surrogates), rejects duplicate object keys (jsonb would silently keep the
// last one; we never ignore a key silently), and enforces limits on nesting,
// string size, array and object length and total input size, so a hostile
// document costs bounded time, memory and stack.
//
// Numbers are kept as their source text; exact integer and double views are
// computed on demand so out-of-range and non-integral values are detected
// precisely (no silent rounding through double).
//
// Errors are contacts::core::Error: syntax → InvalidTextRepresentation
// (22P02), bad UTF-8 → CharacterNotInRepertoire (22021), limits →
// ProgramLimitExceeded (54000).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contacts::core::json {

struct Limits {
    std::size_t max_depth = 32;                   // nested arrays/objects
    std::size_t max_string_bytes = 1 << 20;       // per string (after unescaping), and per key
    std::size_t max_array_elements = 1000;        // per array
    std::size_t max_object_members = 1000;        // per object
    std::size_t max_input_bytes = 4u << 20;       // the whole document
};

enum class Type { Null, Bool, Number, String, Array, Object };

// "null", "boolean", "number", "string", "array", "object".
std::string_view type_name(Type type);

struct Member;

class Value {
public:
    Value() = default;  // null

    static Value make_null();
    static Value make_bool(bool b);
    static Value make_number(std::string source_text);  // text must be a valid JSON number
    static Value make_string(std::string s);
    static Value make_array(std::vector<Value> items);
    static Value make_object(std::vector<Member> members);

    Type type() const noexcept { return type_; }
    bool is_null() const noexcept { return type_ == Type::Null; }
    bool is_bool() const noexcept { return type_ == Type::Bool; }
    bool is_number() const noexcept { return type_ == Type::Number; }
    bool is_string() const noexcept { return type_ == Type::String; }
    bool is_array() const noexcept { return type_ == Type::Array; }
    bool is_object() const noexcept { return type_ == Type::Object; }

    bool as_bool() const;                       // requires is_bool()
    const std::string& as_string() const;       // requires is_string()
    const std::string& number_text() const;     // requires is_number(): the source text
    const std::vector<Value>& items() const;    // requires is_array()
    const std::vector<Member>& members() const; // requires is_object()

    // Object lookup (nullptr when absent or not an object).
    const Value* find(std::string_view key) const;

private:
    Type type_ = Type::Null;
    bool bool_ = false;
    std::string text_;  // string value or number source text
    std::vector<Value> items_;
    std::vector<Member> members_;
};

struct Member {
    std::string key;
    Value value;
};

// Parses a whole document (surrounding whitespace allowed, nothing else).
Value parse(std::string_view text, const Limits& limits = {});

// Exact conversions of a JSON number's source text.
enum class IntResult { Ok, NotIntegral, OutOfRange, Invalid };

// The number's exact value as int64 when it is integral ("12", "12.0",
// "1.2e1" all give 12; "12.5" gives NotIntegral; "1e19" OutOfRange). Works on
// any text: anything that is not a JSON number gives Invalid.
IntResult number_to_int64(std::string_view number_text, int64_t& out);

// The nearest double; nullopt when not a JSON number or beyond double's range.
std::optional<double> number_to_double(std::string_view number_text);

// Validates UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

}  // namespace contacts::core::json
