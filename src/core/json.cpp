#include "core/json.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core::json {

std::string_view type_name(Type type) {
    switch (type) {
        case Type::Null: return "null";
        case Type::Bool: return "boolean";
        case Type::Number: return "number";
        case Type::String: return "string";
        case Type::Array: return "array";
        case Type::Object: return "object";
    }
    return "unknown";
}

// --- Value --------------------------------------------------------------------

Value Value::make_null() { return Value(); }

Value Value::make_bool(bool b) {
    Value v;
    v.type_ = Type::Bool;
    v.bool_ = b;
    return v;
}

Value Value::make_number(std::string source_text) {
    Value v;
    v.type_ = Type::Number;
    v.text_ = std::move(source_text);
    return v;
}

Value Value::make_string(std::string s) {
    Value v;
    v.type_ = Type::String;
    v.text_ = std::move(s);
    return v;
}

Value Value::make_array(std::vector<Value> items) {
    Value v;
    v.type_ = Type::Array;
    v.items_ = std::move(items);
    return v;
}

Value Value::make_object(std::vector<Member> members) {
    Value v;
    v.type_ = Type::Object;
    v.members_ = std::move(members);
    return v;
}

namespace {
[[noreturn]] void wrong_type(const char* wanted, Type got) {
    // A caller bug (it must check the type first), never user input.
    throw Error(SqlState::InternalError, std::string("JSON value is not ") + wanted + " but " +
                                             std::string(type_name(got)));
}
}  // namespace

bool Value::as_bool() const {
    if (type_ != Type::Bool) wrong_type("a boolean", type_);
    return bool_;
}
const std::string& Value::as_string() const {
    if (type_ != Type::String) wrong_type("a string", type_);
    return text_;
}
const std::string& Value::number_text() const {
    if (type_ != Type::Number) wrong_type("a number", type_);
    return text_;
}
const std::vector<Value>& Value::items() const {
    if (type_ != Type::Array) wrong_type("an array", type_);
    return items_;
}
const std::vector<Member>& Value::members() const {
    if (type_ != Type::Object) wrong_type("an object", type_);
    return members_;
}
const Value* Value::find(std::string_view key) const {
    if (type_ != Type::Object) return nullptr;
    for (const Member& m : members_) {
        if (m.key == key) return &m.value;
    }
    return nullptr;
}

// --- UTF-8 --------------------------------------------------------------------

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
// Follows RFC 3629's table exactly (utf8::decode(): no overlong forms, no
// UTF-16 surrogates, nothing above U+10FFFF), except that U+0000 is a valid
// one-byte sequence here, as in RFC 3629: the string parser rejects raw
// control characters and \u0000 itself, with its own messages.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
    if (p[0] < 0x80) return 1;
    char32_t cp;
    return static_cast<std::size_t>(utf8::decode(p, s.size() - i, cp));
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t len = utf8_sequence_length(s, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

// --- numbers ------------------------------------------------------------------

namespace {

// The parts of a JSON number: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
struct NumberParts {
    bool negative = false;
    std::string_view int_digits;
    std::string_view frac_digits;
    bool exp_negative = false;
    std::string_view exp_digits;
};

// Splits text into NumberParts; returns the number of bytes consumed (0 when
// text does not start with a JSON number).
std::size_t scan_number(std::string_view t, NumberParts& parts) {
    std::size_t i = 0;
    auto digit = [&](std::size_t k) { return k < t.size() && t[k] >= '0' && t[k] <= '9'; };
    if (i < t.size() && t[i] == '-') {
        parts.negative = true;
        ++i;
    }
    std::size_t start = i;
    if (!digit(i)) return 0;
    if (t[i] == '0') {
        ++i;  // a leading zero stands alone: "01" is not JSON
    } else {
        while (digit(i)) ++i;
    }
    parts.int_digits = t.substr(start, i - start);
    if (i < t.size() && t[i] == '.') {
        ++i;
        start = i;
        if (!digit(i)) return 0;
        while (digit(i)) ++i;
        parts.frac_digits = t.substr(start, i - start);
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
            parts.exp_negative = t[i] == '-';
            ++i;
        }
        start = i;
        if (!digit(i)) return 0;
        while (digit(i)) ++i;
        parts.exp_digits = t.substr(start, i - start);
    }
    return i;
}

}  // namespace

