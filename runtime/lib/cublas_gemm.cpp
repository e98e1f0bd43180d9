// The cuBLAS GEMM family (cuBLAS library documentation, "cuBLAS Level-3 Function Reference"
// and "cuBLAS Extension Function Reference"): C = alpha * op(A) * op(B) + beta * C,
// column-major, over the host's CBLAS. fp16, bf16 and int8 operands with fp32 compute are
// widened to fp32, multiplied by SGEMM and rounded once; int8 with int32 compute is summed
// exactly in int32. The work is described as matrix-unit work, so a modelled device prices it
// on its matrix units (cube on Ascend).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <type_traits>
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

// Bytes of one element of the GemmEx operand types (0: not a GemmEx operand type).
std::size_t elementBytes(cudaDataType t) {
  switch (t) {
  case CUDA_R_8I:
    return 1;
  case CUDA_R_16F:
  case CUDA_R_16BF:
  case CUDA_C_8I:
    return 2;
  case CUDA_R_32F:
  case CUDA_R_32I:
    return 4;
  case CUDA_R_64F:
  case CUDA_C_32F:
    return 8;
  case CUDA_C_64F:
    return 16;
  default:
    return 0;
  }
}

// A reduced-precision (fp16, bf16, int8) or fp32 operand as fp32: the operand itself, or a
// widened copy in `buffer`.
const float *asFloats(const void *p, cudaDataType type, std::size_t count,
                      std::vector<float> &buffer) {
  if (type == CUDA_R_32F)
    return static_cast<const float *>(p);
  buffer.resize(count);
  if (type == CUDA_R_16F) {
    const __half *h = static_cast<const __half *>(p);
    for (std::size_t i = 0; i < count; ++i)
      buffer[i] = __half2float(h[i]);
  } else if (type == CUDA_R_16BF) {
    const __nv_bfloat16 *h = static_cast<const __nv_bfloat16 *>(p);
    for (std::size_t i = 0; i < count; ++i)
      buffer[i] = __bfloat162float(h[i]);
  } else {
    const int8_t *q = static_cast<const int8_t *>(p);
    for (std::size_t i = 0; i < count; ++i)
      buffer[i] = float(q[i]);
  }
  return buffer.data();
}

// SGEMM over widened operands; C (fp32, fp16 or bf16) is rounded back once when it is not fp32.
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
  } else if (ct == CUDA_R_16BF) {
    __nv_bfloat16 *h = static_cast<__nv_bfloat16 *>(C);
    for (std::size_t i = 0; i < spanC; ++i)
      h[i] = __float2bfloat16(c[i]);
  }
}

// CGEMM over complex int8 operands (char2 pairs) widened to complex fp32.
void hostGemmComplexInt8(const GemmShape &s, cuComplex alpha, const void *A, const void *B,
                         cuComplex beta, cuComplex *C) {
  auto widen = [](const void *p, std::size_t count) {
    const int8_t *q = static_cast<const int8_t *>(p);
    std::vector<cuComplex> out(count);
    for (std::size_t i = 0; i < count; ++i)
      out[i] = make_cuComplex(float(q[2 * i]), float(q[2 * i + 1]));
    return out;
  };
  const std::vector<cuComplex> a = widen(A, span(s.lda, s.rowsA(), s.colsA()));
  const std::vector<cuComplex> b = widen(B, span(s.ldb, s.rowsB(), s.colsB()));
  cblas_cgemm(CblasColMajor, npu::lib::cblasOperation(s.ta), npu::lib::cblasOperation(s.tb), s.m,
              s.n, s.k, &alpha, a.data(), s.lda, b.data(), s.ldb, &beta, C, s.ldc);
}

