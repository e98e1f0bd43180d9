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

// What a thread's part of the generation costs on a modeled device (NPU_COST's classes), from
// the draws and outputs it makes: a coarse per-draw count for each generator (Philox: ten rounds
// of two 32x32 multiplies and four xors per four draws; XORWOW: six shifts and xors and an add;
// MRG32k3a: two 64-bit multiply-adds and reductions) and per output for the conversions.
struct Cost {
  std::uint64_t intOps = 0, fp32 = 0, fp64 = 0, sfu = 0, bytesWritten = 0;
};
Cost costOf(const Generation &generation, std::size_t outputs, std::uint64_t draws);

// Outputs of the generation that thread `chunk` writes.
std::size_t outputsOfChunk(const Generation &generation, std::size_t chunk);

// Writes outputs [chunk * OutputsPerChunk, ...) of the generation, from the sequence position
// `start` (the draws consumed before the call).
void generateChunk(const Generation &generation, std::uint64_t start, std::size_t chunk);

// Writes all outputs, serially, from `start`; returns the draws consumed (for Poisson).
std::uint64_t generatePoisson(const Generation &generation, std::uint64_t start);

// The host generators' form: every output, serially, from `start`; returns the draws consumed.
std::uint64_t generateAll(const Generation &generation, std::uint64_t start);

} // namespace npu::curand_host