IntResult number_to_int64(std::string_view text, int64_t& out) {
    NumberParts p;
    if (text.empty() || scan_number(text, p) != text.size()) return IntResult::Invalid;

    // value = digits × 10^exp10, where digits = int_digits ++ frac_digits.
    std::string digits;
    digits.reserve(p.int_digits.size() + p.frac_digits.size());
    digits.append(p.int_digits);
    digits.append(p.frac_digits);
    std::size_t first_nonzero = digits.find_first_not_of('0');
    if (first_nonzero == std::string::npos) {
        out = 0;  // any spelling of zero ("-0", "0.000e99") is the integer 0
        return IntResult::Ok;
    }
    digits.erase(0, first_nonzero);

    // The exponent can be absurdly long ("1e99999999999"); anything beyond
    // a few thousand settles the answer, so saturate instead of overflowing.
    int64_t exp = 0;
    for (char c : p.exp_digits) {
        exp = exp * 10 + (c - '0');
        if (exp > 100000) {
            exp = 100000;
            break;
        }
    }
    if (p.exp_negative) exp = -exp;
    exp -= static_cast<int64_t>(p.frac_digits.size());

    if (exp < 0) {
        // The last -exp digits must be zeros for the value to be integral.
        std::size_t drop = static_cast<std::size_t>(-exp);
        if (drop >= digits.size()) return IntResult::NotIntegral;  // 0 < |value| < 1
        for (std::size_t k = digits.size() - drop; k < digits.size(); ++k) {
            if (digits[k] != '0') return IntResult::NotIntegral;
        }
        digits.resize(digits.size() - drop);
    } else {
        if (static_cast<int64_t>(digits.size()) + exp > 19) return IntResult::OutOfRange;
        digits.append(static_cast<std::size_t>(exp), '0');
    }
    if (digits.size() > 19) return IntResult::OutOfRange;

    uint64_t magnitude = 0;
    for (char c : digits) magnitude = magnitude * 10 + static_cast<uint64_t>(c - '0');  // ≤ 19 digits: fits
    const uint64_t max_pos = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    if (p.negative) {
        if (magnitude > max_pos + 1) return IntResult::OutOfRange;
        out = magnitude == max_pos + 1 ? std::numeric_limits<int64_t>::min()
                                       : -static_cast<int64_t>(magnitude);
    } else {
        if (magnitude > max_pos) return IntResult::OutOfRange;
        out = static_cast<int64_t>(magnitude);
    }
    return IntResult::Ok;
}

std::optional<double> number_to_double(std::string_view text) {
    NumberParts p;
    if (text.empty() || scan_number(text, p) != text.size()) return std::nullopt;
    // from_chars is locale-independent (strtod is not, and the server's
    // LC_NUMERIC must not matter).
    double d = 0;
    auto res = std::from_chars(text.data(), text.data() + text.size(), d);
    if (res.ec == std::errc::result_out_of_range) {
        // Overflow is out of range; underflow rounds to zero. Tell them apart
        // by the decimal magnitude: significant integer digits + exponent.
        long long magnitude = 0;
        std::string_view int_digits = p.int_digits;
        std::size_t nz = int_digits.find_first_not_of('0');
        magnitude = nz == std::string_view::npos ? 0 : static_cast<long long>(int_digits.size() - nz);
        long long exp = 0;
        for (char c : p.exp_digits) exp = exp < 100000 ? exp * 10 + (c - '0') : exp;
        magnitude += p.exp_negative ? -exp : exp;
        if (magnitude > 0) return std::nullopt;
        return p.negative ? -0.0 : 0.0;
    }
    if (res.ec != std::errc() || res.ptr != text.data() + text.size()) return std::nullopt;
    if (!std::isfinite(d)) return std::nullopt;
    return d;
}

// --- parser -------------------------------------------------------------------

namespace {

class Parser {
public:
    Parser(std::string_view text, const Limits& limits) : t_(text), limits_(limits) {}

