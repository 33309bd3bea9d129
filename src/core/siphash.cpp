#include "core/siphash.hpp"

#include "core/no_postgres.hpp"

namespace contacts::core {

namespace {

uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

// Little-endian load, independent of the host's byte order.
uint64_t load64(const uint8_t* p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

struct State {
    uint64_t v0, v1, v2, v3;

    void round() {
        v0 += v1;
        v1 = rotl(v1, 13);
        v1 ^= v0;
        v0 = rotl(v0, 32);
        v2 += v3;
        v3 = rotl(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = rotl(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = rotl(v1, 17);
        v1 ^= v2;
        v2 = rotl(v2, 32);
    }

    void absorb(uint64_t m) {
        v3 ^= m;
        round();  // c = 2 compression rounds
        round();
        v0 ^= m;
    }
};

}  // namespace

uint64_t siphash24(const uint8_t key[16], const uint8_t* data, std::size_t len) {
    const uint64_t k0 = load64(key);
    const uint64_t k1 = load64(key + 8);
    // The initialisation constants spell "somepseudorandomlygeneratedbytes".
    State s{k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL, k0 ^ 0x6c7967656e657261ULL,
            k1 ^ 0x7465646279746573ULL};

    const std::size_t full = len - len % 8;
    for (std::size_t i = 0; i < full; i += 8) s.absorb(load64(data + i));

    // Last block: the remaining bytes, zero padded, with len mod 256 in the top byte.
    uint64_t last = static_cast<uint64_t>(len & 0xFF) << 56;
    for (std::size_t i = 0; i < len % 8; ++i) last |= static_cast<uint64_t>(data[full + i]) << (8 * i);
    s.absorb(last);

    s.v2 ^= 0xFF;
    for (int i = 0; i < 4; ++i) s.round();  // d = 4 finalisation rounds
    return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

}  // namespace contacts::core
