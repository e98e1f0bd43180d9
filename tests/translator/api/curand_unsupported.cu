// cuRAND generators npurt does not provide (MTGP32, the quasi-random ones): diagnosed, left
// unchanged, and the exit status says the output is incomplete.
// clang-format off
#include <curand_kernel.h>
#include <curand.h>
// RC: 1
// NO-COMPILE
// DIAG: curandStateMtgp32_t is not supported (cuRAND device API) [CU2NPU1018]
// DIAG: curandStateSobol32_t is not supported (cuRAND device API) [CU2NPU1018]
// DIAG: curandGenerateLongLong is a CUDA library API (cuBLAS, cuFFT, cuRAND host, ...), which npurt does not provide; left unchanged [CU2NPU1003]
// CHECK: __global__ void mtgp(/* CU2NPU1018: curandStateMtgp32_t is not supported (cuRAND device API) */ curandStateMtgp32_t *states, /* CU2NPU1018: curandStateSobol32_t is not supported (cuRAND device API) */ curandStateSobol32_t *sobol) {
// CHECK: /* CU2NPU1003: curandGenerateLongLong is a CUDA library API (cuBLAS, cuFFT, cuRAND host, ...), which npurt does not provide; left unchanged */ curandGenerateLongLong(g, out, 8); }
__global__ void mtgp(curandStateMtgp32_t *states, curandStateSobol32_t *sobol) {}
void host(curandGenerator_t g, unsigned long long *out) { curandGenerateLongLong(g, out, 8); }
