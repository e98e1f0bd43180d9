// The seam between the launch API (host side, runtime/api) and the kernel
// engine (runtime/backends/*). A kernel launch is type-erased into a GridTask:
// the host side validates and enqueues it on a stream; when the stream reaches
// it, the backend's engine runs every block, calling runBlock() once per block
// on a worker thread whose block context (blockIdx, blockDim, gridDim, dynamic
// shared memory) it has set first.
#pragma once

#include <cstddef>
#include <memory>

#include "npurt/detail/dim3.h"

enum npuError : int;
using npuError_t = npuError;
typedef struct npuStream_st *npuStream_t;

namespace npu::detail {

struct GridTask {
  const char *name = nullptr;     // kernel name as written at the launch site
  const void *function = nullptr; // identity of the kernel (for attributes, trace)
  dim3 grid;
  dim3 block;
  std::size_t dynamicSharedBytes = 0;
  // The kernel's pointer arguments, for a modelled device's cache model: the allocations they
  // point into bound the memory the kernel can touch. Known only when every argument is a
  // pointer or a scalar (a struct may carry pointers nobody sees) and there are at most
  // kMaxPointerArguments of them.
  static constexpr unsigned kMaxPointerArguments = 8;
  const void *pointerArguments[kMaxPointerArguments] = {};
  unsigned pointerArgumentCount = 0;
  bool pointerArgumentsKnown = false;
  // No thread of the kernel waits for work outside its own grid (the host, another stream's
  // kernel): cu2npu proved it has no spin-wait and calls nothing it cannot see, and launches it
  // with `::npu::never_waits`. A grid the engine would run on one worker anyway may then run on
  // the launching thread when its stream is idle (runtime/api/launch.cpp): no hand-off.
  bool neverWaits = false;
  // A cooperative launch (npuLaunchCooperativeKernel, or npuLaunchAttributeCooperative): every
  // block runs at the same time, so grid_group::sync() can wait for all of them.
  bool cooperative = false;

  virtual ~GridTask() = default;
  // Runs the kernel for the current block. Called once per block, possibly
  // concurrently for different blocks on different worker threads.
  virtual void runBlock() = 0;
};

// Implemented by the runtime (runtime/api/launch.cpp): validates the
// configuration (sets and returns npuErrorInvalidConfiguration etc., also
// recorded for npuGetLastError), then enqueues the task on the stream.
npuError_t enqueueGrid(std::unique_ptr<GridTask> task, npuStream_t stream);

// A kernel as a value (CUDA's `(void *)kernel`): what the type-erased entry points
// (npuLaunchKernel, kernel graph nodes) need to launch it from CUDA's `void **` argument array.
struct KernelEntry {
  const char *name = nullptr;     // as written where the kernel was taken as a value
  const void *function = nullptr; // the kernel's address (GridTask::function)
  void (*kernel)() = nullptr;     // the same address as a function pointer, for makeTask
  unsigned parameterCount = 0;
  // Copies each *arguments[i] (a value of parameter i's type) into a new task.
  std::unique_ptr<GridTask> (*makeTask)(void (*kernel)(), void **arguments) = nullptr;
};

// Implemented by the runtime (runtime/core/KernelRegistry.cpp): the kernel's handle, one stable
// address per kernel for the life of the process (the first registration's name is kept).
const void *registerKernel(const KernelEntry &entry);

} // namespace npu::detail
