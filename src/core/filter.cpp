// Filter parsing and validation: JSON → FilterNode. Every value is converted
// to its field's type here, so a bad filter fails before any SQL exists, with
// a message naming the key.
#include "core/filter.hpp"

#include <utility>

#include "core/error.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core {

std::string_view lookup_name(Lookup lookup) {
    switch (lookup) {
        case Lookup::Exact: return "exact";
        case Lookup::IExact: return "iexact";
        case Lookup::Contains: return "contains";
        case Lookup::IContains: return "icontains";
        case Lookup::StartsWith: return "startswith";
        case Lookup::IStartsWith: return "istartswith";
        case Lookup::EndsWith: return "endswith";
        case Lookup::IEndsWith: return "iendswith";
        case Lookup::Gt: return "gt";
        case Lookup::Gte: return "gte";
        case Lookup::Lt: return "lt";
        case Lookup::Lte: return "lte";
        case Lookup::In: return "in";
        case Lookup::Range: return "range";
        case Lookup::IsNull: return "isnull";
        case Lookup::TrigramSimilar: return "trigram_similar";
    }
    return "unknown";
}

std::string_view transform_name(Transform transform) {
    switch (transform) {
        case Transform::None: return "";
        case Transform::Unaccent: return "unaccent";
        case Transform::Year: return "year";
        case Transform::Month: return "month";
        case Transform::Day: return "day";
        case Transform::Date: return "date";
    }
    return "unknown";
}

bool is_ordering_lookup(Lookup l) {
    switch (l) {
        case Lookup::Exact:
        case Lookup::Gt:
        case Lookup::Gte:
        case Lookup::Lt:
        case Lookup::Lte:
        case Lookup::In:
        case Lookup::Range:
        case Lookup::IsNull:
            return true;
        default:
            return false;
    }
}

namespace {

constexpr Lookup kAllLookups[] = {
    Lookup::Exact,      Lookup::IExact,      Lookup::Contains, Lookup::IContains,
    Lookup::StartsWith, Lookup::IStartsWith, Lookup::EndsWith, Lookup::IEndsWith,
    Lookup::Gt,         Lookup::Gte,         Lookup::Lt,       Lookup::Lte,
    Lookup::In,         Lookup::Range,       Lookup::IsNull,   Lookup::TrigramSimilar,
};
constexpr Transform kAllTransforms[] = {Transform::Unaccent, Transform::Year, Transform::Month,
                                        Transform::Day, Transform::Date};

bool is_pattern_lookup(Lookup l) {
    switch (l) {
        case Lookup::IExact:
        case Lookup::Contains:
        case Lookup::IContains:
        case Lookup::StartsWith:
        case Lookup::IStartsWith:
        case Lookup::EndsWith:
        case Lookup::IEndsWith:
            return true;
        default:
            return false;
    }
}

bool transform_applies(Transform t, FieldType type) {
    switch (t) {
        case Transform::None: return true;
        case Transform::Unaccent: return type == FieldType::Text;
        case Transform::Year:
        case Transform::Month:
        case Transform::Day: return type == FieldType::Date || type == FieldType::TimestampTz;
        case Transform::Date: return type == FieldType::TimestampTz;
    }
    return false;
}

bool lookup_applies(Lookup l, FieldType type, Transform t) {
    if (t == Transform::Unaccent) return l == Lookup::Exact || l == Lookup::IsNull || is_pattern_lookup(l);
    if (t != Transform::None) return is_ordering_lookup(l);
    if (type == FieldType::Text) return true;
    return is_ordering_lookup(l);
}

// "exact, iexact, ...; transforms: unaccent" for a field (and transform).
std::string allowed_for(const Field& f, Transform t) {
    std::string s;
    for (Lookup l : kAllLookups) {
        if (!lookup_applies(l, f.type, t)) continue;
        if (!s.empty()) s += ", ";
        s += lookup_name(l);
    }
    if (t == Transform::None) {
        std::string ts;
        for (Transform x : kAllTransforms) {
            if (!transform_applies(x, f.type)) continue;
            if (!ts.empty()) ts += ", ";
            ts += transform_name(x);
        }
        if (!ts.empty()) s += "; transforms: " + ts;
    }
    return s;
}

std::string describe_field(const Field& f, Transform t) {
    std::string s(field_type_name(f.type));
    s += " field \"";
    s += f.name;
    s += "\"";
    if (t != Transform::None) {
        s += " with transform \"";
        s += transform_name(t);
        s += "\"";
    }
    return s;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::vector<std::string_view> split_key(std::string_view key) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        std::size_t pos = key.find("__", start);
        if (pos == std::string_view::npos) {
            parts.push_back(key.substr(start));
            return parts;
        }
        parts.push_back(key.substr(start, pos - start));
        start = pos + 2;
    }
}

