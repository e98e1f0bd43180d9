// Memory management: allocation tracking, copies with CUDA's unified-addressing checks, pitched
// memory and 2D copies, fills, memory info, pointer attributes, stream-ordered allocation.
#include <cstdint>
#include <numeric>
#include <vector>

#include "RuntimeTestSupport.h"

using npu::test::RuntimeTest;

namespace {

using MemoryTest = RuntimeTest;

TEST_F(MemoryTest, MallocIsAlignedAndUsableFromTheHostSide) {
  float *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, 1000 * sizeof(float)), npuSuccess);
  ASSERT_NE(device, nullptr);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(device) % 256, 0u);
  std::vector<float> in(1000), out(1000, 0.f);
  std::iota(in.begin(), in.end(), 1.f);
  EXPECT_EQ(npuMemcpy(device, in.data(), 4000, npuMemcpyHostToDevice), npuSuccess);
  EXPECT_EQ(npuMemcpy(out.data(), device, 4000, npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(in, out);
  EXPECT_EQ(npuFree(device), npuSuccess);
}

TEST_F(MemoryTest, ZeroBytesGiveNullAndFreeingNullSucceeds) {
  void *p = reinterpret_cast<void *>(0x1234);
  EXPECT_EQ(npuMalloc(&p, 0), npuSuccess);
  EXPECT_EQ(p, nullptr);
  EXPECT_EQ(npuFree(nullptr), npuSuccess);
  EXPECT_EQ(npuMallocHost(&p, 0), npuSuccess);
  EXPECT_EQ(p, nullptr);
  EXPECT_EQ(npuFreeHost(nullptr), npuSuccess);
  EXPECT_EQ(npuMallocManaged(&p, 0), npuErrorInvalidValue); // as CUDA documents
  EXPECT_EQ(npuMemcpy(nullptr, nullptr, 0, npuMemcpyHostToDevice), npuSuccess);
}

TEST_F(MemoryTest, FreeRejectsUnknownInteriorAndFreedPointers) {
  char *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, 64), npuSuccess);
  int onStack = 0;
  EXPECT_EQ(npuFree(&onStack), npuErrorInvalidValue);
  EXPECT_EQ(npuFree(device + 8), npuErrorInvalidValue); // not the start
  EXPECT_EQ(npuFree(device), npuSuccess);
  EXPECT_EQ(npuFree(device), npuErrorInvalidValue); // double free
  void *pinned = nullptr;
  ASSERT_EQ(npuMallocHost(&pinned, 64), npuSuccess);
  EXPECT_EQ(npuFree(pinned), npuErrorInvalidValue); // pinned memory goes to npuFreeHost
  EXPECT_EQ(npuFreeHost(pinned), npuSuccess);
  EXPECT_EQ(npuFreeHost(pinned), npuErrorInvalidValue);
  EXPECT_EQ(npuMalloc(static_cast<void **>(nullptr), 8), npuErrorInvalidValue);
}

TEST_F(MemoryTest, HugeAllocationFailsWithMemoryAllocation) {
  void *p = nullptr;
  EXPECT_EQ(npuMalloc(&p, SIZE_MAX / 2), npuErrorMemoryAllocation);
  EXPECT_EQ(p, nullptr);
  EXPECT_EQ(npuGetLastError(), npuErrorMemoryAllocation);
}

TEST_F(MemoryTest, CopyPastTheEndOfAnAllocationIsRejected) {
  char *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, 100), npuSuccess);
  std::vector<char> host(200);
  EXPECT_EQ(npuMemcpy(device, host.data(), 101, npuMemcpyHostToDevice), npuErrorInvalidValue);
  EXPECT_EQ(npuMemcpy(device + 50, host.data(), 51, npuMemcpyHostToDevice), npuErrorInvalidValue);
  EXPECT_EQ(npuMemcpy(device + 50, host.data(), 50, npuMemcpyHostToDevice), npuSuccess);
  EXPECT_EQ(npuMemcpy(host.data(), device, 101, npuMemcpyDeviceToHost), npuErrorInvalidValue);
  EXPECT_EQ(npuMemcpyAsync(device, host.data(), 200, npuMemcpyHostToDevice, nullptr),
            npuErrorInvalidValue);
  EXPECT_EQ(npuFree(device), npuSuccess);
}

