// Stream-ordered memory pools: the default and created pools, reuse in stream order and after
// the free ran, the release threshold applied at synchronisation, trimming, attributes, limits
// and the errors misuse returns.
#include <cstdint>

#include "RuntimeTestSupport.h"

using npu::test::RuntimeTest;

namespace {

using MemPoolTest = RuntimeTest;

std::uint64_t attribute(npuMemPool_t pool, npuMemPoolAttr attr) {
  std::uint64_t value = ~0ull;
  EXPECT_EQ(npuMemPoolGetAttribute(pool, attr, &value), npuSuccess);
  return value;
}

TEST_F(MemPoolTest, DefaultPoolServesMallocAsyncAndReleasesAtSynchronize) {
  npuMemPool_t pool = nullptr, current = nullptr;
  ASSERT_EQ(npuDeviceGetDefaultMemPool(&pool, 0), npuSuccess);
  ASSERT_EQ(npuDeviceGetMemPool(&current, 0), npuSuccess);
  EXPECT_EQ(pool, current);
  EXPECT_EQ(npuDeviceGetDefaultMemPool(&pool, 1), npuErrorInvalidDevice);

  void *block = nullptr;
  ASSERT_EQ(npuMallocAsync(&block, 1 << 20, 0), npuSuccess);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrUsedMemCurrent), 1u << 20);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrReservedMemCurrent), 1u << 20);
  ASSERT_EQ(npuMemsetAsync(block, 7, 1 << 20, 0), npuSuccess);
  ASSERT_EQ(npuFreeAsync(block, 0), npuSuccess);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrUsedMemCurrent), 0u);
  // The default release threshold is 0: synchronising gives the memory back.
  ASSERT_EQ(npuStreamSynchronize(0), npuSuccess);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrReservedMemCurrent), 0u);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrReservedMemHigh), 1u << 20);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrUsedMemHigh), 1u << 20);
  std::uint64_t zero = 0;
  ASSERT_EQ(npuMemPoolSetAttribute(pool, npuMemPoolAttrUsedMemHigh, &zero), npuSuccess);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrUsedMemHigh), 0u);
  std::uint64_t one = 1;
  EXPECT_EQ(npuMemPoolSetAttribute(pool, npuMemPoolAttrUsedMemHigh, &one), npuErrorInvalidValue);
  EXPECT_EQ(npuMemPoolSetAttribute(pool, npuMemPoolAttrUsedMemCurrent, &zero),
            npuErrorInvalidValue);
}

TEST_F(MemPoolTest, SameStreamReusesAFreedBlockInStreamOrder) {
  npuMemPool_t pool;
  ASSERT_EQ(npuDeviceGetDefaultMemPool(&pool, 0), npuSuccess);
  std::uint64_t keep = ~0ull; // keep everything across synchronisation
  ASSERT_EQ(npuMemPoolSetAttribute(pool, npuMemPoolAttrReleaseThreshold, &keep), npuSuccess);
  npuStream_t stream, other;
  ASSERT_EQ(npuStreamCreateWithFlags(&stream, npuStreamNonBlocking), npuSuccess);
  ASSERT_EQ(npuStreamCreateWithFlags(&other, npuStreamNonBlocking), npuSuccess);
  npu::test::Gate gate;
  ASSERT_EQ(npu::test::onStream(stream, [&] { gate.wait(); }), npuSuccess); // stream is busy
  void *first = nullptr, *second = nullptr, *third = nullptr;
  ASSERT_EQ(npuMallocAsync(&first, 4096, stream), npuSuccess);
  ASSERT_EQ(npuFreeAsync(first, stream), npuSuccess);
  // Another stream may not take it while the free has not run...
  ASSERT_EQ(npuMallocAsync(&third, 4096, other), npuSuccess);
  EXPECT_NE(third, first);
  // ... the same stream may: its use comes after the free.
  ASSERT_EQ(npuMallocAsync(&second, 1000, stream), npuSuccess);
  EXPECT_EQ(second, first);
  gate.open();
  ASSERT_EQ(npuFreeAsync(second, stream), npuSuccess);
  ASSERT_EQ(npuFreeAsync(third, other), npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrReservedMemCurrent), 8192u); // kept: threshold
  // Once the free ran, any stream reuses the block (opportunistic reuse, on by default).
  void *reused = nullptr;
  ASSERT_EQ(npuMallocAsync(&reused, 4096, other), npuSuccess);
  EXPECT_TRUE(reused == first || reused == third);
  ASSERT_EQ(npuFreeAsync(reused, other), npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  ASSERT_EQ(npuMemPoolTrimTo(pool, 4096), npuSuccess);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrReservedMemCurrent), 4096u);
  ASSERT_EQ(npuMemPoolTrimTo(pool, 0), npuSuccess);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrReservedMemCurrent), 0u);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(other), npuSuccess);
}

