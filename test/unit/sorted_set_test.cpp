// Sorted, duplicate-free arrays as sets: core/sorted_set.hpp.
#include "core/sorted_set.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

using namespace contacts::core;

TEST(SortedSet, SortUnique) {
    std::vector<uint32_t> v{5, 1, 3, 1, 5, 2};
    sort_unique(v);
    EXPECT_EQ(v, (std::vector<uint32_t>{1, 2, 3, 5}));
    std::vector<int64_t> empty;
    sort_unique(empty);
    EXPECT_TRUE(empty.empty());
}

TEST(SortedSet, CountCommon) {
    const std::vector<uint32_t> a{1, 3, 5, 7};
    const std::vector<uint32_t> b{2, 3, 4, 7, 9};
    EXPECT_EQ(count_common(a, b), 2u);
    EXPECT_EQ(count_common(b, a), 2u);
    EXPECT_EQ(count_common(a, a), a.size());
    EXPECT_EQ(count_common(a, std::vector<uint32_t>{}), 0u);
    // Signed keys (trgm::Key): negative ones sort first.
    const std::vector<int64_t> c{INT64_MIN, -4, 0, 8};
    const std::vector<int64_t> d{-4, 8, 9};
    EXPECT_EQ(count_common(c, d), 2u);
    // The pointer form counts the same over the given lengths.
    EXPECT_EQ(count_common(c.data(), c.size(), d.data(), d.size()), 2u);
    EXPECT_EQ(count_common(c.data(), 2, d.data(), d.size()), 1u);
}
