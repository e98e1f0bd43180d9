// Library API npurt does not provide: one diagnostic ID per library, the call left unchanged.
// RC: 1
// DIAG: cublasLtMatmulAlgoGetHeuristic: cuBLAS API that npurt does not provide
// DIAG: cublasStrmm: cuBLAS API that npurt does not provide (npurt has the v2 handle API's functions listed in docs/support/library-api.md); left unchanged [CU2NPU1030]
// DIAG: cufftMakePlanMany64: cuFFT API that npurt does not provide (npurt has the plan API listed in docs/support/library-api.md); left unchanged [CU2NPU1031]
// DIAG: cusparseCreate is a CUDA library API
// NO-COMPILE
// CHECK: #include <npurt/lib/cublasLt.h>
#include <cublas_v2.h>
#include <cublasLt.h>
#include <cufft.h>

void run(cublasHandle_t h, cufftHandle p, void *work) {
  // CHECK: /* CU2NPU1030: cublasStrmm: cuBLAS API that npurt does not provide
  cublasStrmm(h);
  cublasLtMatmulAlgoGetHeuristic(0);
  cufftMakePlanMany64(p, work);
  cusparseCreate(0);
}
