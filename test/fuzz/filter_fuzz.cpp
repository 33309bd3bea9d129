// libFuzzer target: arbitrary bytes as a filter document. Every input must
// give a well-formed BuiltQuery or a user-facing core::Error, nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"

using namespace contacts;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    std::string_view filter(reinterpret_cast<const char*>(data), size);
    static const core::BuildOptions options = fuzz::fuzz_options();
    try {
        fuzz::check_query(core::build_list_query(filter, {}, std::nullopt, 50, options));
        fuzz::check_query(core::build_list_query(filter, {"-city", "last_name"}, std::nullopt, -7, options));
        fuzz::check_query(core::build_count_query(filter, std::nullopt, options));
        fuzz::check_query(core::build_count_query(filter, int64_t{100}, options));
        fuzz::check_query(core::build_estimate_query(filter, options));
    } catch (const core::Error& e) {
        fuzz::check_error(e);
    }
    return 0;
}
