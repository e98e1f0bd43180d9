// Every atomic under contention from many blocks on all workers: exact totals.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "KernelTestSupport.h"

using npu::test::kSuccess;
using npu::test::runKernel;

namespace {

constexpr unsigned kBlocks = 512, kThreads = 128, kTotal = kBlocks * kThreads;

struct Counters {
  int addInt = 0;
  unsigned addUnsigned = 0;
  unsigned long long addU64 = 0;
  long long addS64 = 0;
  float addFloat = 0;
  double addDouble = 0;
  int subInt = 0;
  unsigned subUnsigned = 1u << 30;
  int minInt = 1 << 30;
  int maxInt = -(1 << 30);
  unsigned minUnsigned = ~0u;
  unsigned maxUnsigned = 0;
  unsigned long long maxU64 = 0;
  long long minS64 = 0;
  float minFloat = 1e30f;
  double maxDouble = -1e30;
  unsigned andBits = ~0u;
  unsigned orBits = 0;
  unsigned xorBits = 0;
  unsigned long long orU64 = 0;
  unsigned inc = 0;
  unsigned dec = 0;
  int casCounter = 0;
  int exchanged = -1;
  int blockScoped = 0;
  int systemScoped = 0;
};

__global__ void hammer(Counters *c) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    const unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    atomicAdd(&c->addInt, 1);
    atomicAdd(&c->addUnsigned, 2u);
    atomicAdd(&c->addU64, 1ull << 33);
    atomicAdd(&c->addS64, -3LL);
    atomicAdd(&c->addFloat, 1.0f);
    atomicAdd(&c->addDouble, 0.5);
    atomicSub(&c->subInt, 1);
    atomicSub(&c->subUnsigned, 1u);
    atomicMin(&c->minInt, static_cast<int>(i) - 5);
    atomicMax(&c->maxInt, static_cast<int>(i) - 5);
    atomicMin(&c->minUnsigned, i + 7);
    atomicMax(&c->maxUnsigned, i + 7);
    atomicMax(&c->maxU64, static_cast<unsigned long long>(i) << 40);
    atomicMin(&c->minS64, -static_cast<long long>(i));
    atomicMin(&c->minFloat, static_cast<float>(i) + 0.25f);
    atomicMax(&c->maxDouble, static_cast<double>(i) * 2);
    atomicAnd(&c->andBits, ~(1u << (i % 32)) | (i % 64 < 32 ? 0u : ~0u));
    atomicOr(&c->orBits, 1u << (i % 32));
    atomicXor(&c->xorBits, 1u << (i % 32));
    atomicOr(&c->orU64, 1ull << (i % 64));
    atomicInc(&c->inc, 999u);
    atomicDec(&c->dec, 999u);
    int expected = 0, seen; // a plain read here would race with the CAS (TSan says so)
    while ((seen = atomicCAS(&c->casCounter, expected, expected + 1)) != expected)
      expected = seen;
    atomicExch(&c->exchanged, static_cast<int>(i));
    atomicAdd_block(&c->blockScoped, 1);
    atomicAdd_system(&c->systemScoped, 1);
  });
}

