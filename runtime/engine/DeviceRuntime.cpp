// The engine side of the device API: what npurt/kernel.h calls when a CUDA
// thread has to wait for another one, or fails.
#include <cstdio>
#include <string>
#include <thread>

#include "engine/BlockRunner.h"
#include "engine/Failure.h"
#include "engine/GridBarrier.h"
#include "npurt/device/builtins.h"

namespace npu::detail {

namespace {

const char *kernelName() {
  return blockContext.kernelName != nullptr ? blockContext.kernelName : "?";
}

[[noreturn]] void failOnLoopPath(const char *operation) {
  const unsigned threads = ::blockDim.x * ::blockDim.y * ::blockDim.z;
  char text[512];
  if (blockContext.mode == ExecMode::Host) {
    std::snprintf(text, sizeof text,
                  "npurt: %s called outside a kernel's per-thread body (kernel '%s')", operation,
                  kernelName());
  } else {
    std::snprintf(text, sizeof text,
                  "npurt: kernel '%s': %s reached on the fast path (npu::for_each_thread) with %u "
                  "threads per block; only npu::for_each_thread_sync can run it, so the launch "
                  "failed instead of computing a wrong result",
                  kernelName(), operation, threads);
  }
  throw engine::KernelFailure{engine::kErrorLaunchFailure, text};
}

const char *warpOpName(WarpOp op) {
  switch (op) {
  case WarpOp::Sync:
    return "__syncwarp";
  case WarpOp::Shuffle:
    return "a warp shuffle (__shfl*_sync)";
  case WarpOp::Ballot:
    return "__ballot_sync";
  case WarpOp::Any:
    return "__any_sync";
  case WarpOp::All:
    return "__all_sync";
  case WarpOp::MatchAny:
    return "__match_any_sync";
  case WarpOp::MatchAll:
    return "__match_all_sync";
  case WarpOp::ActiveMask:
    return "__activemask";
  default:
    return "a warp reduction (__reduce_*_sync)";
  }
}

} // namespace

void failDuplicateThreads(unsigned readDims) {
  std::string read;
  for (unsigned d = 0; d < 3; ++d)
    if (readDims & (1u << d))
      read += std::string(read.empty() ? "threadIdx." : " and .") + "xyz"[d];
  char text[640];
  std::snprintf(text, sizeof text,
                "npurt: kernel '%s' launched with blocks of %ux%ux%u threads: cu2npu translated it "
                "for one-row blocks (every launch it saw passes one), interchanging its loops with "
                "the threads, and its body reads %s only, so threads that differ in the other "
                "coordinates would interleave where a GPU runs them in step; the launch failed "
                "instead of computing a wrong result. Translate it together with this launch.",
                kernelName(), ::blockDim.x, ::blockDim.y, ::blockDim.z, read.c_str());
  throw engine::KernelFailure{engine::kErrorLaunchFailure, text};
}

void runThreadsAsFibers(ThreadEntry entry, void *body) {
  if (engine::BlockRunner::current() != nullptr)
    failOnLoopPath("a nested for_each_thread_sync");
  // One per worker: stacks, fiber records and queues reused block after block.
  thread_local engine::WorkerFibers storage;
  engine::BlockRunner runner(storage, entry, body, ::blockDim);
  runner.run();
}

void syncOnLoopPath(const char *operation) {
  const unsigned threads = ::blockDim.x * ::blockDim.y * ::blockDim.z;
  if (blockContext.mode == ExecMode::Loop && threads == 1)
    return;
  failOnLoopPath(operation);
}

int blockBarrier(BarrierKind kind, int predicate) {
  engine::BlockRunner *runner = engine::BlockRunner::current();
  if (runner == nullptr) {
    syncOnLoopPath("__syncthreads");
    return predicate != 0;
  }
  return runner->barrier(kind, predicate);
}

bool inCooperativeGrid() { return engine::currentGridBarrier() != nullptr; }

void gridBarrier() {
  if (!inCooperativeGrid()) {
    char text[400];
    std::snprintf(text, sizeof text,
                  "npurt: kernel '%s': grid_group::sync() in a launch that is not cooperative; "
                  "launch it with cudaLaunchCooperativeKernel (or cudaLaunchAttributeCooperative) "
                  "so that every block runs at once",
                  kernelName());
    throw engine::KernelFailure{engine::kErrorLaunchFailure, text};
  }
  if (engine::BlockRunner *runner = engine::BlockRunner::current()) {
    runner->barrier(BarrierKind::Grid, 1);
    return;
  }
  syncOnLoopPath("grid_group::sync()"); // returns for one-thread blocks only
  engine::currentGridBarrier()->arriveAndWait();
}

unsigned long long warpCollective(WarpOp op, unsigned mask, unsigned long long value,
                                  int sourceLane, int *predicate) {
  engine::BlockRunner *runner = engine::BlockRunner::current();
  if (runner == nullptr)
    failOnLoopPath(warpOpName(op));
  return runner->warpCollective(op, mask, value, sourceLane, predicate);
}

void spinYield() {
  if (engine::BlockRunner *runner = engine::BlockRunner::current())
    runner->yield();
  else
    std::this_thread::yield();
}

void deviceAssertFail(const char *condition, const char *file, int line) {
  // One fprintf per message, so lines from concurrent blocks do not interleave.
  std::fprintf(stderr, "%s:%d: %s: block: [%u,%u,%u], thread: [%u,%u,%u] Assertion `%s` failed.\n",
               file, line, kernelName(), ::blockIdx.x, ::blockIdx.y, ::blockIdx.z, ::threadIdx.x,
               ::threadIdx.y, ::threadIdx.z, condition);
  throw engine::KernelFailure{engine::kErrorAssert, std::string()};
}

void deviceTrap() {
  char text[256];
  std::snprintf(text, sizeof text,
                "npurt: kernel '%s' block [%u,%u,%u] thread [%u,%u,%u]: __trap()", kernelName(),
                ::blockIdx.x, ::blockIdx.y, ::blockIdx.z, ::threadIdx.x, ::threadIdx.y,
                ::threadIdx.z);
  throw engine::KernelFailure{engine::kErrorLaunchFailure, text};
}

} // namespace npu::detail
