// Block scheduling: the blocks of a grid spread over TBB workers.
#include "engine/Engine.h"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "engine/Config.h"
#include "engine/Failure.h"
#include "engine/Fiber.h"
#include "engine/GridBarrier.h"
#include "npurt/device/builtins.h"

#if NPURT_TSAN
#include <sanitizer/tsan_interface.h>
#define NPURT_TSAN_RELEASE(address) __tsan_release(address)
#define NPURT_TSAN_ACQUIRE(address) __tsan_acquire(address)
#else
#define NPURT_TSAN_RELEASE(address) ((void)0)
#define NPURT_TSAN_ACQUIRE(address) ((void)0)
#endif

namespace npu::engine {

int parseWorkerCount(const char *text, int cores, std::string &error) {
  if (text == nullptr || *text == '\0')
    return cores;
  char *end = nullptr;
  errno = 0;
  const long count = std::strtol(text, &end, 10);
  if (errno == 0 && *end == '\0' && count >= 1 && count <= 4096)
    return static_cast<int>(count);
  error = std::string("npurt: NPURT_NUM_THREADS='") + text +
          "' is invalid: accepted values are an integer from 1 to 4096 (worker threads), or "
          "unset/empty for all cores (" +
          std::to_string(cores) + ")";
  return 0;
}

namespace {

int resolveWorkerCount() {
  std::string error;
  const int count =
      parseWorkerCount(std::getenv("NPURT_NUM_THREADS"), tbb::info::default_concurrency(), error);
  if (count == 0) {
    std::fprintf(stderr, "%s\n", error.c_str());
    std::exit(EXIT_FAILURE);
  }
  return count;
}

tbb::task_arena &arena() {
  static tbb::task_arena workers(workerCount());
  return workers;
}

// The worker's dynamic shared memory: grown to the largest request seen, never
// shrunk, 64-byte aligned (CUDA guarantees 16).
class SharedMemoryBuffer {
public:
  ~SharedMemoryBuffer() { release(); }
  void *get(std::size_t bytes) {
    if (bytes > capacity_ || data_ == nullptr) {
      release();
      const std::size_t capacity = std::max<std::size_t>(bytes, 256);
      data_ = ::operator new (capacity, std::align_val_t{64});
      capacity_ = capacity;
    }
    return data_;
  }

private:
  void release() {
    if (data_ != nullptr)
      ::operator delete (data_, std::align_val_t{64});
    data_ = nullptr;
    capacity_ = 0;
  }
  void *data_ = nullptr;
  std::size_t capacity_ = 0;
};

thread_local SharedMemoryBuffer sharedMemory;

// The first failure of a grid; later blocks are skipped once one is recorded,
// as a trap stops a whole CUDA kernel.
class GridFailure {
public:
  bool failed() const { return failed_.load(std::memory_order_relaxed); }
  void record(int code, std::string message) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (code_ == 0) {
      code_ = code;
      message_ = std::move(message);
    }
    failed_.store(true, std::memory_order_relaxed);
  }
  int code() const { return code_; }
  const std::string &message() const { return message_; }

private:
  std::atomic<bool> failed_{false};
  std::mutex mutex_;
  int code_ = 0;
  std::string message_;
};

std::string escapedExceptionMessage(const detail::GridTask &task, const char *what) {
  return std::string("npurt: kernel '") + (task.name != nullptr ? task.name : "?") +
         "': exception escaped the kernel" + (what != nullptr ? std::string(": ") + what : "");
}

// Per-core operation counts of one grid (see executeGrid): each chunk of blocks sums into a
// local copy of the bins it touches and merges once, so workers do not contend per block.
class CostBins {
public:
  explicit CostBins(std::vector<detail::CostTally> &bins) : bins_(bins) {}
  std::size_t size() const { return bins_.size(); }
  void merge(std::uint64_t firstBlock, const std::vector<detail::CostTally> &chunk) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = 0; i < chunk.size(); ++i)
      bins_[(firstBlock + i) % bins_.size()] += chunk[i];
  }

private:
  std::vector<detail::CostTally> &bins_;
  std::mutex mutex_;
};

