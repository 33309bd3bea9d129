// The one exception type the core throws.
//
// The core never includes a PostgreSQL header, so it cannot name ERRCODE_*
// macros. It carries a SqlState from this closed list instead; the PostgreSQL
// layer (src/pg/boundary.hpp) maps each to its ERRCODE and raises the error
// only after every C++ destructor has run.
#pragma once

#include <stdexcept>
#include <string>

namespace contacts::core {

enum class SqlState {
    InvalidParameterValue,      // 22023: a value or option the contract does not allow
    InvalidTextRepresentation,  // 22P02: a value that does not parse as its type
    NumericValueOutOfRange,     // 22003
    DatetimeFieldOverflow,      // 22008
    CharacterNotInRepertoire,   // 22021: invalid UTF-8
    NullValueNotAllowed,        // 22004
    UndefinedColumn,            // 42703: unknown field name
    ProgramLimitExceeded,       // 54000: nesting, array or string size limits
    QueryCanceled,              // 57014: a time limit ran out
    InternalError,              // XX000: a bug in contacts_ext, never user input
};

class Error : public std::runtime_error {
public:
    Error(SqlState state, std::string message, std::string detail = {}, std::string hint = {})
        : std::runtime_error(std::move(message)),
          state_(state),
          detail_(std::move(detail)),
          hint_(std::move(hint)) {}

    SqlState state() const noexcept { return state_; }
    const std::string& detail() const noexcept { return detail_; }
    const std::string& hint() const noexcept { return hint_; }

private:
    SqlState state_;
    std::string detail_;
    std::string hint_;
};

}  // namespace contacts::core
