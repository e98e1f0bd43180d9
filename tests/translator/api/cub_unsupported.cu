// CUB components npurt does not provide: the header include stays and is diagnosed with one ID
// (the parse reads npurt's CUB in its place, so the rest of the file is translated), and every
// use of the name is diagnosed where it is spelled.
// RC: 1
// DIAG: cub/block/block_histogram.cuh: CUB component that npurt does not provide
// DIAG: cub::BlockHistogram: CUB component that npurt does not provide (npurt has the block, warp and device-wide algorithms listed in docs/support/library-api.md); left unchanged [CU2NPU1032]
// DIAG: cub::DeviceSpmv: CUB component that npurt does not provide
// NO-COMPILE
// CHECK: #include <cub/block/block_histogram.cuh>
#include <cub/block/block_histogram.cuh>
#include <cub/device/device_scan.cuh>

__global__ void hist(const unsigned char *in, unsigned *bins) {
  typedef cub::BlockHistogram<unsigned char, 128, 4, 256> BlockHistogram;
  __shared__ typename BlockHistogram::TempStorage temp;
  unsigned char items[4];
  BlockHistogram(temp).Histogram(items, bins);
}

void run(void *temp, size_t &bytes, const int *in, int *out, int n) {
  // CHECK: cub::DeviceScan::ExclusiveSum(temp, bytes, in, out, n);
  cub::DeviceScan::ExclusiveSum(temp, bytes, in, out, n);
  cub::DeviceSpmv::CsrMV(temp, bytes, in, in, in, in, out, n, n, n);
}
