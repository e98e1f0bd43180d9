// The cuRAND host API's generators as NVIDIA lays them out: a generator is `threads`
// interleaved device-API states, state t started at curand_init(seed, t, 0) (subsequence t),
// and the generator's elements are dealt to them in turn, `group` consecutive elements at a
// time: element e belongs to state (e / group) % threads, which draws it from where it stands.
// An element is one value, or one normal pair on XORWOW and MRG32k3a; an offset skips that many
// one-draw elements. (Established by comparing with NVIDIA's libcurand host generators:
// docs/ARCHITECTURE.md, "cuRAND host API".) Both the device generators' kernel and the host
// generators run a call thread by thread (Generation.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "npurt/lib/curand.h"
#include "npurt/lib/curand_kernel.h"

namespace npu::curand_host {

enum class Distribution {
  Bits,
  Uniform,
  UniformDouble,
  Normal,
  NormalDouble,
  LogNormal,
  LogNormalDouble,
  Poisson
};

struct Layout {
  std::uint64_t threads;
  std::uint64_t group;
};
Layout layoutOf(curandRngType_t type);

// A generator's states, one vector of them for its type, and the elements dealt so far.
struct GeneratorStates {
  curandRngType_t type = CURAND_RNG_PSEUDO_XORWOW;
  std::vector<curandStateXORWOW_t> xorwow;
  std::vector<curandStatePhilox4_32_10_t> philox;
  std::vector<curandStateMRG32k3a_t> mrg;
  std::uint64_t element = 0;
};

// Starts every state for `seed`, then skips `offset` one-draw elements.
void restart(GeneratorStates &states, curandRngType_t type, unsigned long long seed,
             unsigned long long offset);

struct Generation {
  Distribution distribution;
  void *output;
  std::size_t count;   // values written
  double mean, stddev; // Normal and LogNormal; lambda is `mean` for Poisson
  GeneratorStates *states;
  std::uint64_t firstElement; // the generator's element count when the call runs
};

// Elements the call deals (values, or pairs on XORWOW and MRG32k3a for the normals).
std::uint64_t elementsOf(const Generation &generation, curandRngType_t type);

// A generating thread's share: StatesPerTile consecutive states (every generator's state count
// is a multiple), whose elements it writes round by round, so its writes are contiguous.
inline constexpr std::uint64_t StatesPerTile = 16;

// Generates tile `tile`'s elements of the call, advancing its states; returns how many.
std::uint64_t generateTile(const Generation &generation, std::uint64_t tile);

// What a thread's part costs on a modeled device (NPU_COST's classes), from its elements: a
// coarse per-draw count for each generator (Philox: ten rounds of two 32x32 multiplies and
// four xors per four draws; XORWOW: six shifts and xors and an add; MRG32k3a: two 64-bit
// multiply-adds and reductions) and per value for the conversions.
struct Cost {
  std::uint64_t intOps = 0, fp32 = 0, fp64 = 0, sfu = 0, bytesWritten = 0;
};
Cost costOf(const Generation &generation, std::uint64_t elements);

} // namespace npu::curand_host
