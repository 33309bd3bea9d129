// libFuzzer target for the cursor codec.
//  * The input as a token: decoding gives values or "invalid cursor"-class
//    errors; a token that decodes re-encodes to itself (one spelling each).
//  * The input as a raw payload, sealed with a valid MAC: exercises every
//    check behind the integrity check; whatever decodes round-trips.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/cursor.hpp"
#include "fuzz_check.hpp"

using namespace contacts;

namespace {

const std::vector<core::SortSpec>& sorts() {
    static const std::vector<core::SortSpec> s = {
        core::parse_sort({}),
        core::parse_sort({"-points", "last_name"}),
        core::parse_sort({"city", "-birthday", "created"}),
        core::parse_sort({"-last_activity", "relationship_id", "-id"}),
    };
    return s;
}

void try_decode(const core::SortSpec& spec, const std::string& token) {
    std::vector<core::CursorValue> values;
    try {
        values = core::decode_cursor(spec, token);
    } catch (const core::Error& e) {
        fuzz::check_error(e);
        if (e.state() != core::SqlState::InvalidParameterValue) fuzz::fail("cursor error state", token);
        return;
    }
    if (core::encode_cursor(spec, values) != token) fuzz::fail("decoded cursor does not re-encode to itself", token);
    // A decoded cursor must always build a query.
    static const core::BuildOptions options = fuzz::fuzz_options();
    std::vector<std::string> entries;
    for (const core::SortKey& k : spec.keys) entries.push_back((k.descending ? "-" : "") + std::string(k.field->name));
    fuzz::check_query(core::build_list_query("{}", entries, token, 5, options));
    fuzz::check_query(core::build_list_query("{}", entries, token, -5, options));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    std::string input(reinterpret_cast<const char*>(data), size);
    for (const core::SortSpec& spec : sorts()) {
        try_decode(spec, input);
        // As a payload: first byte picks a sort to take the header from, so
        // the fingerprint check passes often enough to reach the values.
        std::string payload;
        payload.push_back(static_cast<char>(core::kCursorVersion));
        uint64_t fp = spec.fingerprint();
        for (int i = 0; i < 8; ++i) payload.push_back(static_cast<char>((fp >> (8 * i)) & 0xFF));
        payload.push_back(static_cast<char>(spec.keys.size()));
        payload += input;
        try_decode(spec, core::detail::seal_cursor_payload(payload));
        try_decode(spec, core::detail::seal_cursor_payload(input));
    }
    return 0;
}
