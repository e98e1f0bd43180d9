// The cuBLAS GEMM family (cuBLAS library documentation, "cuBLAS Level-3 Function Reference"
// and "cuBLAS Extension Function Reference"): C = alpha * op(A) * op(B) + beta * C,
// column-major, over the host's CBLAS. fp16 operands are widened to fp32, multiplied by
// SGEMM and rounded once. The work is described as matrix-unit work, so a modelled device
// prices it on its matrix units (cube on Ascend).
#include <cstddef>
#include <vector>

#include "lib/CublasContext.h"
#include "lib/CublasGemm.h"
#include "lib/CublasOperands.h"

using npu::core::LibraryWork;
using npu::lib::Scalar;

namespace {

struct GemmShape {
  cublasOperation_t ta, tb;
  int m, n, k, lda, ldb, ldc;
  int rowsA() const { return ta == CUBLAS_OP_N ? m : k; }
  int colsA() const { return ta == CUBLAS_OP_N ? k : m; }
  int rowsB() const { return tb == CUBLAS_OP_N ? k : n; }
  int colsB() const { return tb == CUBLAS_OP_N ? n : k; }
};

// Elements a column-major rows x cols operand with leading dimension ld spans.
std::size_t span(int ld, int rows, int cols) {
  return cols == 0 || rows == 0 ? 0 : std::size_t(ld) * (cols - 1) + rows;
}

// cuBLAS's checks, in its order: the handle, then the arguments.
cublasStatus_t checkGemm(cublasHandle_t handle, const GemmShape &s, int batch, const void *alpha,
                         const void *beta) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  using npu::lib::validLeading;
  if (!npu::lib::validOperation(s.ta) || !npu::lib::validOperation(s.tb) || s.m < 0 || s.n < 0 ||
      s.k < 0 || batch < 0 || !validLeading(s.lda, s.rowsA()) || !validLeading(s.ldb, s.rowsB()) ||
      !validLeading(s.ldc, s.m) || alpha == nullptr || beta == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  return CUBLAS_STATUS_SUCCESS;
}

bool isHalfOrFloat(cudaDataType t) { return t == CUDA_R_16F || t == CUDA_R_32F; }
std::size_t elementBytes(cudaDataType t) { return t == CUDA_R_16F ? 2 : 4; }

// An fp16 or fp32 operand as fp32: the operand itself, or a widened copy in `buffer`.
const float *asFloats(const void *p, cudaDataType type, std::size_t count,
                      std::vector<float> &buffer) {
  if (type == CUDA_R_32F)
    return static_cast<const float *>(p);
  buffer.resize(count);
  const __half *h = static_cast<const __half *>(p);
  for (std::size_t i = 0; i < count; ++i)
    buffer[i] = __half2float(h[i]);
  return buffer.data();
}

// SGEMM over operands each fp16 or fp32; C is rounded back to fp16 when it is fp16.
void hostGemmFloat(const GemmShape &s, float alpha, const void *A, cudaDataType at, const void *B,
                   cudaDataType bt, float beta, void *C, cudaDataType ct) {
  std::vector<float> a, b, c;
  const float *fa = asFloats(A, at, span(s.lda, s.rowsA(), s.colsA()), a);
  const float *fb = asFloats(B, bt, span(s.ldb, s.rowsB(), s.colsB()), b);
  const std::size_t spanC = span(s.ldc, s.m, s.n);
  float *fc =
      ct == CUDA_R_32F ? static_cast<float *>(C) : const_cast<float *>(asFloats(C, ct, spanC, c));
  cblas_sgemm(CblasColMajor, npu::lib::cblasOperation(s.ta), npu::lib::cblasOperation(s.tb), s.m,
              s.n, s.k, alpha, fa, s.lda, fb, s.ldb, beta, fc, s.ldc);
  if (ct == CUDA_R_16F) {
    __half *h = static_cast<__half *>(C);
    for (std::size_t i = 0; i < spanC; ++i)
      h[i] = __float2half(c[i]);
  }
}

void hostGemm(const GemmShape &s, float alpha, const float *A, const float *B, float beta,
              float *C) {
  cblas_sgemm(CblasColMajor, npu::lib::cblasOperation(s.ta), npu::lib::cblasOperation(s.tb), s.m,
              s.n, s.k, alpha, A, s.lda, B, s.ldb, beta, C, s.ldc);
}
void hostGemm(const GemmShape &s, double alpha, const double *A, const double *B, double beta,
              double *C) {
  cblas_dgemm(CblasColMajor, npu::lib::cblasOperation(s.ta), npu::lib::cblasOperation(s.tb), s.m,
              s.n, s.k, alpha, A, s.lda, B, s.ldb, beta, C, s.ldc);
}
void hostGemm(const GemmShape &s, cuComplex alpha, const cuComplex *A, const cuComplex *B,
              cuComplex beta, cuComplex *C) {
  cblas_cgemm(CblasColMajor, npu::lib::cblasOperation(s.ta), npu::lib::cblasOperation(s.tb), s.m,
              s.n, s.k, &alpha, A, s.lda, B, s.ldb, &beta, C, s.ldc);
}
void hostGemm(const GemmShape &s, cuDoubleComplex alpha, const cuDoubleComplex *A,
              const cuDoubleComplex *B, cuDoubleComplex beta, cuDoubleComplex *C) {
  cblas_zgemm(CblasColMajor, npu::lib::cblasOperation(s.ta), npu::lib::cblasOperation(s.tb), s.m,
              s.n, s.k, &alpha, A, s.lda, B, s.ldb, &beta, C, s.ldc);
}
void hostGemm(const GemmShape &s, __half alpha, const __half *A, const __half *B, __half beta,
              __half *C) {
  hostGemmFloat(s, __half2float(alpha), A, CUDA_R_16F, B, CUDA_R_16F, __half2float(beta), C,
                CUDA_R_16F);
}

// The matrix-unit work of `batch` GEMMs: 2 flops per real multiply-add, 8 per complex one.
LibraryWork gemmWork(const GemmShape &s, int batch, LibraryWork::Precision precision, bool complex,
                     std::size_t inBytes, std::size_t outBytes) {
  const double macs = double(s.m) * s.n * s.k * batch;
  const double bytes = (double(s.m) * s.k + double(s.k) * s.n) * batch * inBytes +
                       2.0 * s.m * s.n * batch * outBytes;
  return {LibraryWork::Unit::Matrix, precision, (complex ? 8.0 : 2.0) * macs, bytes};
}

template <class T> struct Operands {
  const T *A;
  const T *B;
  T *C;
};

// Enqueues `batch` GEMMs; operands(i) gives the i-th product's matrices, read when the call
// runs (a batched call's pointer arrays are device memory).
template <class T, class OperandsOf>
cublasStatus_t gemm(cublasHandle_t handle, const char *name, const GemmShape &s, int batch,
                    const T *alpha, const T *beta, OperandsOf operands) {
  if (cublasStatus_t st = checkGemm(handle, s, batch, alpha, beta); st != CUBLAS_STATUS_SUCCESS)
    return st;
  if (s.m == 0 || s.n == 0 || batch == 0)
    return CUBLAS_STATUS_SUCCESS;
  Scalar<T> a(*handle, alpha), b(*handle, beta);
  constexpr bool complex = std::is_same_v<T, cuComplex> || std::is_same_v<T, cuDoubleComplex>;
  return npu::lib::runOnHandle(
      *handle, name, gemmWork(s, batch, npu::lib::precisionOf<T>(), complex, sizeof(T), sizeof(T)),
      [=] {
        for (int i = 0; i < batch; ++i) {
          const Operands<T> o = operands(i);
          hostGemm(s, a.get(), o.A, o.B, b.get(), o.C);
        }
      });
}

template <class T>
cublasStatus_t gemmOne(cublasHandle_t handle, const char *name, const GemmShape &s, const T *alpha,
                       const T *A, const T *B, const T *beta, T *C) {
  return gemm<T>(handle, name, s, 1, alpha, beta, [=](int) { return Operands<T>{A, B, C}; });
}

template <class T>
cublasStatus_t gemmStrided(cublasHandle_t handle, const char *name, const GemmShape &s,
                           const T *alpha, const T *A, long long strideA, const T *B,
                           long long strideB, const T *beta, T *C, long long strideC, int batch) {
  return gemm<T>(handle, name, s, batch, alpha, beta, [=](int i) {
    return Operands<T>{A + i * strideA, B + i * strideB, C + i * strideC};
  });
}

template <class T>
cublasStatus_t gemmBatched(cublasHandle_t handle, const char *name, const GemmShape &s,
                           const T *alpha, const T *const A[], const T *const B[], const T *beta,
                           T *const C[], int batch) {
  if (batch > 0 && (A == nullptr || B == nullptr || C == nullptr))
    return handle ? CUBLAS_STATUS_INVALID_VALUE : CUBLAS_STATUS_NOT_INITIALIZED;
  return gemm<T>(handle, name, s, batch, alpha, beta, [=](int i) {
    return Operands<T>{A[i], B[i], C[i]};
  });
}

bool isFloatCompute(cublasComputeType_t c) {
  return c == CUBLAS_COMPUTE_32F || c == CUBLAS_COMPUTE_32F_PEDANTIC ||
         c == CUBLAS_COMPUTE_32F_FAST_16F || c == CUBLAS_COMPUTE_32F_FAST_16BF ||
         c == CUBLAS_COMPUTE_32F_FAST_TF32;
}

// GemmEx with fp16 inputs, fp32 compute and an fp16 or fp32 output.
cublasStatus_t gemmMixed(cublasHandle_t handle, const char *name, const GemmShape &s,
                         const float *alpha, const void *A, cudaDataType at, const void *B,
                         cudaDataType bt, const float *beta, void *C, cudaDataType ct) {
  if (cublasStatus_t st = checkGemm(handle, s, 1, alpha, beta); st != CUBLAS_STATUS_SUCCESS)
    return st;
  if (s.m == 0 || s.n == 0)
    return CUBLAS_STATUS_SUCCESS;
  Scalar<float> a(*handle, alpha), b(*handle, beta);
  return npu::lib::runOnHandle(
      *handle, name,
      gemmWork(s, 1, LibraryWork::Precision::Fp16, false, elementBytes(at), elementBytes(ct)),
      [=] { hostGemmFloat(s, a.get(), A, at, B, bt, b.get(), C, ct); });
}

} // namespace