TEST(Atomics, ExactTotalsUnderContention) {
  Counters c;
  ASSERT_EQ(runKernel("hammer", hammer, kBlocks, kThreads, 0, &c), kSuccess);
  EXPECT_EQ(c.addInt, static_cast<int>(kTotal));
  EXPECT_EQ(c.addUnsigned, 2 * kTotal);
  EXPECT_EQ(c.addU64, static_cast<unsigned long long>(kTotal) << 33);
  EXPECT_EQ(c.addS64, -3LL * kTotal);
  EXPECT_EQ(c.addFloat, static_cast<float>(kTotal)); // exact: integers below 2^24
  EXPECT_EQ(c.addDouble, 0.5 * kTotal);
  EXPECT_EQ(c.subInt, -static_cast<int>(kTotal));
  EXPECT_EQ(c.subUnsigned, (1u << 30) - kTotal);
  EXPECT_EQ(c.minInt, -5);
  EXPECT_EQ(c.maxInt, static_cast<int>(kTotal) - 6);
  EXPECT_EQ(c.minUnsigned, 7u);
  EXPECT_EQ(c.maxUnsigned, kTotal + 6);
  EXPECT_EQ(c.maxU64, static_cast<unsigned long long>(kTotal - 1) << 40);
  EXPECT_EQ(c.minS64, -static_cast<long long>(kTotal - 1));
  EXPECT_EQ(c.minFloat, 0.25f);
  EXPECT_EQ(c.maxDouble, 2.0 * (kTotal - 1));
  EXPECT_EQ(c.andBits, 0u);
  EXPECT_EQ(c.orBits, ~0u);
  EXPECT_EQ(c.xorBits, 0u); // each bit flipped kTotal/32 (even) times
  EXPECT_EQ(c.orU64, ~0ull);
  EXPECT_EQ(c.inc, kTotal % 1000);
  // dec from 0 wraps to 999, then counts down: after k steps (999 - (k-1) % 1000).
  EXPECT_EQ(c.dec, 999u - (kTotal - 1) % 1000);
  EXPECT_EQ(c.casCounter, static_cast<int>(kTotal));
  EXPECT_GE(c.exchanged, 0);
  EXPECT_LT(c.exchanged, static_cast<int>(kTotal));
  EXPECT_EQ(c.blockScoped, static_cast<int>(kTotal));
  EXPECT_EQ(c.systemScoped, static_cast<int>(kTotal));
}

// The classic "last block" pattern: __threadfence + atomicInc ticket.
__global__ void lastBlockSums(const float *in, float *partials, unsigned *ticket, float *total) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    __shared__ bool isLast;
    __shared__ float blockSum;
    if (threadIdx.x == 0)
      blockSum = 0;
    __syncthreads();
    atomicAdd(&blockSum, in[blockIdx.x * blockDim.x + threadIdx.x]);
    __syncthreads();
    if (threadIdx.x == 0) {
      partials[blockIdx.x] = blockSum;
      __threadfence();
      const unsigned value = atomicInc(ticket, gridDim.x);
      isLast = value == gridDim.x - 1;
    }
    __syncthreads();
    if (isLast && threadIdx.x == 0) {
      float sum = 0;
      for (unsigned b = 0; b < gridDim.x; ++b)
        sum += partials[b];
      *total = sum;
      *ticket = 0;
    }
  });
}

TEST(Atomics, ThreadFenceLastBlockPattern) {
  const unsigned blocks = 300, threads = 64;
  std::vector<float> in(blocks * threads, 1.0f), partials(blocks);
  unsigned ticket = 0;
  float total = 0;
  ASSERT_EQ(runKernel("lastBlockSums", lastBlockSums, blocks, threads, 0, in.data(),
                      partials.data(), &ticket, &total),
            kSuccess);
  EXPECT_EQ(total, static_cast<float>(blocks * threads));
  EXPECT_EQ(ticket, 0u);
}

// CUDA 12.8's __nv_atomic_* builtins under contention: exact totals, a 16-byte compare-exchange
// loop (through the striped lock) that never tears, and the value operand converted to the
// pointee type.
struct NvWide {
  long long low, high;
};
struct NvCounters {
  unsigned long long tickets = 0;
  int sum = 0;
  unsigned bits = 0;
  int minimum = 1 << 30;
  long long maximum = 0;
  double dsum = 0;
  NvWide wide = {0, 0};
  unsigned long long casProduct = 1;
};