bool parse_lookup(std::string_view s, Lookup& out) {
    for (Lookup l : kAllLookups) {
        if (lookup_name(l) == s) {
            out = l;
            return true;
        }
    }
    return false;
}

bool parse_transform(std::string_view s, Transform& out) {
    for (Transform t : kAllTransforms) {
        if (transform_name(t) == s) {
            out = t;
            return true;
        }
    }
    return false;
}

// What a value must be converted to.
enum class ValueKind { Int8, Int4, Text, Date, TimestampTz };

ValueKind value_kind(const Field& f, Transform t) {
    switch (t) {
        case Transform::Year:
        case Transform::Month:
        case Transform::Day: return ValueKind::Int4;
        case Transform::Date: return ValueKind::Date;
        case Transform::None:
        case Transform::Unaccent: break;
    }
    switch (f.type) {
        case FieldType::BigInt: return ValueKind::Int8;
        case FieldType::Integer: return ValueKind::Int4;
        case FieldType::Text: return ValueKind::Text;
        case FieldType::Date: return ValueKind::Date;
        case FieldType::TimestampTz: return ValueKind::TimestampTz;
    }
    return ValueKind::Text;
}

std::string_view value_kind_name(ValueKind k) {
    switch (k) {
        case ValueKind::Int8: return "bigint";
        case ValueKind::Int4: return "integer";
        case ValueKind::Text: return "text";
        case ValueKind::Date: return "date";
        case ValueKind::TimestampTz: return "timestamptz";
    }
    return "unknown";
}

// Shortened copy of a user value for an error message.
std::string excerpt(std::string_view s) {
    constexpr std::size_t kMax = 64;
    if (s.size() <= kMax) return quoted(s);
    std::size_t cut = kMax;
    // Do not cut a UTF-8 sequence in half.
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return quoted(s.substr(0, cut)) + "...";
}

class FilterParser {
public:
    explicit FilterParser(const FilterLimits& limits) : limits_(limits) {}

    FilterNode parse_document(const json::Value& doc) {
        if (!doc.is_object()) {
            throw Error(SqlState::InvalidParameterValue,
                        "filter must be a JSON object, not " + std::string(json::type_name(doc.type())),
                        "", "Example: {\"last_name__icontains\": \"mü\", \"points__gte\": 1000}");
        }
        return parse_object(doc, "");
    }

private:
    // `where` names the position of a nested object, e.g. "or[1].not", for messages.
    FilterNode parse_object(const json::Value& obj, const std::string& where) {
        FilterNode node;
        node.kind = FilterNode::Kind::And;
        for (const json::Member& m : obj.members()) {
            const std::string& key = m.key;
            const json::Value& v = m.value;
            if (key == "or" || key == "and") {
                if (!v.is_array()) {
                    throw Error(SqlState::InvalidParameterValue,
                                quoted(key) + " must be an array of filter objects, not " +
                                    std::string(json::type_name(v.type())) + location(where));
                }
                FilterNode group;
                group.kind = key == "or" ? FilterNode::Kind::Or : FilterNode::Kind::And;
                std::size_t i = 0;
                for (const json::Value& item : v.items()) {
                    std::string here = join_where(where, key + "[" + std::to_string(i) + "]");
                    if (!item.is_object()) {
                        throw Error(SqlState::InvalidParameterValue,
                                    "element " + std::to_string(i) + " of " + quoted(key) +
                                        " must be a filter object, not " +
                                        std::string(json::type_name(item.type())) + location(where));
                    }
                    group.children.push_back(parse_object(item, here));
                    ++i;
                }
                node.children.push_back(std::move(group));
            } else if (key == "not") {
                if (!v.is_object()) {
                    throw Error(SqlState::InvalidParameterValue,
                                "\"not\" must be a filter object, not " +
                                    std::string(json::type_name(v.type())) + location(where));
                }
                FilterNode neg;
                neg.kind = FilterNode::Kind::Not;
                neg.children.push_back(parse_object(v, join_where(where, "not")));
                node.children.push_back(std::move(neg));
            } else if (key == "search") {
                if (!v.is_string()) {
                    throw Error(SqlState::InvalidParameterValue,
                                "\"search\" must be a string, not " +
                                    std::string(json::type_name(v.type())) + location(where));
                }
                check_pattern_length(v.as_string(), "\"search\"", where);
                FilterNode search;
                search.kind = FilterNode::Kind::Search;
                search.terms = split_search_terms(v.as_string(), limits_.max_search_terms);
                count(search.terms.size());
                node.children.push_back(std::move(search));
            } else {
                FilterNode cond;
                cond.kind = FilterNode::Kind::Condition;
                cond.condition = parse_condition(key, v, where);
                count(1);
                node.children.push_back(std::move(cond));
            }
        }
        return node;
    }