    Value parse_document() {
        if (t_.size() > limits_.max_input_bytes) {
            throw Error(SqlState::ProgramLimitExceeded,
                        "JSON document is too large (" + std::to_string(t_.size()) + " bytes)",
                        "The limit is " + std::to_string(limits_.max_input_bytes) + " bytes.");
        }
        skip_ws();
        Value v = parse_value(0);
        skip_ws();
        if (pos_ != t_.size()) fail("unexpected data after the JSON value");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw Error(SqlState::InvalidTextRepresentation,
                    "invalid JSON at byte " + std::to_string(pos_) + ": " + what);
    }

    void skip_ws() {
        // RFC 8259 whitespace only: no comments, no other Unicode spaces.
        while (pos_ < t_.size() &&
               (t_[pos_] == ' ' || t_[pos_] == '\t' || t_[pos_] == '\n' || t_[pos_] == '\r'))
            ++pos_;
    }

    bool at_end() const { return pos_ >= t_.size(); }

    Value parse_value(std::size_t depth) {
        if (at_end()) fail("unexpected end of input, expected a value");
        char c = t_[pos_];
        switch (c) {
            case '{': return parse_object(depth + 1);
            case '[': return parse_array(depth + 1);
            case '"': return Value::make_string(parse_string());
            case 't': expect_word("true"); return Value::make_bool(true);
            case 'f': expect_word("false"); return Value::make_bool(false);
            case 'n': expect_word("null"); return Value::make_null();
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return parse_number();
                // NaN, Infinity, single quotes, bare words: none of them is JSON.
                fail(std::string("unexpected character ") + describe_byte(c));
        }
    }

