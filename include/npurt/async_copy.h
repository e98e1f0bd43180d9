// libcu++'s asynchronous-copy primitives (<cuda/barrier>, <cuda/pipeline>) and the
// <cuda_pipeline.h> primitives, in CUDA's namespace `cuda`.
//
// Copies run at once, synchronously: `cuda::memcpy_async` by one thread copies everything, by a
// group each thread of the group its rank's share (as CUDA splits it), and the waits then only
// have to order threads, which they do with the block's own threads (spinning with
// npu::detail::spinYield lets the others of the block run, on the fiber path where cu2npu puts
// every kernel that waits: the waiting declarations of its CUDA shim are marked so).
//  - cuda::barrier<Scope>: a phase counter in the object (CUDA keeps it in shared memory). A
//    phase completes when `expected` arrivals have been counted; arrive() returns the phase,
//    wait(token) returns once the phase has moved on, arrive_and_drop() lowers `expected`.
//  - cuda::pipeline<thread_scope_thread>: a thread's own copies are complete when issued, so
//    every stage operation is a no-op.
//  - cuda::pipeline<thread_scope_block> from make_pipeline(group, &shared_state): every thread of
//    the group both produces and consumes (the unified form). The shared state counts, per stage,
//    the commits and releases of all threads: consumer_wait() waits until the whole group has
//    committed the stage (its shares are all copied), producer_acquire() until the whole group
//    has released the stage's previous use (nobody still reads the buffer it is about to fill).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility> // std::move, for callers' wait(std::move(token))

#include "npurt/device/builtins.h"

