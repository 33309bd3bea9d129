// Selectivity estimators (RESTRICT functions) for @~~, ~~*@ and %~.
//
// PostgreSQL estimates LIKE '%term%' from the column's statistics: the most
// common values it matches plus the share of a 100-value histogram sample it
// matches, with a floor of 0.0001. A term that matches 0.5% of the rows but
// none of the 100 sampled values is taken for a 0.01% one (the "47x too low"
// plans of pg_trgm users), and a term that matches one sampled value is taken
// for a 1% one. Both mislead the choice between walking a sort index and
// filtering (right for common terms) and collecting matches from a trigram
// index, then sorting (right for rare ones).
//
// We combine two sources:
//   1. The column's statistics as a sample: the most common values (exact
//      frequencies) and the histogram (a uniform sample of the rest). Their
//      folded forms are computed once per statistics version and cached in
//      the backend, so evaluating a pattern against a few thousand of them
//      costs tens of microseconds (contacts_ext raises the statistics target
//      of the searched columns to 1000 for this resolution).
//   2. The GIN index of contacts_trgm_ops on the column, when there is one:
//      every row matching the pattern has every trigram the pattern requires,
//      so the number of rows under the rarest required trigram (or under a
//      short fragment's key range) — read from the index's entry tree and
//      posting-tree roots, a few buffer reads — is an upper bound. A
//      trigram counts in both its plain and accented forms, or in plain form
//      only where the pattern requires that (ILIKE with an ASCII pattern).
// The sample is trusted once it has seen a few matches (capped by the
// bound). With no match in the sample the term is rare: half a sample
// value's share, or less when the bound says so. Erring low on an unseen term
// is the safe side: a rare term planned as common walks the whole sort index.
//
// Functions calling PostgreSQL hold only trivially destructible locals (the
// C++ state lives in statics), so they call PostgreSQL directly.
#include "pg/boundary.hpp"
#include "pg/settings.hpp"
#include "pg/text_search.hpp"

#include "core/error.hpp"
#include "core/fold.hpp"
#include "core/trigram.hpp"
#include "core/trgm_index.hpp"

extern "C" {
#include "access/genam.h"
#include "access/gin_private.h"
#include "catalog/pg_am.h"
#include "access/htup_details.h"
#include "catalog/pg_statistic.h"
#include "utils/lsyscache.h"
#include "nodes/pathnodes.h"
#include "optimizer/optimizer.h"
#include "storage/bufmgr.h"
#include "utils/rel.h"
#include "utils/selfuncs.h"
}

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace ts = contacts::pg::textsearch;
namespace trgm = contacts::core::trgm;

