// The memory checker's allocator through its own API (runtime/memcheck/Memcheck.h): layout,
// alignment, bookkeeping, and the reports for host accesses. Run with NPURT_MEMCHECK=1.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <sys/mman.h>

#include "memcheck/Memcheck.h"

namespace {

using npu::memcheck::kErrorExitStatus;

// What backends allocate: the alignment cudaMalloc promises (256), lowered so that the end of
// the data touches the guard page.
void *allocateDevice(std::size_t bytes) {
  return npu::memcheck::allocate(bytes, npu::memcheck::guardedAlignment(bytes, 256));
}

// Writing through a volatile pointer so the compiler keeps the faulting access.
void poke(void *p, std::ptrdiff_t offset) { static_cast<volatile char *>(p)[offset] = 1; }
int peek(const void *p, std::ptrdiff_t offset) {
  return static_cast<const volatile char *>(p)[offset];
}

TEST(MemcheckAllocator, EnabledByTheEnvironment) { EXPECT_TRUE(npu::memcheck::enabled()); }

TEST(MemcheckAllocator, GuardedAlignment) {
  using npu::memcheck::guardedAlignment;
  EXPECT_EQ(guardedAlignment(4000, 256), 32u); // 4000 = 32 * 125
  EXPECT_EQ(guardedAlignment(4004, 256), 16u); // never below 16 (vector types)
  EXPECT_EQ(guardedAlignment(1, 256), 16u);
  EXPECT_EQ(guardedAlignment(40000, 256), 64u);
  EXPECT_EQ(guardedAlignment(1 << 20, 256), 256u); // never above what is promised
  EXPECT_EQ(guardedAlignment(1 << 20, 8), 8u);
  EXPECT_EQ(guardedAlignment(0, 256), 256u);
}

TEST(MemcheckAllocator, SizesAndAlignment) {
  ASSERT_TRUE(npu::memcheck::enabled());
  std::vector<std::size_t> sizes;
  for (std::size_t n = 1; n <= 300; ++n)
    sizes.push_back(n);
  for (std::size_t n : {4000u, 4095u, 4096u, 4097u, 65536u, 1000000u, 3u << 20})
    sizes.push_back(n);
  std::vector<std::pair<char *, std::size_t>> blocks;
  for (std::size_t bytes : sizes) {
    for (std::size_t alignment : {npu::memcheck::guardedAlignment(bytes, 256), std::size_t{256}}) {
      auto *p = static_cast<char *>(npu::memcheck::allocate(bytes, alignment));
      ASSERT_NE(p, nullptr) << bytes;
      EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % alignment, 0u) << bytes;
      std::memset(p, 0x5A, bytes); // every byte is usable
      blocks.emplace_back(p, bytes);
    }
  }
  // Distinct, non-overlapping, and each keeps what was written to it.
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    for (std::size_t b = 0; b < blocks[i].second; ++b)
      ASSERT_EQ(blocks[i].first[b], 0x5A);
    if (i > 0) {
      EXPECT_NE(blocks[i].first, blocks[i - 1].first);
    }
  }
  for (auto &[p, bytes] : blocks)
    EXPECT_TRUE(npu::memcheck::release(p));
}

TEST(MemcheckAllocator, AlignmentsAreHonoured) {
  for (std::size_t asked : {1u, 2u, 4u, 8u, 16u, 64u, 256u, 4096u, 65536u}) {
    for (std::size_t bytes : {1000u, 1u << 20}) {
      void *p = npu::memcheck::allocate(bytes, asked);
      ASSERT_NE(p, nullptr);
      EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % asked, 0u) << asked;
      EXPECT_TRUE(npu::memcheck::release(p));
    }
  }
}

TEST(MemcheckAllocator, LargeAllocation) {
  const std::size_t bytes = (std::size_t{1} << 30) + 12; // address space only, until touched
  auto *p = static_cast<char *>(allocateDevice(bytes));
  ASSERT_NE(p, nullptr);
  p[0] = 1;
  p[bytes - 1] = 2;
  EXPECT_EQ(p[0] + p[bytes - 1], 3);
  EXPECT_TRUE(npu::memcheck::release(p));
}

TEST(MemcheckAllocator, ReleaseOfUnknownPointersFails) {
  int local = 0;
  EXPECT_FALSE(npu::memcheck::release(nullptr));
  EXPECT_FALSE(npu::memcheck::release(&local));
  auto *p = static_cast<char *>(allocateDevice(100));
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(npu::memcheck::release(p + 1)); // inside, not the start
  EXPECT_TRUE(npu::memcheck::release(p));
  EXPECT_FALSE(npu::memcheck::release(p)); // twice
}

TEST(MemcheckAllocator, ZeroBytes) {
  void *p = allocateDevice(0);
  void *q = allocateDevice(0);
  ASSERT_NE(p, nullptr);
  EXPECT_NE(p, q);
  EXPECT_TRUE(npu::memcheck::release(p));
  EXPECT_TRUE(npu::memcheck::release(q));
}

