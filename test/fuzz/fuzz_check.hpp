// Invariants shared by the query fuzz targets. A violated invariant aborts,
// which libFuzzer reports as a crash with the input that caused it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "core/error.hpp"
#include "core/query_builder.hpp"

namespace contacts::fuzz {

[[noreturn]] inline void fail(const char* what, const std::string& sql) {
    std::fprintf(stderr, "invariant violated: %s\nSQL: %s\n", what, sql.c_str());
    std::abort();
}

// Every $n in the SQL has a parameter and every parameter is referenced;
// the SQL text is printable ASCII built from fixed fragments (nothing from
// the input is ever spliced into it).
inline void check_query(const core::BuiltQuery& q) {
    std::set<std::size_t> used;
    const std::string& s = q.sql;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c > 0x7E) fail("non-printable byte in SQL", s);
        if (c == ';') fail("semicolon in SQL", s);
        if (c != '$') continue;
        std::size_t j = i + 1;
        std::size_t n = 0;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') n = n * 10 + static_cast<std::size_t>(s[j++] - '0');
        if (j == i + 1) fail("'$' without a number", s);
        if (n == 0 || n > q.params.size()) fail("placeholder without a parameter", s);
        used.insert(n);
        i = j - 1;
    }
    if (used.size() != q.params.size()) fail("parameter never referenced", s);
    for (const core::Param& p : q.params) {
        if (p.origin_key.empty()) fail("parameter without origin key", s);
        if (p.is_null) fail("NULL parameter", s);
    }
}

// User input may only cause user-facing errors, never an internal one.
inline void check_error(const core::Error& e) {
    if (e.state() == core::SqlState::InternalError) {
        std::fprintf(stderr, "internal error from user input: %s\n", e.what());
        std::abort();
    }
    if (std::string(e.what()).empty()) {
        std::fprintf(stderr, "error without a message\n");
        std::abort();
    }
}

inline core::BuildOptions fuzz_options() {
    core::BuildOptions o;
    o.schema_sql = "public";
    return o;
}

}  // namespace contacts::fuzz