void runBlocks(detail::GridTask &task, std::uint64_t begin, std::uint64_t end, GridFailure &failure,
               CostBins *costBins) {
  NPURT_TSAN_ACQUIRE(&task);
  const dim3 grid = task.grid;
  ::gridDim = grid;
  ::blockDim = task.block;
  detail::blockContext.kernelName = task.name;
  detail::blockContext.dynamicShared = sharedMemory.get(task.dynamicSharedBytes);
  detail::blockContext.mode = detail::ExecMode::Host;
  std::uint64_t rest = begin / grid.x;
  auto x = static_cast<unsigned>(begin % grid.x);
  auto y = static_cast<unsigned>(rest % grid.y);
  auto z = static_cast<unsigned>(rest / grid.y);
  // The chunk's blocks fall into min(blocks, bins) bins: block begin+i into local bin i % n.
  std::vector<detail::CostTally> chunkTallies;
  if (costBins != nullptr)
    chunkTallies.resize(
        static_cast<std::size_t>(std::min<std::uint64_t>(end - begin, costBins->size())));
  // Blocks a body may run as one (block fusion, detail::BlockSpan): enough for rows of about
  // kFusedRowLanes threads; none where a modelled device counts each block's operations, nor in
  // a grid of more than INT_MAX threads in x (where a body's global index, computed in 32 bits
  // in one operand and 64 in another, could wrap for one block and not for the first it is run
  // with).
  constexpr unsigned kFusedRowLanes = 512;
  const bool fuses = costBins == nullptr && !detail::costCounting &&
                     std::uint64_t{grid.x} * task.block.x <= std::uint64_t{INT_MAX};
  const unsigned fusable = fuses ? std::max(1u, kFusedRowLanes / task.block.x) : 1u;
  for (std::uint64_t id = begin; id < end;) {
    if (failure.failed())
      break;
    ::blockIdx = ::uint3{x, y, z};
    detail::blockSpan = {
        static_cast<unsigned>(std::min<std::uint64_t>({fusable, grid.x - x, end - id})), 1};
    if (costBins != nullptr)
      detail::costTally = detail::CostTally{};
    try {
      task.runBlock();
    } catch (KernelFailure &kernelFailure) {
      failure.record(kernelFailure.code, std::move(kernelFailure.message));
    } catch (const std::exception &exception) {
      failure.record(kErrorLaunchFailure, escapedExceptionMessage(task, exception.what()));
    } catch (...) {
      failure.record(kErrorLaunchFailure, escapedExceptionMessage(task, nullptr));
    }
    detail::blockContext.mode = detail::ExecMode::Host;
    if (costBins != nullptr)
      chunkTallies[(id - begin) % chunkTallies.size()] += detail::costTally;
    const unsigned taken = detail::blockSpan.taken;
    id += taken;
    if ((x += taken) == grid.x) {
      x = 0;
      if (++y == grid.y) {
        y = 0;
        ++z;
      }
    }
  }
  detail::blockContext.kernelName = nullptr;
  detail::blockContext.dynamicShared = nullptr;
  detail::blockSpan = {};
  if (costBins != nullptr)
    costBins->merge(begin, chunkTallies);
  NPURT_TSAN_RELEASE(&failure);
}

#if NPURT_TSAN
// ThreadSanitizer cannot see the hand-off of tasks inside libtbb (not
// instrumented), so TBB's inline task code shows up as races. A sanitizer build
// therefore spreads the blocks over plain threads that claim chunks from an
// atomic counter: everything the engine and the kernels do stays checked.
constexpr bool kUseTbb = false;
#else
constexpr bool kUseTbb = true;
#endif

void runBlocksOnPlainThreads(detail::GridTask &task, std::uint64_t blocks, std::uint64_t grain,
                             GridFailure &failure, CostBins *costBins) {
  std::atomic<std::uint64_t> next{0};
  auto claimChunks = [&] {
    for (;;) {
      const std::uint64_t begin = next.fetch_add(grain);
      if (begin >= blocks)
        return;
      runBlocks(task, begin, std::min(blocks, begin + grain), failure, costBins);
    }
  };
  const auto helpers =
      static_cast<std::size_t>(std::min<std::uint64_t>(static_cast<std::uint64_t>(workerCount()),
                                                       (blocks + grain - 1) / grain) -
                               1);
  std::vector<std::thread> threads;
  threads.reserve(helpers);
  for (std::size_t i = 0; i < helpers; ++i)
    threads.emplace_back(claimChunks);
  claimChunks();
  for (std::thread &thread : threads)
    thread.join();
}

