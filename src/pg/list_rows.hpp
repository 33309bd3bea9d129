// Runs a list query and hands its rows, each with its cursor, to a writer:
// the result of the materialized set-returning function (TuplestoreRows), or
// the page buffer of the ContactsList scan (list_scan.hpp).
#pragma once

#include "pg/postgres.hpp"

#include "core/query_builder.hpp"

#include <string_view>
#include <vector>

namespace contacts::pg {

// The 19 columns of the list query; contacts_list returns them plus the cursor.
constexpr int kListDataColumns = 19;

// Receives begin(), the rows of one page in the order the query produces
// them (for a backward page, which begin() announces: nearest the cursor
// first, the reverse of the requested order), then finish(). values/nulls hold
// the kListDataColumns data columns; they and cursor are valid only during
// the call. Called from C++ frames: may throw, calls PostgreSQL through
// pg_call.
class RowWriter {
public:
    virtual ~RowWriter() = default;
    virtual void begin(bool backward) = 0;
    virtual void write(const Datum* values, const bool* nulls, std::string_view cursor) = 0;
    virtual void finish() = 0;
};

// Writes into the tuplestore of a materialized SRF (InitMaterializedSRF done).
class TuplestoreRows final : public RowWriter {
public:
    // hold_context must outlive the query's execution: a backward page is
    // formed there and stored last row first by finish().
    TuplestoreRows(ReturnSetInfo* rsinfo, MemoryContext hold_context) : rsinfo_(rsinfo), hold_(hold_context) {}
    void begin(bool backward) override { backward_ = backward; }
    void write(const Datum* values, const bool* nulls, std::string_view cursor) override;
    void finish() override;

private:
    ReturnSetInfo* rsinfo_;
    MemoryContext hold_;
    bool backward_ = false;
    std::vector<HeapTuple> held_;
};

// Executes q (inside SPI_connect) with its cached plan and writes every row
// plus its cursor to out (begin, write per row, finish). Throws PgError or
// core::Error.
void emit_list_rows(const core::BuiltQuery& q, RowWriter& out);

}  // namespace contacts::pg
