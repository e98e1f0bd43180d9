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

// The work-area API keeps its names (npurt needs no work area: sizes are 0).
// CHECK: size_t workArea(int n, void *work) {
size_t workArea(int n, void *work) {
  cufftHandle plan;
  size_t size = 0, estimate = 0;
  cufftCreate(&plan);
  // CHECK: cufftSetAutoAllocation(plan, 0);
  cufftSetAutoAllocation(plan, 0);
  // CHECK: cufftGetSize1d(plan, n, CUFFT_C2C, 1, &size);
  cufftGetSize1d(plan, n, CUFFT_C2C, 1, &size);
  cufftGetSize2d(plan, n, n, CUFFT_R2C, &size);
  cufftGetSize3d(plan, n, n, n, CUFFT_Z2Z, &size);
  int dims[] = {n};
  cufftGetSizeMany(plan, 1, dims, nullptr, 1, n, nullptr, 1, n, CUFFT_C2C, 1, &size);
  // CHECK: cufftEstimate1d(n, CUFFT_C2C, 1, &estimate);
  cufftEstimate1d(n, CUFFT_C2C, 1, &estimate);
  cufftEstimate2d(n, n, CUFFT_C2R, &estimate);
  cufftEstimate3d(n, n, n, CUFFT_D2Z, &estimate);
  cufftEstimateMany(1, dims, nullptr, 1, n, nullptr, 1, n, CUFFT_Z2D, 1, &estimate);
  cufftMakePlan1d(plan, n, CUFFT_C2C, 1, &size);
  // CHECK: cufftSetWorkArea(plan, work);
  cufftSetWorkArea(plan, work);
  cufftDestroy(plan);
  return size + estimate;
}
