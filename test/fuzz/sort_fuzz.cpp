// libFuzzer target: arbitrary bytes as a sort list (entries separated by
// newlines). For every valid sort, a cursor is minted from synthetic values
// and forward and backward pages are built from it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/cursor.hpp"
#include "fuzz_check.hpp"

using namespace contacts;

namespace {

std::vector<core::CursorValue> synthetic_values(const core::SortSpec& spec, uint8_t seed) {
    std::vector<core::CursorValue> values;
    for (std::size_t i = 0; i < spec.keys.size(); ++i) {
        const core::Field& f = *spec.keys[i].field;
        if (f.nullable && ((seed >> (i % 8)) & 1)) {
            values.push_back(core::CursorValue::null());
            continue;
        }
        switch (f.type) {
            case core::FieldType::BigInt: values.push_back(core::CursorValue::of("-9223372036854775808")); break;
            case core::FieldType::Integer: values.push_back(core::CursorValue::of("2147483647")); break;
            case core::FieldType::Text: values.push_back(core::CursorValue::of("x'\"\\%_")); break;
            case core::FieldType::Date: values.push_back(core::CursorValue::of("2000-02-29")); break;
            case core::FieldType::TimestampTz: values.push_back(core::CursorValue::of("2000-01-01 00:00:00+00")); break;
        }
    }
    return values;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    static const core::BuildOptions options = fuzz::fuzz_options();
    std::vector<std::string> sort;
    std::string cur;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == '\n') {
            sort.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(static_cast<char>(data[i]));
        }
    }
    if (size > 0) sort.push_back(cur);
    try {
        core::BuiltQuery first = core::build_list_query("{}", sort, std::nullopt, 10, options);
        fuzz::check_query(first);
        if (first.cursor_columns.size() != first.sort.keys.size()) fuzz::fail("cursor columns", first.sql);
        if (first.sort.keys.back().field != &core::id_field()) fuzz::fail("id is not the last key", first.sql);
        uint8_t seed = size > 0 ? data[0] : 0;
        std::string token = core::encode_cursor(first.sort, synthetic_values(first.sort, seed));
        if (core::decode_cursor(first.sort, token) != synthetic_values(first.sort, seed)) {
            fuzz::fail("cursor round trip", token);
        }
        for (int64_t limit : {int64_t{10}, int64_t{-10}}) {
            core::BuiltQuery q = core::build_list_query(R"({"points__gte": 1})", sort, token, limit, options);
            fuzz::check_query(q);
        }
    } catch (const core::Error& e) {
        fuzz::check_error(e);
    }
    return 0;
}
