// cuBLAS Level-1 functions (cuBLAS library documentation, "cuBLAS Level-1 Function Reference")
// over the host's CBLAS. Vectors are strided by incx/incy; a negative increment walks the
// vector backwards from its end, as in the reference BLAS and cuBLAS.
#include <cblas.h>

#include "lib/CublasContext.h"

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

} // extern "C"
