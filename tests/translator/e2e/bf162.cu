// bf16x2 arithmetic end to end: a packed axpy-and-dot kernel on __nv_bfloat162 with the
// intrinsics (__hfma2, __hmul2, __hsub2, __hneg2) and the operators, a componentwise max/compare,
// and a warp reduction with __shfl_xor_sync on __nv_bfloat162. The host computes the same
// roundings step by step (each operation rounds to bf16 once) and compares bit for bit.
#include <cstdio>
#include <cstring>
#include <cuda_bf16.h>
#include <cuda_runtime.h>

__global__ void packed(const __nv_bfloat162 *x, const __nv_bfloat162 *y, __nv_bfloat162 *out,
                       float2 *reduced, int n) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  const __nv_bfloat162 a = __float2bfloat162_rn(0.5f);
  const __nv_bfloat162 xi = x[i], yi = y[i];
  __nv_bfloat162 v = __hfma2(a, xi, yi); // a*x + y
  v = __hsub2(v, __hmul2(xi, yi));       // - x*y
  v = v + __hneg2(a) * xi;               // + (-a)*x
  v = (v - yi) / __floats2bfloat162_rn(2.0f, 4.0f);
  const __nv_bfloat162 big = __hmax2(v, __hadd2(xi, yi));
  out[3 * i] = v;
  out[3 * i + 1] = big;
  out[3 * i + 2] = __hlt2(xi, yi);
  // Warp sum of x (n is a multiple of 32).
  __nv_bfloat162 s = xi;
  for (int offset = 16; offset > 0; offset /= 2)
    s += __shfl_xor_sync(0xffffffffu, s, offset);
  if (threadIdx.x % 32 == 0)
    reduced[i / 32] = __bfloat1622float2(s);
}

// Host reference: the same operations through float, rounding to bf16 after each.
static float bf(float f) { return __bfloat162float(__float2bfloat16(f)); }

int main() {
  const int n = 64;
  static __nv_bfloat162 hx[n], hy[n], hout[3 * n];
  static float2 hred[n / 32];
  for (int i = 0; i < n; ++i) {
    hx[i] = __floats2bfloat162_rn(0.125f * i - 3.0f, 1.0f / (i + 1));
    hy[i] = __floats2bfloat162_rn(1.5f - 0.0625f * i, 0.3f * i);
  }
  __nv_bfloat162 *x, *y, *out;
  float2 *red;
  cudaMalloc(&x, sizeof hx);
  cudaMalloc(&y, sizeof hy);
  cudaMalloc(&out, sizeof hout);
  cudaMalloc(&red, sizeof hred);
  cudaMemcpy(x, hx, sizeof hx, cudaMemcpyHostToDevice);
  cudaMemcpy(y, hy, sizeof hy, cudaMemcpyHostToDevice);
  packed<<<2, 32>>>(x, y, out, red, n);
  cudaMemcpy(hout, out, sizeof hout, cudaMemcpyDeviceToHost);
  cudaMemcpy(hred, red, sizeof hred, cudaMemcpyDeviceToHost);
  bool ok = cudaGetLastError() == cudaSuccess;
  int bad = -1;
  for (int i = 0; i < n && ok; ++i) {
    const float xs[2] = {__low2float(hx[i]), __high2float(hx[i])};
    const float ys[2] = {__low2float(hy[i]), __high2float(hy[i])};
    const float div[2] = {2.0f, 4.0f};
    const float got[3][2] = {{__low2float(hout[3 * i]), __high2float(hout[3 * i])},
                             {__low2float(hout[3 * i + 1]), __high2float(hout[3 * i + 1])},
                             {__low2float(hout[3 * i + 2]), __high2float(hout[3 * i + 2])}};
    for (int c = 0; c < 2; ++c) {
      float v = bf(0.5f * xs[c] + ys[c]); // fma: rounded once
      v = bf(v - bf(xs[c] * ys[c]));
      v = bf(v + bf(-0.5f * xs[c]));
      v = bf(bf(v - ys[c]) / div[c]);
      const float sum = bf(xs[c] + ys[c]);
      const float big = v > sum ? v : sum;
      const float lt = xs[c] < ys[c] ? 1.0f : 0.0f;
      if (std::memcmp(&got[0][c], &v, 4) != 0 || got[1][c] != big || got[2][c] != lt) {
        ok = false;
        bad = i;
        printf("FAIL at %d.%d: %g want %g, max %g want %g, lt %g want %g\n", i, c, got[0][c], v,
               got[1][c], big, got[2][c], lt);
      }
    }
  }
  // The warp sum: a butterfly whose roundings differ from a sequential sum, so check it against
  // the same butterfly on the host.
  for (int w = 0; w < n / 32 && ok; ++w) {
    float lanes[2][32];
    for (int l = 0; l < 32; ++l) {
      lanes[0][l] = __low2float(hx[w * 32 + l]);
      lanes[1][l] = __high2float(hx[w * 32 + l]);
    }
    for (int offset = 16; offset > 0; offset /= 2) {
      float next[2][32];
      for (int c = 0; c < 2; ++c)
        for (int l = 0; l < 32; ++l)
          next[c][l] = bf(lanes[c][l] + lanes[c][l ^ offset]);
      std::memcpy(lanes, next, sizeof lanes);
    }
    ok = ok && hred[w].x == lanes[0][0] && hred[w].y == lanes[1][0];
    if (!ok)
      printf("FAIL: warp %d sum %g %g want %g %g\n", w, hred[w].x, hred[w].y, lanes[0][0],
             lanes[1][0]);
  }
  cudaFree(x);
  cudaFree(y);
  cudaFree(out);
  cudaFree(red);
  printf(ok ? "PASS\n" : "FAIL (first bad element %d)\n", bad);
  return ok ? 0 : 1;
}