// int8 x int8 -> int32 with int32 alpha and beta, accumulated exactly in int32 (two's
// complement wrap-around, as an int32 accumulator wraps): op(A) and op(B) are laid out
// column-major first, so the inner loop runs down a column of each. A zero beta does not read C.
void hostGemmInt8(const GemmShape &s, int32_t alpha, const int8_t *A, const int8_t *B, int32_t beta,
                  int32_t *C) {
  auto opOf = [](const int8_t *x, int ld, cublasOperation_t op, int rows, int cols) {
    std::vector<int16_t> out(std::size_t(rows) * cols);
    for (int j = 0; j < cols; ++j)
      for (int i = 0; i < rows; ++i)
        out[i + std::size_t(j) * rows] =
            op == CUBLAS_OP_N ? x[i + std::size_t(j) * ld] : x[j + std::size_t(i) * ld];
    return out;
  };
  const std::vector<int16_t> a = opOf(A, s.lda, s.ta, s.m, s.k), b = opOf(B, s.ldb, s.tb, s.k, s.n);
  std::vector<uint32_t> acc(s.m);
  for (int j = 0; j < s.n; ++j) {
    std::fill(acc.begin(), acc.end(), 0u);
    for (int p = 0; p < s.k; ++p) {
      const int32_t bp = b[p + std::size_t(j) * s.k];
      const int16_t *ap = a.data() + std::size_t(p) * s.m;
      for (int i = 0; i < s.m; ++i)
        acc[i] += uint32_t(int32_t(ap[i]) * bp);
    }
    int32_t *c = C + std::size_t(j) * s.ldc;
    for (int i = 0; i < s.m; ++i)
      c[i] = int32_t(uint32_t(alpha) * acc[i] + (beta == 0 ? 0u : uint32_t(beta) * uint32_t(c[i])));
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

// Enqueues `batch` products priced as `work`: host(alpha, beta, i) computes the i-th, with the
// scalars (of type S) read as the pointer mode says; operands are found when the call runs (a
// batched call's pointer arrays are device memory).
template <class S, class Host>
cublasStatus_t gemmScaled(cublasHandle_t handle, const char *name, const GemmShape &s, int batch,
                          const S *alpha, const S *beta, const LibraryWork &work, Host host) {
  if (cublasStatus_t st = checkGemm(handle, s, batch, alpha, beta); st != CUBLAS_STATUS_SUCCESS)
    return st;
  if (s.m == 0 || s.n == 0 || batch == 0)
    return CUBLAS_STATUS_SUCCESS;
  Scalar<S> a(*handle, alpha), b(*handle, beta);
  return npu::lib::runOnHandle(*handle, name, work, [=] {
    for (int i = 0; i < batch; ++i)
      host(a.get(), b.get(), i);
  });
}

// Enqueues `batch` GEMMs of one type T; operands(i) gives the i-th product's matrices.
template <class T, class OperandsOf>
cublasStatus_t gemm(cublasHandle_t handle, const char *name, const GemmShape &s, int batch,
                    const T *alpha, const T *beta, OperandsOf operands) {
  constexpr bool complex = std::is_same_v<T, cuComplex> || std::is_same_v<T, cuDoubleComplex>;
  return gemmScaled(handle, name, s, batch, alpha, beta,
                    gemmWork(s, batch, npu::lib::precisionOf<T>(), complex, sizeof(T), sizeof(T)),
                    [=](T a, T b, int i) {
                      const Operands<T> o = operands(i);
                      hostGemm(s, a, o.A, o.B, b, o.C);
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

// cuBLAS's check of a batched call's pointer arrays (after the handle's).
cublasStatus_t checkArrays(cublasHandle_t handle, int batch, const void *A, const void *B,
                           const void *C) {
  if (batch > 0 && (A == nullptr || B == nullptr || C == nullptr))
    return handle ? CUBLAS_STATUS_INVALID_VALUE : CUBLAS_STATUS_NOT_INITIALIZED;
  return CUBLAS_STATUS_SUCCESS;
}

template <class T>
cublasStatus_t gemmBatched(cublasHandle_t handle, const char *name, const GemmShape &s,
                           const T *alpha, const T *const A[], const T *const B[], const T *beta,
                           T *const C[], int batch) {
  if (cublasStatus_t st = checkArrays(handle, batch, A, B, C); st != CUBLAS_STATUS_SUCCESS)
    return st;
  return gemm<T>(handle, name, s, batch, alpha, beta, [=](int i) {
    return Operands<T>{A[i], B[i], C[i]};
  });
}

// ---- cublasGemmEx's type combinations ----

// The older cudaDataType compute argument (CUDA 10's cublasGemmEx: CUDA_R_32F, ...) read as
// its cublasComputeType_t counterpart; the two enumerations' values do not overlap.
cublasComputeType_t computeOf(cublasComputeType_t c) {
  switch (int(c)) {
  case CUDA_R_16F:
    return CUBLAS_COMPUTE_16F;
  case CUDA_R_32F:
  case CUDA_C_32F:
    return CUBLAS_COMPUTE_32F;
  case CUDA_R_64F:
  case CUDA_C_64F:
    return CUBLAS_COMPUTE_64F;
  case CUDA_R_32I:
    return CUBLAS_COMPUTE_32I;
  default:
    return c;
  }
}

// How a GemmEx combination is computed: one of the typed GEMMs, SGEMM on widened inputs
// (fp32 compute over fp16, bf16 or int8), CGEMM on widened complex int8, or exact int32.
enum class ExPath {
  Float,
  Double,
  ComplexFloat,
  ComplexDouble,
  Half,
  WidenedToFloat,
  ComplexInt8,
  Int32,
  None
};

// cuBLAS's table of the combinations cublasGemmEx accepts (cuBLAS library documentation,
// "cuBLAS Extension Function Reference", cublasGemmEx, its table of compute type, scale type,
// Atype/Btype and Ctype), and which path computes each. cublasGemmBatchedEx and
// cublasGemmStridedBatchedEx accept the same. cuBLAS's int8 alignment advice (lda and ldb
// multiples of 4) is not required here.
ExPath exPath(cudaDataType at, cudaDataType bt, cudaDataType ct, cublasComputeType_t computeType) {
  const cublasComputeType_t c = computeOf(computeType);
  if (at != bt)
    return ExPath::None;
  switch (c) {
  case CUBLAS_COMPUTE_16F:
  case CUBLAS_COMPUTE_16F_PEDANTIC:
    return at == CUDA_R_16F && ct == CUDA_R_16F ? ExPath::Half : ExPath::None;
  case CUBLAS_COMPUTE_32I:
  case CUBLAS_COMPUTE_32I_PEDANTIC:
    return at == CUDA_R_8I && ct == CUDA_R_32I ? ExPath::Int32 : ExPath::None;
  case CUBLAS_COMPUTE_64F:
  case CUBLAS_COMPUTE_64F_PEDANTIC:
    if (at == CUDA_R_64F && ct == CUDA_R_64F)
      return ExPath::Double;
    return at == CUDA_C_64F && ct == CUDA_C_64F ? ExPath::ComplexDouble : ExPath::None;
  case CUBLAS_COMPUTE_32F:
  case CUBLAS_COMPUTE_32F_PEDANTIC:
    if ((at == CUDA_R_16F && (ct == CUDA_R_16F || ct == CUDA_R_32F)) ||
        (at == CUDA_R_16BF && (ct == CUDA_R_16BF || ct == CUDA_R_32F)) ||
        (at == CUDA_R_8I && ct == CUDA_R_32F))
      return ExPath::WidenedToFloat;
    if (at == CUDA_C_8I && ct == CUDA_C_32F)
      return ExPath::ComplexInt8;
    [[fallthrough]];
  case CUBLAS_COMPUTE_32F_FAST_16F:
  case CUBLAS_COMPUTE_32F_FAST_16BF:
  case CUBLAS_COMPUTE_32F_FAST_TF32:
    if (at == CUDA_R_32F && ct == CUDA_R_32F)
      return ExPath::Float;
    return at == CUDA_C_32F && ct == CUDA_C_32F ? ExPath::ComplexFloat : ExPath::None;
  default:
    return ExPath::None;
  }
}

struct ExOperands {
  const void *A;
  const void *B;
  void *C;
};

// `batch` GemmEx products; operands(i) gives the i-th as untyped pointers.
template <class OperandsOf>
cublasStatus_t gemmExBatch(const char *name, cublasHandle_t h, const GemmShape &s, int batch,
                           const void *alpha, cudaDataType at, cudaDataType bt, const void *beta,
                           cudaDataType ct, cublasComputeType_t compute, OperandsOf operands) {
  auto typed = [&](auto *tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    return gemm<T>(h, name, s, batch, static_cast<const T *>(alpha), static_cast<const T *>(beta),
                   [=](int i) {
                     const ExOperands o = operands(i);
                     return Operands<T>{static_cast<const T *>(o.A), static_cast<const T *>(o.B),
                                        static_cast<T *>(o.C)};
                   });
  };
  // Reduced-precision inputs are priced as fp16 matrix work: the model has no separate bf16 or
  // int8 rate, and both run on the cube at least at its fp16 rate.
  const std::size_t inBytes = elementBytes(at), outBytes = elementBytes(ct);
  switch (exPath(at, bt, ct, compute)) {
  case ExPath::Float:
    return typed(static_cast<float *>(nullptr));
  case ExPath::Double:
    return typed(static_cast<double *>(nullptr));
  case ExPath::ComplexFloat:
    return typed(static_cast<cuComplex *>(nullptr));
  case ExPath::ComplexDouble:
    return typed(static_cast<cuDoubleComplex *>(nullptr));
  case ExPath::Half:
    return typed(static_cast<__half *>(nullptr));
  case ExPath::WidenedToFloat:
    return gemmScaled(h, name, s, batch, static_cast<const float *>(alpha),
                      static_cast<const float *>(beta),
                      gemmWork(s, batch, LibraryWork::Precision::Fp16, false, inBytes, outBytes),
                      [=](float a, float b, int i) {
                        const ExOperands o = operands(i);
                        hostGemmFloat(s, a, o.A, at, o.B, bt, b, o.C, ct);
                      });
  case ExPath::ComplexInt8:
    return gemmScaled(h, name, s, batch, static_cast<const cuComplex *>(alpha),
                      static_cast<const cuComplex *>(beta),
                      gemmWork(s, batch, LibraryWork::Precision::Fp16, true, inBytes, outBytes),
                      [=](cuComplex a, cuComplex b, int i) {
                        const ExOperands o = operands(i);
                        hostGemmComplexInt8(s, a, o.A, o.B, b, static_cast<cuComplex *>(o.C));
                      });
  case ExPath::Int32:
    return gemmScaled(
        h, name, s, batch, static_cast<const int32_t *>(alpha), static_cast<const int32_t *>(beta),
        gemmWork(s, batch, LibraryWork::Precision::Fp16, false, inBytes, outBytes),
        [=](int32_t a, int32_t b, int i) {
          const ExOperands o = operands(i);
          hostGemmInt8(s, a, static_cast<const int8_t *>(o.A), static_cast<const int8_t *>(o.B), b,
                       static_cast<int32_t *>(o.C));
        });
  case ExPath::None:
    break;
  }
  return h ? CUBLAS_STATUS_NOT_SUPPORTED : CUBLAS_STATUS_NOT_INITIALIZED;
}

} // namespace

namespace npu::lib {

// CublasGemm.h's kinds name the combinations npurt first had; the later paths (bf16 and int8
// inputs, complex int8 and complex fp64) report the kind whose arithmetic they share. Callers
// test for None.
GemmExKind gemmExKind(cudaDataType at, cudaDataType bt, cudaDataType ct,
                      cublasComputeType_t compute) {
  switch (exPath(at, bt, ct, compute)) {
  case ExPath::Float:
    return GemmExKind::Float;
  case ExPath::Double:
    return GemmExKind::Double;
  case ExPath::ComplexFloat:
  case ExPath::ComplexInt8:
  case ExPath::ComplexDouble:
    return GemmExKind::ComplexFloat;
  case ExPath::Half:
    return GemmExKind::Half;
  case ExPath::WidenedToFloat:
  case ExPath::Int32:
    return GemmExKind::HalfInFloatCompute;
  case ExPath::None:
    break;
  }
  return GemmExKind::None;
}

cublasStatus_t gemmEx(const char *name, cublasHandle_t h, cublasOperation_t ta,
                      cublasOperation_t tb, int m, int n, int k, const void *alpha, const void *A,
                      cudaDataType at, int lda, const void *B, cudaDataType bt, int ldb,
                      const void *beta, void *C, cudaDataType ct, int ldc,
                      cublasComputeType_t compute) {
  return gemmExBatch(name, h, {ta, tb, m, n, k, lda, ldb, ldc}, 1, alpha, at, bt, beta, ct, compute,
                     [=](int) {
                       return ExOperands{A, B, C};
                     });
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

cublasStatus_t cublasHgemmBatched(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb,
                                  int m, int n, int k, const __half *alpha, const __half *const A[],
                                  int lda, const __half *const B[], int ldb, const __half *beta,
                                  __half *const C[], int ldc, int batch) {
  return gemmBatched(h, "cublasHgemmBatched", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A, B, beta,
                     C, batch);
}
cublasStatus_t cublasCgemmBatched(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb,
                                  int m, int n, int k, const cuComplex *alpha,
                                  const cuComplex *const A[], int lda, const cuComplex *const B[],
                                  int ldb, const cuComplex *beta, cuComplex *const C[], int ldc,
                                  int batch) {
  return gemmBatched(h, "cublasCgemmBatched", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A, B, beta,
                     C, batch);
}
cublasStatus_t cublasZgemmBatched(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb,
                                  int m, int n, int k, const cuDoubleComplex *alpha,
                                  const cuDoubleComplex *const A[], int lda,
                                  const cuDoubleComplex *const B[], int ldb,
                                  const cuDoubleComplex *beta, cuDoubleComplex *const C[], int ldc,
                                  int batch) {
  return gemmBatched(h, "cublasZgemmBatched", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A, B, beta,
                     C, batch);
}
cublasStatus_t cublasCgemmStridedBatched(cublasHandle_t h, cublasOperation_t ta,
                                         cublasOperation_t tb, int m, int n, int k,
                                         const cuComplex *alpha, const cuComplex *A, int lda,
                                         long long strideA, const cuComplex *B, int ldb,
                                         long long strideB, const cuComplex *beta, cuComplex *C,
                                         int ldc, long long strideC, int batch) {
  return gemmStrided(h, "cublasCgemmStridedBatched", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A,
                     strideA, B, strideB, beta, C, strideC, batch);
}
cublasStatus_t cublasZgemmStridedBatched(cublasHandle_t h, cublasOperation_t ta,
                                         cublasOperation_t tb, int m, int n, int k,
                                         const cuDoubleComplex *alpha, const cuDoubleComplex *A,
                                         int lda, long long strideA, const cuDoubleComplex *B,
                                         int ldb, long long strideB, const cuDoubleComplex *beta,
                                         cuDoubleComplex *C, int ldc, long long strideC,
                                         int batch) {
  return gemmStrided(h, "cublasZgemmStridedBatched", {ta, tb, m, n, k, lda, ldb, ldc}, alpha, A,
                     strideA, B, strideB, beta, C, strideC, batch);
}

cublasStatus_t cublasGemmStridedBatchedEx(cublasHandle_t h, cublasOperation_t ta,
                                          cublasOperation_t tb, int m, int n, int k,
                                          const void *alpha, const void *A, cudaDataType at,
                                          int lda, long long strideA, const void *B,
                                          cudaDataType bt, int ldb, long long strideB,
                                          const void *beta, void *C, cudaDataType ct, int ldc,
                                          long long strideC, int batch, cublasComputeType_t compute,
                                          cublasGemmAlgo_t /*algo: one implementation*/) {
  // Strides count elements of each operand's own type.
  const long long ea = elementBytes(at), eb = elementBytes(bt), ec = elementBytes(ct);
  return gemmExBatch("cublasGemmStridedBatchedEx", h, {ta, tb, m, n, k, lda, ldb, ldc}, batch,
                     alpha, at, bt, beta, ct, compute, [=](int i) {
                       return ExOperands{static_cast<const char *>(A) + i * strideA * ea,
                                         static_cast<const char *>(B) + i * strideB * eb,
                                         static_cast<char *>(C) + i * strideC * ec};
                     });
}
cublasStatus_t cublasGemmBatchedEx(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb,
                                   int m, int n, int k, const void *alpha, const void *const A[],
                                   cudaDataType at, int lda, const void *const B[], cudaDataType bt,
                                   int ldb, const void *beta, void *const C[], cudaDataType ct,
                                   int ldc, int batch, cublasComputeType_t compute,
                                   cublasGemmAlgo_t /*algo: one implementation*/) {
  if (cublasStatus_t st = checkArrays(h, batch, A, B, C); st != CUBLAS_STATUS_SUCCESS)
    return st;
  return gemmExBatch("cublasGemmBatchedEx", h, {ta, tb, m, n, k, lda, ldb, ldc}, batch, alpha, at,
                     bt, beta, ct, compute, [=](int i) {
                       return ExOperands{A[i], B[i], C[i]};
                     });
}

} // extern "C"
