// cuFFT: cufft.h maps to npurt/lib/cufft.h and the plan API keeps its CUDA names.
// NO-DIAG
// CHECK: #include <npurt/lib/cufft.h>
#include <cufft.h>

// CHECK: int forward(cufftComplex *data, cufftReal *real, int n, npuStream_t stream) {
int forward(cufftComplex *data, cufftReal *real, int n, cudaStream_t stream) {
  cufftHandle plan, r2c;
  // CHECK: if (cufftPlan1d(&plan, n, CUFFT_C2C, 1) != CUFFT_SUCCESS) return 1;
  if (cufftPlan1d(&plan, n, CUFFT_C2C, 1) != CUFFT_SUCCESS) return 1;
  cufftSetStream(plan, stream);
  // CHECK: cufftExecC2C(plan, data, data, CUFFT_FORWARD);
  cufftExecC2C(plan, data, data, CUFFT_FORWARD);
  int dims[] = {n};
  cufftPlanMany(&r2c, 1, dims, nullptr, 1, n, nullptr, 1, n / 2 + 1, CUFFT_R2C, 2);
  cufftExecR2C(r2c, real, data);
  cufftDestroy(r2c);
  return cufftDestroy(plan) == CUFFT_SUCCESS ? 0 : 1;
}
