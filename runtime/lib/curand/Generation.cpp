// The host API's values: each state draws its elements with the device API's functions, so a
// generator's output is a function of its seed, offset and the calls before, as NVIDIA's is.
#include "lib/curand/Generation.h"

#include <algorithm>
#include <cmath>

namespace npu::curand_host {
namespace {

bool pairsAreElements(curandRngType_t type) { return type != CURAND_RNG_PSEUDO_PHILOX4_32_10; }

bool isNormal(Distribution d) {
  return d == Distribution::Normal || d == Distribution::NormalDouble ||
         d == Distribution::LogNormal || d == Distribution::LogNormalDouble;
}

template <class State> std::vector<State> &statesOf(GeneratorStates &states);
template <> std::vector<curandStateXORWOW_t> &statesOf(GeneratorStates &s) { return s.xorwow; }
template <> std::vector<curandStatePhilox4_32_10_t> &statesOf(GeneratorStates &s) {
  return s.philox;
}
template <> std::vector<curandStateMRG32k3a_t> &statesOf(GeneratorStates &s) { return s.mrg; }

// Writes one normal pair (mean + stddev * z, exp of it for the log-normal) at out[0..1].
template <class Value, class Pair>
void writePair(const Generation &g, Value *out, Pair pair, std::size_t room) {
  const Value mean = Value(g.mean), stddev = Value(g.stddev);
  const bool log =
      g.distribution == Distribution::LogNormal || g.distribution == Distribution::LogNormalDouble;
  const Value values[2] = {mean + stddev * pair.x, mean + stddev * pair.y};
  for (std::size_t i = 0; i < std::min<std::size_t>(2, room); ++i)
    out[i] = log ? std::exp(values[i]) : values[i];
}

// Element `index` of the call (0-based) from `state`.
template <class State>
void writeElement(const Generation &g, State &state, std::uint64_t index, bool pairs) {
  switch (g.distribution) {
  case Distribution::Bits:
    static_cast<unsigned *>(g.output)[index] = curand(&state);
    return;
  case Distribution::Uniform:
    static_cast<float *>(g.output)[index] = curand_uniform(&state);
    return;
  case Distribution::UniformDouble:
    static_cast<double *>(g.output)[index] = curand_uniform_double(&state);
    return;
  case Distribution::Poisson:
    static_cast<unsigned *>(g.output)[index] = curand_poisson(&state, g.mean);
    return;
  case Distribution::Normal:
  case Distribution::LogNormal:
  case Distribution::NormalDouble:
  case Distribution::LogNormalDouble: {
    // A pair element writes two values; on Philox the even value of a pair writes both.
    const std::uint64_t first = pairs ? 2 * index : index;
    if (!pairs && index % 2 != 0)
      return;
    if (g.distribution == Distribution::Normal || g.distribution == Distribution::LogNormal)
      writePair(g, static_cast<float *>(g.output) + first, curand_normal2(&state), g.count - first);
    else
      writePair(g, static_cast<double *>(g.output) + first, curand_normal2_double(&state),
                g.count - first);
    return;
  }
  }
}

template <class State> std::uint64_t runTile(const Generation &g, std::uint64_t tile) {
  std::vector<State> &all = statesOf<State>(*g.states);
  const curandRngType_t type = g.states->type;
  const Layout layout = layoutOf(type);
  const std::uint64_t round = layout.threads * layout.group;
  const std::uint64_t begin = g.firstElement, end = begin + elementsOf(g, type);
  const std::uint64_t first = tile * StatesPerTile, last = first + StatesPerTile;
  std::uint64_t made = 0;
  // Rounds outside, the tile's states inside: consecutive elements, written in order.
  for (std::uint64_t base = begin / round * round; base < end; base += round)
    for (std::uint64_t t = first; t < last; ++t)
      for (std::uint64_t k = 0; k < layout.group; ++k) {
        const std::uint64_t e = base + t * layout.group + k;
        if (e >= begin && e < end) {
          writeElement(g, all[t], e - begin, pairsAreElements(type));
          ++made;
        }
      }
  return made;
}

template <class State> void startStates(GeneratorStates &states, unsigned long long seed) {
  const Layout layout = layoutOf(states.type);
  std::vector<State> &all = statesOf<State>(states);
  all.resize(layout.threads);
  curand_init(seed, 0, 0, &all[0]);
  for (std::uint64_t t = 1; t < layout.threads; ++t) {
    all[t] = all[t - 1]; // the next subsequence: one jump, not a fresh start
    if constexpr (std::is_same_v<State, curandStateMRG32k3a_t>)
      skipahead_subsequence(1, &all[t]);
    else
      skipahead_sequence(1, &all[t]);
  }
}

template <class State> void skipOffset(GeneratorStates &states, unsigned long long offset) {
  const Layout layout = layoutOf(states.type);
  const std::uint64_t round = layout.threads * layout.group;
  std::vector<State> &all = statesOf<State>(states);
  for (std::uint64_t t = 0; t < layout.threads; ++t) {
    const std::uint64_t rest = offset % round, mine = t * layout.group;
    const std::uint64_t partial = rest > mine ? std::min(rest - mine, layout.group) : 0;
    if (const std::uint64_t draws = offset / round * layout.group + partial)
      skipahead(draws, &all[t]);
  }
}

} // namespace

Layout layoutOf(curandRngType_t type) {
  switch (type) {
  case CURAND_RNG_PSEUDO_PHILOX4_32_10:
    return {65536, 4};
  case CURAND_RNG_PSEUDO_MRG32K3A:
    return {81920, 1};
  default:
    return {4096, 1};
  }
}

void restart(GeneratorStates &states, curandRngType_t type, unsigned long long seed,
             unsigned long long offset) {
  states.type = type;
  states.element = offset;
  switch (type) {
  case CURAND_RNG_PSEUDO_PHILOX4_32_10:
    startStates<curandStatePhilox4_32_10_t>(states, seed);
    return skipOffset<curandStatePhilox4_32_10_t>(states, offset);
  case CURAND_RNG_PSEUDO_MRG32K3A:
    startStates<curandStateMRG32k3a_t>(states, seed);
    return skipOffset<curandStateMRG32k3a_t>(states, offset);
  default:
    startStates<curandStateXORWOW_t>(states, seed);
    return skipOffset<curandStateXORWOW_t>(states, offset);
  }
}

std::uint64_t elementsOf(const Generation &g, curandRngType_t type) {
  return isNormal(g.distribution) && pairsAreElements(type) ? g.count / 2 : g.count;
}

std::uint64_t generateTile(const Generation &g, std::uint64_t tile) {
  switch (g.states->type) {
  case CURAND_RNG_PSEUDO_PHILOX4_32_10:
    return runTile<curandStatePhilox4_32_10_t>(g, tile);
  case CURAND_RNG_PSEUDO_MRG32K3A:
    return runTile<curandStateMRG32k3a_t>(g, tile);
  default:
    return runTile<curandStateXORWOW_t>(g, tile);
  }
}

Cost costOf(const Generation &g, std::uint64_t elements) {
  const curandRngType_t type = g.states->type;
  const std::uint64_t perDraw = type == CURAND_RNG_PSEUDO_PHILOX4_32_10 ? 15
                                : type == CURAND_RNG_PSEUDO_MRG32K3A    ? 12
                                                                        : 7;
  const std::uint64_t values =
      isNormal(g.distribution) && pairsAreElements(type) ? 2 * elements : elements;
  const bool wide = g.distribution == Distribution::UniformDouble ||
                    g.distribution == Distribution::NormalDouble ||
                    g.distribution == Distribution::LogNormalDouble;
  Cost cost;
  cost.intOps = values * (wide && type != CURAND_RNG_PSEUDO_MRG32K3A ? 2 : 1) * perDraw;
  cost.bytesWritten = values * (wide ? 8 : 4);
  if (isNormal(g.distribution)) // log, sqrt, sin and cos per pair; exp per log-normal value
    cost.sfu = 2 * values + (g.distribution == Distribution::LogNormal ||
                                     g.distribution == Distribution::LogNormalDouble
                                 ? values
                                 : 0);
  if (g.distribution == Distribution::Poisson) // exp(lambda) and the uniforms it multiplies
    cost.sfu = values;
  (wide ? cost.fp64 : cost.fp32) = values * (isNormal(g.distribution) ? 6 : 2);
  return cost;
}

} // namespace npu::curand_host
