// cuBLAS Level-1 functions (cuBLAS library documentation, "cuBLAS Level-1 Function Reference")
// over the host's CBLAS. Vectors are strided by incx/incy; a negative increment walks the
// vector backwards from its end, as in the reference BLAS and cuBLAS.
#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "lib/CublasContext.h"

using npu::core::LibraryWork;
using npu::lib::runOnHandle;
using npu::lib::runReduction;
using npu::lib::Scalar;
using npu::lib::vectorWork;

namespace {

// cuBLAS checks the handle first, then the arguments.
cublasStatus_t checkLevel1(cublasHandle_t handle, int n, const void *scalarOrResult) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (scalarOrResult == nullptr && n > 0)
    return CUBLAS_STATUS_INVALID_VALUE;
  return CUBLAS_STATUS_SUCCESS;
}

// One overload set per routine, so the templates below name them once.
void hostAxpy(int n, float a, const float *x, int incx, float *y, int incy) {
  cblas_saxpy(n, a, x, incx, y, incy);
}
void hostAxpy(int n, double a, const double *x, int incx, double *y, int incy) {
  cblas_daxpy(n, a, x, incx, y, incy);
}
void hostAxpy(int n, cuComplex a, const cuComplex *x, int incx, cuComplex *y, int incy) {
  cblas_caxpy(n, &a, x, incx, y, incy);
}
void hostAxpy(int n, cuDoubleComplex a, const cuDoubleComplex *x, int incx, cuDoubleComplex *y,
              int incy) {
  cblas_zaxpy(n, &a, x, incx, y, incy);
}
void hostScal(int n, float a, float *x, int incx) { cblas_sscal(n, a, x, incx); }
void hostScal(int n, double a, double *x, int incx) { cblas_dscal(n, a, x, incx); }
void hostScal(int n, cuComplex a, cuComplex *x, int incx) { cblas_cscal(n, &a, x, incx); }
void hostScal(int n, cuDoubleComplex a, cuDoubleComplex *x, int incx) {
  cblas_zscal(n, &a, x, incx);
}
void hostCopy(int n, const float *x, int incx, float *y, int incy) {
  cblas_scopy(n, x, incx, y, incy);
}
void hostCopy(int n, const double *x, int incx, double *y, int incy) {
  cblas_dcopy(n, x, incx, y, incy);
}
void hostCopy(int n, const cuComplex *x, int incx, cuComplex *y, int incy) {
  cblas_ccopy(n, x, incx, y, incy);
}
void hostCopy(int n, const cuDoubleComplex *x, int incx, cuDoubleComplex *y, int incy) {
  cblas_zcopy(n, x, incx, y, incy);
}
void hostSwap(int n, float *x, int incx, float *y, int incy) { cblas_sswap(n, x, incx, y, incy); }
void hostSwap(int n, double *x, int incx, double *y, int incy) { cblas_dswap(n, x, incx, y, incy); }
void hostSwap(int n, cuComplex *x, int incx, cuComplex *y, int incy) {
  cblas_cswap(n, x, incx, y, incy);
}
void hostSwap(int n, cuDoubleComplex *x, int incx, cuDoubleComplex *y, int incy) {
  cblas_zswap(n, x, incx, y, incy);
}

template <class T>
cublasStatus_t axpy(cublasHandle_t handle, const char *name, int n, const T *alpha, const T *x,
                    int incx, T *y, int incy) {
  if (cublasStatus_t s = checkLevel1(handle, n, alpha); s != CUBLAS_STATUS_SUCCESS)
    return s;
  if (n <= 0)
    return CUBLAS_STATUS_SUCCESS;
  Scalar<T> a(*handle, alpha);
  return runOnHandle(*handle, name, vectorWork<T>(2.0 * n, 3.0 * n),
                     [=] { hostAxpy(n, a.get(), x, incx, y, incy); });
}

template <class T>
cublasStatus_t scal(cublasHandle_t handle, const char *name, int n, const T *alpha, T *x,
                    int incx) {
  if (cublasStatus_t s = checkLevel1(handle, n, alpha); s != CUBLAS_STATUS_SUCCESS)
    return s;
  if (n <= 0 || incx <= 0) // cuBLAS (and BLAS) do nothing for a non-positive increment
    return CUBLAS_STATUS_SUCCESS;
  Scalar<T> a(*handle, alpha);
  return runOnHandle(*handle, name, vectorWork<T>(n, 2.0 * n),
                     [=] { hostScal(n, a.get(), x, incx); });
}