TEST_F(MemoryTest, ExplicitKindMustMatchWhereMemoryLives) {
  char *device = nullptr, *pinned = nullptr, *mapped = nullptr;
  ASSERT_EQ(npuMalloc(&device, 64), npuSuccess);
  ASSERT_EQ(npuMallocHost(&pinned, 64), npuSuccess);
  ASSERT_EQ(npuHostAlloc(&mapped, 64, npuHostAllocMapped), npuSuccess);
  std::vector<char> pageable(64);
  // Host-to-device whose destination is host memory, known or not.
  EXPECT_EQ(npuMemcpy(pinned, pageable.data(), 64, npuMemcpyHostToDevice), npuErrorInvalidValue);
  EXPECT_EQ(npuMemcpy(pageable.data(), pinned, 64, npuMemcpyHostToDevice), npuErrorInvalidValue);
  // Device-to-host whose source is not device memory, or whose destination is.
  EXPECT_EQ(npuMemcpy(pageable.data(), pinned, 64, npuMemcpyDeviceToHost), npuErrorInvalidValue);
  EXPECT_EQ(npuMemcpy(device, device, 64, npuMemcpyDeviceToHost), npuErrorInvalidValue);
  EXPECT_EQ(npuMemcpy(device, pageable.data(), 64, npuMemcpyHostToHost), npuErrorInvalidValue);
  EXPECT_EQ(npuMemcpy(device, pageable.data(), 64, npuMemcpyDeviceToDevice), npuErrorInvalidValue);
  // Kinds outside the enum.
  EXPECT_EQ(npuMemcpy(device, pageable.data(), 64, static_cast<npuMemcpyKind>(7)),
            npuErrorInvalidMemcpyDirection);
  // What is right.
  EXPECT_EQ(npuMemcpy(device, pinned, 64, npuMemcpyHostToDevice), npuSuccess);
  EXPECT_EQ(npuMemcpy(mapped, pageable.data(), 64, npuMemcpyHostToDevice), npuSuccess);
  EXPECT_EQ(npuMemcpy(pinned, pageable.data(), 64, npuMemcpyHostToHost), npuSuccess);
  EXPECT_EQ(npuMemcpy(device, device + 0, 32, npuMemcpyDeviceToDevice), npuSuccess);
  EXPECT_EQ(npuFree(device), npuSuccess);
  EXPECT_EQ(npuFreeHost(pinned), npuSuccess);
  EXPECT_EQ(npuFreeHost(mapped), npuSuccess);
}

TEST_F(MemoryTest, DefaultKindInfersTheDirection) {
  int *a = nullptr, *b = nullptr;
  ASSERT_EQ(npuMalloc(&a, 16 * sizeof(int)), npuSuccess);
  ASSERT_EQ(npuMalloc(&b, 16 * sizeof(int)), npuSuccess);
  std::vector<int> in(16), out(16, 0);
  std::iota(in.begin(), in.end(), 100);
  EXPECT_EQ(npuMemcpy(a, in.data(), 64, npuMemcpyDefault), npuSuccess);
  EXPECT_EQ(npuMemcpy(b, a, 64, npuMemcpyDefault), npuSuccess);
  EXPECT_EQ(npuMemcpy(out.data(), b, 64, npuMemcpyDefault), npuSuccess);
  EXPECT_EQ(in, out);
  std::vector<int> copy(16);
  EXPECT_EQ(npuMemcpy(copy.data(), in.data(), 64, npuMemcpyDefault), npuSuccess);
  EXPECT_EQ(copy, in);
  EXPECT_EQ(npuMemcpy(b, a, 65, npuMemcpyDefault), npuErrorInvalidValue); // still bounds-checked
  EXPECT_EQ(npuMemcpy(nullptr, a, 4, npuMemcpyDefault), npuErrorInvalidValue);
  EXPECT_EQ(npuFree(a), npuSuccess);
  EXPECT_EQ(npuFree(b), npuSuccess);
}

TEST_F(MemoryTest, MemsetFillsDeviceMemoryOnly) {
  unsigned char *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, 256), npuSuccess);
  EXPECT_EQ(npuMemset(device, 0xab, 256), npuSuccess);
  std::vector<unsigned char> out(256);
  ASSERT_EQ(npuMemcpy(out.data(), device, 256, npuMemcpyDeviceToHost), npuSuccess);
  for (unsigned char byte : out)
    ASSERT_EQ(byte, 0xab);
  EXPECT_EQ(npuMemset(device + 200, 0, 57), npuErrorInvalidValue); // past the end
  std::vector<char> pageable(16);
  EXPECT_EQ(npuMemset(pageable.data(), 0, 16), npuErrorInvalidValue); // not device memory
  EXPECT_EQ(npuMemset(nullptr, 0, 16), npuErrorInvalidValue);
  EXPECT_EQ(npuMemset(device, 0, 0), npuSuccess);
  EXPECT_EQ(npuFree(device), npuSuccess);
}

