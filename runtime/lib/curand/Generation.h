// One curandGenerate* call of the cuRAND host API: what it generates and where it starts.
// Both the device generators' kernel and the host generators run it (Generation.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

#include "npurt/lib/curand.h"

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

struct Generation {
  curandRngType_t type;
  unsigned long long seed;
  Distribution distribution;
  void *output;
  std::size_t count;
  double mean, stddev; // Normal and LogNormal; lambda is `mean` for Poisson
};

// Outputs per generating thread: even, so no normal pair is split between threads.
inline constexpr std::size_t OutputsPerChunk = 4096;

inline std::size_t chunkCount(const Generation &generation) {
  return (generation.count + OutputsPerChunk - 1) / OutputsPerChunk;
}

// 32-bit draws the outputs of [0, count) consume; not known beforehand for Poisson.
std::uint64_t drawsFor(const Generation &generation, std::size_t count);

// Writes outputs [chunk * OutputsPerChunk, ...) of the generation, from the sequence position
// `start` (the draws consumed before the call).
void generateChunk(const Generation &generation, std::uint64_t start, std::size_t chunk);

// Writes all outputs, serially, from `start`; returns the draws consumed (for Poisson).
std::uint64_t generatePoisson(const Generation &generation, std::uint64_t start);

// The host generators' form: every output, serially, from `start`; returns the draws consumed.
std::uint64_t generateAll(const Generation &generation, std::uint64_t start);

} // namespace npu::curand_host
