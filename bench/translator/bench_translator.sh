#!/usr/bin/env bash
# Translator speed: lines per second on one large generated .cu (parse included), one core.
#   bench/translator/bench_translator.sh [path/to/cu2npu] [kernels]
# Each generated unit is a kernel with a shared tile, a barrier, a warp shuffle, a device helper
# and a host function with API calls, error checks and a launch (about 30 lines).
set -euo pipefail
CU2NPU=${1:-build/bin/cu2npu}
N=${2:-2000}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
SRC=$DIR/big.cu
{
  echo '#include <cstdio>'
  echo '#include <cuda_runtime.h>'
  echo '#define CHECK(x) do { cudaError_t e = (x); if (e != cudaSuccess) printf("%s\n", cudaGetErrorString(e)); } while (0)'
  for i in $(seq 1 "$N"); do
    cat <<EOT
__device__ float helper$i(float v) { return sqrtf(v) * 0.5f + __expf(-v); }
template <int B> __global__ void kernel$i(const float *in, float *out, int n) {
  __shared__ float tile[B];
  int t = threadIdx.x, i = blockIdx.x * B + t;
  tile[t] = i < n ? helper$i(in[i]) : 0.0f;
  __syncthreads();
  float v = tile[t];
  for (int o = 16; o > 0; o /= 2) v += __shfl_down_sync(0xffffffffu, v, o);
  if (t % 32 == 0) atomicAdd(out, v);
}
__global__ void simple$i(float *x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = x[i] * 2.0f + 1.0f;
}
void host$i(const float *h, int n) {
  float *d_in, *d_out;
  cudaStream_t s;
  CHECK(cudaStreamCreate(&s));
  CHECK(cudaMalloc(&d_in, n * sizeof(float)));
  CHECK(cudaMalloc(&d_out, sizeof(float)));
  CHECK(cudaMemcpyAsync(d_in, h, n * sizeof(float), cudaMemcpyHostToDevice, s));
  kernel$i<256><<<(n + 255) / 256, 256, 0, s>>>(d_in, d_out, n);
  simple$i<<<dim3((n + 127) / 128), dim3(128)>>>(d_in, n);
  CHECK(cudaGetLastError());
  CHECK(cudaStreamSynchronize(s));
  CHECK(cudaFree(d_in));
  CHECK(cudaFree(d_out));
  CHECK(cudaStreamDestroy(s));
}
EOT
  done
} > "$SRC"
LINES=$(wc -l < "$SRC")
START=$(date +%s.%N)
taskset -c 0 "$CU2NPU" -q "$SRC" -o "$DIR/big.npu.cpp" 2>/dev/null || "$CU2NPU" -q "$SRC" -o "$DIR/big.npu.cpp"
END=$(date +%s.%N)
SECS=$(echo "$END - $START" | bc -l)
LAUNCHES=$(grep -c '::npu::launch' "$DIR/big.npu.cpp")
printf 'cu2npu: %d lines in %.2f s = %.0f lines/s (one core, parse included); %d launches rewritten\n' \
  "$LINES" "$SECS" "$(echo "$LINES / $SECS" | bc -l)" "$LAUNCHES"
