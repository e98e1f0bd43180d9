// cuBLAS and cuComplex: the headers map to npurt/lib/, the library names stay as CUDA spells
// them (npurt declares them), runtime names around them are renamed as usual; the output
// compiles against npurt's headers.
// DIAG: cublasGemmEx is partially supported: fp32, fp64 and complex fp32 operands
// DIAG: cublasLtMatmul is partially supported: the plain case
// CHECK: #include <npurt/lib/cublas_v2.h>
// CHECK: #include <npurt/lib/cuComplex.h>
// CHECK: #include <npurt/lib/cublas_v2.h>
// CHECK: #include <npurt/lib/cublasLt.h>
// CHECK-NOT: #include <cublas
#include <cuda_runtime.h>
#include <cublas_v2.h>
#include <cuComplex.h>
#include <cublas_api.h>
#include <cublasLt.h>

// CHECK: __global__ void conj_scale(cuFloatComplex *z, float s, int n) {
__global__ void conj_scale(cuFloatComplex *z, float s, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  // CHECK: z[i] = cuCmulf(cuConjf(z[i]), make_cuFloatComplex(s, 0.0f));
  if (i < n) z[i] = cuCmulf(cuConjf(z[i]), make_cuFloatComplex(s, 0.0f));
}

int gemm(const float *a, const float *b, float *c, int n, cudaStream_t stream) {
  cublasHandle_t handle;
  // CHECK: if (cublasCreate(&handle) != CUBLAS_STATUS_SUCCESS) return 1;
  if (cublasCreate(&handle) != CUBLAS_STATUS_SUCCESS) return 1;
  // CHECK: cublasSetStream(handle, stream);
  cublasSetStream(handle, stream);
  cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_HOST);
  const float alpha = 1.0f, beta = 0.0f;
  // CHECK: cublasStatus_t st = cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_T, n, n, n, &alpha, a, n, b, n, &beta, c, n);
  cublasStatus_t st = cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_T, n, n, n, &alpha, a, n, b, n, &beta, c, n);
  // CHECK: cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &alpha, a, CUDA_R_32F, n, b, CUDA_R_32F, n, &beta, c, CUDA_R_32F, n, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
  cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &alpha, a, CUDA_R_32F, n, b, CUDA_R_32F, n, &beta, c, CUDA_R_32F, n, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
  int imax = 0;
  cublasIsamax(handle, n, c, 1, &imax);
  // CHECK: npuStreamSynchronize(stream);
  cudaStreamSynchronize(stream);
  cublasDestroy(handle);
  cublasLtHandle_t lt;
  cublasLtMatmulDesc_t desc;
  cublasLtMatrixLayout_t layout;
  // CHECK: cublasLtMatmulDescCreate(&desc, CUBLAS_COMPUTE_32F, CUDA_R_32F);
  cublasLtCreate(&lt);
  cublasLtMatmulDescCreate(&desc, CUBLAS_COMPUTE_32F, CUDA_R_32F);
  cublasLtMatrixLayoutCreate(&layout, CUDA_R_32F, n, n, n);
  // CHECK: cublasLtMatmul(lt, desc, &alpha, a, layout, b, layout, &beta, c, layout, c, layout, nullptr, nullptr, 0, stream);
  cublasLtMatmul(lt, desc, &alpha, a, layout, b, layout, &beta, c, layout, c, layout, nullptr, nullptr, 0, stream);
  cublasLtMatrixLayoutDestroy(layout);
  cublasLtMatmulDescDestroy(desc);
  cublasLtDestroy(lt);
  return st == CUBLAS_STATUS_SUCCESS ? imax : -1;
}
