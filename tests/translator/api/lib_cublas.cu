// cuBLAS and cuComplex: the headers map to npurt/lib/, the library names stay as CUDA spells
// them (npurt declares them), runtime names around them are renamed as usual; the output
// compiles against npurt's headers.
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

// The batched, mixed-precision, geam and trsm routines keep their names (supported: no
// diagnostic of their own; the DIAG lines above are cublasLtMatmul's).
int extended(cublasHandle_t h, const __half *const *ha, const __half *const *hb, __half *const *hc,
             const void *const *va, const void *const *vb, void *const *vc, const float *a,
             float *c, const double *da, double *dc, const void *x, void *r, int n) {
  const __half hone = __float2half(1.0f), hzero = __float2half(0.0f);
  const float one = 1.0f, zero = 0.0f;
  const double done = 1.0, dzero = 0.0;
  // CHECK: cublasHgemmBatched(h, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &hone, ha, n, hb, n, &hzero, hc, n, 4);
  cublasHgemmBatched(h, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &hone, ha, n, hb, n, &hzero, hc, n, 4);
  // CHECK: cublasGemmBatchedEx(h, CUBLAS_OP_N, CUBLAS_OP_T, n, n, n, &one, va, CUDA_R_16BF, n, vb, CUDA_R_16BF, n, &zero, vc, CUDA_R_32F, n, 4, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
  cublasGemmBatchedEx(h, CUBLAS_OP_N, CUBLAS_OP_T, n, n, n, &one, va, CUDA_R_16BF, n, vb, CUDA_R_16BF, n, &zero, vc, CUDA_R_32F, n, 4, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
  const int ione = 1, izero = 0;
  // CHECK: cublasGemmStridedBatchedEx(h, CUBLAS_OP_T, CUBLAS_OP_N, n, n, n, &ione, x, CUDA_R_8I, n, n * n, x, CUDA_R_8I, n, n * n, &izero, r, CUDA_R_32I, n, n * n, 2, CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT);
  cublasGemmStridedBatchedEx(h, CUBLAS_OP_T, CUBLAS_OP_N, n, n, n, &ione, x, CUDA_R_8I, n, n * n, x, CUDA_R_8I, n, n * n, &izero, r, CUDA_R_32I, n, n * n, 2, CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT);
  // CHECK: cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &ione, x, CUDA_R_8I, n, x, CUDA_R_8I, n, &izero, r, CUDA_R_32I, n, CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT);
  cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &ione, x, CUDA_R_8I, n, x, CUDA_R_8I, n, &izero, r, CUDA_R_32I, n, CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT);
  // CHECK: cublasDotEx(h, n, x, CUDA_R_16F, 1, x, CUDA_R_16F, 1, r, CUDA_R_16F, CUDA_R_32F);
  cublasDotEx(h, n, x, CUDA_R_16F, 1, x, CUDA_R_16F, 1, r, CUDA_R_16F, CUDA_R_32F);
  // CHECK: cublasDotcEx(h, n, x, CUDA_C_32F, 1, x, CUDA_C_32F, 1, r, CUDA_C_32F, CUDA_C_32F);
  cublasDotcEx(h, n, x, CUDA_C_32F, 1, x, CUDA_C_32F, 1, r, CUDA_C_32F, CUDA_C_32F);
  // CHECK: cublasAxpyEx(h, n, &one, CUDA_R_32F, x, CUDA_R_16BF, 1, r, CUDA_R_16BF, 1, CUDA_R_32F);
  cublasAxpyEx(h, n, &one, CUDA_R_32F, x, CUDA_R_16BF, 1, r, CUDA_R_16BF, 1, CUDA_R_32F);
  // CHECK: cublasScalEx(h, n, &one, CUDA_R_32F, r, CUDA_R_16F, 1, CUDA_R_32F);
  cublasScalEx(h, n, &one, CUDA_R_32F, r, CUDA_R_16F, 1, CUDA_R_32F);
  // CHECK: cublasNrm2Ex(h, n, x, CUDA_R_32F, 1, r, CUDA_R_32F, CUDA_R_32F);
  cublasNrm2Ex(h, n, x, CUDA_R_32F, 1, r, CUDA_R_32F, CUDA_R_32F);
  // CHECK: cublasSgeam(h, CUBLAS_OP_T, CUBLAS_OP_N, n, n, &one, a, n, &zero, a, n, c, n);
  cublasSgeam(h, CUBLAS_OP_T, CUBLAS_OP_N, n, n, &one, a, n, &zero, a, n, c, n);
  // CHECK: cublasDgeam(h, CUBLAS_OP_N, CUBLAS_OP_N, n, n, &done, da, n, &dzero, da, n, dc, n);
  cublasDgeam(h, CUBLAS_OP_N, CUBLAS_OP_N, n, n, &done, da, n, &dzero, da, n, dc, n);
  // CHECK: cublasStrsm(h, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, CUBLAS_DIAG_UNIT, n, n, &one, a, n, c, n);
  cublasStrsm(h, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, CUBLAS_DIAG_UNIT, n, n, &one, a, n, c, n);
  // CHECK: return cublasDtrsm(h, CUBLAS_SIDE_RIGHT, CUBLAS_FILL_MODE_UPPER, CUBLAS_OP_T, CUBLAS_DIAG_NON_UNIT, n, n, &done, da, n, dc, n);
  return cublasDtrsm(h, CUBLAS_SIDE_RIGHT, CUBLAS_FILL_MODE_UPPER, CUBLAS_OP_T, CUBLAS_DIAG_NON_UNIT, n, n, &done, da, n, dc, n);
}

// Complex batched GEMMs: the complex GEMMs exist, so their batched forms do too.
void complexBatched(cublasHandle_t h, const cuComplex *const *a, cuComplex *const *c, const cuDoubleComplex *z, cuDoubleComplex *zc, int n) {
  const cuComplex one = make_cuComplex(1.0f, 0.0f);
  const cuDoubleComplex zone = make_cuDoubleComplex(1.0, 0.0);
  // CHECK: cublasCgemmBatched(h, CUBLAS_OP_N, CUBLAS_OP_C, n, n, n, &one, a, n, a, n, &one, c, n, 2);
  cublasCgemmBatched(h, CUBLAS_OP_N, CUBLAS_OP_C, n, n, n, &one, a, n, a, n, &one, c, n, 2);
  // CHECK: cublasZgemmStridedBatched(h, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &zone, z, n, n * n, z, n, n * n, &zone, zc, n, n * n, 2);
  cublasZgemmStridedBatched(h, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &zone, z, n, n * n, z, n, n * n, &zone, zc, n, n * n, 2);
}
