// npurt's cpu backend against hand-written OpenMP and TBB loops of the same
// work, measured in one run. Prints the median time of each and the ratios
// (npurt / baseline: below 1 means npurt is faster).
//
//   triad     a[i] = b[i] + s * c[i]          memory bound, fast path (no barrier)
//   reduce    per-block shared-memory tree    barrier heavy, fiber path
//             reduction, one atomicAdd/block
//   regions   the same reduction in the       barrier heavy, split at its barriers
//             form cu2npu emits for it         (npurt/device/regions.h)
//   launch    a one-block kernel launched and  launch latency: microseconds per launch
//             synchronised in a loop           plus synchronize, against an OpenMP
//                                              parallel region of the same work
//   jacobi    1-D Jacobi sweeps, one launch    many small launches (as LU solvers and
//             and one synchronize per sweep    time-steppers issue them)
//   graph     32 one-block launches on a       the same work issued launch by launch, and
//             stream, then a synchronize       captured once as a CUDA graph and replayed
//                                              (one stream operation per replay)
//
// Usage: runtime_bench [elements (default 1<<24)] [repetitions (default 15)]
#include <npurt/kernel.h>
#include <npurt/runtime.h>

#include <omp.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

// The fast-path kernels in the form cu2npu emits for them: nothing they call reads the global
// threadIdx (ThreadIdxGlobal::Unused), so their thread loops are SIMD loops, over the global index
// where they compute it, blocks adjacent in x fused into one row where nothing else tells them
// apart (RowIndex::GlobalOnly), and their guards are checked a row at a time: at the row's ends
// where monotone along it (for_each_thread_monotone), else at every lane
// (for_each_thread_guarded).
__global__ void triad(float *a, const float *b, const float *c, float s, int n) {
  ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ,
                                  ::npu::RowIndex::GlobalOnly>(
      [&](const auto npu_guard, NPU_THREAD_PARAMS) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (npu_guard.enters(i < n))
          a[i] = b[i] + s * c[i];
      });
}

constexpr int kReduceBlock = 256;

__global__ void touch(int *counter) {
  ::npu::for_each_thread_guarded<::npu::ThreadIdxGlobal::Unused>(
      [&](const auto npu_guard, NPU_THREAD_PARAMS) {
        if (npu_guard.enters(threadIdx.x == 0))
          ++*counter;
      });
}

__global__ void jacobiSweep(const float *in, float *out, int n) {
  ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XYZ,
                                  ::npu::RowIndex::GlobalOnly>(
      [&](const auto npu_guard, NPU_THREAD_PARAMS) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (npu_guard.enters(i > 0 && i < n - 1))
          out[i] = 0.5f * (in[i - 1] + in[i + 1]);
      });
}

__global__ void blockReduce(const float *in, double *out, int n) {
  ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
    __shared__ float partial[kReduceBlock];
    unsigned tid = threadIdx.x;
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    partial[tid] = i < n ? in[i] : 0.0f;
    __syncthreads();
    for (unsigned stride = blockDim.x / 2; stride > 0; stride >>= 1) {
      if (tid < stride)
        partial[tid] += partial[tid + stride];
      __syncthreads();
    }
    if (tid == 0)
      atomicAdd(out, static_cast<double>(partial[0]));
  });
}

// blockReduce as cu2npu emits it: per-thread loops between the barriers.
__global__ void blockReduceRegions(const float *in, double *out, int n) {
  ::npu::block_regions([&](::npu::BlockRegions &npu_block) {
    auto *npu_tid = npu_block.per_thread<unsigned int>();
    __shared__ float partial[kReduceBlock];
    npu_block.for_each_thread([&](NPU_REGION_PARAMS) {
      auto &tid = npu_tid[npu_thread] = threadIdx.x;
      int i = blockIdx.x * blockDim.x + threadIdx.x;
      partial[tid] = i < n ? in[i] : 0.0f;
    });
    /* __syncthreads(); */
    for (unsigned stride = blockDim.x / 2; npu_block.active() && (stride > 0); stride >>= 1) {
      npu_block.for_each_thread([&](NPU_REGION_PARAMS) {
        auto &tid = npu_tid[npu_thread];
        if (tid < stride)
          partial[tid] += partial[tid + stride];
      });
      /* __syncthreads(); */
    }
    npu_block.for_each_thread([&](NPU_REGION_PARAMS) {
      auto &tid = npu_tid[npu_thread];
      if (tid == 0)
        atomicAdd(out, static_cast<double>(partial[0]));
    });
  });
}

