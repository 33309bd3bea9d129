// Included last by every core translation unit: the core must stay free of
// PostgreSQL headers so it can be unit-tested and fuzzed without a server.
// (The CMake build also compiles the core without the server include path.)
#pragma once
#if defined(PG_VERSION_NUM) || defined(POSTGRES_H)
#error "src/core must not include PostgreSQL headers; translate in src/pg instead"
#endif