    void count(std::size_t n) {
        conditions_ += n;
        if (conditions_ > limits_.max_conditions) {
            throw Error(SqlState::ProgramLimitExceeded,
                        "filter has too many conditions (more than " +
                            std::to_string(limits_.max_conditions) + ")");
        }
    }

    static std::string join_where(const std::string& where, const std::string& part) {
        return where.empty() ? part : where + "." + part;
    }
    static std::string location(const std::string& where) {
        return where.empty() ? "" : " (at " + where + ")";
    }

    Condition parse_condition(const std::string& key, const json::Value& v, const std::string& where) {
        std::vector<std::string_view> parts = split_key(key);
        Condition c;
        c.key = key;

        // Field: a Django path (two parts) or an output column name.
        std::size_t used = 1;
        if (parts.size() >= 2) {
            std::string path = std::string(parts[0]) + "__" + std::string(parts[1]);
            if (const Field* f = find_field(path); f != nullptr && f->alias == path) {
                c.field = f;
                used = 2;
            }
        }
        if (c.field == nullptr) {
            const Field* f = find_field(parts[0]);
            if (f == nullptr || f->alias == parts[0]) {
                std::string name(parts[0]);
                if ((name == "address" || name == "relationship") && parts.size() >= 2) {
                    name += "__" + std::string(parts[1]);
                }
                throw Error(SqlState::UndefinedColumn,
                            "unknown field " + quoted(name) + " in filter key " + quoted(key) +
                                location(where),
                            "Allowed fields: " + allowed_field_names() +
                                "; and the keys search, or, and, not.");
            }
            c.field = f;
        }
        const Field& f = *c.field;

        std::vector<std::string_view> rest(parts.begin() + static_cast<std::ptrdiff_t>(used), parts.end());
        if (rest.size() > 2) {
            throw Error(SqlState::InvalidParameterValue,
                        "filter key " + quoted(key) + " has too many parts" + location(where),
                        "", "Use field, field__lookup or field__transform__lookup. Allowed for " +
                                describe_field(f, Transform::None) + ": " + allowed_for(f, Transform::None) + ".");
        }
        if (!rest.empty()) {
            Transform t = Transform::None;
            if (parse_transform(rest[0], t)) {
                if (!transform_applies(t, f.type)) {
                    throw Error(SqlState::InvalidParameterValue,
                                "transform " + quoted(rest[0]) + " does not apply to " +
                                    describe_field(f, Transform::None) + " (filter key " + quoted(key) + ")" +
                                    location(where),
                                "", "Allowed for " + describe_field(f, Transform::None) + ": " +
                                        allowed_for(f, Transform::None) + ".");
                }
                c.transform = t;
                rest.erase(rest.begin());
            } else if (rest.size() == 2) {
                throw Error(SqlState::InvalidParameterValue,
                            "unknown transform " + quoted(rest[0]) + " in filter key " + quoted(key) +
                                location(where),
                            "", "Allowed for " + describe_field(f, Transform::None) + ": " +
                                    allowed_for(f, Transform::None) + ".");
            }
        }
        if (!rest.empty()) {
            Lookup l = Lookup::Exact;
            if (!parse_lookup(rest[0], l)) {
                throw Error(SqlState::InvalidParameterValue,
                            "unknown lookup " + quoted(rest[0]) + " in filter key " + quoted(key) +
                                location(where),
                            "", "Allowed for " + describe_field(f, c.transform) + ": " +
                                    allowed_for(f, c.transform) + ".");
            }
            if (!lookup_applies(l, f.type, c.transform)) {
                throw Error(SqlState::InvalidParameterValue,
                            "lookup " + quoted(rest[0]) + " does not apply to " + describe_field(f, c.transform) +
                                " (filter key " + quoted(key) + ")" + location(where),
                            "", "Allowed for " + describe_field(f, c.transform) + ": " +
                                    allowed_for(f, c.transform) + ".");
            }
            c.lookup = l;
        }

        convert_values(c, v, where);
        return c;
    }

