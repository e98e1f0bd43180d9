// bf16x2 arithmetic as cuda_bf16.h has it for sm_80+: conversions, __hadd2/__hsub2/__hmul2/
// __hfma2/__hneg2 and the rest of __half2's list on __nv_bfloat162, comparisons, operators
// + - * / and their compound forms, shuffles and atomicAdd. Names kept; no diagnostic.
// NO-DIAG
#include <cuda_bf16.h>
__global__ void k(__nv_bfloat162 *a, const __nv_bfloat162 *b, float2 *f, __nv_bfloat16 *s) {
  int i = threadIdx.x;
  // CHECK: auto &x = npu_x[npu_thread] = __float2bfloat162_rn(1.5f);
  __nv_bfloat162 x = __float2bfloat162_rn(1.5f);
  __nv_bfloat162 y = __floats2bfloat162_rn(2.0f, 3.0f);
  // CHECK: __nv_bfloat162 z = __hadd2(a[i], b[i]);
  __nv_bfloat162 z = __hadd2(a[i], b[i]);
  z = __hsub2(z, x);
  z = __hmul2(z, y);
  z = __hfma2(z, x, y);
  z = __hneg2(z);
  z = z + x;
  z = z - y;
  z = z * x;
  z = z / y;
  z += x;
  __nv_bfloat162 m = __hmax2(z, x), n = __hmin2(z, y), q = __h2div(z, y), ab = __habs2(z);
  __nv_bfloat162 c = __heq2(z, x);
  c = __hlt2(z, x);
  c = __hgt2(z, x);
  c = __hle2(z, x);
  c = __hge2(z, x);
  c = __hne2(z, x);
  bool bb = __hbeq2(z, x) || __hblt2(z, y) || __hbgt2(z, y) || __hble2(z, y) || __hbge2(z, y) ||
            __hbne2(z, y) || z == x || z != y;
  // CHECK: f[i] = __bfloat1622float2(z);
  f[i] = __bfloat1622float2(z);
  s[i] = __low2bfloat16(z) + __high2bfloat16(m) + __hadd(s[i], __low2bfloat16(n));
  a[i] =
      __lowhigh2highlow(q) + ab + c + __halves2bfloat162(s[0], s[1]) + __bfloat162bfloat162(s[2]);
  a[i] = __hadd2_sat(a[i], x);
  a[i] = __hmul2_sat(a[i], x);
  a[i] = h2sqrt(a[i]);
  a[i] = h2exp(a[i]);
  float lo = __low2float(z) + __high2float(z) + bb;
  s[i] = __hmul(s[i], __float2bfloat16(lo));
  a[i] = __shfl_xor_sync(0xffffffff, a[i], 1);
  atomicAdd(&a[0], x);
}
