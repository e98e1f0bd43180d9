// Device management: the cpu backend's one device, its properties and attributes, flags,
// limits, peers and the legacy thread-management names.
#include <cstring>
#include <string>

#include "RuntimeTestSupport.h"
#include "engine/Engine.h"

using npu::test::RuntimeTest;

namespace {

using DeviceTest = RuntimeTest;

TEST_F(DeviceTest, OneDeviceNumberedZero) {
  int count = 0, device = -1;
  EXPECT_EQ(npuGetDeviceCount(&count), npuSuccess);
  EXPECT_EQ(count, 1);
  EXPECT_EQ(npuSetDevice(0), npuSuccess);
  EXPECT_EQ(npuGetDevice(&device), npuSuccess);
  EXPECT_EQ(device, 0);
  EXPECT_EQ(npuSetDevice(1), npuErrorInvalidDevice);
  EXPECT_EQ(npuSetDevice(-1), npuErrorInvalidDevice);
  EXPECT_EQ(npuGetDeviceCount(nullptr), npuErrorInvalidValue);
  EXPECT_EQ(npuGetDevice(nullptr), npuErrorInvalidValue);
}

TEST_F(DeviceTest, PropertiesDescribeTheCpuDevice) {
  npuDeviceProp prop;
  std::memset(&prop, 0xff, sizeof prop);
  ASSERT_EQ(npuGetDeviceProperties(&prop, 0), npuSuccess);
  const int workers = npu::engine::workerCount();
  EXPECT_EQ(std::string(prop.name), "npurt CPU (" + std::to_string(workers) + " threads)");
  EXPECT_EQ(prop.multiProcessorCount, workers);
  EXPECT_EQ(prop.warpSize, 32);
  EXPECT_EQ(prop.maxThreadsPerBlock, 1024);
  EXPECT_EQ(prop.maxThreadsDim[0], 1024);
  EXPECT_EQ(prop.maxThreadsDim[1], 1024);
  EXPECT_EQ(prop.maxThreadsDim[2], 64);
  EXPECT_EQ(prop.maxGridSize[0], 2147483647);
  EXPECT_EQ(prop.maxGridSize[1], 65535);
  EXPECT_EQ(prop.maxGridSize[2], 65535);
  EXPECT_EQ(prop.sharedMemPerBlock, 48u * 1024);
  EXPECT_EQ(prop.sharedMemPerBlockOptin, 227u * 1024);
  EXPECT_EQ(prop.sharedMemPerMultiprocessor, 228u * 1024);
  EXPECT_EQ(prop.maxThreadsPerMultiProcessor, 2048);
  EXPECT_EQ(prop.maxBlocksPerMultiProcessor, 32);
  EXPECT_EQ(prop.major, 8);
  EXPECT_EQ(prop.minor, 0);
  EXPECT_GT(prop.totalGlobalMem, 0u);
  EXPECT_GT(prop.clockRate, 0);
  EXPECT_EQ(prop.unifiedAddressing, 1);
  EXPECT_EQ(prop.managedMemory, 1);
  EXPECT_EQ(prop.concurrentKernels, 1);
  EXPECT_EQ(prop.canMapHostMemory, 1);
  EXPECT_EQ(prop.totalConstMem, 64u * 1024);
  EXPECT_EQ(npuGetDeviceProperties(&prop, 1), npuErrorInvalidDevice);
  EXPECT_EQ(npuGetDeviceProperties(nullptr, 0), npuErrorInvalidValue);
}

TEST_F(DeviceTest, AttributesUseCudasNumberingAndMatchProperties) {
  npuDeviceProp prop;
  ASSERT_EQ(npuGetDeviceProperties(&prop, 0), npuSuccess);
  struct Expected {
    int attr; // CUDA's number, written literally to pin the enum's values
    int value;
  };
  const Expected expected[] = {
      {1, prop.maxThreadsPerBlock},
      {2, prop.maxThreadsDim[0]},
      {4, prop.maxThreadsDim[2]},
      {5, prop.maxGridSize[0]},
      {7, prop.maxGridSize[2]},
      {8, int(prop.sharedMemPerBlock)},
      {10, 32},
      {13, prop.clockRate},
      {16, prop.multiProcessorCount},
      {39, 2048},
      {41, 1},
      {75, 8},
      {76, 0},
      {81, int(prop.sharedMemPerMultiprocessor)},
      {83, 1},
      {97, int(prop.sharedMemPerBlockOptin)},
      {106, 32},
  };
  for (const Expected &e : expected) {
    int value = -1;
    EXPECT_EQ(npuDeviceGetAttribute(&value, static_cast<npuDeviceAttr>(e.attr), 0), npuSuccess)
        << "attribute " << e.attr;
    EXPECT_EQ(value, e.value) << "attribute " << e.attr;
  }
  int value = 0;
  EXPECT_EQ(npuDeviceGetAttribute(&value, npuDevAttrWarpSize, 3), npuErrorInvalidDevice);
  EXPECT_EQ(npuDeviceGetAttribute(&value, static_cast<npuDeviceAttr>(9999), 0),
            npuErrorInvalidValue);
  EXPECT_EQ(npuDeviceGetAttribute(nullptr, npuDevAttrWarpSize, 0), npuErrorInvalidValue);
}

TEST_F(DeviceTest, ChooseDevice) {
  npuDeviceProp wanted{};
  wanted.major = 9;
  int device = -1;
  EXPECT_EQ(npuChooseDevice(&device, &wanted), npuSuccess);
  EXPECT_EQ(device, 0);
  EXPECT_EQ(npuChooseDevice(nullptr, &wanted), npuErrorInvalidValue);
  EXPECT_EQ(npuChooseDevice(&device, nullptr), npuErrorInvalidValue);
}

TEST_F(DeviceTest, DeviceFlags) {
  unsigned int flags = 0;
  EXPECT_EQ(npuSetDeviceFlags(npuDeviceScheduleBlockingSync), npuSuccess);
  EXPECT_EQ(npuGetDeviceFlags(&flags), npuSuccess);
  EXPECT_EQ(flags, npuDeviceScheduleBlockingSync | npuDeviceMapHost);
  EXPECT_EQ(npuSetDeviceFlags(npuDeviceScheduleSpin | npuDeviceScheduleYield),
            npuErrorInvalidValue); // two scheduling policies at once
  EXPECT_EQ(npuSetDeviceFlags(0x100), npuErrorInvalidValue);
  EXPECT_EQ(npuGetDeviceFlags(nullptr), npuErrorInvalidValue);
  ASSERT_EQ(npuDeviceReset(), npuSuccess); // restores the default flags
  EXPECT_EQ(npuGetDeviceFlags(&flags), npuSuccess);
  EXPECT_EQ(flags, npuDeviceScheduleAuto | npuDeviceMapHost);
}

TEST_F(DeviceTest, Limits) {
  size_t value = 0;
  EXPECT_EQ(npuDeviceGetLimit(&value, npuLimitStackSize), npuSuccess);
  EXPECT_EQ(value, 1024u);
  EXPECT_EQ(npuDeviceGetLimit(&value, npuLimitPrintfFifoSize), npuSuccess);
  EXPECT_EQ(value, 1u << 20);
  EXPECT_EQ(npuDeviceGetLimit(&value, npuLimitMallocHeapSize), npuSuccess);
  EXPECT_EQ(value, 8u << 20);
  EXPECT_EQ(npuDeviceSetLimit(npuLimitMallocHeapSize, 64u << 20), npuSuccess);
  EXPECT_EQ(npuDeviceGetLimit(&value, npuLimitMallocHeapSize), npuSuccess);
  EXPECT_EQ(value, 64u << 20);
  EXPECT_EQ(npuDeviceSetLimit(npuLimitDevRuntimeSyncDepth, 4), npuErrorUnsupportedLimit);
  EXPECT_EQ(npuDeviceGetLimit(&value, static_cast<npuLimit>(42)), npuErrorUnsupportedLimit);
  EXPECT_EQ(npuDeviceGetLimit(nullptr, npuLimitStackSize), npuErrorInvalidValue);
}

TEST_F(DeviceTest, CacheConfig) {
  npuFuncCache config = npuFuncCachePreferL1;
  EXPECT_EQ(npuDeviceGetCacheConfig(&config), npuSuccess);
  EXPECT_EQ(config, npuFuncCachePreferNone);
  EXPECT_EQ(npuDeviceSetCacheConfig(npuFuncCachePreferShared), npuSuccess);
  EXPECT_EQ(npuDeviceGetCacheConfig(&config), npuSuccess);
  EXPECT_EQ(config, npuFuncCachePreferShared);
  EXPECT_EQ(npuDeviceSetCacheConfig(static_cast<npuFuncCache>(9)), npuErrorInvalidValue);
}

TEST_F(DeviceTest, StreamPriorityRange) {
  int least = 1, greatest = 1;
  EXPECT_EQ(npuDeviceGetStreamPriorityRange(&least, &greatest), npuSuccess);
  EXPECT_EQ(least, 0);
  EXPECT_EQ(greatest, -5);
  EXPECT_EQ(npuDeviceGetStreamPriorityRange(nullptr, nullptr), npuSuccess);
}

TEST_F(DeviceTest, PeerAccessNeedsASecondDevice) {
  int can = 1;
  EXPECT_EQ(npuDeviceCanAccessPeer(&can, 0, 0), npuSuccess);
  EXPECT_EQ(can, 0);
  EXPECT_EQ(npuDeviceCanAccessPeer(&can, 0, 1), npuErrorInvalidDevice);
  EXPECT_EQ(npuDeviceCanAccessPeer(nullptr, 0, 0), npuErrorInvalidValue);
  EXPECT_EQ(npuDeviceEnablePeerAccess(0, 0), npuErrorInvalidDevice);
  EXPECT_EQ(npuDeviceEnablePeerAccess(1, 0), npuErrorInvalidDevice);
  EXPECT_EQ(npuDeviceEnablePeerAccess(0, 1), npuErrorInvalidValue);
  EXPECT_EQ(npuDeviceDisablePeerAccess(0), npuErrorInvalidDevice);
}

TEST_F(DeviceTest, LegacyThreadNamesSynchronizeAndReset) {
  std::atomic<int> blocks{0};
  ASSERT_EQ(npu::test::launchCounting(blocks, 64, 128), npuSuccess);
  EXPECT_EQ(npuThreadSynchronize(), npuSuccess);
  EXPECT_EQ(blocks.load(), 64);
  void *memory = nullptr;
  ASSERT_EQ(npuMalloc(&memory, 128), npuSuccess);
  EXPECT_EQ(npuThreadExit(), npuSuccess);
  EXPECT_EQ(npuFree(memory), npuErrorInvalidValue); // the reset freed it
}

TEST_F(DeviceTest, ResetFreesEveryAllocation) {
  void *device = nullptr, *host = nullptr, *managed = nullptr;
  ASSERT_EQ(npuMalloc(&device, 100), npuSuccess);
  ASSERT_EQ(npuMallocHost(&host, 100), npuSuccess);
  ASSERT_EQ(npuMallocManaged(&managed, 100), npuSuccess);
  std::vector<char> program(64);
  ASSERT_EQ(npuHostRegister(program.data(), program.size(), 0), npuSuccess);
  ASSERT_EQ(npuDeviceReset(), npuSuccess);
  npuPointerAttributes attributes;
  for (void *p : {device, host, managed, static_cast<void *>(program.data())}) {
    ASSERT_EQ(npuPointerGetAttributes(&attributes, p), npuSuccess);
    EXPECT_EQ(attributes.type, npuMemoryTypeUnregistered);
  }
  EXPECT_EQ(npuHostUnregister(program.data()), npuErrorHostMemoryNotRegistered);
}

} // namespace