namespace npu::lib {

GemmExKind gemmExKind(cudaDataType at, cudaDataType bt, cudaDataType ct,
                      cublasComputeType_t compute) {
  const bool same = at == bt && bt == ct;
  const bool fp64 = compute == CUBLAS_COMPUTE_64F || compute == CUBLAS_COMPUTE_64F_PEDANTIC;
  const bool fp16 = compute == CUBLAS_COMPUTE_16F || compute == CUBLAS_COMPUTE_16F_PEDANTIC;
  if (same && at == CUDA_R_32F && isFloatCompute(compute))
    return GemmExKind::Float;
  if (same && at == CUDA_R_64F && fp64)
    return GemmExKind::Double;
  if (same && at == CUDA_C_32F && isFloatCompute(compute))
    return GemmExKind::ComplexFloat;
  if (same && at == CUDA_R_16F && fp16)
    return GemmExKind::Half;
  if (at == CUDA_R_16F && bt == CUDA_R_16F && isHalfOrFloat(ct) && isFloatCompute(compute))
    return GemmExKind::HalfInFloatCompute;
  return GemmExKind::None;
}

cublasStatus_t gemmEx(const char *name, cublasHandle_t h, cublasOperation_t ta,
                      cublasOperation_t tb, int m, int n, int k, const void *alpha, const void *A,
                      cudaDataType at, int lda, const void *B, cudaDataType bt, int ldb,
                      const void *beta, void *C, cudaDataType ct, int ldc,
                      cublasComputeType_t compute) {
  const GemmShape s{ta, tb, m, n, k, lda, ldb, ldc};
  switch (gemmExKind(at, bt, ct, compute)) {
  case GemmExKind::Float:
    return gemmOne(h, name, s, static_cast<const float *>(alpha), static_cast<const float *>(A),
                   static_cast<const float *>(B), static_cast<const float *>(beta),
                   static_cast<float *>(C));
  case GemmExKind::Double:
    return gemmOne(h, name, s, static_cast<const double *>(alpha), static_cast<const double *>(A),
                   static_cast<const double *>(B), static_cast<const double *>(beta),
                   static_cast<double *>(C));
  case GemmExKind::ComplexFloat:
    return gemmOne(h, name, s, static_cast<const cuComplex *>(alpha),
                   static_cast<const cuComplex *>(A), static_cast<const cuComplex *>(B),
                   static_cast<const cuComplex *>(beta), static_cast<cuComplex *>(C));
  case GemmExKind::Half:
    return gemmOne(h, name, s, static_cast<const __half *>(alpha), static_cast<const __half *>(A),
                   static_cast<const __half *>(B), static_cast<const __half *>(beta),
                   static_cast<__half *>(C));
  case GemmExKind::HalfInFloatCompute:
    return gemmMixed(h, name, s, static_cast<const float *>(alpha), A, at, B, bt,
                     static_cast<const float *>(beta), C, ct);
  case GemmExKind::None:
    break;
  }
  return h ? CUBLAS_STATUS_NOT_SUPPORTED : CUBLAS_STATUS_NOT_INITIALIZED;
}

} // namespace npu::lib