// A cooperative grid: every block at once, each on an OS thread of its own, so that a block
// waiting in grid_group::sync() cannot keep another from running (GridBarrier.h). The launch
// checked the grid against the occupancy limit (npuErrorCooperativeLaunchTooLarge), which keeps
// the threads few: multiprocessors (workers here) times the blocks resident on one.
void runBlocksTogether(detail::GridTask &task, std::uint64_t blocks, GridFailure &failure,
                       CostBins *costBins) {
  GridBarrier barrier(static_cast<std::ptrdiff_t>(blocks));
  auto runBlock = [&](std::uint64_t id) {
    currentGridBarrier() = &barrier;
    runBlocks(task, id, id + 1, failure, costBins);
    currentGridBarrier() = nullptr;
    barrier.leave();
  };
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(blocks - 1));
  for (std::uint64_t id = 1; id < blocks; ++id) {
    try {
      threads.emplace_back(runBlock, id);
    } catch (const std::system_error &error) {
      // The OS refused a thread: the launch fails, and the blocks that never start leave the
      // barrier so the started ones do not wait for them.
      failure.record(kErrorLaunchFailure,
                     std::string("npurt: kernel '") + (task.name != nullptr ? task.name : "?") +
                         "': a cooperative launch of " + std::to_string(blocks) +
                         " blocks needs a thread per block: " + error.what());
      for (std::uint64_t unstarted = id; unstarted < blocks; ++unstarted)
        barrier.leave();
      break;
    }
  }
  runBlock(0);
  for (std::thread &thread : threads)
    thread.join();
}

} // namespace

GridBarrier *&currentGridBarrier() {
  thread_local GridBarrier *barrier = nullptr;
  return barrier;
}

int workerCount() {
  static const int count = resolveWorkerCount();
  return count;
}

namespace {

std::uint64_t blockCount(const detail::GridTask &task) {
  return std::uint64_t{task.grid.x} * task.grid.y * task.grid.z;
}

// Blocks per TBB task: several GPU blocks, so each task does at least ~kThreadsPerTask CUDA
// threads of work, but never so few tasks that workers sit idle.
std::uint64_t blocksPerTask(const detail::GridTask &task) {
  constexpr std::uint64_t kThreadsPerTask = 8192;
  const std::uint64_t threadsPerBlock = std::uint64_t{task.block.x} * task.block.y * task.block.z;
  const auto workers = static_cast<std::uint64_t>(workerCount());
  const std::uint64_t grain = std::max<std::uint64_t>(1, kThreadsPerTask / threadsPerBlock);
  return std::min(grain, std::max<std::uint64_t>(1, blockCount(task) / (workers * 8)));
}

} // namespace

bool isOneTaskGrid(const detail::GridTask &task) { return blockCount(task) <= blocksPerTask(task); }

npuError_t executeGrid(detail::GridTask &task, std::vector<detail::CostTally> *perCoreTallies) {
  const std::uint64_t blocks = blockCount(task);
  if (blocks == 0 || task.block.x == 0 || task.block.y == 0 || task.block.z == 0)
    return toError(9); // npuErrorInvalidConfiguration

  const auto workers = static_cast<std::uint64_t>(workerCount());
  const std::uint64_t grain = blocksPerTask(task);

  GridFailure failure;
  std::optional<CostBins> costBins;
  if (perCoreTallies != nullptr && !perCoreTallies->empty())
    costBins.emplace(*perCoreTallies);
  CostBins *bins = costBins ? &*costBins : nullptr;
  NPURT_TSAN_RELEASE(&task);
  if (task.cooperative) {
    runBlocksTogether(task, blocks, failure, bins);
  } else if (blocks <= grain || workers == 1) {
    runBlocks(task, 0, blocks, failure, bins);
  } else if (kUseTbb) {
    arena().execute([&] {
      tbb::parallel_for(
          tbb::blocked_range<std::uint64_t>(0, blocks, grain),
          [&](const tbb::blocked_range<std::uint64_t> &range) {
            runBlocks(task, range.begin(), range.end(), failure, bins);
          },
          tbb::auto_partitioner());
    });
  } else {
    runBlocksOnPlainThreads(task, blocks, grain, failure, bins);
  }
  NPURT_TSAN_ACQUIRE(&failure);
  if (failure.code() != 0) {
    if (!failure.message().empty())
      std::fprintf(stderr, "%s\n", failure.message().c_str());
    return toError(failure.code());
  }
  return toError(0);
}

} // namespace npu::engine
