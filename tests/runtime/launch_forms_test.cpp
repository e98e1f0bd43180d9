// The type-erased and extensible launch forms: npuLaunchKernel with a `void **` argument
// array, npuLaunchKernelEx (typed) and npuLaunchKernelExC with a launch configuration and its
// attributes, and per-kernel limits set through a kernel handle applying to these launches.
#include <vector>

#include "RuntimeTestSupport.h"
#include "npurt/kernel.h"

using npu::test::RuntimeTest;

namespace {

__global__ void fillWith(int *out, int value, int n) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
      out[i] = value;
  });
}

class LaunchFormsTest : public RuntimeTest {
protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(npuMalloc(&device, kN * sizeof(int)), npuSuccess);
  }
  void TearDown() override {
    EXPECT_EQ(npuFree(device), npuSuccess);
    RuntimeTest::TearDown();
  }
  int first() {
    int value = 0;
    EXPECT_EQ(npuMemcpy(&value, device, sizeof value, npuMemcpyDeviceToHost), npuSuccess);
    return value;
  }
  static constexpr int kN = 64;
  int *device = nullptr;
};

TEST_F(LaunchFormsTest, LaunchKernelExTakesAConfigurationAndItsAttributes) {
  npuLaunchAttribute attributes[2] = {};
  attributes[0].id = npuLaunchAttributePriority;
  attributes[0].val.priority = 1;
  attributes[1].id = npuLaunchAttributeClusterDimension;
  attributes[1].val.clusterDim = {1, 1, 1};
  npuLaunchConfig_t config{};
  config.gridDim = dim3(1);
  config.blockDim = dim3(kN);
  config.attrs = attributes;
  config.numAttrs = 2;
  ASSERT_EQ(npuLaunchKernelEx(&config, fillWith, device, 7, kN), npuSuccess);
  EXPECT_EQ(first(), 7);

  int value = 9, n = kN;
  void *args[] = {&device, &value, &n};
  ASSERT_EQ(npuLaunchKernelExC(&config, ::npu::kernel_handle("fillWith", fillWith), args),
            npuSuccess);
  EXPECT_EQ(first(), 9);

  attributes[1].val.clusterDim = {2, 1, 1};
  EXPECT_EQ(npuLaunchKernelEx(&config, fillWith, device, 1, kN), npuErrorNotSupported);
  EXPECT_EQ(npuGetLastError(), npuErrorNotSupported);
  config.numAttrs = 1;
  config.attrs = nullptr;
  EXPECT_EQ(npuLaunchKernelEx(&config, fillWith, device, 1, kN), npuErrorInvalidValue);
  EXPECT_EQ(npuLaunchKernelEx(nullptr, fillWith, device, 1, kN), npuErrorInvalidValue);
  config.numAttrs = 0;
  config.blockDim = dim3(2048);
  EXPECT_EQ(npuLaunchKernelEx(&config, fillWith, device, 1, kN), npuErrorInvalidConfiguration);
  EXPECT_EQ(first(), 9); // none of the refused launches ran
}

TEST_F(LaunchFormsTest, MaxDynamicSharedMemorySetThroughAHandleApplies) {
  const void *handle = ::npu::kernel_handle("fillWith", fillWith);
  int value = 3, n = kN;
  void *args[] = {&device, &value, &n};
  const size_t bytes = 96 * 1024;
  EXPECT_EQ(npuLaunchKernel(handle, dim3(1), dim3(kN), args, bytes, 0),
            npuErrorInvalidConfiguration); // over the 48 KiB default
  ASSERT_EQ(npuFuncSetAttribute(handle, npuFuncAttributeMaxDynamicSharedMemorySize, int(bytes)),
            npuSuccess);
  ASSERT_EQ(npuLaunchKernel(handle, dim3(1), dim3(kN), args, bytes, 0), npuSuccess);
  EXPECT_EQ(first(), 3);
  npuFuncAttributes attributes{};
  ASSERT_EQ(npuFuncGetAttributes(&attributes, handle), npuSuccess);
  EXPECT_EQ(attributes.maxDynamicSharedSizeBytes, int(bytes));
  // The typed launch of the same kernel sees the same setting.
  ASSERT_EQ(::npu::launch("fillWith", fillWith, dim3(1), dim3(kN), bytes, nullptr, device, 4, kN),
            npuSuccess);
  EXPECT_EQ(first(), 4);
}

} // namespace