__global__ void nvHammer(NvCounters *c, int *torn) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    const unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    __nv_atomic_fetch_add(&c->tickets, 1, __NV_ATOMIC_RELAXED); // int 1 -> unsigned long long
    __nv_atomic_add(&c->sum, 2, __NV_ATOMIC_RELAXED, __NV_THREAD_SCOPE_BLOCK);
    __nv_atomic_sub(&c->sum, 1, __NV_ATOMIC_RELEASE);
    __nv_atomic_fetch_or(&c->bits, 1u << (i % 32), __NV_ATOMIC_RELAXED);
    __nv_atomic_min(&c->minimum, static_cast<int>(i) - 9, __NV_ATOMIC_RELAXED);
    __nv_atomic_fetch_max(&c->maximum, static_cast<long long>(i) << 33, __NV_ATOMIC_ACQ_REL);
    __nv_atomic_fetch_add(&c->dsum, 0.5, __NV_ATOMIC_RELAXED, __NV_THREAD_SCOPE_DEVICE);
    NvWide seen = __nv_atomic_load_n(&c->wide, __NV_ATOMIC_ACQUIRE);
    if (seen.high != 3 * seen.low)
      __nv_atomic_store_n(torn, 1, __NV_ATOMIC_RELAXED);
    NvWide next;
    do {
      next = {seen.low + 1, seen.high + 3};
    } while (!__nv_atomic_compare_exchange_n(&c->wide, &seen, next, true, __NV_ATOMIC_SEQ_CST,
                                             __NV_ATOMIC_RELAXED));
    if (i % 4096 == 0) { // 16 threads
      unsigned long long old = __nv_atomic_load_n(&c->casProduct, __NV_ATOMIC_RELAXED);
      while (!__nv_atomic_compare_exchange_n(&c->casProduct, &old, old * 2, false,
                                             __NV_ATOMIC_ACQ_REL, __NV_ATOMIC_ACQUIRE)) {
      }
    }
    __nv_atomic_thread_fence(__NV_ATOMIC_SEQ_CST);
  });
}

TEST(Atomics, NvAtomicBuiltinsUnderContention) {
  NvCounters c;
  int torn = 0;
  ASSERT_EQ(runKernel("nvHammer", nvHammer, kBlocks, kThreads, 0, &c, &torn), kSuccess);
  EXPECT_EQ(c.tickets, kTotal);
  EXPECT_EQ(c.sum, static_cast<int>(kTotal));
  EXPECT_EQ(c.bits, ~0u);
  EXPECT_EQ(c.minimum, -9);
  EXPECT_EQ(c.maximum, static_cast<long long>(kTotal - 1) << 33);
  EXPECT_EQ(c.dsum, 0.5 * kTotal);
  EXPECT_EQ(c.wide.low, static_cast<long long>(kTotal));
  EXPECT_EQ(c.wide.high, 3LL * kTotal);
  EXPECT_EQ(c.casProduct, 1ull << (kTotal / 4096));
  EXPECT_EQ(torn, 0);
}

TEST(Atomics, NvAtomicExchangeLoadStoreOnTheHost) {
  // The builtins are plain functions: also callable outside a kernel, on any trivially
  // copyable type, through volatile and const pointers.
  volatile int v = 5;
  EXPECT_EQ(__nv_atomic_exchange_n(&v, 7, __NV_ATOMIC_RELAXED), 5);
  const int c = 11;
  EXPECT_EQ(__nv_atomic_load_n(&c, __NV_ATOMIC_SEQ_CST), 11);
  float f = 1.5f, other = 2.5f, previous = 0;
  __nv_atomic_exchange(&f, &other, &previous, __NV_ATOMIC_ACQ_REL);
  EXPECT_EQ(previous, 1.5f);
  EXPECT_EQ(f, 2.5f);
  NvWide w = {1, 2}, expected = {9, 9}, desired = {3, 4};
  EXPECT_FALSE(__nv_atomic_compare_exchange(&w, &expected, &desired, false, __NV_ATOMIC_SEQ_CST,
                                            __NV_ATOMIC_RELAXED));
  EXPECT_EQ(expected.low, 1);
  EXPECT_EQ(expected.high, 2);
  __nv_atomic_store(&w, &desired, __NV_ATOMIC_RELEASE);
  NvWide out;
  __nv_atomic_load(&w, &out, __NV_ATOMIC_ACQUIRE);
  EXPECT_EQ(out.low, 3);
  EXPECT_EQ(out.high, 4);
  NvWide swapped = __nv_atomic_exchange_n(&w, NvWide{5, 6}, __NV_ATOMIC_RELAXED);
  EXPECT_EQ(swapped.low, 3);
  EXPECT_EQ(w.high, 6);
  static_assert(__NV_ATOMIC_SEQ_CST == 5 && __NV_THREAD_SCOPE_SYSTEM == 4, "CUDA's values");
}

} // namespace