TEST_F(MemoryTest, MallocPitchRoundsRowsTo512Bytes) {
  void *device = nullptr;
  size_t pitch = 0;
  ASSERT_EQ(npuMallocPitch(&device, &pitch, 100, 4), npuSuccess);
  EXPECT_EQ(pitch, 512u);
  ASSERT_EQ(npuMallocPitch(&device, &pitch, 513, 3), npuSuccess);
  EXPECT_EQ(pitch, 1024u);
  npuPointerAttributes attributes;
  ASSERT_EQ(npuPointerGetAttributes(&attributes, static_cast<char *>(device) + 3 * 1024 - 1),
            npuSuccess);
  EXPECT_EQ(attributes.type, npuMemoryTypeDevice);
  EXPECT_EQ(npuFree(device), npuSuccess);
  EXPECT_EQ(npuMallocPitch(&device, nullptr, 10, 10), npuErrorInvalidValue);
}

TEST_F(MemoryTest, Copy2DMovesASubRectangle) {
  constexpr size_t width = 5, height = 3, hostPitch = 8;
  std::vector<char> host(hostPitch * height);
  std::iota(host.begin(), host.end(), 'A');
  char *device = nullptr;
  size_t pitch = 0;
  ASSERT_EQ(npuMallocPitch(&device, &pitch, width, height), npuSuccess);
  ASSERT_EQ(npuMemset2D(device, pitch, '.', pitch, height), npuSuccess);
  ASSERT_EQ(
      npuMemcpy2D(device, pitch, host.data(), hostPitch, width, height, npuMemcpyHostToDevice),
      npuSuccess);
  std::vector<char> back(hostPitch * height, '#');
  ASSERT_EQ(
      npuMemcpy2D(back.data(), hostPitch, device, pitch, width, height, npuMemcpyDeviceToHost),
      npuSuccess);
  for (size_t row = 0; row < height; ++row)
    for (size_t col = 0; col < hostPitch; ++col)
      EXPECT_EQ(back[row * hostPitch + col], col < width ? host[row * hostPitch + col] : '#');
  char padding = 0;
  ASSERT_EQ(npuMemcpy(&padding, device + width, 1, npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(padding, '.'); // the bytes between width and pitch are untouched

  // Width wider than a pitch; a region running past the allocation; a wrong kind.
  EXPECT_EQ(npuMemcpy2D(device, pitch, host.data(), 4, width, height, npuMemcpyHostToDevice),
            npuErrorInvalidPitchValue);
  EXPECT_EQ(
      npuMemcpy2D(device, pitch, host.data(), hostPitch, width, height + 1, npuMemcpyHostToDevice),
      npuErrorInvalidValue);
  EXPECT_EQ(
      npuMemcpy2D(host.data(), hostPitch, device, pitch, width, height, npuMemcpyHostToDevice),
      npuErrorInvalidValue);
  EXPECT_EQ(npuMemset2D(device, pitch, 0, pitch + 1, 1), npuErrorInvalidValue);
  EXPECT_EQ(npuFree(device), npuSuccess);
}

TEST_F(MemoryTest, Memset2DFillsOnlyTheRectangle) {
  unsigned char *device = nullptr;
  size_t pitch = 0;
  ASSERT_EQ(npuMallocPitch(&device, &pitch, 16, 4), npuSuccess);
  ASSERT_EQ(npuMemset(device, 0, pitch * 4), npuSuccess);
  ASSERT_EQ(npuMemset2D(device, pitch, 7, 10, 4), npuSuccess);
  std::vector<unsigned char> out(pitch * 4);
  ASSERT_EQ(npuMemcpy(out.data(), device, out.size(), npuMemcpyDeviceToHost), npuSuccess);
  for (size_t row = 0; row < 4; ++row)
    for (size_t col = 0; col < 16; ++col)
      EXPECT_EQ(out[row * pitch + col], col < 10 ? 7 : 0);
  EXPECT_EQ(npuFree(device), npuSuccess);
}

TEST_F(MemoryTest, MemGetInfo) {
  size_t free = 0, total = 0;
  EXPECT_EQ(npuMemGetInfo(&free, &total), npuSuccess);
  EXPECT_GT(total, 0u);
  EXPECT_LE(free, total);
  npuDeviceProp prop;
  ASSERT_EQ(npuGetDeviceProperties(&prop, 0), npuSuccess);
  EXPECT_EQ(total, prop.totalGlobalMem);
  EXPECT_EQ(npuMemGetInfo(nullptr, &total), npuErrorInvalidValue);
}

TEST_F(MemoryTest, ManagedMemoryIsUsableFromBothSides) {
  int *managed = nullptr;
  ASSERT_EQ(npuMallocManaged(&managed, 4 * sizeof(int)), npuSuccess);
  managed[0] = 42; // the host touches it directly
  int out = 0;
  EXPECT_EQ(npuMemcpy(&out, managed, sizeof(int), npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(out, 42);
  EXPECT_EQ(npuMemcpy(managed + 1, &out, sizeof(int), npuMemcpyHostToHost), npuSuccess);
  EXPECT_EQ(managed[1], 42);
  EXPECT_EQ(npuMemPrefetchAsync(managed, 16, 0), npuSuccess);
  EXPECT_EQ(npuMemPrefetchAsync(managed, 16, npuCpuDeviceId), npuSuccess);
  EXPECT_EQ(npuMemPrefetchAsync(managed, 16, 3), npuErrorInvalidDevice);
  EXPECT_EQ(npuMemAdvise(managed, 16, npuMemAdviseSetReadMostly, 0), npuSuccess);
  EXPECT_EQ(npuMemAdvise(managed, 17, npuMemAdviseSetReadMostly, 0), npuErrorInvalidValue);
  EXPECT_EQ(npuMallocManaged(&managed, 16, npuMemAttachSingle), npuErrorInvalidValue);
  EXPECT_EQ(npuFree(managed), npuSuccess);
}

TEST_F(MemoryTest, PointerAttributesTellWhereMemoryLives) {
  void *device = nullptr, *pinned = nullptr, *managed = nullptr;
  ASSERT_EQ(npuMalloc(&device, 64), npuSuccess);
  ASSERT_EQ(npuMallocHost(&pinned, 64), npuSuccess);
  ASSERT_EQ(npuMallocManaged(&managed, 64), npuSuccess);
  int pageable = 0;
  npuPointerAttributes a;
  ASSERT_EQ(npuPointerGetAttributes(&a, static_cast<char *>(device) + 10), npuSuccess);
  EXPECT_EQ(a.type, npuMemoryTypeDevice);
  EXPECT_EQ(a.device, 0);
  EXPECT_EQ(a.devicePointer, static_cast<char *>(device) + 10);
  EXPECT_EQ(a.hostPointer, nullptr);
  ASSERT_EQ(npuPointerGetAttributes(&a, pinned), npuSuccess);
  EXPECT_EQ(a.type, npuMemoryTypeHost);
  EXPECT_EQ(a.hostPointer, pinned);
  EXPECT_EQ(a.devicePointer, pinned);
  ASSERT_EQ(npuPointerGetAttributes(&a, managed), npuSuccess);
  EXPECT_EQ(a.type, npuMemoryTypeManaged);
  EXPECT_EQ(a.hostPointer, managed);
  EXPECT_EQ(a.devicePointer, managed);
  ASSERT_EQ(npuPointerGetAttributes(&a, &pageable), npuSuccess);
  EXPECT_EQ(a.type, npuMemoryTypeUnregistered);
  ASSERT_EQ(npuPointerGetAttributes(&a, static_cast<char *>(device) + 64), npuSuccess);
  EXPECT_EQ(a.type, npuMemoryTypeUnregistered); // one past the end
  EXPECT_EQ(npuPointerGetAttributes(nullptr, device), npuErrorInvalidValue);
  EXPECT_EQ(npuFree(device), npuSuccess);
  ASSERT_EQ(npuPointerGetAttributes(&a, device), npuSuccess);
  EXPECT_EQ(a.type, npuMemoryTypeUnregistered); // freed
  EXPECT_EQ(npuFreeHost(pinned), npuSuccess);
  EXPECT_EQ(npuFree(managed), npuSuccess);
}

TEST_F(MemoryTest, StreamOrderedAllocation) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  int *device = nullptr;
  ASSERT_EQ(npuMallocAsync(&device, 64 * sizeof(int), stream), npuSuccess);
  ASSERT_NE(device, nullptr);
  std::vector<int> in(64, 5), out(64, 0);
  EXPECT_EQ(npuMemcpyAsync(device, in.data(), 256, npuMemcpyHostToDevice, stream), npuSuccess);
  EXPECT_EQ(npuMemcpyAsync(out.data(), device, 256, npuMemcpyDeviceToHost, stream), npuSuccess);
  EXPECT_EQ(npuFreeAsync(device, stream), npuSuccess);
  EXPECT_EQ(npuFreeAsync(device, stream), npuErrorInvalidValue); // already freed
  EXPECT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(in, out);
  npuStream_t destroyed;
  ASSERT_EQ(npuStreamCreate(&destroyed), npuSuccess);
  ASSERT_EQ(npuStreamDestroy(destroyed), npuSuccess);
  EXPECT_EQ(npuMallocAsync(&device, 64, destroyed), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

} // namespace
