// Sorted, duplicate-free arrays used as sets: the trigram keys of core/trigram
// (uint32_t) and core/trgm_index (trgm::Key), and the copies of them that
// src/pg keeps in PostgreSQL memory.
//
// Header-only and free of PostgreSQL and core-internal headers, so src/pg may
// include it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace contacts::core {

// Sorts `keys` ascending and removes duplicates.
template <typename T>
void sort_unique(std::vector<T>& keys) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

// Number of elements two sorted (ascending), duplicate-free arrays share:
// a[0..na) and b[0..nb).
template <typename T>
std::size_t count_common(const T* a, std::size_t na, const T* b, std::size_t nb) {
    std::size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return common;
}

template <typename T>
std::size_t count_common(const std::vector<T>& a, const std::vector<T>& b) {
    return count_common(a.data(), a.size(), b.data(), b.size());
}

}  // namespace contacts::core
