// Operation counters end to end: runs the kernels of cost.cu (translated by cu2npu) with the
// counters switched on and checks the tallies against the counts derived in cost.cu. Run with
// NPURT_NUM_THREADS=1: every block runs on one thread, whose tally a probe kernel (written here
// by hand, so it counts nothing itself) copies out after each launch. The kernels' grids are
// small and never wait, so they run on the launching thread (npurt/device/launch.h), and so is
// the probe launched.
#include <cstdio>

#include <npurt/kernel.h>
#include <npurt/runtime.h>

void runKnown(float result[2]);
void runBlockSum(float *result);

namespace {

__global__ void probe(npu::detail::CostTally *out) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) { *out = npu::detail::costTally; });
}

npu::detail::CostTally workerTally() {
  npu::detail::CostTally *d = nullptr, h;
  npuMalloc(&d, sizeof h);
  ::npu::launch(::npu::never_waits, "probe", probe, dim3(1), dim3(1), 0, nullptr, d);
  npuMemcpy(&h, d, sizeof h, npuMemcpyDeviceToHost);
  npuFree(d);
  return h;
}

npu::detail::CostTally minus(npu::detail::CostTally a, const npu::detail::CostTally &b) {
  a.fp32 -= b.fp32;
  a.fp16 -= b.fp16;
  a.fp64 -= b.fp64;
  a.intOps -= b.intOps;
  a.sfu -= b.sfu;
  a.gread -= b.gread;
  a.gwrite -= b.gwrite;
  a.shared -= b.shared;
  a.atomics -= b.atomics;
  a.barriers -= b.barriers;
  a.warpOps -= b.warpOps;
  return a;
}

bool expect(const char *kernel, const npu::detail::CostTally &got,
            const npu::detail::CostTally &want) {
  bool ok = got.fp32 == want.fp32 && got.fp16 == want.fp16 && got.fp64 == want.fp64 &&
            got.intOps == want.intOps && got.sfu == want.sfu && got.gread == want.gread &&
            got.gwrite == want.gwrite && got.shared == want.shared && got.atomics == want.atomics &&
            got.barriers == want.barriers && got.warpOps == want.warpOps;
  std::printf("%s: fp32 %llu fp16 %llu fp64 %llu intops %llu sfu %llu gread %llu gwrite %llu "
              "shared %llu atomics %llu barriers %llu warpops %llu%s\n",
              kernel, (unsigned long long)got.fp32, (unsigned long long)got.fp16,
              (unsigned long long)got.fp64, (unsigned long long)got.intOps,
              (unsigned long long)got.sfu, (unsigned long long)got.gread,
              (unsigned long long)got.gwrite, (unsigned long long)got.shared,
              (unsigned long long)got.atomics, (unsigned long long)got.barriers,
              (unsigned long long)got.warpOps, ok ? "" : "  <- FAIL: not the expected counts");
  return ok;
}

} // namespace

int main() {
  npu::detail::costCounting = true;
  bool ok = true;

  npu::detail::CostTally before = workerTally();
  float known[2] = {};
  runKnown(known);
  npu::detail::CostTally want{};
  want.fp32 = 5;
  want.intOps = 8;
  want.sfu = 1;
  want.gread = 12;
  want.gwrite = 4;
  want.atomics = 1;
  ok = expect("known", minus(workerTally(), before), want) && ok;
  ok = ok && known[0] == 21.0f && known[1] == 1.0f; // scale(9) + sqrtf(9) = 18 + 3

  before = workerTally();
  float sum = 0;
  runBlockSum(&sum);
  want = {};
  want.fp32 = 7;
  want.intOps = 87;
  want.gread = 32;
  want.gwrite = 4;
  want.shared = 120;
  want.barriers = 32;
  ok = expect("blockSum", minus(workerTally(), before), want) && ok;
  ok = ok && sum == 36.0f;

  std::printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
