// Helpers for the library tests: device buffers filled from host vectors and read back, a
// clean device per test, and a cuBLAS handle for the cuBLAS tests.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <random>
#include <vector>

#include "npurt/lib/cublas_v2.h"
#include "npurt/runtime.h"

namespace npu::libtest {

class LibTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(npuDeviceReset(), npuSuccess); }
  void TearDown() override { EXPECT_EQ(npuDeviceReset(), npuSuccess); }
};

// Device memory holding a copy of `host`; freed with the object.
template <class T> class DeviceBuffer {
public:
  explicit DeviceBuffer(const std::vector<T> &host) : count_(host.size()) {
    EXPECT_EQ(npuMalloc(&data_, bytes()), npuSuccess);
    EXPECT_EQ(npuMemcpy(data_, host.data(), bytes(), npuMemcpyHostToDevice), npuSuccess);
  }
  explicit DeviceBuffer(std::size_t count) : DeviceBuffer(std::vector<T>(count)) {}
  ~DeviceBuffer() { npuFree(data_); }
  DeviceBuffer(const DeviceBuffer &) = delete;
  DeviceBuffer &operator=(const DeviceBuffer &) = delete;
  T *get() const { return data_; }
  std::vector<T> read() const {
    std::vector<T> host(count_);
    EXPECT_EQ(npuMemcpy(host.data(), data_, bytes(), npuMemcpyDeviceToHost), npuSuccess);
    return host;
  }

private:
  std::size_t bytes() const { return count_ * sizeof(T); }
  std::size_t count_;
  T *data_ = nullptr;
};

// Reproducible values in [-1, 1).
template <class T> std::vector<T> randomValues(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<T> dist(-1, 1);
  std::vector<T> v(n);
  for (T &x : v)
    x = dist(rng);
  return v;
}
inline std::vector<float> randomFloats(std::size_t n, unsigned seed) {
  return randomValues<float>(n, seed);
}
inline std::vector<double> randomDoubles(std::size_t n, unsigned seed) {
  return randomValues<double>(n, seed);
}

// A test with a cuBLAS handle on the default stream.
class CublasTest : public LibTest {
protected:
  void SetUp() override {
    LibTest::SetUp();
    ASSERT_EQ(cublasCreate(&handle), CUBLAS_STATUS_SUCCESS);
  }
  void TearDown() override {
    EXPECT_EQ(cublasDestroy(handle), CUBLAS_STATUS_SUCCESS);
    LibTest::TearDown();
  }
  cublasHandle_t handle = nullptr;
};

} // namespace npu::libtest
