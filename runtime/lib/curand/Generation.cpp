// The host API's sequences: output k of a call is what the device API gives for the same
// generator type with curand_init(seed, 0, start) followed by k calls (pairs for the normal
// distributions), so a generator's values are one sequence across calls.
#include "lib/curand/Generation.h"

#include <algorithm>
#include <cmath>

#include "npurt/lib/curand_kernel.h"

namespace npu::curand_host {
namespace {

bool isBitGenerator(curandRngType_t type) { return type != CURAND_RNG_PSEUDO_MRG32K3A; }

template <class State>
void writeChunk(const Generation &g, State &state, std::size_t first, std::size_t count) {
  const float mean = float(g.mean), stddev = float(g.stddev);
  for (std::size_t i = first; i < first + count; ++i) {
    switch (g.distribution) {
    case Distribution::Bits:
      static_cast<unsigned *>(g.output)[i] = curand(&state);
      break;
    case Distribution::Uniform:
      static_cast<float *>(g.output)[i] = curand_uniform(&state);
      break;
    case Distribution::UniformDouble:
      static_cast<double *>(g.output)[i] = curand_uniform_double(&state);
      break;
    case Distribution::Normal:
    case Distribution::LogNormal: {
      const float2 pair = curand_normal2(&state);
      float *out = static_cast<float *>(g.output) + i++;
      out[0] = mean + stddev * pair.x;
      out[1] = mean + stddev * pair.y;
      if (g.distribution == Distribution::LogNormal) {
        out[0] = std::exp(out[0]);
        out[1] = std::exp(out[1]);
      }
      break;
    }
    case Distribution::NormalDouble:
    case Distribution::LogNormalDouble: {
      const double2 pair = curand_normal2_double(&state);
      double *out = static_cast<double *>(g.output) + i++;
      out[0] = g.mean + g.stddev * pair.x;
      out[1] = g.mean + g.stddev * pair.y;
      if (g.distribution == Distribution::LogNormalDouble) {
        out[0] = std::exp(out[0]);
        out[1] = std::exp(out[1]);
      }
      break;
    }
    case Distribution::Poisson:
      break; // generatePoisson
    }
  }
}

// Calls `body` with a state of the generation's type at sequence position `position`.
template <class Body> void withState(const Generation &g, std::uint64_t position, Body &&body) {
  switch (g.type) {
  case CURAND_RNG_PSEUDO_MRG32K3A: {
    curandStateMRG32k3a_t state;
    curand_init(g.seed, 0, position, &state);
    return body(state);
  }
  case CURAND_RNG_PSEUDO_PHILOX4_32_10: {
    curandStatePhilox4_32_10_t state;
    curand_init(g.seed, 0, position, &state);
    return body(state);
  }
  default: {
    curandStateXORWOW_t state;
    curand_init(g.seed, 0, position, &state);
    return body(state);
  }
  }
}

} // namespace

std::uint64_t drawsFor(const Generation &g, std::size_t count) {
  const bool twoDrawsEach = (g.distribution == Distribution::UniformDouble ||
                             g.distribution == Distribution::NormalDouble ||
                             g.distribution == Distribution::LogNormalDouble) &&
                            isBitGenerator(g.type);
  return std::uint64_t(count) * (twoDrawsEach ? 2 : 1);
}

std::size_t outputsOfChunk(const Generation &g, std::size_t chunk) {
  const std::size_t first = chunk * OutputsPerChunk;
  return first >= g.count ? 0 : std::min(OutputsPerChunk, g.count - first);
}

Cost costOf(const Generation &g, std::size_t outputs, std::uint64_t draws) {
  const std::uint64_t perDraw = g.type == CURAND_RNG_PSEUDO_PHILOX4_32_10 ? 15
                                : g.type == CURAND_RNG_PSEUDO_MRG32K3A    ? 12
                                                                          : 7;
  Cost cost;
  cost.intOps = draws * perDraw;
  switch (g.distribution) {
  case Distribution::Bits:
  case Distribution::Poisson:
    cost.bytesWritten = 4 * outputs;
    break;
  case Distribution::Uniform:
    cost.fp32 = 2 * outputs;
    cost.bytesWritten = 4 * outputs;
    break;
  case Distribution::UniformDouble:
    cost.fp64 = 2 * outputs;
    cost.bytesWritten = 8 * outputs;
    break;
  case Distribution::Normal:
  case Distribution::LogNormal: // log, sqrt, sin and cos per pair; exp per value
    cost.fp32 = 6 * outputs;
    cost.sfu = 2 * outputs + (g.distribution == Distribution::LogNormal ? outputs : 0);
    cost.bytesWritten = 4 * outputs;
    break;
  case Distribution::NormalDouble:
  case Distribution::LogNormalDouble:
    cost.fp64 = 6 * outputs;
    cost.sfu = 2 * outputs + (g.distribution == Distribution::LogNormalDouble ? outputs : 0);
    cost.bytesWritten = 8 * outputs;
    break;
  }
  if (g.distribution == Distribution::Poisson) // exp(lambda), or PTRS's logs, per output
    cost.sfu = 2 * outputs;
  return cost;
}

void generateChunk(const Generation &g, std::uint64_t start, std::size_t chunk) {
  const std::size_t count = outputsOfChunk(g, chunk);
  if (count == 0)
    return;
  const std::size_t first = chunk * OutputsPerChunk;
  withState(g, start + drawsFor(g, first),
            [&](auto &state) { writeChunk(g, state, first, count); });
}

std::uint64_t generatePoisson(const Generation &g, std::uint64_t start) {
  std::uint64_t draws = 0;
  const std::uint64_t perDouble = isBitGenerator(g.type) ? 2 : 1;
  withState(g, start, [&](auto &state) {
    unsigned *out = static_cast<unsigned *>(g.output);
    for (std::size_t i = 0; i < g.count; ++i)
      out[i] = npu::curand_detail::poissonFrom(
          g.mean,
          [&] {
            ++draws;
            return curand_uniform(&state);
          },
          [&] {
            draws += perDouble;
            return curand_uniform_double(&state);
          });
  });
  return draws;
}

std::uint64_t generateAll(const Generation &g, std::uint64_t start) {
  if (g.distribution == Distribution::Poisson)
    return generatePoisson(g, start);
  for (std::size_t chunk = 0; chunk < chunkCount(g); ++chunk)
    generateChunk(g, start, chunk);
  return drawsFor(g, g.count);
}

} // namespace npu::curand_host