extern "C" {

cublasStatus_t cublasSgemm(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m,
                           int n, int k, const float *alpha, const float *A, int lda,
                           const float *B, int ldb, const float *beta, float *C, int ldc) {
  return gemmOne(h, "cublasSgemm", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A, B, beta, C);
}
cublasStatus_t cublasDgemm(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m,
                           int n, int k, const double *alpha, const double *A, int lda,
                           const double *B, int ldb, const double *beta, double *C, int ldc) {
  return gemmOne(h, "cublasDgemm", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A, B, beta, C);
}
cublasStatus_t cublasHgemm(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m,
                           int n, int k, const __half *alpha, const __half *A, int lda,
                           const __half *B, int ldb, const __half *beta, __half *C, int ldc) {
  return gemmOne(h, "cublasHgemm", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A, B, beta, C);
}
cublasStatus_t cublasCgemm(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m,
                           int n, int k, const cuComplex *alpha, const cuComplex *A, int lda,
                           const cuComplex *B, int ldb, const cuComplex *beta, cuComplex *C,
                           int ldc) {
  return gemmOne(h, "cublasCgemm", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A, B, beta, C);
}
cublasStatus_t cublasZgemm(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m,
                           int n, int k, const cuDoubleComplex *alpha, const cuDoubleComplex *A,
                           int lda, const cuDoubleComplex *B, int ldb, const cuDoubleComplex *beta,
                           cuDoubleComplex *C, int ldc) {
  return gemmOne(h, "cublasZgemm", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A, B, beta, C);
}

cublasStatus_t cublasGemmEx(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m,
                            int n, int k, const void *alpha, const void *A, cudaDataType at,
                            int lda, const void *B, cudaDataType bt, int ldb, const void *beta,
                            void *C, cudaDataType ct, int ldc, cublasComputeType_t compute,
                            cublasGemmAlgo_t /*algo: one implementation*/) {
  return npu::lib::gemmEx("cublasGemmEx", h, ta, tb, m, n, k, alpha, A, at, lda, B, bt, ldb, beta,
                          C, ct, ldc, compute);
}

cublasStatus_t cublasSgemmStridedBatched(cublasHandle_t h, cublasOperation_t ta,
                                         cublasOperation_t tb, int m, int n, int k,
                                         const float *alpha, const float *A, int lda,
                                         long long strideA, const float *B, int ldb,
                                         long long strideB, const float *beta, float *C, int ldc,
                                         long long strideC, int batch) {
  return gemmStrided(h, "cublasSgemmStridedBatched", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A,
                     strideA, B, strideB, beta, C, strideC, batch);
}
cublasStatus_t cublasDgemmStridedBatched(cublasHandle_t h, cublasOperation_t ta,
                                         cublasOperation_t tb, int m, int n, int k,
                                         const double *alpha, const double *A, int lda,
                                         long long strideA, const double *B, int ldb,
                                         long long strideB, const double *beta, double *C, int ldc,
                                         long long strideC, int batch) {
  return gemmStrided(h, "cublasDgemmStridedBatched", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A,
                     strideA, B, strideB, beta, C, strideC, batch);
}
cublasStatus_t cublasHgemmStridedBatched(cublasHandle_t h, cublasOperation_t ta,
                                         cublasOperation_t tb, int m, int n, int k,
                                         const __half *alpha, const __half *A, int lda,
                                         long long strideA, const __half *B, int ldb,
                                         long long strideB, const __half *beta, __half *C, int ldc,
                                         long long strideC, int batch) {
  return gemmStrided(h, "cublasHgemmStridedBatched", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A,
                     strideA, B, strideB, beta, C, strideC, batch);
}
cublasStatus_t cublasSgemmBatched(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb,
                                  int m, int n, int k, const float *alpha, const float *const A[],
                                  int lda, const float *const B[], int ldb, const float *beta,
                                  float *const C[], int ldc, int batch) {
  return gemmBatched(h, "cublasSgemmBatched", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A, B, beta,
                     C, batch);
}
cublasStatus_t cublasDgemmBatched(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb,
                                  int m, int n, int k, const double *alpha, const double *const A[],
                                  int lda, const double *const B[], int ldb, const double *beta,
                                  double *const C[], int ldc, int batch) {
  return gemmBatched(h, "cublasDgemmBatched", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A, B, beta,
                     C, batch);
}

} // extern "C"