template <class T>
cublasStatus_t copy(cublasHandle_t handle, const char *name, int n, const T *x, int incx, T *y,
                    int incy) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (n <= 0)
    return CUBLAS_STATUS_SUCCESS;
  return runOnHandle(*handle, name, vectorWork<T>(0, 2.0 * n),
                     [=] { hostCopy(n, x, incx, y, incy); });
}

template <class T>
cublasStatus_t swap(cublasHandle_t handle, const char *name, int n, T *x, int incx, T *y,
                    int incy) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (n <= 0)
    return CUBLAS_STATUS_SUCCESS;
  return runOnHandle(*handle, name, vectorWork<T>(0, 4.0 * n),
                     [=] { hostSwap(n, x, incx, y, incy); });
}

// A reduction over x (and y): `compute` runs in stream order; n <= 0, or incx <= 0 for a
// one-vector reduction (norm, sum, index), gives R{} as in cuBLAS.
template <class T, class R, class Compute>
cublasStatus_t reduce(cublasHandle_t handle, const char *name, int n, int incx, bool twoVectors,
                      R *result, Compute compute) {
  if (cublasStatus_t s = checkLevel1(handle, 1, result); s != CUBLAS_STATUS_SUCCESS)
    return s;
  const bool empty = n <= 0 || (!twoVectors && incx <= 0);
  return runReduction(*handle, name,
                      vectorWork<T>(2.0 * (empty ? 0 : n), (twoVectors ? 2.0 : 1.0) * n), result,
                      [=]() -> R { return empty ? R{} : compute(); });
}

// CBLAS's i?amax is 0-based; cuBLAS's is 1-based. i?amin is an OpenBLAS extension.
int oneBased(CBLAS_INDEX i) { return int(i) + 1; }

// ---- The mixed-precision routines (cuBLAS library documentation, "cuBLAS Extension Function
// Reference": cublasDotEx, cublasAxpyEx, cublasScalEx, cublasNrm2Ex, each with its table of
// the supported types) ----

// How an Ex routine computes for a vector type and execution type: fp16 and bf16 vectors in
// fp32 (loops here, one rounding per stored element), the other types by their own CBLAS
// routine. cuBLAS's tables allow nothing else (None: CUBLAS_STATUS_NOT_SUPPORTED).
enum class ExType { Reduced, Float, Double, ComplexFloat, ComplexDouble, None };
ExType exType(cudaDataType x, cudaDataType execution) {
  switch (x) {
  case CUDA_R_16F:
  case CUDA_R_16BF:
    return execution == CUDA_R_32F ? ExType::Reduced : ExType::None;
  case CUDA_R_32F:
    return execution == CUDA_R_32F ? ExType::Float : ExType::None;
  case CUDA_R_64F:
    return execution == CUDA_R_64F ? ExType::Double : ExType::None;
  case CUDA_C_32F:
    return execution == CUDA_C_32F ? ExType::ComplexFloat : ExType::None;
  case CUDA_C_64F:
    return execution == CUDA_C_64F ? ExType::ComplexDouble : ExType::None;
  default:
    return ExType::None;
  }
}

// An fp16 or bf16 element as fp32, and back (round to nearest even).
float loadReduced(const void *p, cudaDataType t, std::ptrdiff_t i) {
  return t == CUDA_R_16F ? __half2float(static_cast<const __half *>(p)[i])
                         : __bfloat162float(static_cast<const __nv_bfloat16 *>(p)[i]);
}
void storeReduced(void *p, cudaDataType t, std::ptrdiff_t i, float v) {
  if (t == CUDA_R_16F)
    static_cast<__half *>(p)[i] = __float2half(v);
  else
    static_cast<__nv_bfloat16 *>(p)[i] = __float2bfloat16(v);
}

// The offset of the i-th element of an n-vector with increment inc; a negative increment
// walks from the end, as in BLAS.
std::ptrdiff_t element(int i, int n, int inc) {
  return inc >= 0 ? std::ptrdiff_t(i) * inc : std::ptrdiff_t(n - 1 - i) * -std::ptrdiff_t(inc);
}