namespace {

enum class Mode { FoldedLike, ILike, Similar };

// The requirements of the pattern being estimated.
trgm::PatternQuery g_pattern;

// Bounds on the work of one estimate.
constexpr int kMaxEntries = 4096;       // entries looked at per key range
constexpr int kMaxPostingTrees = 512;   // posting-tree roots read per key range
// From this many matching histogram values on, the sample alone decides.
constexpr int kSampleHitsTrusted = 4;
// Share of the upper bound taken when the sample saw no match.
constexpr double kBoundShare = 0.5;
// Below this share of the rows a term counts as rare (see estimate()).
constexpr double kRareShare = 0.003;
// A list of most common values without a histogram stands for the whole
// column from this many values on.
constexpr int kMinListedValues = 100;
// The two rarest trigrams' rows are intersected when the rarest has more
// than kMinIntersected rows and neither more than kMaxIntersected (reading
// 50,000 row pointers costs well under a millisecond of planning).
constexpr double kMinIntersected = 100;
constexpr int kMaxIntersected = 50000;

// Whether the pattern requires the plain form of trigram k (see trgm_index.hpp).
bool plain_required(trgm::Key k) {
    return std::binary_search(g_pattern.plain_keys.begin(), g_pattern.plain_keys.end(), k);
}

bool analyse(Mode mode, std::string_view pattern) {
    if (mode == Mode::FoldedLike) {
        g_pattern = trgm::folded_like_query(contacts::core::fold_like_pattern(pattern));
    } else {
        g_pattern = trgm::raw_like_query(pattern);
    }
    return !g_pattern.match_all;
}

// --- the statistics sample -----------------------------------------------------

// The folded most common values and histogram of one pg_statistic row.
struct Sample {
    // Identity of the statistics row: its location and inserting transaction
    // change whenever ANALYZE rewrites it.
    ItemPointerData tid;
    TransactionId xmin;
    Oid relid;
    bool complete = false;  // an ERROR while building leaves it incomplete (ignored)
    std::vector<std::string> mcv;
    std::vector<double> mcv_freq;
    std::vector<std::string> hist;
    std::vector<std::string> mcv_raw, hist_raw;               // as stored, for ILIKE
    std::vector<std::string> mcv_ci, hist_ci;                 // lower-cased, for ~~*@, on first use
    std::vector<std::vector<trgm::Key>> mcv_keys, hist_keys;  // for %~, on first use
};

constexpr std::size_t kCachedSamples = 32;
std::vector<std::unique_ptr<Sample>> g_samples;  // most recently used last
Sample* g_current = nullptr;

Sample* find_sample(const ItemPointerData& tid, TransactionId xmin, Oid relid) {
    for (std::size_t i = 0; i < g_samples.size(); ++i) {
        Sample* s = g_samples[i].get();
        if (s->complete && s->xmin == xmin && s->relid == relid &&
            ItemPointerEquals(const_cast<ItemPointerData*>(&s->tid), const_cast<ItemPointerData*>(&tid))) {
            std::rotate(g_samples.begin() + static_cast<std::ptrdiff_t>(i),
                        g_samples.begin() + static_cast<std::ptrdiff_t>(i) + 1, g_samples.end());
            return g_samples.back().get();
        }
    }
    return nullptr;
}

// C++ only: a new, empty cache entry (evicting the least recently used).
Sample* new_sample(const ItemPointerData& tid, TransactionId xmin, Oid relid) {
    if (g_samples.size() >= kCachedSamples) g_samples.erase(g_samples.begin());
    g_samples.push_back(std::make_unique<Sample>());
    Sample* s = g_samples.back().get();
    s->tid = tid;
    s->xmin = xmin;
    s->relid = relid;
    return s;
}

// C++ only: folds a statistics value into the sample being built. A value
// that cannot be folded (not UTF-8: impossible in a UTF8 database) is kept
// as is.
void add_value(bool is_mcv, const char* data, std::size_t len, double freq) {
    std::string folded;
    try {
        folded = contacts::core::fold(std::string_view(data, len));
    } catch (const contacts::core::Error&) {
        folded.assign(data, len);
    }
    if (is_mcv) {
        g_current->mcv.push_back(std::move(folded));
        g_current->mcv_raw.emplace_back(data, len);
        g_current->mcv_freq.push_back(freq);
    } else {
        g_current->hist.push_back(std::move(folded));
        g_current->hist_raw.emplace_back(data, len);
    }
}

// The cached sample of a statistics row, built on first use. Calls
// PostgreSQL directly: no C++ objects in this frame.
Sample* sample_of(HeapTuple stats) {
    const TransactionId xmin = HeapTupleHeaderGetRawXmin(stats->t_data);
    Sample* found = find_sample(stats->t_self, xmin, stats->t_tableOid);
    if (found != nullptr) return found;
    g_current = new_sample(stats->t_self, xmin, stats->t_tableOid);
    for (int kind : {STATISTIC_KIND_MCV, STATISTIC_KIND_HISTOGRAM}) {
        AttStatsSlot slot;
        const int flags = kind == STATISTIC_KIND_MCV ? (ATTSTATSSLOT_VALUES | ATTSTATSSLOT_NUMBERS) : ATTSTATSSLOT_VALUES;
        if (!get_attstatsslot(&slot, stats, kind, InvalidOid, flags)) continue;
        if (slot.valuetype == TEXTOID || slot.valuetype == VARCHAROID || slot.valuetype == BPCHAROID) {
            for (int i = 0; i < slot.nvalues; ++i) {
                text* t = DatumGetTextPP(slot.values[i]);
                std::string_view bytes = ts::bytes_of(t);
                add_value(kind == STATISTIC_KIND_MCV, bytes.data(), bytes.size(),
                          kind == STATISTIC_KIND_MCV && i < slot.nnumbers ? slot.numbers[i] : 0.0);
            }
        }
        free_attstatsslot(&slot);
    }
    Sample* s = g_current;
    s->complete = true;
    g_current = nullptr;
    return s;
}

struct SampleHits {
    double mcv_sel = 0;   // summed frequency of the matching most common values
    double mcv_total = 0; // summed frequency of all of them
    int mcv_hits = 0;     // number of matching most common values
    int mcv_size = 0;
    int hist_hits = 0;
    int hist_size = 0;
};

// C++ only: evaluates the operator on the folded sample.
SampleHits evaluate(Sample* s, Mode mode, std::string_view pattern) {
    SampleHits h;
    for (double f : s->mcv_freq) h.mcv_total += f;
    h.mcv_size = static_cast<int>(s->mcv_freq.size());
    h.hist_size = static_cast<int>(s->hist.size());
    if (mode == Mode::Similar) {
        std::vector<trgm::Key> q;
        trgm::extract_keys(contacts::core::fold(pattern), q);
        auto keys = [](std::vector<std::string>& values, std::vector<std::vector<trgm::Key>>& out) {
            if (out.size() == values.size()) return;
            out.resize(values.size());
            for (std::size_t i = 0; i < values.size(); ++i) trgm::extract_keys(values[i], out[i]);
        };
        keys(s->mcv, s->mcv_keys);
        keys(s->hist, s->hist_keys);
        const double threshold = contacts::pg::similarity_threshold;
        for (std::size_t i = 0; i < s->mcv.size(); ++i)
            if (trgm::similarity(s->mcv_keys[i], q) >= threshold) {
                h.mcv_sel += s->mcv_freq[i];
                ++h.mcv_hits;
            }
        for (const auto& k : s->hist_keys) h.hist_hits += trgm::similarity(k, q) >= threshold ? 1 : 0;
        return h;
    }
    if (mode == Mode::ILike) {
        // ILIKE: LIKE on lower-cased text (accents and ß matter).
        auto fold_case = [](const std::vector<std::string>& raw, std::vector<std::string>& out) {
            if (out.size() == raw.size()) return;
            out.clear();
            for (const std::string& v : raw) {
                try {
                    out.push_back(trgm::lower_case(v));
                } catch (const contacts::core::Error&) {
                    out.push_back(v);
                }
            }
        };
        fold_case(s->mcv_raw, s->mcv_ci);
        fold_case(s->hist_raw, s->hist_ci);
        const trgm::LikeMatcher matcher(trgm::lower_like_pattern(pattern));
        for (std::size_t i = 0; i < s->mcv_ci.size(); ++i)
            if (matcher.matches(s->mcv_ci[i])) {
                h.mcv_sel += s->mcv_freq[i];
                ++h.mcv_hits;
            }
        for (const std::string& v : s->hist_ci) h.hist_hits += matcher.matches(v) ? 1 : 0;
        return h;
    }
    const trgm::LikeMatcher matcher(contacts::core::fold_like_pattern(pattern));
    for (std::size_t i = 0; i < s->mcv.size(); ++i)
        if (matcher.matches(s->mcv[i])) {
            h.mcv_sel += s->mcv_freq[i];
            ++h.mcv_hits;
        }
    for (const std::string& v : s->hist) h.hist_hits += matcher.matches(v) ? 1 : 0;
    return h;
}

// Items of one compressed posting-list segment: the first item, then one
// varbyte-encoded delta per byte with the high bit clear.
uint64 segment_items(const GinPostingList* seg) {
    uint64 n = 1;
    for (uint16 i = 0; i < seg->nbytes; ++i) n += (seg->bytes[i] & 0x80) == 0 ? 1 : 0;
    return n;
}

// Estimated number of items under a posting tree: the fan-outs down its
// leftmost path times the items of its leftmost leaf.
double posting_tree_items(Relation index, BlockNumber root) {
    Buffer buf = ReadBuffer(index, root);
    LockBuffer(buf, GIN_SHARE);
    Page page = BufferGetPage(buf);
    double fanout = 1.0;
    for (int depth = 0; !GinPageIsLeaf(page) && depth < 16; ++depth) {
        const OffsetNumber maxoff = GinPageGetOpaque(page)->maxoff;
        if (maxoff < FirstOffsetNumber) break;
        fanout *= maxoff;
        const BlockNumber child = PostingItemGetBlockNumber(GinDataPageGetPostingItem(page, FirstOffsetNumber));
        UnlockReleaseBuffer(buf);
        buf = ReadBuffer(index, child);
        LockBuffer(buf, GIN_SHARE);
        page = BufferGetPage(buf);
    }
    double items = 0;
    if (GinPageIsLeaf(page)) {
        if (GinPageIsCompressed(page)) {
            const char* p = reinterpret_cast<const char*>(GinDataLeafPageGetPostingList(page));
            const char* end = p + GinDataLeafPageGetPostingListSize(page);
            while (p < end) {
                const auto* seg = reinterpret_cast<const GinPostingList*>(p);
                items += static_cast<double>(segment_items(seg));
                p = reinterpret_cast<const char*>(GinNextPostingListSegment(seg));
            }
        } else {
            items = GinPageGetOpaque(page)->maxoff;
        }
    }
    UnlockReleaseBuffer(buf);
    return fanout * items;
}

// Rows under the entries of attnum whose key equals `start` (length 0) or
// lies in the prefix range (length 1 or 2). *complete is cleared when the
// range was too large to read in full (the count is then a lower bound).
double count_range(Relation index, GinState* state, OffsetNumber attnum, trgm::Key start, int length,
                   bool* complete) {
    GinBtreeData btree;
    ginPrepareEntryScan(&btree, attnum, Int64GetDatum(start), GIN_CAT_NORM_KEY, state);
    GinBtreeStack* stack = ginFindLeafPage(&btree, true, false, nullptr);
    btree.findItem(&btree, stack);
    Page page = BufferGetPage(stack->buffer);

    double rows = 0;
    BlockNumber trees[kMaxPostingTrees];
    int ntrees = 0;
    const trgm::Prefix prefix{start, length};
    for (int seen = 0;; ++seen) {
        if (seen >= kMaxEntries || ntrees >= kMaxPostingTrees) {
            *complete = false;
            break;
        }
        if (stack->off > PageGetMaxOffsetNumber(page)) {
            if (GinPageRightMost(page)) break;
            stack->buffer = ginStepRight(stack->buffer, index, GIN_SHARE);
            stack->blkno = BufferGetBlockNumber(stack->buffer);
            page = BufferGetPage(stack->buffer);
            stack->off = FirstOffsetNumber;
            continue;
        }
        auto itup = reinterpret_cast<IndexTuple>(PageGetItem(page, PageGetItemId(page, stack->off)));
        if (gintuple_get_attrnum(state, itup) != attnum) break;
        GinNullCategory category;
        const Datum key = gintuple_get_key(state, itup, &category);
        if (category != GIN_CAT_NORM_KEY) break;
        const trgm::Key k = DatumGetInt64(key);
        if (length == 0 ? k != start : trgm::compare_prefix(prefix, k) != 0) break;
        if (GinIsPostingTree(itup)) {
            trees[ntrees++] = GinGetPostingTree(itup);
        } else {
            rows += GinGetNPosting(itup);
        }
        stack->off++;
    }
    LockBuffer(stack->buffer, GIN_UNLOCK);
    freeGinBtreeStack(stack);  // releases the entry page
    for (int i = 0; i < ntrees; ++i) rows += posting_tree_items(index, trees[i]);
    return rows;
}

// Row pointers under one entry (key), appended to *items (palloc'd, grown
// with repalloc; *n used, *cap allocated). False when the entry holds more
// than max_items rows (nothing useful appended).
bool append_key_tids(Relation index, GinState* state, OffsetNumber attnum, trgm::Key key, int max_items,
                     ItemPointer* items, int* n, int* cap) {
    GinBtreeData btree;
    ginPrepareEntryScan(&btree, attnum, Int64GetDatum(key), GIN_CAT_NORM_KEY, state);
    GinBtreeStack* stack = ginFindLeafPage(&btree, true, false, nullptr);
    BlockNumber tree = InvalidBlockNumber;
    ItemPointer inline_items = nullptr;
    int ninline = 0;
    bool ok = true;
    if (btree.findItem(&btree, stack)) {
        Page page = BufferGetPage(stack->buffer);
        auto itup = reinterpret_cast<IndexTuple>(PageGetItem(page, PageGetItemId(page, stack->off)));
        if (GinIsPostingTree(itup)) {
            tree = GinGetPostingTree(itup);
        } else if (GinGetNPosting(itup) <= max_items) {
            inline_items = ginReadTuple(state, attnum, itup, &ninline);
        } else {
            ok = false;
        }
    }
    LockBuffer(stack->buffer, GIN_UNLOCK);
    freeGinBtreeStack(stack);
    if (!ok) return false;
    auto append = [&](ItemPointer src, int count) {
        if (*n + count > *cap) {
            while (*n + count > *cap) *cap *= 2;
            *items = static_cast<ItemPointer>(repalloc(*items, sizeof(ItemPointerData) * *cap));
        }
        memcpy(*items + *n, src, sizeof(ItemPointerData) * count);
        *n += count;
    };
    if (inline_items != nullptr) {
        append(inline_items, ninline);
        pfree(inline_items);
        return true;
    }
    if (tree == InvalidBlockNumber) return true;  // no such key: no rows
    if (posting_tree_items(index, tree) > max_items) return false;

    // Down the leftmost path to the first leaf, then along the leaves.
    Buffer buf = ReadBuffer(index, tree);
    LockBuffer(buf, GIN_SHARE);
    Page page = BufferGetPage(buf);
    for (int depth = 0; !GinPageIsLeaf(page) && depth < 16; ++depth) {
        const BlockNumber child = PostingItemGetBlockNumber(GinDataPageGetPostingItem(page, FirstOffsetNumber));
        UnlockReleaseBuffer(buf);
        buf = ReadBuffer(index, child);
        LockBuffer(buf, GIN_SHARE);
        page = BufferGetPage(buf);
    }
    const int start = *n;
    while (GinPageIsLeaf(page)) {
        ItemPointerData none;
        ItemPointerSetMin(&none);
        int nleaf = 0;
        ItemPointer leaf = GinDataLeafPageGetItems(page, &nleaf, none);
        if (*n - start + nleaf > 2 * max_items) {  // the size estimate was off: give up
            if (leaf != nullptr) pfree(leaf);
            UnlockReleaseBuffer(buf);
            return false;
        }
        if (nleaf > 0) append(leaf, nleaf);
        if (leaf != nullptr) pfree(leaf);
        const BlockNumber next = GinPageGetOpaque(page)->rightlink;
        UnlockReleaseBuffer(buf);
        if (next == InvalidBlockNumber) return true;
        buf = ReadBuffer(index, next);
        LockBuffer(buf, GIN_SHARE);
        page = BufferGetPage(buf);
    }
    UnlockReleaseBuffer(buf);
    return true;
}

int compare_tids(const void* a, const void* b) {
    return ginCompareItemPointers(static_cast<ItemPointer>(const_cast<void*>(a)),
                                  static_cast<ItemPointer>(const_cast<void*>(b)));
}

// The rows having a trigram in either of its forms (or the plain form only
// when the pattern requires it), sorted and distinct; nullptr when more than
// max_items.
ItemPointer trigram_tids(Relation index, GinState* state, OffsetNumber attnum, trgm::Key k, bool plain_only,
                         int max_items, int* n) {
    int cap = 1024;
    *n = 0;
    auto* items = static_cast<ItemPointer>(palloc(sizeof(ItemPointerData) * cap));
    if (!append_key_tids(index, state, attnum, k, max_items, &items, n, &cap)) {
        pfree(items);
        return nullptr;
    }
    const int plain = *n;  // one entry's pointers come sorted and distinct
    if (!plain_only && !append_key_tids(index, state, attnum, trgm::accented_of(k), max_items, &items, n, &cap)) {
        pfree(items);
        return nullptr;
    }
    if (*n > plain && plain > 0) {
        qsort(items, static_cast<size_t>(*n), sizeof(ItemPointerData), compare_tids);
        int w = 1;
        for (int r = 1; r < *n; ++r)
            if (ginCompareItemPointers(&items[r], &items[w - 1]) != 0) items[w++] = items[r];
        *n = w;
    }
    return items;
}

int count_common(ItemPointer a, int na, ItemPointer b, int nb) {
    int i = 0, j = 0, both = 0;
    while (i < na && j < nb) {
        const int c = ginCompareItemPointers(&a[i], &b[j]);
        if (c < 0) {
            ++i;
        } else if (c > 0) {
            ++j;
        } else {
            ++both;
            ++i;
            ++j;
        }
    }
    return both;
}

// Whether index column `col` indexes exactly the expression `var`.
bool column_matches(IndexOptInfo* index, int col, Node* var) {
    if (var != nullptr && IsA(var, RelabelType)) var = reinterpret_cast<Node*>(reinterpret_cast<RelabelType*>(var)->arg);
    if (index->indexkeys[col] != 0) {
        return var != nullptr && IsA(var, Var) && reinterpret_cast<Var*>(var)->varattno == index->indexkeys[col];
    }
    ListCell* expr_cell = list_head(index->indexprs);
    for (int c = 0; c < col; ++c)
        if (index->indexkeys[c] == 0 && expr_cell != nullptr) expr_cell = lnext(index->indexprs, expr_cell);
    if (expr_cell == nullptr) return false;
    Node* expr = static_cast<Node*>(lfirst(expr_cell));
    if (expr != nullptr && IsA(expr, RelabelType)) expr = reinterpret_cast<Node*>(reinterpret_cast<RelabelType*>(expr)->arg);
    return equal(expr, var);
}

// Upper bound on the selectivity of g_pattern from a contacts_trgm_ops index
// on the variable, or -1 when there is none.
double index_bound(VariableStatData* vardata, Oid oper) {
    RelOptInfo* rel = vardata->rel;
    if (rel == nullptr || rel->tuples < 1 || g_pattern.match_all) return -1;
    ListCell* lc;
    foreach (lc, rel->indexlist) {
        auto* index = static_cast<IndexOptInfo*>(lfirst(lc));
        if (index->relam != GIN_AM_OID || index->indpred != NIL) continue;
        for (int col = 0; col < index->nkeycolumns; ++col) {
            if (!op_in_opfamily(oper, index->opfamily[col]) || !column_matches(index, col, vardata->var)) continue;
            Relation irel = index_open(index->indexoid, AccessShareLock);
            GinState state;
            initGinState(&state, irel);
            const auto attnum = static_cast<OffsetNumber>(col + 1);
            // A key in plain form only when the pattern requires that form,
            // else in both (a row may hold both forms: the sum bounds it).
            double best = -1, second = -1;
            trgm::Key best_key = 0, second_key = 0;
            for (trgm::Key k : g_pattern.keys) {
                bool complete = true;
                double rows = count_range(irel, &state, attnum, k, 0, &complete);
                if (!plain_required(k)) rows += count_range(irel, &state, attnum, trgm::accented_of(k), 0, &complete);
                if (best < 0 || rows < best) {
                    second = best;
                    second_key = best_key;
                    best = rows;
                    best_key = k;
                } else if (second < 0 || rows < second) {
                    second = rows;
                    second_key = k;
                }
                if (best == 0) break;
            }
            // Rows having both of the two rarest trigrams: a much tighter
            // bound when they are independent (the digits of a phone number,
            // hex ids), about the same when they come from one word.
            if (best > kMinIntersected && second > 0 && second <= kMaxIntersected) {
                int na = 0, nb = 0;
                ItemPointer a = trigram_tids(irel, &state, attnum, best_key, plain_required(best_key),
                                             kMaxIntersected, &na);
                ItemPointer b = a == nullptr ? nullptr
                                             : trigram_tids(irel, &state, attnum, second_key,
                                                            plain_required(second_key), kMaxIntersected, &nb);
                if (a != nullptr && b != nullptr) best = count_common(a, na, b, nb);
                if (a != nullptr) pfree(a);
                if (b != nullptr) pfree(b);
            }
            for (const trgm::Prefix& p : g_pattern.prefixes) {
                bool complete = true;
                double rows = count_range(irel, &state, attnum, p.start, p.length, &complete);
                rows += count_range(irel, &state, attnum, trgm::accented_of(p.start), p.length, &complete);
                if (!complete) rows = rel->tuples;  // too wide to count: no bound
                if (best < 0 || rows < best) best = rows;
            }
            index_close(irel, AccessShareLock);
            if (best < 0) return -1;
            return std::min(1.0, best / rel->tuples);
        }
    }
    return -1;
}

double clamp_selectivity(double s, double tuples) {
    const double floor = tuples >= 1 ? 0.5 / tuples : 1e-7;
    if (s < floor) s = floor;
    if (s > 1.0) s = 1.0;
    return s;
}

// The estimate for `a <oper> const` where a is a column or expression.
// Calls PostgreSQL directly (no C++ objects in this frame).
double estimate(FunctionCallInfo fcinfo, Mode mode) {
    auto* root = reinterpret_cast<PlannerInfo*>(PG_GETARG_POINTER(0));
    const Oid oper = PG_GETARG_OID(1);
    auto* args = reinterpret_cast<List*>(PG_GETARG_POINTER(2));
    const int var_relid = PG_GETARG_INT32(3);
    const double fallback = mode == Mode::Similar ? 0.01 : DEFAULT_MATCH_SEL;

    VariableStatData vardata;
    Node* other = nullptr;
    bool var_on_left = false;
    if (!get_restriction_variable(root, args, var_relid, &vardata, &other, &var_on_left)) return fallback;
    if (!var_on_left || other == nullptr || !IsA(other, Const)) {
        ReleaseVariableStats(vardata);
        return fallback;
    }
    auto* constant = reinterpret_cast<Const*>(other);
    if (constant->constisnull) {
        ReleaseVariableStats(vardata);
        return 0.0;
    }
    ts::require_utf8();
    const double tuples = vardata.rel != nullptr ? vardata.rel->tuples : 0;
    const std::string_view pattern = ts::bytes_of(DatumGetTextPP(constant->constvalue));

    // 1. The sample.
    SampleHits hits;
    double null_frac = 0;
    const bool have_stats = HeapTupleIsValid(vardata.statsTuple);
    if (have_stats) {
        null_frac = reinterpret_cast<Form_pg_statistic>(GETSTRUCT(vardata.statsTuple))->stanullfrac;
        hits = evaluate(sample_of(vardata.statsTuple), mode, pattern);
    }
    const double rest_frac = std::max(0.0, 1.0 - null_frac - hits.mcv_total);
    const bool have_hist = hits.hist_size >= 10;

    // 2. The index bound, unless the sample already decides (LIKE-type only).
    double bound = -1;
    if (mode != Mode::Similar && !(have_hist && hits.hist_hits >= kSampleHitsTrusted)) {
        if (analyse(mode, pattern)) bound = index_bound(&vardata, oper);
    }
    ReleaseVariableStats(vardata);

    double sel;
    if (have_hist) {
        const double sample = hits.mcv_sel + static_cast<double>(hits.hist_hits) / hits.hist_size * rest_frac;
        if (hits.hist_hits > 0) {
            sel = bound >= 0 ? std::min(sample, std::max(bound, hits.mcv_sel)) : sample;
        } else {
            // Unseen in the sample: rare. Half a sampled value's share, or a
            // share of the index bound when that is smaller.
            double unseen = 0.5 / hits.hist_size * rest_frac;
            if (bound >= 0) unseen = std::min(unseen, bound * kBoundShare);
            sel = hits.mcv_sel + unseen;
        }
    } else if (bound >= 0 && hits.mcv_size >= kMinListedValues) {
        // No histogram: ANALYZE listed (nearly) every value it saw as a most
        // common value, and the rest are values too rare to list. They are
        // taken to match as often as the listed values do (one half added
        // to the count, as for an unseen term), within the index bound.
        const double rest = rest_frac * (hits.mcv_hits + 0.5) / (hits.mcv_size + 1);
        sel = std::min(hits.mcv_sel + rest, std::max(bound, hits.mcv_sel));
    } else if (bound >= 0) {
        sel = std::max(hits.mcv_sel, bound * kBoundShare);
    } else if (have_stats && hits.mcv_total > 0) {
        sel = hits.mcv_sel + fallback * rest_frac;
    } else {
        sel = fallback;
    }
    // Rare terms: the plan this estimate decides is "walk the sort index
    // and filter" against "fetch the index's candidates, then sort".
    // PostgreSQL prices the walk as if the matches were spread evenly along
    // the sort order and the fetch as if every heap page came from disk; on
    // a cached table the walk is the slower one up to about 0.13% of the
    // rows, and only the fetch has a bounded cost (the candidates) when the
    // matches happen to sit late in the sort order. Below kRareShare the
    // estimate is therefore shrunk towards zero, continuously (sel²/share).
    if (sel < kRareShare) sel = sel * (sel / kRareShare);
    return clamp_selectivity(sel, tuples);
}

}  // namespace

// contacts_like_folded_sel(internal, oid, internal, int4) → float8: RESTRICT of @~~
CONTACTS_FUNCTION(contacts_like_folded_sel) { PG_RETURN_FLOAT8(estimate(fcinfo, Mode::FoldedLike)); }

// contacts_ilike_sel(internal, oid, internal, int4) → float8: RESTRICT of ~~*@
CONTACTS_FUNCTION(contacts_ilike_sel) { PG_RETURN_FLOAT8(estimate(fcinfo, Mode::ILike)); }

// contacts_similar_sel(internal, oid, internal, int4) → float8: RESTRICT of %~
CONTACTS_FUNCTION(contacts_similar_sel) { PG_RETURN_FLOAT8(estimate(fcinfo, Mode::Similar)); }