namespace cuda {

enum thread_scope {
  thread_scope_system = 0,
  thread_scope_device = 1,
  thread_scope_block = 2,
  thread_scope_thread = 3,
};

// A byte count whose pointers are aligned to Alignment bytes (a hint to memcpy_async).
template <std::size_t Alignment> struct aligned_size_t {
  static constexpr std::size_t align = Alignment;
  std::size_t value;
  explicit aligned_size_t(std::size_t size) : value(size) {}
  operator std::size_t() const { return value; }
};

namespace npu_detail {
inline std::size_t byteCount(std::size_t bytes) { return bytes; }
template <std::size_t Alignment> inline std::size_t byteCount(aligned_size_t<Alignment> bytes) {
  return bytes.value;
}
inline void copyBytes(void *dst, const void *src, std::size_t bytes, std::size_t rank,
                      std::size_t threads) {
  auto *to = static_cast<unsigned char *>(dst);
  const auto *from = static_cast<const unsigned char *>(src);
  for (std::size_t i = rank; i < bytes; i += threads)
    to[i] = from[i];
}
// The share of the calling thread in a copy by `group` (a cooperative group).
template <class Group>
inline void copyShare(const Group &group, void *dst, const void *src, std::size_t bytes) {
  copyBytes(dst, src, bytes, static_cast<std::size_t>(group.thread_rank()),
            static_cast<std::size_t>(group.num_threads()));
}
template <class Done> inline void spinUntil(Done done) {
  while (!done())
    ::npu::detail::spinYield();
}
} // namespace npu_detail

struct npu_empty_completion {
  void operator()() const noexcept {}
};

template <thread_scope Scope, class CompletionFunction = npu_empty_completion> class barrier {
public:
  using arrival_token = unsigned long long;

  // Trivial, as a __shared__ object must be; init() sets it up.
  barrier() = default;
  barrier(std::ptrdiff_t expected, CompletionFunction completion = CompletionFunction())
      : expected_(expected), pending_(expected), phase_(0), completion_(completion) {}
  barrier(const barrier &) = delete;
  barrier &operator=(const barrier &) = delete;

  arrival_token arrive(std::ptrdiff_t update = 1) {
    const arrival_token token = phase_;
    pending_ -= update;
    if (pending_ <= 0) {
      completion_();
      pending_ = expected_;
      ++phase_;
    }
    return token;
  }
  void wait(arrival_token &&token) const {
    npu_detail::spinUntil([&] { return phase_ != token; });
  }
  void arrive_and_wait() { wait(arrive()); }
  void arrive_and_drop() {
    --expected_;
    arrive();
  }
  static constexpr std::ptrdiff_t max() noexcept { return PTRDIFF_MAX; }

  friend void init(barrier *bar, std::ptrdiff_t expected,
                   CompletionFunction completion = CompletionFunction()) {
    bar->expected_ = bar->pending_ = expected;
    bar->phase_ = 0;
    bar->completion_ = completion;
  }

private:
  std::ptrdiff_t expected_;
  std::ptrdiff_t pending_;
  arrival_token phase_;
  CompletionFunction completion_;
};

template <thread_scope Scope, std::uint8_t Stages> class pipeline_shared_state {
public:
  pipeline_shared_state() = default;
  pipeline_shared_state(const pipeline_shared_state &) = delete;
  pipeline_shared_state &operator=(const pipeline_shared_state &) = delete;

  unsigned long long committed[Stages];
  unsigned long long released[Stages];
};

template <thread_scope Scope> class pipeline;

// A thread's own pipeline: its copies are complete when issued.
template <> class pipeline<thread_scope_thread> {
public:
  void producer_acquire() {}
  void producer_commit() {}
  void consumer_wait() {}
  void consumer_release() {}
  bool quit() { return true; }
};

inline pipeline<thread_scope_thread> make_pipeline() { return {}; }

// The unified pipeline of a group of the block (every thread produces and consumes).
template <> class pipeline<thread_scope_block> {
public:
  pipeline() = default; // an unset slot (cu2npu keeps one per thread across barriers)
  void producer_acquire() {
    const unsigned long long use = head_ / stages_;
    npu_detail::spinUntil([&] { return released_[head_ % stages_] >= use * threads_; });
  }
  void producer_commit() { ++committed_[head_++ % stages_]; }
  void consumer_wait() {
    const unsigned long long use = tail_ / stages_;
    npu_detail::spinUntil([&] { return committed_[tail_ % stages_] >= (use + 1) * threads_; });
  }
  void consumer_release() { ++released_[tail_++ % stages_]; }
  bool quit() { return true; }

  template <class Group, std::uint8_t Stages>
  friend pipeline make_pipeline(const Group &group,
                                pipeline_shared_state<thread_scope_block, Stages> *state);

private:
  pipeline(unsigned long long *committed, unsigned long long *released, unsigned stages,
           unsigned long long threads)
      : committed_(committed), released_(released), stages_(stages), threads_(threads) {}

  unsigned long long *committed_ = nullptr;
  unsigned long long *released_ = nullptr;
  unsigned stages_ = 1;
  unsigned long long threads_ = 0;
  unsigned long long head_ = 0; // this thread's commits
  unsigned long long tail_ = 0; // this thread's releases
};

// Collective: every thread of `group` calls it; the first resets the shared state.
template <class Group, std::uint8_t Stages>
pipeline<thread_scope_block>
make_pipeline(const Group &group, pipeline_shared_state<thread_scope_block, Stages> *state) {
  if (group.thread_rank() == 0)
    for (unsigned s = 0; s < Stages; ++s)
      state->committed[s] = state->released[s] = 0;
  group.sync();
  return pipeline<thread_scope_block>(state->committed, state->released, Stages,
                                      static_cast<unsigned long long>(group.num_threads()));
}

// Waits for all but the newest Prior stages of a thread's pipeline: all are complete.
template <std::uint8_t Prior>
inline void pipeline_consumer_wait_prior(pipeline<thread_scope_thread> &) {}

// Commits the thread's copies to a barrier's phase: they are complete; the arrival is the
// caller's own (CUDA: the copies complete before the barrier's current phase does).
template <thread_scope Scope, class Completion>
inline void pipeline_producer_commit(pipeline<thread_scope_thread> &,
                                     barrier<Scope, Completion> &) {}

// One thread copies everything.
template <class Size, thread_scope Scope, class Completion>
inline void memcpy_async(void *dst, const void *src, Size size, barrier<Scope, Completion> &) {
  npu_detail::copyBytes(dst, src, npu_detail::byteCount(size), 0, 1);
}
template <class Size, thread_scope Scope>
inline void memcpy_async(void *dst, const void *src, Size size, pipeline<Scope> &) {
  npu_detail::copyBytes(dst, src, npu_detail::byteCount(size), 0, 1);
}
// A group copies together, each thread its share.
template <class Group, class Size, thread_scope Scope, class Completion>
inline void memcpy_async(const Group &group, void *dst, const void *src, Size size,
                         barrier<Scope, Completion> &) {
  npu_detail::copyShare(group, dst, src, npu_detail::byteCount(size));
}
template <class Group, class Size, thread_scope Scope>
inline void memcpy_async(const Group &group, void *dst, const void *src, Size size,
                         pipeline<Scope> &) {
  npu_detail::copyShare(group, dst, src, npu_detail::byteCount(size));
}

} // namespace cuda

// <cuda_pipeline.h> primitives: the thread's copy of `size` bytes, the last `zeroFill` of them
// zeros, complete at once; commit and wait have nothing left to do.
inline void __pipeline_memcpy_async(void *dst, const void *src, std::size_t size,
                                    std::size_t zeroFill = 0) {
  ::cuda::npu_detail::copyBytes(dst, src, size - zeroFill, 0, 1);
  auto *tail = static_cast<unsigned char *>(dst) + (size - zeroFill);
  for (std::size_t i = 0; i < zeroFill; ++i)
    tail[i] = 0;
}
inline void __pipeline_commit() {}
inline void __pipeline_wait_prior(std::size_t) {}
