// What each modeled device reports as npuDeviceProp, and its device memory rules, checked on the
// backend object directly (one process can hold every model this way).
#include <gtest/gtest.h>

#include "backends/ascend/AscendBackend.h"
#include "backends/ascend/Catalog.h"
#include "backends/ascend/DeviceMemory.h"

namespace {

using namespace npu::backends::ascend;

const std::map<std::string, DeviceModel> &catalog() {
  static const std::map<std::string, DeviceModel> models = [] {
    std::string error;
    return *loadCatalog(embeddedCatalogText(), "built-in", error);
  }();
  return models;
}

TEST(AscendProperties, EveryModel) {
  for (const auto &[id, m] : catalog()) {
    SCOPED_TRACE(id);
    AscendBackend backend(m);
    EXPECT_EQ(backend.name(), "ascend:" + id);
    npuDeviceProp prop;
    backend.deviceProperties(0, prop);
    EXPECT_EQ(std::string(prop.name), m.displayName);
    EXPECT_EQ(prop.totalGlobalMem, std::size_t(m.hbmBytes.value));
    EXPECT_EQ(prop.multiProcessorCount, int(m.vectorCores.value));
    EXPECT_EQ(prop.sharedMemPerBlock, std::size_t(m.unifiedBufferBytes.value));
    EXPECT_EQ(prop.sharedMemPerMultiprocessor, std::size_t(m.unifiedBufferBytes.value));
    EXPECT_GE(prop.sharedMemPerBlockOptin, prop.sharedMemPerBlock);
    EXPECT_EQ(prop.clockRate, int(m.clockHz.value / 1000));
    EXPECT_EQ(prop.l2CacheSize, int(m.l2Bytes.value));
    // Programs compute the bandwidth as 2 x memory clock (kHz) x bus width (bits) / 8.
    const double bandwidth = 2.0 * prop.memoryClockRate * 1000 * prop.memoryBusWidth / 8;
    EXPECT_NEAR(bandwidth / m.hbmBandwidth.value, 1.0, 1e-6);
    // CUDA execution semantics are kept so programs run unchanged.
    EXPECT_EQ(prop.maxThreadsPerBlock, 1024);
    EXPECT_EQ(prop.warpSize, 32);
    EXPECT_EQ(prop.major, 8);
    EXPECT_EQ(prop.minor, 0);
    EXPECT_EQ(prop.concurrentKernels, 1);
    EXPECT_EQ(prop.asyncEngineCount, 2);
    EXPECT_EQ(prop.integrated, 0);
    EXPECT_EQ(prop.unifiedAddressing, 1);
    EXPECT_EQ(prop.managedMemory, 1);
    EXPECT_EQ(prop.maxBlocksPerMultiProcessor, 1);
    std::size_t freeBytes = 0, totalBytes = 0;
    backend.memoryInfo(0, freeBytes, totalBytes);
    EXPECT_EQ(totalBytes, std::size_t(m.hbmBytes.value));
    EXPECT_EQ(freeBytes, totalBytes);
  }
  npuDeviceProp prop;
  AscendBackend(catalog().at("910B3")).deviceProperties(0, prop);
  EXPECT_STREQ(prop.name, "Ascend 910B3 (modeled)");
  EXPECT_EQ(prop.multiProcessorCount, 40);
  EXPECT_EQ(prop.clockRate, 1800000);
  EXPECT_EQ(prop.sharedMemPerBlock, 192u * 1024);
  EXPECT_EQ(prop.l2CacheSize, 192 * 1024 * 1024);
  AscendBackend(catalog().at("950DT")).deviceProperties(0, prop);
  EXPECT_EQ(prop.multiProcessorCount, 72);
  EXPECT_EQ(prop.sharedMemPerBlock, 248u * 1024);
  EXPECT_EQ(prop.maxThreadsPerMultiProcessor, 2048);
}

TEST(AscendMemory, ChargesAsAclrtMalloc) {
  DeviceMemory memory(1 << 20, 32, 32);
  EXPECT_EQ(memory.chargeFor(1), 64u);
  EXPECT_EQ(memory.chargeFor(32), 64u);
  EXPECT_EQ(memory.chargeFor(33), 96u);
  EXPECT_EQ(memory.chargeFor(100), 160u);
  EXPECT_EQ(memory.chargeFor(SIZE_MAX - 8), 0u);
  void *a = memory.allocate(100);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a) % 256, 0u);
  EXPECT_EQ(memory.used(), 160u);
  EXPECT_TRUE(memory.release(a));
  EXPECT_FALSE(memory.release(a));
  EXPECT_EQ(memory.used(), 0u);
}

TEST(AscendMemory, CapacityIsEnforced) {
  DeviceMemory memory(4096, 32, 32);
  EXPECT_EQ(memory.allocate(4096), nullptr); // 4096 + 32 padding does not fit
  void *a = memory.allocate(4096 - 32);      // exactly the capacity
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(memory.used(), 4096u);
  EXPECT_EQ(memory.allocate(1), nullptr);
  EXPECT_TRUE(memory.release(a));
  void *b = memory.allocate(2000), *c = memory.allocate(2000);
  EXPECT_NE(b, nullptr);
  EXPECT_NE(c, nullptr);
  EXPECT_EQ(memory.allocate(100), nullptr);
  memory.release(b);
  memory.release(c);
}

} // namespace
