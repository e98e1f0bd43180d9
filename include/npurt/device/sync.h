// Block barriers, memory fences and the device assert.
//
// A barrier is a fiber switch on the fiber path (for_each_thread_sync); on the
// loop path (for_each_thread) it means the translator's analysis missed it, and
// the launch fails with a message naming the kernel instead of computing
// something wrong. Barrier semantics are Volta's: a barrier completes when every
// thread of the block that has not exited has arrived at a __syncthreads.
#pragma once

#include "npurt/device/builtins.h"

namespace npu::detail {
inline int barrier(BarrierKind kind, int predicate, const char *operation) {
  if (blockContext.mode != ExecMode::Fibers) {
    syncOnLoopPath(operation);
    return predicate != 0; // one thread: count, and, or all equal the predicate
  }
  return blockBarrier(kind, predicate);
}
} // namespace npu::detail

inline void __syncthreads() {
  ::npu::detail::barrier(::npu::detail::BarrierKind::Plain, 1, "__syncthreads");
}
inline int __syncthreads_count(int predicate) {
  return ::npu::detail::barrier(::npu::detail::BarrierKind::Count, predicate,
                                "__syncthreads_count");
}
inline int __syncthreads_and(int predicate) {
  return ::npu::detail::barrier(::npu::detail::BarrierKind::And, predicate, "__syncthreads_and");
}
inline int __syncthreads_or(int predicate) {
  return ::npu::detail::barrier(::npu::detail::BarrierKind::Or, predicate, "__syncthreads_or");
}

// CUDA's fences order this thread's memory accesses as seen by other threads;
// a sequentially consistent fence is at least as strong for every scope. Within
// a block, fibers of one worker also see each other's accesses in program order.
inline void __threadfence() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
inline void __threadfence_block() { __atomic_signal_fence(__ATOMIC_SEQ_CST); }
inline void __threadfence_system() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

// __trap() aborts the kernel: the block stops and the launch fails.
inline void __trap() { ::npu::detail::deviceTrap(); }

// Device-side assert(cond): prints CUDA's message
//   file:line: kernel: block: [x,y,z], thread: [x,y,z] Assertion `cond` failed.
// then stops the block; the launch reports npuErrorAssert.
#define NPU_DEVICE_ASSERT(cond)                                                                    \
  (static_cast<bool>(cond) ? static_cast<void>(0)                                                  \
                           : ::npu::detail::deviceAssertFail(#cond, __FILE__, __LINE__))
