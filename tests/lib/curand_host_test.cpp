// cuRAND host API (npurt/lib/curand.h): a generator's values are the device API's sequence for
// (seed, subsequence 0, offset), continued across calls, generated in stream order; status
// codes as cuRAND's. Runs on cpu and, as lib.curand.host.910B3, on the modeled Ascend device.
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

// The device API's reference: `count` draws of `next` from curand_init(seed, 0, offset).
template <class State, class Next>
auto reference(unsigned long long seed, unsigned long long offset, std::size_t count, Next next) {
  State state;
  curand_init(seed, 0, offset, &state);
  std::vector<decltype(next(&state))> values;
  for (std::size_t i = 0; i < count; ++i)
    values.push_back(next(&state));
  return values;
}

template <class State> void expectBitsMatchTheDeviceApi(curandRngType_t type) {
  const std::size_t n = 10000; // three chunks, the last one partial
  Generator generator(type, false);
  ASSERT_EQ(curandSetPseudoRandomGeneratorSeed(generator.handle, 2024), CURAND_STATUS_SUCCESS);
  ASSERT_EQ(curandSetGeneratorOffset(generator.handle, 17), CURAND_STATUS_SUCCESS);
  DeviceBuffer<unsigned> first(n), second(n);
  ASSERT_EQ(curandGenerate(generator.handle, first.data, n), CURAND_STATUS_SUCCESS);
  ASSERT_EQ(curandGenerate(generator.handle, second.data, n), CURAND_STATUS_SUCCESS);
  const auto expected = reference<State>(2024, 17, 2 * n, [](State *s) { return curand(s); });
  const auto a = first.read(n), b = second.read(n);
  for (std::size_t i = 0; i < n; ++i) {
    ASSERT_EQ(a[i], expected[i]) << "output " << i;
    ASSERT_EQ(b[i], expected[n + i]) << "output " << n + i << " (second call)";
  }
}

TEST(CurandHost, GenerateIsTheDeviceSequenceContinuedAcrossCalls) {
  expectBitsMatchTheDeviceApi<curandStateXORWOW_t>(CURAND_RNG_PSEUDO_DEFAULT);
  expectBitsMatchTheDeviceApi<curandStatePhilox4_32_10_t>(CURAND_RNG_PSEUDO_PHILOX4_32_10);
  expectBitsMatchTheDeviceApi<curandStateMRG32k3a_t>(CURAND_RNG_PSEUDO_MRG32K3A);
}

TEST(CurandHost, DistributionsMatchTheDeviceApi) {
  const std::size_t n = 5000;
  Generator generator(CURAND_RNG_PSEUDO_PHILOX4_32_10, false);
  ASSERT_EQ(curandSetPseudoRandomGeneratorSeed(generator.handle, 77), CURAND_STATUS_SUCCESS);
  DeviceBuffer<float> uniform(n), normal(n), logNormal(n);
  DeviceBuffer<double> uniformDouble(n), normalDouble(n);
  ASSERT_EQ(curandGenerateUniform(generator.handle, uniform.data, n), CURAND_STATUS_SUCCESS);
  ASSERT_EQ(curandGenerateNormal(generator.handle, normal.data, n, 2.0f, 3.0f),
            CURAND_STATUS_SUCCESS);
  ASSERT_EQ(curandGenerateUniformDouble(generator.handle, uniformDouble.data, n),
            CURAND_STATUS_SUCCESS);
  ASSERT_EQ(curandGenerateNormalDouble(generator.handle, normalDouble.data, n, -1.0, 0.5),
            CURAND_STATUS_SUCCESS);
  ASSERT_EQ(curandGenerateLogNormal(generator.handle, logNormal.data, n, 0.0f, 0.25f),
            CURAND_STATUS_SUCCESS);
  // One state, drawn in the order of the calls.
  curandStatePhilox4_32_10_t state;
  curand_init(77, 0, 0, &state);
  const std::vector<float> u = uniform.read(n), z = normal.read(n), ln = logNormal.read(n);
  const std::vector<double> ud = uniformDouble.read(n), zd = normalDouble.read(n);
  for (std::size_t i = 0; i < n; ++i)
    ASSERT_EQ(u[i], curand_uniform(&state)) << i;
  for (std::size_t i = 0; i < n; ++i)
    ASSERT_EQ(z[i], 2.0f + 3.0f * curand_normal(&state)) << i;
  for (std::size_t i = 0; i < n; ++i)
    ASSERT_EQ(ud[i], curand_uniform_double(&state)) << i;
  for (std::size_t i = 0; i < n; ++i)
    ASSERT_EQ(zd[i], -1.0 + 0.5 * curand_normal_double(&state)) << i;
  for (std::size_t i = 0; i < n; ++i)
    ASSERT_EQ(ln[i], std::exp(0.25f * curand_normal(&state))) << i;
}

TEST(CurandHost, PoissonDrawsInOrderAndTheNextCallContinues) {
  const std::size_t n = 3000;
  for (double lambda : {3.0, 400.0}) {
    Generator generator(CURAND_RNG_PSEUDO_XORWOW, false);
    DeviceBuffer<unsigned> counts(n), after(4);
    ASSERT_EQ(curandGeneratePoisson(generator.handle, counts.data, n, lambda),
              CURAND_STATUS_SUCCESS);
    ASSERT_EQ(curandGenerate(generator.handle, after.data, 4), CURAND_STATUS_SUCCESS);
    curandStateXORWOW_t state;
    curand_init(0, 0, 0, &state);
    const auto k = counts.read(n), next = after.read(4);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      ASSERT_EQ(k[i], curand_poisson(&state, lambda)) << i;
      sum += k[i];
    }
    EXPECT_NEAR(sum / n, lambda, 4 * std::sqrt(lambda / n));
    for (unsigned value : next)
      EXPECT_EQ(value, curand(&state));
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
  const auto expected =
      reference<curandStatePhilox4_32_10_t>(0, 0, n, [](auto *s) { return curand(s); });
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
