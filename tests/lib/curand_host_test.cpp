// cuRAND host API (npurt/lib/curand.h): a generator's values are NVIDIA's layout of device-API
// subsequences (checked here against the device API; against NVIDIA's libcurand by
// lib.curand.crosscheck where it is installed), continued across calls, generated in stream
// order; status codes as cuRAND's. Runs on cpu and, as lib.curand.host.910B3, on the modeled Ascend
// device.
#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "npurt/lib/curand.h"
#include "npurt/lib/curand_kernel.h"
#include "npurt/runtime.h"

namespace {

template <class T> struct DeviceBuffer {
  T *data = nullptr;
  explicit DeviceBuffer(std::size_t n) { EXPECT_EQ(npuMalloc(&data, n * sizeof(T)), npuSuccess); }
  ~DeviceBuffer() { npuFree(data); }
  std::vector<T> read(std::size_t n) const {
    std::vector<T> host(n);
    EXPECT_EQ(npuMemcpy(host.data(), data, n * sizeof(T), npuMemcpyDeviceToHost), npuSuccess);
    return host;
  }
};

struct Generator {
  curandGenerator_t handle = nullptr;
  Generator(curandRngType_t type, bool onHost) {
    EXPECT_EQ(onHost ? curandCreateGeneratorHost(&handle, type)
                     : curandCreateGenerator(&handle, type),
              CURAND_STATUS_SUCCESS);
  }
  ~Generator() { curandDestroyGenerator(handle); }
};

// NVIDIA's layout (runtime/lib/curand/Generation.h): element e of a fresh generator is drawn by
// state (e / group) % threads, subsequence t of the device API, as its draw number
// (e / (group * threads)) * group + e % group.
struct Layout {
  unsigned long long threads, group;
};
Layout layoutOf(curandRngType_t type) {
  return type == CURAND_RNG_PSEUDO_PHILOX4_32_10 ? Layout{65536, 4}
         : type == CURAND_RNG_PSEUDO_MRG32K3A    ? Layout{81920, 1}
                                                 : Layout{4096, 1};
}
template <class State>
State stateOfElement(curandRngType_t type, unsigned long long seed, unsigned long long e,
                     unsigned long long drawsEach) {
  const Layout l = layoutOf(type);
  State state;
  curand_init(seed, (e / l.group) % l.threads,
              ((e / (l.group * l.threads)) * l.group + e % l.group) * drawsEach, &state);
  return state;
}

template <class State> void expectBitsInNvidiasLayout(curandRngType_t type) {
  const std::size_t n = 300000; // more than one round of every generator's states
  Generator generator(type, false);
  ASSERT_EQ(curandSetPseudoRandomGeneratorSeed(generator.handle, 2024), CURAND_STATUS_SUCCESS);
  DeviceBuffer<unsigned> values(n);
  ASSERT_EQ(curandGenerate(generator.handle, values.data, n), CURAND_STATUS_SUCCESS);
  const auto got = values.read(n);
  for (std::size_t e = 0; e < n; e += 97) {
    State state = stateOfElement<State>(type, 2024, e, 1);
    ASSERT_EQ(got[e], curand(&state)) << "element " << e;
  }
}

TEST(CurandHost, GenerateDealsElementsToInterleavedSubsequences) {
  expectBitsInNvidiasLayout<curandStateXORWOW_t>(CURAND_RNG_PSEUDO_XORWOW);
  expectBitsInNvidiasLayout<curandStatePhilox4_32_10_t>(CURAND_RNG_PSEUDO_PHILOX4_32_10);
  expectBitsInNvidiasLayout<curandStateMRG32k3a_t>(CURAND_RNG_PSEUDO_MRG32K3A);
}

// Calls continue where the last one stopped, and an offset skips that many elements: two calls
// (of odd sizes), and a call after an offset, give the values of one longer call.
TEST(CurandHost, CallsAndOffsetsContinueOneSequence) {
  for (curandRngType_t type :
       {CURAND_RNG_PSEUDO_XORWOW, CURAND_RNG_PSEUDO_PHILOX4_32_10, CURAND_RNG_PSEUDO_MRG32K3A}) {
    const std::size_t first = 4097, second = 90001, n = first + second;
    Generator whole(type, true), split(type, true), skipped(type, true);
    std::vector<unsigned> all(n), parts(n), after(second);
    ASSERT_EQ(curandGenerate(whole.handle, all.data(), n), CURAND_STATUS_SUCCESS);
    ASSERT_EQ(curandGenerate(split.handle, parts.data(), first), CURAND_STATUS_SUCCESS);
    ASSERT_EQ(curandGenerate(split.handle, parts.data() + first, second), CURAND_STATUS_SUCCESS);
    ASSERT_EQ(curandSetGeneratorOffset(skipped.handle, first), CURAND_STATUS_SUCCESS);
    ASSERT_EQ(curandGenerate(skipped.handle, after.data(), second), CURAND_STATUS_SUCCESS);
    EXPECT_EQ(parts, all) << type;
    EXPECT_TRUE(std::equal(after.begin(), after.end(), all.begin() + first)) << type;
  }
}

// Uniforms are elements of one draw, doubles of two (one on MRG32k3a); on XORWOW and MRG32k3a a
// normal pair is one element of two draws of one state, on Philox two consecutive elements.
TEST(CurandHost, DistributionsInNvidiasLayout) {
  const std::size_t n = 200000;
  for (curandRngType_t type :
       {CURAND_RNG_PSEUDO_XORWOW, CURAND_RNG_PSEUDO_PHILOX4_32_10, CURAND_RNG_PSEUDO_MRG32K3A}) {
    Generator uniforms(type, false), normals(type, false), doubles(type, false);
    DeviceBuffer<float> u(n), z(n);
    DeviceBuffer<double> ud(n);
    ASSERT_EQ(curandGenerateUniform(uniforms.handle, u.data, n), CURAND_STATUS_SUCCESS);
    ASSERT_EQ(curandGenerateNormal(normals.handle, z.data, n, 2.0f, 3.0f), CURAND_STATUS_SUCCESS);
    ASSERT_EQ(curandGenerateUniformDouble(doubles.handle, ud.data, n), CURAND_STATUS_SUCCESS);
    const std::vector<float> gu = u.read(n), gz = z.read(n);
    const std::vector<double> gd = ud.read(n);
    const bool philox = type == CURAND_RNG_PSEUDO_PHILOX4_32_10;
    auto check = [&](auto state, std::size_t e) {
      ASSERT_EQ(gu[e], curand_uniform(&state)) << type << " uniform " << e;
    };
    for (std::size_t e = 0; e < n; e += 101) {
      if (type == CURAND_RNG_PSEUDO_XORWOW)
        check(stateOfElement<curandStateXORWOW_t>(type, 0, e, 1), e);
      else if (philox)
        check(stateOfElement<curandStatePhilox4_32_10_t>(type, 0, e, 1), e);
      else
        check(stateOfElement<curandStateMRG32k3a_t>(type, 0, e, 1), e);
    }
    for (std::size_t pair = 0; pair < n / 2; pair += 103) {
      float2 p;
      if (type == CURAND_RNG_PSEUDO_XORWOW) {
        auto s = stateOfElement<curandStateXORWOW_t>(type, 0, pair, 2);
        p = curand_normal2(&s);
      } else if (philox) {
        auto s = stateOfElement<curandStatePhilox4_32_10_t>(type, 0, 2 * pair, 1);
        p = curand_normal2(&s);
      } else {
        auto s = stateOfElement<curandStateMRG32k3a_t>(type, 0, pair, 2);
        p = curand_normal2(&s);
      }
      ASSERT_EQ(gz[2 * pair], 2.0f + 3.0f * p.x) << type << " normal pair " << pair;
      ASSERT_EQ(gz[2 * pair + 1], 2.0f + 3.0f * p.y) << type << " normal pair " << pair;
    }
    for (std::size_t e = 0; e < n; e += 107) {
      double want;
      if (type == CURAND_RNG_PSEUDO_XORWOW) {
        auto s = stateOfElement<curandStateXORWOW_t>(type, 0, e, 2);
        want = curand_uniform_double(&s);
      } else if (philox) {
        auto s = stateOfElement<curandStatePhilox4_32_10_t>(type, 0, e, 2);
        want = curand_uniform_double(&s);
      } else {
        auto s = stateOfElement<curandStateMRG32k3a_t>(type, 0, e, 1);
        want = curand_uniform_double(&s);
      }
      ASSERT_EQ(gd[e], want) << type << " double " << e;
    }
  }
}

TEST(CurandHost, PoissonHasItsMeanAndTheHostGeneratorAgrees) {
  const std::size_t n = 100000;
  for (double lambda : {3.0, 400.0}) {
    Generator onDevice(CURAND_RNG_PSEUDO_XORWOW, false), onHost(CURAND_RNG_PSEUDO_XORWOW, true);
    DeviceBuffer<unsigned> counts(n);
    std::vector<unsigned> hostCounts(n);
    ASSERT_EQ(curandGeneratePoisson(onDevice.handle, counts.data, n, lambda),
              CURAND_STATUS_SUCCESS);
    ASSERT_EQ(curandGeneratePoisson(onHost.handle, hostCounts.data(), n, lambda),
              CURAND_STATUS_SUCCESS);
    const auto k = counts.read(n);
    EXPECT_EQ(k, hostCounts);
    double sum = 0, squares = 0;
    for (unsigned x : k) {
      sum += x;
      squares += double(x) * x;
    }
    const double mean = sum / n, variance = squares / n - mean * mean;
    EXPECT_NEAR(mean, lambda, 5 * std::sqrt(lambda / n));
    EXPECT_NEAR(variance / lambda, 1.0, 0.05);
  }
}

TEST(CurandHost, HostGeneratorGivesTheDeviceGeneratorsValues) {
  const std::size_t n = 9000;
  Generator onDevice(CURAND_RNG_PSEUDO_MRG32K3A, false), onHost(CURAND_RNG_PSEUDO_MRG32K3A, true);
  for (curandGenerator_t g : {onDevice.handle, onHost.handle})
    ASSERT_EQ(curandSetPseudoRandomGeneratorSeed(g, 5), CURAND_STATUS_SUCCESS);
  DeviceBuffer<double> device(n);
  std::vector<double> host(n);
  ASSERT_EQ(curandGenerateNormalDouble(onDevice.handle, device.data, n, 0, 1),
            CURAND_STATUS_SUCCESS);
  ASSERT_EQ(curandGenerateNormalDouble(onHost.handle, host.data(), n, 0, 1), CURAND_STATUS_SUCCESS);
  EXPECT_EQ(device.read(n), host);
}

// The generation is an operation of the generator's stream: a copy enqueued after it on the
// same stream sees its values, and a new offset restarts the sequence at the next call.
TEST(CurandHost, GenerationIsOrderedOnTheGeneratorsStream) {
  const std::size_t n = 1 << 16;
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  Generator generator(CURAND_RNG_PSEUDO_PHILOX4_32_10, false);
  ASSERT_EQ(curandSetStream(generator.handle, stream), CURAND_STATUS_SUCCESS);
  DeviceBuffer<unsigned> values(n);
  std::vector<unsigned> copied(n), restarted(n);
  ASSERT_EQ(curandGenerate(generator.handle, values.data, n), CURAND_STATUS_SUCCESS);
  ASSERT_EQ(npuMemcpyAsync(copied.data(), values.data, n * sizeof(unsigned), npuMemcpyDeviceToHost,
                           stream),
            npuSuccess);
  ASSERT_EQ(curandSetGeneratorOffset(generator.handle, 0), CURAND_STATUS_SUCCESS);
  ASSERT_EQ(curandGenerate(generator.handle, values.data, n), CURAND_STATUS_SUCCESS);
  ASSERT_EQ(npuMemcpyAsync(restarted.data(), values.data, n * sizeof(unsigned),
                           npuMemcpyDeviceToHost, stream),
            npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  std::vector<unsigned> expected(n);
  for (std::size_t e = 0; e < n; ++e) {
    auto state =
        stateOfElement<curandStatePhilox4_32_10_t>(CURAND_RNG_PSEUDO_PHILOX4_32_10, 0, e, 1);
    expected[e] = curand(&state);
  }
  EXPECT_EQ(copied, expected);
  EXPECT_EQ(restarted, expected);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

TEST(CurandHost, StatusCodesAsCuRand) {
  curandGenerator_t generator = nullptr;
  EXPECT_EQ(curandCreateGenerator(&generator, CURAND_RNG_QUASI_SOBOL32), CURAND_STATUS_TYPE_ERROR);
  EXPECT_EQ(curandCreateGenerator(&generator, curandRngType_t(7)), CURAND_STATUS_TYPE_ERROR);
  EXPECT_EQ(curandGenerate(nullptr, nullptr, 4), CURAND_STATUS_NOT_INITIALIZED);
  ASSERT_EQ(curandCreateGenerator(&generator, CURAND_RNG_PSEUDO_DEFAULT), CURAND_STATUS_SUCCESS);
  DeviceBuffer<float> buffer(8);
  EXPECT_EQ(curandGenerateNormal(generator, buffer.data, 7, 0, 1),
            CURAND_STATUS_LENGTH_NOT_MULTIPLE);
  EXPECT_EQ(curandGenerateLogNormal(generator, buffer.data, 3, 0, 1),
            CURAND_STATUS_LENGTH_NOT_MULTIPLE);
  EXPECT_EQ(curandGeneratePoisson(generator, reinterpret_cast<unsigned *>(buffer.data), 8, 0.0),
            CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_EQ(curandSetGeneratorOrdering(generator, CURAND_ORDERING_QUASI_DEFAULT),
            CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_EQ(curandSetGeneratorOrdering(generator, CURAND_ORDERING_PSEUDO_DEFAULT),
            CURAND_STATUS_SUCCESS);
  EXPECT_EQ(curandGenerateUniform(generator, buffer.data, 0), CURAND_STATUS_SUCCESS);
  EXPECT_EQ(curandDestroyGenerator(generator), CURAND_STATUS_SUCCESS);
  int version = 0;
  EXPECT_EQ(curandGetVersion(&version), CURAND_STATUS_SUCCESS);
  EXPECT_GT(version, 0);
}

} // namespace