    [[noreturn]] void bad_value(const Condition& c, SqlState state, const std::string& what,
                                const std::string& where, long element = -1) {
        std::string msg = "invalid value for filter key " + quoted(c.key);
        if (element >= 0) msg += " (element " + std::to_string(element) + ")";
        msg += ": " + what + location(where);
        throw Error(state, msg);
    }

    void convert_values(Condition& c, const json::Value& v, const std::string& where) {
        const ValueKind kind = value_kind(*c.field, c.transform);
        switch (c.lookup) {
            case Lookup::IsNull: {
                bool b = false;
                if (v.is_bool()) {
                    b = v.as_bool();
                } else if (v.is_string() && (v.as_string() == "true" || v.as_string() == "false")) {
                    b = v.as_string() == "true";
                } else {
                    bad_value(c, SqlState::InvalidParameterValue,
                              "isnull expects true or false, not " + describe_json(v), where);
                }
                c.is_null_test = true;
                c.is_null_negated = !b;
                return;
            }
            case Lookup::In: {
                if (!v.is_array()) {
                    bad_value(c, SqlState::InvalidParameterValue,
                              "in expects a JSON array of values, not " + describe_json(v), where);
                }
                long i = 0;
                for (const json::Value& item : v.items()) {
                    c.values.push_back(convert_scalar(c, item, kind, where, i));
                    ++i;
                }
                return;
            }
            case Lookup::Range: {
                if (!v.is_array() || v.items().size() != 2) {
                    bad_value(c, SqlState::InvalidParameterValue,
                              "range expects an array [low, high] (both inclusive), not " + describe_json(v),
                              where);
                }
                c.values.push_back(convert_scalar(c, v.items()[0], kind, where, 0));
                c.values.push_back(convert_scalar(c, v.items()[1], kind, where, 1));
                check_year_bounds(c, where);
                return;
            }
            case Lookup::Exact:
            case Lookup::IExact:
                if (v.is_null()) {
                    c.is_null_test = true;
                    c.is_null_negated = false;
                    return;
                }
                break;
            default:
                break;
        }
        c.values.push_back(convert_scalar(c, v, kind, where, -1));
        check_year_bounds(c, where);
        if (is_pattern_lookup(c.lookup) || c.lookup == Lookup::TrigramSimilar ||
            c.transform == Transform::Unaccent) {
            check_pattern_length(c.values.back(), "the value of filter key " + quoted(c.key), where);
        }
    }

    // Pattern values and search strings are re-read for every row scanned;
    // see FilterLimits::max_pattern_chars.
    void check_pattern_length(std::string_view value, const std::string& what, const std::string& where) {
        if (value.size() <= limits_.max_pattern_chars) return;  // bytes >= characters
        const std::size_t chars = utf8_length(value);
        if (chars <= limits_.max_pattern_chars) return;
        throw Error(SqlState::ProgramLimitExceeded,
                    what + " is too long (" + std::to_string(chars) + " characters; the limit is " +
                        std::to_string(limits_.max_pattern_chars) + ")" + location(where),
                    "Pattern values (iexact, contains, icontains, startswith, istartswith, endswith, "
                    "iendswith, trigram_similar and every lookup after unaccent) and \"search\" are "
                    "matched against every row scanned; they are limited to " +
                        std::to_string(limits_.max_pattern_chars) + " characters.");
    }

    // Code points of valid UTF-8 (the JSON parser has validated it): every
    // byte that does not continue a sequence starts a character.
    static std::size_t utf8_length(std::string_view s) {
        std::size_t n = 0;
        for (char ch : s) {
            if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
        }
        return n;
    }

