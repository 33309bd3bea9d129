// SipHash-2-4 (Aumasson & Bernstein, 2012): a keyed 64-bit pseudorandom
// function, used as the cursor MAC and for sort fingerprints. Written from
// the paper's description; checked against its test vectors.
#pragma once

#include <cstddef>
#include <cstdint>

namespace contacts::core {

uint64_t siphash24(const uint8_t key[16], const uint8_t* data, std::size_t len);

}  // namespace contacts::core
