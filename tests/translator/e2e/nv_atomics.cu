// CUDA 12.8's atomic builtins (__nv_atomic_*) with memory orders and thread scopes, from many
// blocks at once: fetch-and-op on integers and floating point (the value operand converts to the
// pointee type), exchange, compare-exchange loops on 8- and 16-byte values, load, store and a
// fence. Every result is checked against what any interleaving must give.
#include <cstdio>
#include <cuda_runtime.h>

#ifndef __CUDACC_DEVICE_ATOMIC_BUILTINS__
#error "nvcc defines __CUDACC_DEVICE_ATOMIC_BUILTINS__ where the builtins exist"
#endif

struct Pair {
  long long count, twice;
};

struct Totals {
  unsigned tickets;
  int sum, minimum, maximum;
  long long big;
  unsigned orBits, andBits, xorBits;
  float fsum;
  double dsub;
  unsigned long long product;
  int slot;
  Pair pair;
};

__device__ void casMultiply(unsigned long long *p, unsigned long long factor) {
  unsigned long long old = __nv_atomic_load_n(p, __NV_ATOMIC_RELAXED);
  while (!__nv_atomic_compare_exchange_n(p, &old, old * factor, true, __NV_ATOMIC_ACQ_REL,
                                         __NV_ATOMIC_RELAXED, __NV_THREAD_SCOPE_DEVICE)) {
  }
}

__global__ void atomics(Totals *t, unsigned *ticketOf, int *previous, volatile int *flags) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  ticketOf[i] = __nv_atomic_fetch_add(&t->tickets, 1, __NV_ATOMIC_RELAXED);
  __nv_atomic_add(&t->sum, i, __NV_ATOMIC_RELAXED, __NV_THREAD_SCOPE_BLOCK);
  __nv_atomic_fetch_sub(&t->sum, 1, __NV_ATOMIC_SEQ_CST);
  __nv_atomic_fetch_min(&t->minimum, 1000 - i, __NV_ATOMIC_RELAXED);
  __nv_atomic_max(&t->maximum, 3 * i, __NV_ATOMIC_RELAXED);
  __nv_atomic_fetch_max(&t->big, (1LL << 40) + i, __NV_ATOMIC_ACQUIRE, __NV_THREAD_SCOPE_SYSTEM);
  __nv_atomic_fetch_or(&t->orBits, 1u << (i % 32), __NV_ATOMIC_RELAXED);
  __nv_atomic_and(&t->andBits, ~(1u << (i % 16)), __NV_ATOMIC_RELEASE);
  __nv_atomic_fetch_xor(&t->xorBits, 1u << (i % 8), __NV_ATOMIC_RELAXED);
  __nv_atomic_fetch_add(&t->fsum, 0.5f, __NV_ATOMIC_RELAXED);
  __nv_atomic_sub(&t->dsub, 0.25, __NV_ATOMIC_RELAXED);
  if (i < 20)
    casMultiply(&t->product, 3);
  previous[i] = __nv_atomic_exchange_n(&t->slot, i, __NV_ATOMIC_ACQ_REL);
  // A 16-byte value: the compare-exchange loop moves both fields together.
  Pair seen;
  __nv_atomic_load(&t->pair, &seen, __NV_ATOMIC_ACQUIRE);
  for (;;) {
    Pair next = {seen.count + 1, seen.twice + 2};
    if (__nv_atomic_compare_exchange(&t->pair, &seen, &next, false, __NV_ATOMIC_SEQ_CST,
                                     __NV_ATOMIC_ACQUIRE))
      break;
  }
  __nv_atomic_thread_fence(__NV_ATOMIC_SEQ_CST, __NV_THREAD_SCOPE_DEVICE);
  __nv_atomic_store_n(&flags[i], i + 1, __NV_ATOMIC_RELEASE);
}

__global__ void readBack(volatile int *flags, int *copy) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  int v;
  __nv_atomic_load(&flags[i], &v, __NV_ATOMIC_ACQUIRE);
  copy[i] = v + __nv_atomic_load_n(&flags[i], __NV_ATOMIC_RELAXED);
}

int main() {
  const int blocks = 4, threads = 64, n = blocks * threads;
  Totals h = {};
  h.minimum = 1 << 30;
  h.maximum = -1;
  h.andBits = 0xffffffffu;
  h.dsub = 100.0;
  h.product = 1;
  h.slot = -1;
  Totals *t;
  unsigned *ticketOf;
  int *previous, *flags, *copy;
  cudaMalloc(&t, sizeof h);
  cudaMalloc(&ticketOf, n * sizeof(unsigned));
  cudaMalloc(&previous, n * sizeof(int));
  cudaMalloc(&flags, n * sizeof(int));
  cudaMalloc(&copy, n * sizeof(int));
  cudaMemcpy(t, &h, sizeof h, cudaMemcpyHostToDevice);
  atomics<<<blocks, threads>>>(t, ticketOf, previous, flags);
  readBack<<<blocks, threads>>>(flags, copy);
  static unsigned hTickets[n];
  static int hPrevious[n], hCopy[n];
  cudaMemcpy(&h, t, sizeof h, cudaMemcpyDeviceToHost);
  cudaMemcpy(hTickets, ticketOf, sizeof hTickets, cudaMemcpyDeviceToHost);
  cudaMemcpy(hPrevious, previous, sizeof hPrevious, cudaMemcpyDeviceToHost);
  cudaMemcpy(hCopy, copy, sizeof hCopy, cudaMemcpyDeviceToHost);
  bool ok = cudaGetLastError() == cudaSuccess;
  // Tickets are a permutation; exchange hands every value on exactly once.
  static bool ticketSeen[n], valueSeen[n + 1];
  for (int i = 0; i < n; ++i) {
    ok = ok && hTickets[i] < n && !ticketSeen[hTickets[i]];
    if (hTickets[i] < n)
      ticketSeen[hTickets[i]] = true;
    const int v = hPrevious[i] + 1; // -1 .. n-1 -> 0 .. n
    ok = ok && v >= 0 && v <= n && !valueSeen[v];
    if (v >= 0 && v <= n)
      valueSeen[v] = true;
    ok = ok && hCopy[i] == 2 * (i + 1);
  }
  ok = ok && h.slot >= 0 && h.slot < n && !valueSeen[h.slot + 1];
  unsigned long long product = 1;
  for (int i = 0; i < 20; ++i)
    product *= 3;
  ok = ok && h.tickets == unsigned(n) && h.sum == n * (n - 1) / 2 - n &&
       h.minimum == 1000 - (n - 1) && h.maximum == 3 * (n - 1) && h.big == (1LL << 40) + n - 1 &&
       h.orBits == 0xffffffffu && h.andBits == 0xffff0000u && h.xorBits == 0u &&
       h.fsum == 0.5f * n && h.dsub == 100.0 - 0.25 * n && h.product == product &&
       h.pair.count == n && h.pair.twice == 2LL * n;
  printf(ok ? "PASS\n"
            : "FAIL: tickets %u sum %d min %d max %d big %lld or %x and %x xor %x fsum %f "
              "dsub %f product %llu slot %d pair %lld %lld\n",
         h.tickets, h.sum, h.minimum, h.maximum, h.big, h.orBits, h.andBits, h.xorBits, h.fsum,
         h.dsub, h.product, h.slot, h.pair.count, h.pair.twice);
  cudaFree(t);
  cudaFree(ticketOf);
  cudaFree(previous);
  cudaFree(flags);
  cudaFree(copy);
  return ok ? 0 : 1;
}