    // year__exact/gt/... compile to date ranges, which need a year PostgreSQL
    // can write as YYYY-01-01 with a following year.
    void check_year_bounds(const Condition& c, const std::string& where) {
        if (c.transform != Transform::Year || c.is_null_test) return;
        for (const std::string& s : c.values) {
            long long y = std::stoll(s);
            if (y < 1 || y > 9999) {
                bad_value(c, SqlState::InvalidParameterValue,
                          "year " + s + " is out of range (allowed: 1 to 9999)", where);
            }
        }
    }

    static std::string describe_json(const json::Value& v) {
        switch (v.type()) {
            case json::Type::String: return "the string " + excerpt(v.as_string());
            case json::Type::Number: return "the number " + v.number_text();
            case json::Type::Bool: return v.as_bool() ? "true" : "false";
            case json::Type::Null: return "null";
            default: return "an " + std::string(json::type_name(v.type()));
        }
    }

    std::string convert_scalar(const Condition& c, const json::Value& v, ValueKind kind,
                               const std::string& where, long element) {
        if (v.is_null()) {
            bad_value(c, SqlState::InvalidParameterValue,
                      std::string("null is not allowed here") +
                          (c.lookup == Lookup::Exact || c.lookup == Lookup::IExact
                               ? ""
                               : " (use exact null or isnull to match NULL)"),
                      where, element);
        }
        switch (kind) {
            case ValueKind::Int8:
            case ValueKind::Int4:
                return convert_integer(c, v, kind, where, element);
            case ValueKind::Text:
                if (v.is_string()) return v.as_string();
                if (v.is_number()) return v.number_text();
                bad_value(c, SqlState::InvalidParameterValue,
                          "expected a string, not " + describe_json(v), where, element);
            case ValueKind::Date:
            case ValueKind::TimestampTz:
                if (v.is_string()) return v.as_string();
                bad_value(c, SqlState::InvalidParameterValue,
                          "expected a " + std::string(value_kind_name(kind)) + " as a string (e.g. \"" +
                              (kind == ValueKind::Date ? "1990-11-23" : "2024-05-01T12:00:00Z") +
                              "\"), not " + describe_json(v),
                          where, element);
        }
        bad_value(c, SqlState::InternalError, "unknown value kind", where, element);
    }

    std::string convert_integer(const Condition& c, const json::Value& v, ValueKind kind,
                                const std::string& where, long element) {
        std::string text;
        if (v.is_number()) {
            text = v.number_text();
        } else if (v.is_string()) {
            text = normalize_integer_string(v.as_string());
        } else {
            bad_value(c, SqlState::InvalidParameterValue,
                      "expected an integer, not " + describe_json(v), where, element);
        }
        int64_t out = 0;
        switch (json::number_to_int64(text, out)) {
            case json::IntResult::Ok: break;
            case json::IntResult::NotIntegral:
            case json::IntResult::Invalid:
                bad_value(c, SqlState::InvalidTextRepresentation,
                          describe_json(v) + " is not an integer", where, element);
            case json::IntResult::OutOfRange:
                bad_value(c, SqlState::InvalidParameterValue,
                          describe_json(v) + " is out of range for type " + std::string(value_kind_name(kind)),
                          where, element);
        }
        if (kind == ValueKind::Int4 && (out < INT32_MIN || out > INT32_MAX)) {
            bad_value(c, SqlState::InvalidParameterValue,
                      describe_json(v) + " is out of range for type integer", where, element);
        }
        return std::to_string(out);
    }

    // Strings get PostgreSQL-like leniency: surrounding white space, a '+'
    // sign and leading zeros are fine ("  007 " is 7); the rest must be a
    // JSON number.
    static std::string normalize_integer_string(std::string_view s) {
        auto is_space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
        while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
        while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
        std::string sign;
        if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
            if (s.front() == '-') sign = "-";
            s.remove_prefix(1);
            // A second sign ("+-5") is not a number: keep it so parsing fails.
            if (!s.empty() && (s.front() < '0' || s.front() > '9')) return "invalid";
        }
        while (s.size() > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9') s.remove_prefix(1);
        return sign + std::string(s);
    }

    const FilterLimits& limits_;
    std::size_t conditions_ = 0;
};

}  // namespace

FilterNode parse_filter(const json::Value& document, const FilterLimits& limits) {
    FilterParser parser(limits);
    return parser.parse_document(document);
}

FilterNode parse_filter(std::string_view json_text, const FilterLimits& limits) {
    json::Value doc = json::parse(json_text, limits.json);
    return parse_filter(doc, limits);
}

}  // namespace contacts::core
