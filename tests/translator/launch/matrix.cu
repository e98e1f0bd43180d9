// Macro x template x #if matrix: each launch form in plain code, in a macro body, under #if,
// and under #if inside a macro argument.
#include <cuda_runtime.h>
#define USE_FAST 1
template <class T> __global__ void k(T *x) { x[0] = T(1); }
__global__ void p(int *x) { x[0] = 1; }
// CHECK: #define L_PLAIN(x) ::npu::launch("p", p, 1, 1, 0, 0, x)
// CHECK: #define L_TMPL(x) ::npu::launch("k<float>", k<float>, 1, 1, 0, 0, x)
// CHECK: #define L_DEDUCED(x) ::npu::launch("k<float>", k<float>, 1, 1, 0, 0, x)
#define L_PLAIN(x) p<<<1, 1>>>(x)
#define L_TMPL(x) k<float><<<1, 1>>>(x)
#define L_DEDUCED(x) k<<<1, 1>>>(x)
#define WRAP(e) e
void run(int *i, float *f) {
#if USE_FAST
  // CHECK: ::npu::launch(::npu::never_waits, "p", p, 1, 1, 0, 0, i);
  p<<<1, 1>>>(i);
  // CHECK: ::npu::launch(::npu::never_waits, "k<float>", k<float>, 1, 1, 0, 0, f);
  k<float><<<1, 1>>>(f);
  // CHECK: ::npu::launch(::npu::never_waits, "k<float>", k<float>, 1, 1, 0, 0, f);
  k<<<1, 1>>>(f);
#else
  p<<<2, 2>>>(i);
#endif
  L_PLAIN(i);
  L_TMPL(f);
  L_DEDUCED(f);
  // CHECK: WRAP((::npu::launch(::npu::never_waits, "p", p, 3, 3, 0, 0, i)));
  WRAP((p<<<3, 3>>>(i)));
  // CHECK: WRAP((::npu::launch(::npu::never_waits, "k<float>", k<float>, 4, 4, 0, 0, f)));
  WRAP((k<<<4, 4>>>(f)));
}