static double medianSeconds(int reps, const std::function<void()> &work) {
  std::vector<double> times;
  work(); // warm-up: page faults, thread pools
  for (int r = 0; r < reps; ++r) {
    auto start = std::chrono::steady_clock::now();
    work();
    times.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

static void check(npuError_t err, const char *what) {
  if (err != npuSuccess) {
    std::fprintf(stderr, "%s: %s\n", what, npuGetErrorString(err));
    std::exit(1);
  }
}

int main(int argc, char **argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 1 << 24;
  const int reps = argc > 2 ? std::atoi(argv[2]) : 15;
  const float s = 3.0f;
  std::vector<float> hb(n), hc(n), ha(n);
  for (int i = 0; i < n; ++i) {
    hb[i] = static_cast<float>(i % 1000) * 0.25f;
    hc[i] = static_cast<float>(i % 7);
  }

  float *a, *b, *c;
  double *sum;
  check(npuMalloc(&a, n * sizeof(float)), "npuMalloc");
  check(npuMalloc(&b, n * sizeof(float)), "npuMalloc");
  check(npuMalloc(&c, n * sizeof(float)), "npuMalloc");
  check(npuMalloc(&sum, sizeof(double)), "npuMalloc");
  check(npuMemcpy(b, hb.data(), n * sizeof(float), npuMemcpyHostToDevice), "npuMemcpy");
  check(npuMemcpy(c, hc.data(), n * sizeof(float), npuMemcpyHostToDevice), "npuMemcpy");
  const int blocks = (n + kReduceBlock - 1) / kReduceBlock;

  npuDeviceProp prop;
  check(npuGetDeviceProperties(&prop, 0), "npuGetDeviceProperties");
  std::printf("runtime_bench: n=%d, %d repetitions, %d OpenMP threads, device '%s' (%d workers)\n",
              n, reps, omp_get_max_threads(), prop.name, prop.multiProcessorCount);

  // Memory-bound: triad.
  double tNpu = medianSeconds(reps, [&] {
    ::npu::launch("triad", triad, dim3(blocks), dim3(kReduceBlock), 0, nullptr, a, b, c, s, n);
    check(npuDeviceSynchronize(), "triad");
  });
  double tOmp = medianSeconds(reps, [&] {
#pragma omp parallel for schedule(static)
    for (int i = 0; i < n; ++i)
      ha[i] = hb[i] + s * hc[i];
  });
  double tTbb = medianSeconds(reps, [&] {
    tbb::parallel_for(tbb::blocked_range<int>(0, n), [&](const tbb::blocked_range<int> &r) {
      for (int i = r.begin(); i < r.end(); ++i)
        ha[i] = hb[i] + s * hc[i];
    });
  });
  check(npuMemcpy(ha.data(), a, n * sizeof(float), npuMemcpyDeviceToHost), "npuMemcpy");
  for (int i = 0; i < n; ++i)
    if (ha[i] != hb[i] + s * hc[i]) {
      std::fprintf(stderr, "triad: wrong result at %d\n", i);
      return 1;
    }
  double gbytes = 3.0 * n * sizeof(float) / 1e9;
  std::printf("triad   npurt %8.3f ms (%5.1f GB/s)  openmp %8.3f ms  tbb %8.3f ms  "
              "ratio npurt/openmp %.2f  npurt/tbb %.2f\n",
              tNpu * 1e3, gbytes / tNpu, tOmp * 1e3, tTbb * 1e3, tNpu / tOmp, tNpu / tTbb);

  // Barrier-heavy: shared-memory tree reduction.
  double expected = 0;
  for (int i = 0; i < n; ++i)
    expected += hb[i];
  double got = 0;
  double rNpu = medianSeconds(reps, [&] {
    check(npuMemset(sum, 0, sizeof(double)), "npuMemset");
    ::npu::launch("blockReduce", blockReduce, dim3(blocks), dim3(kReduceBlock), 0, nullptr, b, sum,
                  n);
    check(npuMemcpy(&got, sum, sizeof(double), npuMemcpyDeviceToHost), "npuMemcpy");
  });
  double ompSum = 0;
  double rOmp = medianSeconds(reps, [&] {
    double acc = 0;
#pragma omp parallel for reduction(+ : acc) schedule(static)
    for (int i = 0; i < n; ++i)
      acc += hb[i];
    ompSum = acc;
  });
  double rTbb = medianSeconds(reps, [&] {
    volatile double acc = tbb::parallel_reduce(
        tbb::blocked_range<int>(0, n), 0.0,
        [&](const tbb::blocked_range<int> &r, double partial) {
          for (int i = r.begin(); i < r.end(); ++i)
            partial += hb[i];
          return partial;
        },
        std::plus<double>());
    (void)acc;
  });
  if (std::fabs(got - expected) > 1e-6 * std::fabs(expected) ||
      std::fabs(ompSum - expected) > 1e-6 * std::fabs(expected)) {
    std::fprintf(stderr, "reduce: got %f, expected %f\n", got, expected);
    return 1;
  }
  std::printf("reduce  npurt %8.3f ms (%5.2f ns/thread)  openmp %8.3f ms  tbb %8.3f ms  "
              "ratio npurt/openmp %.2f  npurt/tbb %.2f\n",
              rNpu * 1e3, rNpu * 1e9 / n, rOmp * 1e3, rTbb * 1e3, rNpu / rOmp, rNpu / rTbb);

  // The same reduction split at its barriers.
  double gotRegions = 0;
  double gNpu = medianSeconds(reps, [&] {
    check(npuMemset(sum, 0, sizeof(double)), "npuMemset");
    ::npu::launch("blockReduceRegions", blockReduceRegions, dim3(blocks), dim3(kReduceBlock), 0,
                  nullptr, b, sum, n);
    check(npuMemcpy(&gotRegions, sum, sizeof(double), npuMemcpyDeviceToHost), "npuMemcpy");
  });
  if (std::fabs(gotRegions - expected) > 1e-6 * std::fabs(expected)) {
    std::fprintf(stderr, "regions: got %f, expected %f\n", gotRegions, expected);
    return 1;
  }
  std::printf("regions npurt %8.3f ms (%5.2f ns/thread)  openmp %8.3f ms  tbb %8.3f ms  "
              "ratio npurt/openmp %.2f  npurt/tbb %.2f  fibers/regions %.1f\n",
              gNpu * 1e3, gNpu * 1e9 / n, rOmp * 1e3, rTbb * 1e3, gNpu / rOmp, gNpu / rTbb,
              rNpu / gNpu);

  // Launch latency: a launch plus a synchronize of a kernel that does nothing measurable.
  constexpr int kLaunches = 20000;
  int *counter;
  check(npuMalloc(&counter, sizeof(int)), "npuMalloc");
  check(npuMemset(counter, 0, sizeof(int)), "npuMemset");
  double lNpu = medianSeconds(reps, [&] {
    for (int i = 0; i < kLaunches; ++i) {
      ::npu::launch(::npu::never_waits, "touch", touch, dim3(1), dim3(32), 0, nullptr, counter);
      check(npuDeviceSynchronize(), "touch");
    }
  });
  int hostCounter = 0;
  double lOmp = medianSeconds(reps, [&] {
    for (int i = 0; i < kLaunches; ++i) {
#pragma omp parallel for schedule(static)
      for (int t = 0; t < 32; ++t)
        if (t == 0)
          ++hostCounter;
    }
  });
  int launched = 0;
  check(npuMemcpy(&launched, counter, sizeof(int), npuMemcpyDeviceToHost), "npuMemcpy");
  if (launched != (reps + 1) * kLaunches) {
    std::fprintf(stderr, "launch: %d launches counted, expected %d\n", launched,
                 (reps + 1) * kLaunches);
    return 1;
  }
  std::printf("launch  npurt %8.3f us per launch+sync  openmp %8.3f us per parallel region  "
              "ratio npurt/openmp %.2f\n",
              lNpu * 1e6 / kLaunches, lOmp * 1e6 / kLaunches, lNpu / lOmp);

  // Many small launches: 1-D Jacobi over 64 Ki points, one launch and synchronize per sweep.
  constexpr int kJacobiPoints = 1 << 16, kSweeps = 2000;
  std::vector<float> hj(kJacobiPoints), hjNext(kJacobiPoints);
  for (int i = 0; i < kJacobiPoints; ++i)
    hj[i] = i == 0 || i == kJacobiPoints - 1 ? 1.0f : 0.0f;
  check(npuMemcpy(a, hj.data(), kJacobiPoints * sizeof(float), npuMemcpyHostToDevice), "npuMemcpy");
  check(npuMemcpy(b, hj.data(), kJacobiPoints * sizeof(float), npuMemcpyHostToDevice), "npuMemcpy");
  const int jacobiBlocks = (kJacobiPoints + kReduceBlock - 1) / kReduceBlock;
  double jNpu = medianSeconds(reps, [&] {
    for (int sweep = 0; sweep < kSweeps; sweep += 2) {
      ::npu::launch(::npu::never_waits, "jacobiSweep", jacobiSweep, dim3(jacobiBlocks),
                    dim3(kReduceBlock), 0, nullptr, a, b, kJacobiPoints);
      check(npuDeviceSynchronize(), "jacobiSweep");
      ::npu::launch(::npu::never_waits, "jacobiSweep", jacobiSweep, dim3(jacobiBlocks),
                    dim3(kReduceBlock), 0, nullptr, b, a, kJacobiPoints);
      check(npuDeviceSynchronize(), "jacobiSweep");
    }
  });
  hjNext = hj;
  double jOmp = medianSeconds(reps, [&] {
    for (int sweep = 0; sweep < kSweeps; ++sweep) {
      std::vector<float> &from = sweep % 2 == 0 ? hj : hjNext, &to = sweep % 2 == 0 ? hjNext : hj;
#pragma omp parallel for schedule(static)
      for (int i = 1; i < kJacobiPoints - 1; ++i)
        to[i] = 0.5f * (from[i - 1] + from[i + 1]);
    }
  });
  std::vector<float> jResult(kJacobiPoints);
  check(npuMemcpy(jResult.data(), a, kJacobiPoints * sizeof(float), npuMemcpyDeviceToHost),
        "npuMemcpy");
  for (int i = 0; i < kJacobiPoints; ++i)
    if (std::fabs(jResult[i] - hj[i]) > 1e-6f) {
      std::fprintf(stderr, "jacobi: wrong result at %d: %f, expected %f\n", i, jResult[i], hj[i]);
      return 1;
    }
  std::printf("jacobi  npurt %8.3f ms (%5.2f us/sweep)  openmp %8.3f ms  ratio npurt/openmp %.2f\n",
              jNpu * 1e3, jNpu * 1e6 / kSweeps, jOmp * 1e3, jNpu / jOmp);

  // Graph replay against re-issuing the same launches (runtime/core/Graph.h).
  constexpr int kGraphLaunches = 32, kReplays = 500;
  npuStream_t stream;
  check(npuStreamCreateWithFlags(&stream, npuStreamNonBlocking), "npuStreamCreateWithFlags");
  check(npuMemset(counter, 0, sizeof(int)), "npuMemset");
  auto issue = [&] {
    for (int i = 0; i < kGraphLaunches; ++i)
      ::npu::launch("touch", touch, dim3(1), dim3(32), 0, stream, counter);
  };
  double issueTime = medianSeconds(reps, [&] {
    for (int r = 0; r < kReplays; ++r) {
      issue();
      check(npuStreamSynchronize(stream), "touch");
    }
  });
  npuGraph_t graph;
  npuGraphExec_t exec;
  check(npuStreamBeginCapture(stream, npuStreamCaptureModeGlobal), "npuStreamBeginCapture");
  issue();
  check(npuStreamEndCapture(stream, &graph), "npuStreamEndCapture");
  check(npuGraphInstantiate(&exec, graph, 0), "npuGraphInstantiate");
  double replayTime = medianSeconds(reps, [&] {
    for (int r = 0; r < kReplays; ++r) {
      check(npuGraphLaunch(exec, stream), "npuGraphLaunch");
      check(npuStreamSynchronize(stream), "touch");
    }
  });
  check(npuMemcpy(&launched, counter, sizeof(int), npuMemcpyDeviceToHost), "npuMemcpy");
  if (launched != 2 * (reps + 1) * kReplays * kGraphLaunches) {
    std::fprintf(stderr, "graph: %d launches counted, expected %d\n", launched,
                 2 * (reps + 1) * kReplays * kGraphLaunches);
    return 1;
  }
  std::printf("graph   issued %8.3f us per %d launches+sync  replayed %8.3f us  "
              "ratio replay/issue %.2f\n",
              issueTime * 1e6 / kReplays, kGraphLaunches, replayTime * 1e6 / kReplays,
              replayTime / issueTime);
  check(npuGraphExecDestroy(exec), "npuGraphExecDestroy");
  check(npuGraphDestroy(graph), "npuGraphDestroy");
  check(npuStreamDestroy(stream), "npuStreamDestroy");

  npuFree(counter);
  npuFree(a);
  npuFree(b);
  npuFree(c);
  npuFree(sum);
  return 0;
}
