// Page-locked host memory: allocation flags, registration of program memory, device pointers.
#include <vector>

#include "RuntimeTestSupport.h"

using npu::test::RuntimeTest;

namespace {

using HostMemoryTest = RuntimeTest;

TEST_F(HostMemoryTest, HostAllocKeepsItsFlags) {
  void *host = nullptr;
  ASSERT_EQ(npuHostAlloc(&host, 128, npuHostAllocMapped | npuHostAllocPortable), npuSuccess);
  unsigned int flags = 0;
  EXPECT_EQ(npuHostGetFlags(&flags, host), npuSuccess);
  EXPECT_EQ(flags, npuHostAllocMapped | npuHostAllocPortable);
  void *device = nullptr;
  EXPECT_EQ(npuHostGetDevicePointer(&device, host, 0), npuSuccess);
  EXPECT_EQ(device, host); // unified addressing
  EXPECT_EQ(npuHostGetDevicePointer(&device, host, 1), npuErrorInvalidValue);
  EXPECT_EQ(npuHostAlloc(&host, 16, 0x80), npuErrorInvalidValue);
  int pageable = 0;
  EXPECT_EQ(npuHostGetFlags(&flags, &pageable), npuErrorInvalidValue);
  EXPECT_EQ(npuHostGetDevicePointer(&device, &pageable, 0), npuErrorInvalidValue);
  EXPECT_EQ(npuFreeHost(host), npuSuccess);
}

TEST_F(HostMemoryTest, MallocHostOverloadsAndTemplates) {
  double *values = nullptr;
  ASSERT_EQ(npuMallocHost(&values, 8 * sizeof(double)), npuSuccess);
  values[7] = 1.5;
  void *raw = nullptr;
  ASSERT_EQ(npuMallocHost(&raw, 32, npuHostAllocMapped), npuSuccess);
  EXPECT_EQ(npuFreeHost(values), npuSuccess);
  EXPECT_EQ(npuFreeHost(raw), npuSuccess);
}

TEST_F(HostMemoryTest, RegisterAndUnregisterProgramMemory) {
  std::vector<char> buffer(4096);
  EXPECT_EQ(npuHostRegister(buffer.data(), buffer.size(), npuHostRegisterMapped), npuSuccess);
  EXPECT_EQ(npuHostRegister(buffer.data(), buffer.size(), 0), npuErrorHostMemoryAlreadyRegistered);
  EXPECT_EQ(npuHostRegister(buffer.data() + 100, 10, 0), npuErrorHostMemoryAlreadyRegistered);
  npuPointerAttributes a;
  ASSERT_EQ(npuPointerGetAttributes(&a, buffer.data() + 5), npuSuccess);
  EXPECT_EQ(a.type, npuMemoryTypeHost);
  void *device = nullptr;
  EXPECT_EQ(npuHostGetDevicePointer(&device, buffer.data() + 5, 0), npuSuccess);
  EXPECT_EQ(device, buffer.data() + 5);
  // Registered-mapped memory may serve as the device side of a copy.
  char *deviceBuffer = nullptr;
  ASSERT_EQ(npuMalloc(&deviceBuffer, 16), npuSuccess);
  EXPECT_EQ(npuMemcpy(buffer.data(), deviceBuffer, 16, npuMemcpyDeviceToDevice), npuSuccess);
  EXPECT_EQ(npuHostUnregister(buffer.data() + 1), npuErrorHostMemoryNotRegistered);
  EXPECT_EQ(npuHostUnregister(buffer.data()), npuSuccess);
  EXPECT_EQ(npuHostUnregister(buffer.data()), npuErrorHostMemoryNotRegistered);
  EXPECT_EQ(npuFree(deviceBuffer), npuSuccess);
}

TEST_F(HostMemoryTest, RegisterRejectsBadArguments) {
  std::vector<char> buffer(64);
  EXPECT_EQ(npuHostRegister(nullptr, 64, 0), npuErrorInvalidValue);
  EXPECT_EQ(npuHostRegister(buffer.data(), 0, 0), npuErrorInvalidValue);
  EXPECT_EQ(npuHostRegister(buffer.data(), 64, 0x40), npuErrorInvalidValue);
  void *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, 64), npuSuccess);
  EXPECT_EQ(npuHostRegister(device, 64, 0), npuErrorInvalidValue); // device memory
  void *pinned = nullptr;
  ASSERT_EQ(npuMallocHost(&pinned, 64), npuSuccess);
  EXPECT_EQ(npuHostRegister(pinned, 64, 0), npuErrorHostMemoryAlreadyRegistered);
  EXPECT_EQ(npuFree(device), npuSuccess);
  EXPECT_EQ(npuFreeHost(pinned), npuSuccess);
}

} // namespace
