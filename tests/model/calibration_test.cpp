// The catalog's numbers against published measurements (docs/ascend-model.md, "Calibration").
// Each test is named after the figure it checks; the modeled values are printed so the doc's
// calibration table can be filled from a test run.
#include <gtest/gtest.h>

#include <cstdio>

#include "ModelTestSupport.h"

namespace model_test {
namespace {

using npu::backends::ascend::estimateKernel;
using npu::backends::ascend::estimateLibrary;
using npu::backends::ascend::KernelEstimate;

const char *const kAllDevices[] = {"910B1", "910B2", "910B3", "910B4", "910C", "950PR", "950DT"};

void report(const char *figure, const char *device, double published, double modeled,
            const char *unit) {
  std::printf("[calibration] %s on %s: published %.4g %s, modeled %.4g %s (%+.1f%%)\n", figure,
              device, published, unit, modeled, unit, 100 * (modeled / published - 1));
}

// y[i] = x[i] over 2^28 floats (1 GiB each way), 256 threads per block.
LaunchProfile streamingCopy(const DeviceModel &device) {
  CostTally perThread;
  perThread.intOps = 4; // index and bounds check
  perThread.gread = 4;
  perThread.gwrite = 4;
  return uniformLaunch(device, dim3(1u << 20), dim3(256), perThread);
}

TEST(Calibration, AStreamingCopyKernelIsModeledAtTheCatalogsHbmBandwidthTimesItsEfficiency) {
  for (const char *id : kAllDevices) {
    const DeviceModel &device = catalogDevice(id);
    const KernelEstimate estimate = estimateKernel(device, streamingCopy(device));
    const double expected = device.hbmBandwidth.value * device.memoryEfficiency.value;
    ASSERT_STREQ(estimate.bound, "memory") << id;
    // Without the launch, exactly the derated bandwidth; with it, within 1% at 2 GiB moved.
    EXPECT_NEAR(estimate.bytes / (estimate.seconds - estimate.launchSeconds) / expected, 1.0, 1e-9)
        << id;
    EXPECT_NEAR(estimate.bytes / estimate.seconds / expected, 1.0, 0.01) << id;
    std::printf("[calibration] streaming copy on %s: %.1f GB/s modeled, catalog HBM x efficiency "
                "%.1f GB/s\n",
                id, estimate.bytes / estimate.seconds / 1e9, expected / 1e9);
  }
}

TEST(Calibration, CloudMatrix384PerDieMemoryBoundMlaAt1346Of1600GBsIsReproducedWithin15Percent) {
  // [CM §5.5]: memory-bound MLA on one 910C die reaches 1,346 GB/s of 1,600 (84.1%). As CUDA
  // threads, a decode-attention pass is read dominated: each thread reads 64 B of KV cache
  // (32 bf16), does 32 FMAs on them and writes a 4-byte partial.
  const DeviceModel &die = catalogDevice("910C");
  CostTally perThread;
  perThread.gread = 64;
  perThread.fp16 = 64;
  perThread.intOps = 8;
  perThread.gwrite = 4;
  const KernelEstimate estimate =
      estimateKernel(die, uniformLaunch(die, dim3(48 * 1024), dim3(256), perThread));
  ASSERT_STREQ(estimate.bound, "memory");
  const double modeled = estimate.bytes / estimate.seconds / 1e9;
  report("CM384 memory-bound MLA bandwidth", "910C", 1346, modeled, "GB/s");
  EXPECT_NEAR(modeled / 1346, 1.0, 0.15);
  report("CM384 memory-bound MLA fraction of HBM", "910C", 0.841, estimate.achievedFractionOfPeak,
         "");
  EXPECT_NEAR(estimate.achievedFractionOfPeak / 0.841, 1.0, 0.15);
}

// C = A B for n x n fp32 as CUDA threads: 16 x 16 thread blocks, each thread a 4 x 4 register
// tile of C, A and B staged through shared memory in k-steps of 16 (two barriers per step).
LaunchProfile registerTiledSgemm(const DeviceModel &device, unsigned n) {
  const std::uint64_t kSteps = n / 16;
  CostTally perThread;
  perThread.fp32 = 2ull * 16 * n;                   // 16 outputs x n FMAs
  perThread.intOps = 8 * kSteps;                    // addressing per k-step
  perThread.gread = 2 * 4 * 4 * kSteps;             // 4 A and 4 B elements staged per k-step
  perThread.shared = (8 * 4 + 16 * 8 * 4) * kSteps; // staging 8 floats, then 16 k x 8 reads
  perThread.barriers = 2 * kSteps;
  perThread.gwrite = 16 * 4;
  return uniformLaunch(device, dim3(n / 64, n / 64), dim3(16, 16), perThread);
}

TEST(Calibration, AComputeBoundKernelNeverExceedsPeak) {
  for (const char *id : kAllDevices) {
    const DeviceModel &device = catalogDevice(id);
    const KernelEstimate estimate = estimateKernel(device, registerTiledSgemm(device, 8192));
    ASSERT_STREQ(estimate.bound, "compute") << id;
    EXPECT_LE(estimate.achievedFractionOfPeak, device.computeEfficiency.value) << id;
    EXPECT_LE(estimate.flops / estimate.seconds,
              device.vectorFp32Flops.value * device.computeEfficiency.value * (1 + 1e-12))
        << id;
    std::printf("[calibration] register-tiled SGEMM as CUDA threads on %s: %.3f of vector fp32 "
                "peak (ceiling computeEfficiency %.3f)\n",
                id, estimate.achievedFractionOfPeak, device.computeEfficiency.value);
  }
}

TEST(Calibration, AnFmaStreamApproachesThePublishedComputeEfficiency) {
  // The ceiling any compute-bound CUDA kernel reaches: full vectors, no memory, no UB traffic.
  for (const char *id : kAllDevices) {
    const DeviceModel &device = catalogDevice(id);
    CostTally perThread;
    perThread.fp32 = 1u << 16;
    const unsigned blocks = unsigned(device.vectorCores.value) * 16;
    const KernelEstimate estimate =
        estimateKernel(device, uniformLaunch(device, dim3(blocks), dim3(256), perThread));
    EXPECT_NEAR(estimate.achievedFractionOfPeak, device.computeEfficiency.value, 0.01) << id;
  }
}

TEST(Calibration, Int8GemmAt77To83PercentOfPeakIsACubeFigureCudaThreadsCannotReach) {
  // [CM §5.5]: INT8 GEMM on one 910C die at 77.4-82.7% of the cube's INT8 peak. CUDA threads
  // run on the vector cores (no cube path for SIMT code), so this figure cannot be reproduced;
  // what can be checked: (1) the vector efficiency the catalog uses for 910B/910C lies within
  // the band of compute utilisations published for Ascend kernels, 65.4% (MLA, compute bound)
  // to 82.7% (INT8 GEMM) [CM §5.5], 0.7 being msmodeling's choice [M1]; (2) a GEMM written as
  // CUDA threads is modeled at most at that efficiency of the vector integer peak, i.e. far
  // below the cube's published rate (the ratio is reported).
  for (const char *id : {"910B1", "910B2", "910B3", "910B4", "910C"}) {
    const DeviceModel &device = catalogDevice(id);
    EXPECT_GE(device.computeEfficiency.value, 0.654) << id;
    EXPECT_LE(device.computeEfficiency.value, 0.827) << id;
  }
  const DeviceModel &die = catalogDevice("910C");
  const unsigned n = 8192;
  CostTally perThread; // int8 dot products as 4-way integer multiply-adds, 4 x 4 tile per thread
  perThread.intOps = 2ull * 16 * n;
  perThread.gread = 2 * 4 * (n / 16);
  perThread.shared = 2 * 4 * 16 * (n / 16);
  perThread.barriers = 2 * (n / 16);
  perThread.gwrite = 16 * 4;
  const KernelEstimate estimate =
      estimateKernel(die, uniformLaunch(die, dim3(n / 64, n / 64), dim3(16, 16), perThread));
  EXPECT_LE(estimate.achievedFractionOfPeak, die.computeEfficiency.value);
  ASSERT_GT(die.cubeInt8Ops.value, 0);
  const double modeledOps = estimate.flops / estimate.seconds;
  const double publishedCubeOps = 0.80 * die.cubeInt8Ops.value; // mid-band of 77.4-82.7%
  report("INT8 GEMM as CUDA threads vs published cube rate", "910C", publishedCubeOps / 1e12,
         modeledOps / 1e12, "Tops/s");
  EXPECT_LT(modeledOps, publishedCubeOps);
}

TEST(Calibration, ALibraryGemmRunsOnTheCubeAtThePublished77To83PercentOfPeak) {
  // [CM section 5.5]: GEMMs of M, N, K up to 7168, 7168, 8192 on one 910C die at 77.4-82.7% of
  // the cube peak. A cuBLAS GEMM of that shape (fp16 here: INT8 has no cuBLAS GEMM in npurt;
  // the cube's fp16 and int8 paths share one MAC array, so the efficiency carries over) is
  // priced on the cube; launch overhead included, it must land inside the band.
  const DeviceModel &die = catalogDevice("910C");
  const double m = 7168, n = 7168, k = 8192;
  npu::core::LibraryWork gemm{npu::core::LibraryWork::Unit::Matrix,
                              npu::core::LibraryWork::Precision::Fp16, 2 * m * n * k,
                              2 * (m * k + k * n) + 2 * 2 * m * n};
  const KernelEstimate estimate = estimateLibrary(die, gemm);
  EXPECT_STREQ(estimate.bound, "cube");
  EXPECT_GE(estimate.achievedFractionOfPeak, 0.774);
  EXPECT_LE(estimate.achievedFractionOfPeak, 0.827);
  report("GEMM fraction of cube peak", "910C", 0.80, estimate.achievedFractionOfPeak, "");
  // Every model: a large GEMM is cube bound, below its cube peak, and far faster than the
  // vector units could do it.
  for (const char *id : kAllDevices) {
    const DeviceModel &device = catalogDevice(id);
    const KernelEstimate e = estimateLibrary(device, gemm);
    EXPECT_STREQ(e.bound, "cube") << id;
    EXPECT_LE(gemm.flops / e.seconds, device.cubeFp16Flops.value) << id;
    EXPECT_GT(gemm.flops / e.seconds, device.vectorFp16Flops.value) << id;
  }
}

} // namespace
} // namespace model_test