    static std::string describe_byte(char c) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F) return std::string("'") + c + "'";
        static const char* hex = "0123456789ABCDEF";
        return std::string("0x") + hex[u >> 4] + hex[u & 15];
    }

    void expect_word(std::string_view word) {
        if (t_.substr(pos_, word.size()) != word) fail("invalid literal, expected " + std::string(word));
        pos_ += word.size();
    }

    void enter(std::size_t depth) {
        if (depth > limits_.max_depth) {
            throw Error(SqlState::ProgramLimitExceeded,
                        "JSON nesting is too deep (more than " + std::to_string(limits_.max_depth) +
                            " levels)");
        }
    }

    Value parse_object(std::size_t depth) {
        enter(depth);
        ++pos_;  // '{'
        std::vector<Member> members;
        skip_ws();
        if (!at_end() && t_[pos_] == '}') {
            ++pos_;
            return Value::make_object(std::move(members));
        }
        for (;;) {
            skip_ws();
            if (at_end() || t_[pos_] != '"') fail("expected a string key");
            std::size_t key_pos = pos_;
            std::string key = parse_string();
            for (const Member& m : members) {
                if (m.key == key) {
                    pos_ = key_pos;
                    fail("duplicate key \"" + key + "\"");
                }
            }
            skip_ws();
            if (at_end() || t_[pos_] != ':') fail("expected ':' after an object key");
            ++pos_;
            skip_ws();
            Value v = parse_value(depth);
            if (members.size() >= limits_.max_object_members) {
                throw Error(SqlState::ProgramLimitExceeded,
                            "JSON object has too many keys (more than " +
                                std::to_string(limits_.max_object_members) + ")");
            }
            members.push_back(Member{std::move(key), std::move(v)});
            skip_ws();
            if (at_end()) fail("unexpected end of input in an object");
            if (t_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (t_[pos_] == '}') {
                ++pos_;
                return Value::make_object(std::move(members));
            }
            fail("expected ',' or '}' in an object");
        }
    }

    Value parse_array(std::size_t depth) {
        enter(depth);
        ++pos_;  // '['
        std::vector<Value> items;
        skip_ws();
        if (!at_end() && t_[pos_] == ']') {
            ++pos_;
            return Value::make_array(std::move(items));
        }
        for (;;) {
            skip_ws();
            Value v = parse_value(depth);
            if (items.size() >= limits_.max_array_elements) {
                throw Error(SqlState::ProgramLimitExceeded,
                            "JSON array has too many elements (more than " +
                                std::to_string(limits_.max_array_elements) + ")");
            }
            items.push_back(std::move(v));
            skip_ws();
            if (at_end()) fail("unexpected end of input in an array");
            if (t_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (t_[pos_] == ']') {
                ++pos_;
                return Value::make_array(std::move(items));
            }
            fail("expected ',' or ']' in an array");
        }
    }

    Value parse_number() {
        NumberParts parts;
        std::size_t len = scan_number(t_.substr(pos_), parts);
        if (len == 0) fail("invalid number");
        std::string text(t_.substr(pos_, len));
        pos_ += len;
        return Value::make_number(std::move(text));
    }

    unsigned hex4() {
        if (pos_ + 4 > t_.size()) fail("incomplete \\u escape");
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            char c = t_[pos_ + k];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
            else fail("invalid \\u escape");
        }
        pos_ += 4;
        return v;
    }

    std::string parse_string() {
        ++pos_;  // opening quote
        std::string out;
        for (;;) {
            if (at_end()) fail("unterminated string");
            if (out.size() > limits_.max_string_bytes) {
                throw Error(SqlState::ProgramLimitExceeded,
                            "JSON string is too long (more than " +
                                std::to_string(limits_.max_string_bytes) + " bytes)");
            }
            unsigned char c = static_cast<unsigned char>(t_[pos_]);
            if (c == '"') {
                ++pos_;
                break;
            }
            if (c < 0x20) fail("control character in a string (must be escaped)");
            if (c == '\\') {
                ++pos_;
                if (at_end()) fail("unterminated escape");
                char e = t_[pos_++];
                switch (e) {
                    case '"': out.push_back('"'); break;
                    case '\\': out.push_back('\\'); break;
                    case '/': out.push_back('/'); break;
                    case 'b': out.push_back('\b'); break;
                    case 'f': out.push_back('\f'); break;
                    case 'n': out.push_back('\n'); break;
                    case 'r': out.push_back('\r'); break;
                    case 't': out.push_back('\t'); break;
                    case 'u': {
                        std::size_t esc_pos = pos_ - 2;
                        unsigned cp = hex4();
                        if (cp >= 0xDC00 && cp <= 0xDFFF) {
                            pos_ = esc_pos;
                            fail("lone low surrogate in \\u escape");
                        }
                        if (cp >= 0xD800 && cp <= 0xDBFF) {
                            if (pos_ + 2 > t_.size() || t_[pos_] != '\\' || t_[pos_ + 1] != 'u') {
                                pos_ = esc_pos;
                                fail("high surrogate not followed by a low surrogate");
                            }
                            pos_ += 2;
                            unsigned lo = hex4();
                            if (lo < 0xDC00 || lo > 0xDFFF) {
                                pos_ = esc_pos;
                                fail("high surrogate not followed by a low surrogate");
                            }
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        }
                        if (cp == 0) {
                            // PostgreSQL text cannot hold NUL (jsonb rejects it too).
                            pos_ = esc_pos;
                            fail("\\u0000 is not allowed (text values cannot contain NUL)");
                        }
                        utf8::append(out, cp);
                        break;
                    }
                    default:
                        pos_ -= 2;
                        fail("invalid escape sequence");
                }
                continue;
            }
            if (c < 0x80) {
                out.push_back(static_cast<char>(c));
                ++pos_;
                continue;
            }
            std::size_t len = utf8_sequence_length(t_, pos_);
            if (len == 0) {
                throw Error(SqlState::CharacterNotInRepertoire,
                            "invalid UTF-8 in JSON string at byte " + std::to_string(pos_));
            }
            out.append(t_.substr(pos_, len));
            pos_ += len;
        }
        if (out.size() > limits_.max_string_bytes) {
            throw Error(SqlState::ProgramLimitExceeded,
                        "JSON string is too long (more than " +
                            std::to_string(limits_.max_string_bytes) + " bytes)");
        }
        return out;
    }

    std::string_view t_;
    const Limits& limits_;
    std::size_t pos_ = 0;
};

}  // namespace

Value parse(std::string_view text, const Limits& limits) {
    Parser parser(text, limits);
    return parser.parse_document();
}

}  // namespace contacts::core::json
