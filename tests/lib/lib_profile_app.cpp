// A cuBLAS SGEMM and a cuFFT transform on a stream, for check_lib_profile.cmake: both must
// appear in NPURT_TRACE and NPURT_REPORT under their CUDA names.
#include <cstdio>
#include <vector>

#include "npurt/lib/cublas_v2.h"
#include "npurt/lib/cufft.h"

int main() {
  const int n = 512;
  float *a, *c;
  cufftComplex *signal;
  if (npuMalloc(&a, n * n * sizeof(float)) != npuSuccess ||
      npuMalloc(&c, n * n * sizeof(float)) != npuSuccess ||
      npuMalloc(&signal, n * sizeof(cufftComplex)) != npuSuccess)
    return 1;
  npuMemset(a, 0, n * n * sizeof(float));
  npuMemset(signal, 0, n * sizeof(cufftComplex));
  npuStream_t stream;
  npuStreamCreate(&stream);
  cublasHandle_t handle;
  cufftHandle plan;
  const float one = 1, zero = 0;
  bool ok = cublasCreate(&handle) == CUBLAS_STATUS_SUCCESS &&
            cublasSetStream(handle, stream) == CUBLAS_STATUS_SUCCESS &&
            cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, a, n, a, n, &zero, c, n) ==
                CUBLAS_STATUS_SUCCESS &&
            cufftPlan1d(&plan, n, CUFFT_C2C, 1) == CUFFT_SUCCESS &&
            cufftSetStream(plan, stream) == CUFFT_SUCCESS &&
            cufftExecC2C(plan, signal, signal, CUFFT_FORWARD) == CUFFT_SUCCESS &&
            npuStreamSynchronize(stream) == npuSuccess;
  ok = ok && cufftDestroy(plan) == CUFFT_SUCCESS && cublasDestroy(handle) == CUBLAS_STATUS_SUCCESS;
  std::puts(ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