TEST(MemcheckAllocator, AddressesAreNeverReused) {
  std::vector<std::uintptr_t> seen;
  for (int i = 0; i < 1000; ++i) {
    void *p = allocateDevice(64);
    ASSERT_NE(p, nullptr);
    seen.push_back(reinterpret_cast<std::uintptr_t>(p));
    EXPECT_TRUE(npu::memcheck::release(p));
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());
}

int mappingCount() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  int count = 0;
  while (std::getline(maps, line))
    ++count;
  return count;
}

// Freed allocations merge with the gaps around them into one mapping, so a program that
// allocates and frees in a loop never reaches the kernel's limit on mappings (65530).
TEST(MemcheckAllocator, FreedAllocationsCostNoMappings) {
  const int before = mappingCount();
  for (int i = 0; i < 3000; ++i) {
    void *p = allocateDevice(24);
    ASSERT_NE(p, nullptr) << i;
    poke(p, 23);
    ASSERT_TRUE(npu::memcheck::release(p));
  }
  EXPECT_LT(mappingCount(), before + 16);
}

// About two mappings per live allocation, none left once they are freed.
TEST(MemcheckAllocator, ManyLiveAllocations) {
  const int before = mappingCount();
  std::vector<void *> live;
  for (int i = 0; i < 2000; ++i) {
    live.push_back(allocateDevice(static_cast<std::size_t>(i % 97 + 1) * 8));
    ASSERT_NE(live.back(), nullptr);
    poke(live.back(), 0);
  }
  EXPECT_LE(mappingCount(), before + 2 * 2000 + 16);
  npu::memcheck::checkAfterKernel("none"); // all canaries intact: returns
  for (void *p : live)
    ASSERT_TRUE(npu::memcheck::release(p));
  EXPECT_LT(mappingCount(), before + 16);
}

// ---- reports (death tests, each in a fresh process) ----------------------------------------

class MemcheckReport : public testing::Test {
protected:
  void SetUp() override {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    // The fault handler is installed by the first enabled() (backends call it first).
    ASSERT_TRUE(npu::memcheck::enabled()) << "run with NPURT_MEMCHECK=1";
  }
};

TEST_F(MemcheckReport, HostWritePastTheEnd) {
  EXPECT_EXIT(
      {
        void *p = allocateDevice(4000);
        poke(p, 4000);
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "npurt memcheck: invalid write at 0x[0-9a-f]+ in host code \\(not in a kernel\\): 0 bytes "
      "after the end of the 4000-byte allocation at 0x[0-9a-f]+\n"
      "npurt memcheck: the first error stops the program \\(exit status 86\\)");
}

TEST_F(MemcheckReport, HostReadFarPastTheEnd) {
  EXPECT_EXIT(
      {
        void *p = allocateDevice(4096);
        peek(p, 4096 + 1000);
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "invalid read at 0x[0-9a-f]+ in host code .*: 1000 bytes after the end of the 4096-byte");
}

TEST_F(MemcheckReport, HostWriteBeforeAPageSizedAllocation) {
  EXPECT_EXIT(
      {
        void *p = allocateDevice(8192);
        poke(p, -3);
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "invalid write at 0x[0-9a-f]+ in host code .*: 3 bytes before the start of the 8192-byte");
}

TEST_F(MemcheckReport, HostUseAfterFree) {
  EXPECT_EXIT(
      {
        void *p = allocateDevice(4000);
        npu::memcheck::release(p);
        peek(p, 100);
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "invalid read at 0x[0-9a-f]+ in host code .*: 100 bytes inside a freed 4000-byte "
      "allocation at 0x[0-9a-f]+, freed earlier \\(use after free\\)");
}

TEST_F(MemcheckReport, CanaryBeforeTheStartAtRelease) {
  EXPECT_EXIT(
      {
        void *p = allocateDevice(4000); // 32-byte aligned: 96 bytes of slack before it
        poke(p, -2);
        npu::memcheck::release(p);
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "invalid write at 0x[0-9a-f]+ \\(found by the canary check when the allocation was "
      "freed; .*\\): 2 bytes before the start of the 4000-byte allocation");
}

TEST_F(MemcheckReport, CanaryInThePaddingAfterAKernel) {
  EXPECT_EXIT(
      {
        void *p = allocateDevice(1001); // 16-byte aligned: 7 bytes of padding
        poke(p, 1003);
        npu::memcheck::checkAfterKernel("scale");
      },
      testing::ExitedWithCode(kErrorExitStatus),
      "invalid write at 0x[0-9a-f]+ in kernel 'scale' \\(found by the canary check after the "
      "kernel; block and thread unknown\\): 2 bytes after the end of the 1001-byte allocation");
}

// A fault elsewhere is not the checker's: the default action (SIGSEGV) happens.
TEST_F(MemcheckReport, ForeignFaultsAreLeftAlone) {
  ASSERT_TRUE(npu::memcheck::enabled());
  EXPECT_EXIT(
      {
        void *page = mmap(nullptr, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        poke(page, 8);
      },
      testing::KilledBySignal(SIGSEGV), "");
}

} // namespace