// The vector-unit work of an Ex routine: fp16 and bf16 vectors count as fp16 work.
LibraryWork exWork(cudaDataType x, double flops, double elementsMoved) {
  using P = LibraryWork::Precision;
  const bool twoBytes = x == CUDA_R_16F || x == CUDA_R_16BF;
  const bool fp64 = x == CUDA_R_64F || x == CUDA_C_64F;
  const double bytes = twoBytes ? 2 : x == CUDA_R_32F ? 4 : x == CUDA_C_64F ? 16 : 8;
  return {LibraryWork::Unit::Vector,
          twoBytes ? P::Fp16
          : fp64   ? P::Fp64
                   : P::Fp32,
          flops, elementsMoved * bytes};
}

// DotEx and DotcEx (conjugate: x conjugated; the same for real types).
cublasStatus_t dotEx(cublasHandle_t h, const char *name, bool conjugate, int n, const void *x,
                     cudaDataType xt, int incx, const void *y, cudaDataType yt, int incy,
                     void *result, cudaDataType rt, cudaDataType et) {
  if (h == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  const ExType type = exType(xt, et);
  if (type == ExType::None || yt != xt || rt != xt)
    return CUBLAS_STATUS_NOT_SUPPORTED;
  switch (type) {
  case ExType::Float:
    return reduce<float>(h, name, n, incx, true, static_cast<float *>(result), [=] {
      return cblas_sdot(n, static_cast<const float *>(x), incx, static_cast<const float *>(y),
                        incy);
    });
  case ExType::Double:
    return reduce<double>(h, name, n, incx, true, static_cast<double *>(result), [=] {
      return cblas_ddot(n, static_cast<const double *>(x), incx, static_cast<const double *>(y),
                        incy);
    });
  case ExType::ComplexFloat:
    return reduce<cuComplex>(h, name, n, incx, true, static_cast<cuComplex *>(result), [=] {
      cuComplex r;
      (conjugate ? cblas_cdotc_sub : cblas_cdotu_sub)(n, x, incx, y, incy, &r);
      return r;
    });
  case ExType::ComplexDouble:
    return reduce<cuDoubleComplex>(
        h, name, n, incx, true, static_cast<cuDoubleComplex *>(result), [=] {
          cuDoubleComplex r;
          (conjugate ? cblas_zdotc_sub : cblas_zdotu_sub)(n, x, incx, y, incy, &r);
          return r;
        });
  default:
    break;
  }
  // fp16 or bf16: products summed in fp32, the sum rounded once into the result's type.
  if (result == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  const int count = std::max(n, 0);
  return runOnHandle(
      *h, name, exWork(xt, 2.0 * count, 2.0 * count),
      [=] {
        float sum = 0;
        for (int i = 0; i < count; ++i)
          sum += loadReduced(x, xt, element(i, count, incx)) *
                 loadReduced(y, yt, element(i, count, incy));
        storeReduced(result, rt, 0, sum);
      },
      h->pointerMode == CUBLAS_POINTER_MODE_HOST);
}

} // namespace

extern "C" {

cublasStatus_t cublasSaxpy(cublasHandle_t h, int n, const float *alpha, const float *x, int incx,
                           float *y, int incy) {
  return axpy(h, "cublasSaxpy", n, alpha, x, incx, y, incy);
}
cublasStatus_t cublasDaxpy(cublasHandle_t h, int n, const double *alpha, const double *x, int incx,
                           double *y, int incy) {
  return axpy(h, "cublasDaxpy", n, alpha, x, incx, y, incy);
}
cublasStatus_t cublasCaxpy(cublasHandle_t h, int n, const cuComplex *alpha, const cuComplex *x,
                           int incx, cuComplex *y, int incy) {
  return axpy(h, "cublasCaxpy", n, alpha, x, incx, y, incy);
}
cublasStatus_t cublasZaxpy(cublasHandle_t h, int n, const cuDoubleComplex *alpha,
                           const cuDoubleComplex *x, int incx, cuDoubleComplex *y, int incy) {
  return axpy(h, "cublasZaxpy", n, alpha, x, incx, y, incy);
}
cublasStatus_t cublasSscal(cublasHandle_t h, int n, const float *alpha, float *x, int incx) {
  return scal(h, "cublasSscal", n, alpha, x, incx);
}
cublasStatus_t cublasDscal(cublasHandle_t h, int n, const double *alpha, double *x, int incx) {
  return scal(h, "cublasDscal", n, alpha, x, incx);
}
cublasStatus_t cublasCscal(cublasHandle_t h, int n, const cuComplex *alpha, cuComplex *x,
                           int incx) {
  return scal(h, "cublasCscal", n, alpha, x, incx);
}
cublasStatus_t cublasZscal(cublasHandle_t h, int n, const cuDoubleComplex *alpha,
                           cuDoubleComplex *x, int incx) {
  return scal(h, "cublasZscal", n, alpha, x, incx);
}
cublasStatus_t cublasScopy(cublasHandle_t h, int n, const float *x, int incx, float *y, int incy) {
  return copy(h, "cublasScopy", n, x, incx, y, incy);
}
cublasStatus_t cublasDcopy(cublasHandle_t h, int n, const double *x, int incx, double *y,
                           int incy) {
  return copy(h, "cublasDcopy", n, x, incx, y, incy);
}
cublasStatus_t cublasCcopy(cublasHandle_t h, int n, const cuComplex *x, int incx, cuComplex *y,
                           int incy) {
  return copy(h, "cublasCcopy", n, x, incx, y, incy);
}
cublasStatus_t cublasZcopy(cublasHandle_t h, int n, const cuDoubleComplex *x, int incx,
                           cuDoubleComplex *y, int incy) {
  return copy(h, "cublasZcopy", n, x, incx, y, incy);
}
cublasStatus_t cublasSswap(cublasHandle_t h, int n, float *x, int incx, float *y, int incy) {
  return swap(h, "cublasSswap", n, x, incx, y, incy);
}
cublasStatus_t cublasDswap(cublasHandle_t h, int n, double *x, int incx, double *y, int incy) {
  return swap(h, "cublasDswap", n, x, incx, y, incy);
}
cublasStatus_t cublasCswap(cublasHandle_t h, int n, cuComplex *x, int incx, cuComplex *y,
                           int incy) {
  return swap(h, "cublasCswap", n, x, incx, y, incy);
}
cublasStatus_t cublasZswap(cublasHandle_t h, int n, cuDoubleComplex *x, int incx,
                           cuDoubleComplex *y, int incy) {
  return swap(h, "cublasZswap", n, x, incx, y, incy);
}

cublasStatus_t cublasSdot(cublasHandle_t h, int n, const float *x, int incx, const float *y,
                          int incy, float *result) {
  return reduce<float>(h, "cublasSdot", n, incx, true, result,
                       [=] { return cblas_sdot(n, x, incx, y, incy); });
}
cublasStatus_t cublasDdot(cublasHandle_t h, int n, const double *x, int incx, const double *y,
                          int incy, double *result) {
  return reduce<double>(h, "cublasDdot", n, incx, true, result,
                        [=] { return cblas_ddot(n, x, incx, y, incy); });
}
cublasStatus_t cublasCdotu(cublasHandle_t h, int n, const cuComplex *x, int incx,
                           const cuComplex *y, int incy, cuComplex *result) {
  return reduce<cuComplex>(h, "cublasCdotu", n, incx, true, result, [=] {
    cuComplex r;
    cblas_cdotu_sub(n, x, incx, y, incy, &r);
    return r;
  });
}
cublasStatus_t cublasCdotc(cublasHandle_t h, int n, const cuComplex *x, int incx,
                           const cuComplex *y, int incy, cuComplex *result) {
  return reduce<cuComplex>(h, "cublasCdotc", n, incx, true, result, [=] {
    cuComplex r;
    cblas_cdotc_sub(n, x, incx, y, incy, &r);
    return r;
  });
}
cublasStatus_t cublasZdotu(cublasHandle_t h, int n, const cuDoubleComplex *x, int incx,
                           const cuDoubleComplex *y, int incy, cuDoubleComplex *result) {
  return reduce<cuDoubleComplex>(h, "cublasZdotu", n, incx, true, result, [=] {
    cuDoubleComplex r;
    cblas_zdotu_sub(n, x, incx, y, incy, &r);
    return r;
  });
}
cublasStatus_t cublasZdotc(cublasHandle_t h, int n, const cuDoubleComplex *x, int incx,
                           const cuDoubleComplex *y, int incy, cuDoubleComplex *result) {
  return reduce<cuDoubleComplex>(h, "cublasZdotc", n, incx, true, result, [=] {
    cuDoubleComplex r;
    cblas_zdotc_sub(n, x, incx, y, incy, &r);
    return r;
  });
}
cublasStatus_t cublasSnrm2(cublasHandle_t h, int n, const float *x, int incx, float *result) {
  return reduce<float>(h, "cublasSnrm2", n, incx, false, result,
                       [=] { return cblas_snrm2(n, x, incx); });
}
cublasStatus_t cublasDnrm2(cublasHandle_t h, int n, const double *x, int incx, double *result) {
  return reduce<double>(h, "cublasDnrm2", n, incx, false, result,
                        [=] { return cblas_dnrm2(n, x, incx); });
}
cublasStatus_t cublasScnrm2(cublasHandle_t h, int n, const cuComplex *x, int incx, float *result) {
  return reduce<cuComplex>(h, "cublasScnrm2", n, incx, false, result,
                           [=] { return cblas_scnrm2(n, x, incx); });
}
cublasStatus_t cublasDznrm2(cublasHandle_t h, int n, const cuDoubleComplex *x, int incx,
                            double *result) {
  return reduce<cuDoubleComplex>(h, "cublasDznrm2", n, incx, false, result,
                                 [=] { return cblas_dznrm2(n, x, incx); });
}
cublasStatus_t cublasSasum(cublasHandle_t h, int n, const float *x, int incx, float *result) {
  return reduce<float>(h, "cublasSasum", n, incx, false, result,
                       [=] { return cblas_sasum(n, x, incx); });
}
cublasStatus_t cublasDasum(cublasHandle_t h, int n, const double *x, int incx, double *result) {
  return reduce<double>(h, "cublasDasum", n, incx, false, result,
                        [=] { return cblas_dasum(n, x, incx); });
}
cublasStatus_t cublasIsamax(cublasHandle_t h, int n, const float *x, int incx, int *result) {
  return reduce<float>(h, "cublasIsamax", n, incx, false, result,
                       [=] { return oneBased(cblas_isamax(n, x, incx)); });
}
cublasStatus_t cublasIdamax(cublasHandle_t h, int n, const double *x, int incx, int *result) {
  return reduce<double>(h, "cublasIdamax", n, incx, false, result,
                        [=] { return oneBased(cblas_idamax(n, x, incx)); });
}
cublasStatus_t cublasIsamin(cublasHandle_t h, int n, const float *x, int incx, int *result) {
  return reduce<float>(h, "cublasIsamin", n, incx, false, result,
                       [=] { return oneBased(cblas_isamin(n, x, incx)); });
}
cublasStatus_t cublasIdamin(cublasHandle_t h, int n, const double *x, int incx, int *result) {
  return reduce<double>(h, "cublasIdamin", n, incx, false, result,
                        [=] { return oneBased(cblas_idamin(n, x, incx)); });
}

cublasStatus_t cublasDotEx(cublasHandle_t h, int n, const void *x, cudaDataType xType, int incx,
                           const void *y, cudaDataType yType, int incy, void *result,
                           cudaDataType resultType, cudaDataType executionType) {
  return dotEx(h, "cublasDotEx", false, n, x, xType, incx, y, yType, incy, result, resultType,
               executionType);
}
cublasStatus_t cublasDotcEx(cublasHandle_t h, int n, const void *x, cudaDataType xType, int incx,
                            const void *y, cudaDataType yType, int incy, void *result,
                            cudaDataType resultType, cudaDataType executionType) {
  return dotEx(h, "cublasDotcEx", true, n, x, xType, incx, y, yType, incy, result, resultType,
               executionType);
}

cublasStatus_t cublasAxpyEx(cublasHandle_t h, int n, const void *alpha, cudaDataType alphaType,
                            const void *x, cudaDataType xType, int incx, void *y,
                            cudaDataType yType, int incy, cudaDataType executionType) {
  if (h == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  const ExType type = exType(xType, executionType);
  if (type == ExType::None || yType != xType || alphaType != executionType)
    return CUBLAS_STATUS_NOT_SUPPORTED;
  const char *name = "cublasAxpyEx";
  switch (type) {
  case ExType::Float:
    return axpy(h, name, n, static_cast<const float *>(alpha), static_cast<const float *>(x), incx,
                static_cast<float *>(y), incy);
  case ExType::Double:
    return axpy(h, name, n, static_cast<const double *>(alpha), static_cast<const double *>(x),
                incx, static_cast<double *>(y), incy);
  case ExType::ComplexFloat:
    return axpy(h, name, n, static_cast<const cuComplex *>(alpha),
                static_cast<const cuComplex *>(x), incx, static_cast<cuComplex *>(y), incy);
  case ExType::ComplexDouble:
    return axpy(h, name, n, static_cast<const cuDoubleComplex *>(alpha),
                static_cast<const cuDoubleComplex *>(x), incx, static_cast<cuDoubleComplex *>(y),
                incy);
  default:
    break;
  }
  if (cublasStatus_t s = checkLevel1(h, n, alpha); s != CUBLAS_STATUS_SUCCESS)
    return s;
  if (n <= 0)
    return CUBLAS_STATUS_SUCCESS;
  Scalar<float> a(*h, static_cast<const float *>(alpha));
  return runOnHandle(*h, name, exWork(xType, 2.0 * n, 3.0 * n), [=] {
    for (int i = 0; i < n; ++i) {
      const std::ptrdiff_t iy = element(i, n, incy);
      storeReduced(y, yType, iy,
                   loadReduced(y, yType, iy) +
                       a.get() * loadReduced(x, xType, element(i, n, incx)));
    }
  });
}

cublasStatus_t cublasScalEx(cublasHandle_t h, int n, const void *alpha, cudaDataType alphaType,
                            void *x, cudaDataType xType, int incx, cudaDataType executionType) {
  if (h == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  const ExType type = exType(xType, executionType);
  if (type == ExType::None || alphaType != executionType)
    return CUBLAS_STATUS_NOT_SUPPORTED;
  const char *name = "cublasScalEx";
  switch (type) {
  case ExType::Float:
    return scal(h, name, n, static_cast<const float *>(alpha), static_cast<float *>(x), incx);
  case ExType::Double:
    return scal(h, name, n, static_cast<const double *>(alpha), static_cast<double *>(x), incx);
  case ExType::ComplexFloat:
    return scal(h, name, n, static_cast<const cuComplex *>(alpha), static_cast<cuComplex *>(x),
                incx);
  case ExType::ComplexDouble:
    return scal(h, name, n, static_cast<const cuDoubleComplex *>(alpha),
                static_cast<cuDoubleComplex *>(x), incx);
  default:
    break;
  }
  if (cublasStatus_t s = checkLevel1(h, n, alpha); s != CUBLAS_STATUS_SUCCESS)
    return s;
  if (n <= 0 || incx <= 0)
    return CUBLAS_STATUS_SUCCESS;
  Scalar<float> a(*h, static_cast<const float *>(alpha));
  return runOnHandle(*h, name, exWork(xType, n, 2.0 * n), [=] {
    for (int i = 0; i < n; ++i)
      storeReduced(x, xType, std::ptrdiff_t(i) * incx,
                   a.get() * loadReduced(x, xType, std::ptrdiff_t(i) * incx));
  });
}

cublasStatus_t cublasNrm2Ex(cublasHandle_t h, int n, const void *x, cudaDataType xType, int incx,
                            void *result, cudaDataType resultType, cudaDataType executionType) {
  if (h == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  const char *name = "cublasNrm2Ex";
  // A complex vector's norm is real: its result and execution types are the real ones.
  if (xType == CUDA_C_32F && resultType == CUDA_R_32F && executionType == CUDA_R_32F)
    return reduce<cuComplex>(h, name, n, incx, false, static_cast<float *>(result),
                             [=] { return cblas_scnrm2(n, x, incx); });
  if (xType == CUDA_C_64F && resultType == CUDA_R_64F && executionType == CUDA_R_64F)
    return reduce<cuDoubleComplex>(h, name, n, incx, false, static_cast<double *>(result),
                                   [=] { return cblas_dznrm2(n, x, incx); });
  const ExType type = exType(xType, executionType);
  if ((type != ExType::Reduced && type != ExType::Float && type != ExType::Double) ||
      resultType != xType)
    return CUBLAS_STATUS_NOT_SUPPORTED;
  if (type == ExType::Float)
    return reduce<float>(h, name, n, incx, false, static_cast<float *>(result),
                         [=] { return cblas_snrm2(n, static_cast<const float *>(x), incx); });
  if (type == ExType::Double)
    return reduce<double>(h, name, n, incx, false, static_cast<double *>(result),
                          [=] { return cblas_dnrm2(n, static_cast<const double *>(x), incx); });
  // fp16 or bf16: squares summed in fp32 (no overflow for these ranges), rounded once.
  if (result == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  const int count = n <= 0 || incx <= 0 ? 0 : n;
  return runOnHandle(
      *h, name, exWork(xType, 2.0 * count, count),
      [=] {
        float sum = 0;
        for (int i = 0; i < count; ++i) {
          const float v = loadReduced(x, xType, std::ptrdiff_t(i) * incx);
          sum += v * v;
        }
        storeReduced(result, resultType, 0, std::sqrt(sum));
      },
      h->pointerMode == CUBLAS_POINTER_MODE_HOST);
}

} // extern "C"
