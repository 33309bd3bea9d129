// Shared by the text search functions (text_functions.cpp), the GIN operator
// class (trgm_gin.cpp) and the selectivity estimator (text_estimate.cpp).
//
// The folding buffers are static: a backend is single-threaded, and keeping
// them out of the calling frames lets those frames call PostgreSQL directly
// (they hold no C++ object with a destructor that a longjmp could skip).
#pragma once

#include "pg/postgres.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "core/trgm_index.hpp"

namespace contacts::pg::textsearch {

// GIN strategies of contacts_trgm_ops.
enum Strategy : StrategyNumber {
    kFoldedLike = 1,     // a @~~ b: fold(a) LIKE fold_like_pattern(b)
    kSimilar = 2,        // a %~ b: similarity(fold(a), fold(b)) >= contacts_ext.similarity_threshold
    kLike = 3,           // a ~~ b: LIKE
    kILike = 4,          // a ~~* b: ILIKE
    kILikeEstimated = 5, // a ~~*@ b: ILIKE, estimated by contacts_ext
};

// A view of a text datum's bytes (detoasted with PG_DETOAST_DATUM_PACKED by
// the caller). Trivially destructible.
inline std::string_view bytes_of(const text* t) {
    return std::string_view(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

// Folds `in` into static buffer `slot` (0 or 1) and returns a view of the
// result, valid until the next fold into the same slot. Throws core::Error
// on invalid UTF-8.
std::string_view fold_into_slot(std::string_view in, int slot);

// The trigram keys of folded text, in a static buffer (valid until the next
// call).
const std::vector<core::trgm::Key>& keys_of_folded(std::string_view folded);

// Releases the static buffers when a huge input grew them (call after use).
void trim_buffers();

// ERROR unless the database encoding is UTF8 (folding needs UTF-8 text).
// Calls ereport: use only in frames without C++ objects.
void require_utf8();

// Once per backend, compares the folding version the extension's indexes
// were built with (table contacts_text_version in the schema of the function
// being called) with the running one, and WARNs with REINDEX advice when
// they differ. Calls PostgreSQL directly: use only in frames without C++
// objects. Does nothing for direct calls (no flinfo).
void check_fold_version(FunctionCallInfo fcinfo);

}  // namespace contacts::pg::textsearch
