// Prints what the engine's mechanisms cost on this machine (not a test: run it
// by hand: NPURT_NUM_THREADS=1 build/bin/kernel_cost_report).
#include <time.h>

#include <cstdio>
#include <vector>

#include "KernelTestSupport.h"
#include "engine/Fiber.h"

namespace {

// CPU time of the calling thread: with NPURT_NUM_THREADS=1 the engine runs every
// block on the caller, and other load on the machine does not inflate the figures.
struct Clock {
  using time_point = double;
  static double now() {
    timespec time;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return static_cast<double>(time.tv_sec) + 1e-9 * static_cast<double>(time.tv_nsec);
  }
};

double secondsSince(double start) { return Clock::now() - start; }

// Two fibers switching to each other directly.
npu::engine::MachineContext mainContext, contexts[2];
long switchesLeft = 0;

void pingPong(void *argument) {
  const auto self = reinterpret_cast<std::intptr_t>(argument);
  for (;;) {
    if (--switchesLeft <= 0)
      npu::engine::switchContext(contexts[self], mainContext);
    npu::engine::switchContext(contexts[self], contexts[1 - self]);
  }
}

double rawSwitchNanoseconds() {
  npu::engine::StackPool pool;
  npu::engine::FiberStack *stacks = pool.reserve(2);
  for (int i = 0; i < 2; ++i)
    npu::engine::prepareContext(contexts[i], stacks[i].low, stacks[i].high, pingPong,
                                reinterpret_cast<void *>(static_cast<std::intptr_t>(i)));
  const long switches = 20'000'000;
  switchesLeft = switches;
  const auto start = Clock::now();
  npu::engine::switchContext(mainContext, contexts[0]);
  return secondsSince(start) * 1e9 / switches;
}

__global__ void barriers(int iterations, int *sink) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    int local = static_cast<int>(threadIdx.x);
    for (int i = 0; i < iterations; ++i) {
      local += i;
      __syncthreads();
    }
    if (local == -1)
      *sink = local;
  });
}

__global__ void shuffles(int iterations, int *sink) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    int local = static_cast<int>(threadIdx.x);
    for (int i = 0; i < iterations; ++i)
      local += __shfl_xor_sync(0xffffffffu, local, 1);
    if (local == -1)
      *sink = local;
  });
}

__global__ void emptySync(int *sink) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    if (threadIdx.x == 100000)
      *sink = 1;
  });
}

__global__ void emptyLoop(int *sink) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    if (threadIdx.x == 100000)
      *sink = 1;
  });
}

__global__ void saxpyLoop(int n, float a, const float *x, float *y) {
  ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_THREAD_PARAMS) {
    const int i = static_cast<int>(blockIdx.x * blockDim.x + threadIdx.x);
    if (i < n)
      y[i] = a * x[i] + y[i];
  });
}

__global__ void saxpyLoopKeepingGlobals(int n, float a, const float *x, float *y) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    const int i = static_cast<int>(blockIdx.x * blockDim.x + threadIdx.x);
    if (i < n)
      y[i] = a * x[i] + y[i];
  });
}

template <class... Args>
double perThreadNanoseconds(double threadSteps, const char *name, void (*kernel)(Args...),
                            dim3 grid, dim3 block, Args... args) {
  npu::test::runKernel(name, kernel, grid, block, 0, args...); // warm the pools
  const auto start = Clock::now();
  npu::test::runKernel(name, kernel, grid, block, 0, args...);
  return secondsSince(start) * 1e9 / threadSteps;
}

} // namespace

int main() {
  std::printf("workers: %d, fiber stack: %zu KiB\n", npu::engine::workerCount(),
              npu::engine::fiberStackBytes() / 1024);
  std::printf("raw fiber switch:                         %6.2f ns\n", rawSwitchNanoseconds());
  int sink = 0;
  const int iterations = 2000;
  for (unsigned threads : {32u, 256u, 1024u}) {
    const double steps = 64.0 * threads * iterations;
    std::printf("__syncthreads per thread (%4u threads):   %6.2f ns\n", threads,
                perThreadNanoseconds(steps, "barriers", barriers, 64, threads, iterations, &sink));
  }
  std::printf("__shfl_xor_sync per lane (256 threads):   %6.2f ns\n",
              perThreadNanoseconds(64.0 * 256 * iterations, "shuffles", shuffles, 64, 256,
                                   iterations, &sink));
  std::printf("fiber path, empty thread (256 threads):   %6.2f ns\n",
              perThreadNanoseconds(4096.0 * 256, "emptySync", emptySync, 4096, 256, &sink));
  std::printf("loop path, empty thread (256 threads):    %6.2f ns\n",
              perThreadNanoseconds(4096.0 * 256, "emptyLoop", emptyLoop, 4096, 256, &sink));
  const int n = 1 << 24;
  std::vector<float> x(n, 1.0f), y(n, 2.0f);
  std::printf("saxpy loop path, globals unused:          %6.3f ns/element\n",
              perThreadNanoseconds(n, "saxpyLoop", saxpyLoop, n / 256, 256, n, 2.0f,
                                   static_cast<const float *>(x.data()), y.data()));
  std::printf("saxpy loop path, threadIdx kept current:  %6.3f ns/element\n",
              perThreadNanoseconds(n, "saxpyLoopKeepingGlobals", saxpyLoopKeepingGlobals, n / 256,
                                   256, n, 2.0f, static_cast<const float *>(x.data()), y.data()));
  return 0;
}