TEST_F(MemPoolTest, CreatedPoolsHaveLimitsAndCanBeCurrent) {
  npuMemPoolProps props{};
  props.allocType = npuMemAllocationTypePinned;
  props.location.type = npuMemLocationTypeDevice;
  props.location.id = 0;
  props.maxSize = 1 << 16;
  npuMemPool_t pool = nullptr;
  ASSERT_EQ(npuMemPoolCreate(&pool, &props), npuSuccess);
  void *block = nullptr;
  EXPECT_EQ(npuMallocFromPoolAsync(&block, (1 << 16) + 1, pool, 0), npuErrorMemoryAllocation);
  ASSERT_EQ(npuMallocFromPoolAsync(&block, 1 << 15, pool, 0), npuSuccess);
  ASSERT_EQ(npuDeviceSetMemPool(0, pool), npuSuccess);
  void *fromCurrent = nullptr;
  ASSERT_EQ(npuMallocAsync(&fromCurrent, 1 << 15, 0), npuSuccess);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrUsedMemCurrent), 1u << 16);
  ASSERT_EQ(npuFreeAsync(block, 0), npuSuccess);
  ASSERT_EQ(npuFree(fromCurrent), npuSuccess); // a synchronous free of pool memory
  EXPECT_EQ(attribute(pool, npuMemPoolAttrUsedMemCurrent), 0u);
  int flag = 0;
  ASSERT_EQ(npuMemPoolSetAttribute(pool, npuMemPoolReuseAllowOpportunistic, &flag), npuSuccess);
  flag = 1;
  ASSERT_EQ(npuMemPoolGetAttribute(pool, npuMemPoolReuseAllowOpportunistic, &flag), npuSuccess);
  EXPECT_EQ(flag, 0);
  ASSERT_EQ(npuMemPoolDestroy(pool), npuSuccess);
  npuMemPool_t current = nullptr, fallback = nullptr;
  ASSERT_EQ(npuDeviceGetMemPool(&current, 0), npuSuccess);
  ASSERT_EQ(npuDeviceGetDefaultMemPool(&fallback, 0), npuSuccess);
  EXPECT_EQ(current, fallback);
  EXPECT_EQ(npuMemPoolDestroy(pool), npuErrorInvalidValue);
  EXPECT_EQ(npuMemPoolDestroy(fallback), npuErrorInvalidValue); // the default pool stays
  EXPECT_EQ(npuMallocFromPoolAsync(&block, 16, pool, 0), npuErrorInvalidValue);
}

TEST_F(MemPoolTest, PropertiesAreChecked) {
  npuMemPoolProps props{};
  npuMemPool_t pool = nullptr;
  EXPECT_EQ(npuMemPoolCreate(&pool, &props), npuErrorInvalidValue); // no allocation type
  props.allocType = npuMemAllocationTypePinned;
  props.location.type = npuMemLocationTypeDevice;
  props.location.id = 3;
  EXPECT_EQ(npuMemPoolCreate(&pool, &props), npuErrorInvalidDevice);
  props.location.id = 0;
  props.handleTypes = npuMemHandleTypePosixFileDescriptor;
  EXPECT_EQ(npuMemPoolCreate(&pool, &props), npuErrorNotSupported);
  int bogus = 0;
  std::uint64_t value = 0;
  EXPECT_EQ(npuMemPoolGetAttribute(reinterpret_cast<npuMemPool_t>(&bogus),
                                   npuMemPoolAttrReleaseThreshold, &value),
            npuErrorInvalidValue);
  EXPECT_EQ(npuDeviceSetMemPool(0, reinterpret_cast<npuMemPool_t>(&bogus)), npuErrorInvalidValue);
}

TEST_F(MemPoolTest, DeviceResetReturnsPoolMemory) {
  npuMemPool_t pool;
  ASSERT_EQ(npuDeviceGetDefaultMemPool(&pool, 0), npuSuccess);
  std::uint64_t keep = ~0ull;
  ASSERT_EQ(npuMemPoolSetAttribute(pool, npuMemPoolAttrReleaseThreshold, &keep), npuSuccess);
  void *idle = nullptr, *live = nullptr;
  ASSERT_EQ(npuMallocAsync(&idle, 4096, 0), npuSuccess);
  ASSERT_EQ(npuMallocAsync(&live, 4096, 0), npuSuccess);
  ASSERT_EQ(npuFreeAsync(idle, 0), npuSuccess);
  ASSERT_EQ(npuDeviceReset(), npuSuccess);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrReservedMemCurrent), 0u);
  EXPECT_EQ(attribute(pool, npuMemPoolAttrReleaseThreshold), 0u); // back to the default
  EXPECT_EQ(npuFreeAsync(live, 0), npuErrorInvalidValue);         // released by the reset
}

} // namespace
