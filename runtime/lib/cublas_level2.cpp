// cuBLAS Level-2 functions (cuBLAS library documentation, "cuBLAS Level-2 Function Reference")
// over the host's CBLAS, column-major.
#include "lib/CublasContext.h"
#include "lib/CublasOperands.h"

using npu::lib::Scalar;

namespace {

void hostGemv(CBLAS_TRANSPOSE t, int m, int n, float alpha, const float *A, int lda, const float *x,
              int incx, float beta, float *y, int incy) {
  cblas_sgemv(CblasColMajor, t, m, n, alpha, A, lda, x, incx, beta, y, incy);
}
void hostGemv(CBLAS_TRANSPOSE t, int m, int n, double alpha, const double *A, int lda,
              const double *x, int incx, double beta, double *y, int incy) {
  cblas_dgemv(CblasColMajor, t, m, n, alpha, A, lda, x, incx, beta, y, incy);
}

template <class T>
cublasStatus_t gemv(cublasHandle_t handle, const char *name, cublasOperation_t trans, int m, int n,
                    const T *alpha, const T *A, int lda, const T *x, int incx, const T *beta, T *y,
                    int incy) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (!npu::lib::validOperation(trans) || m < 0 || n < 0 || !npu::lib::validLeading(lda, m) ||
      incx == 0 || incy == 0 || alpha == nullptr || beta == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  if (m == 0 || n == 0)
    return CUBLAS_STATUS_SUCCESS;
  Scalar<T> a(*handle, alpha), b(*handle, beta);
  const CBLAS_TRANSPOSE t = npu::lib::cblasOperation(trans);
  const double outputs = trans == CUBLAS_OP_N ? m : n;
  return npu::lib::runOnHandle(
      *handle, name, npu::lib::vectorWork<T>(2.0 * m * n, double(m) * n + m + n + outputs),
      [=] { hostGemv(t, m, n, a.get(), A, lda, x, incx, b.get(), y, incy); });
}

} // namespace

extern "C" {

cublasStatus_t cublasSgemv(cublasHandle_t h, cublasOperation_t trans, int m, int n,
                           const float *alpha, const float *A, int lda, const float *x, int incx,
                           const float *beta, float *y, int incy) {
  return gemv(h, "cublasSgemv", trans, m, n, alpha, A, lda, x, incx, beta, y, incy);
}
cublasStatus_t cublasDgemv(cublasHandle_t h, cublasOperation_t trans, int m, int n,
                           const double *alpha, const double *A, int lda, const double *x, int incx,
                           const double *beta, double *y, int incy) {
  return gemv(h, "cublasDgemv", trans, m, n, alpha, A, lda, x, incx, beta, y, incy);
}

} // extern "C"
