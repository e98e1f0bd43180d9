// cuBLAS helper functions (cuBLAS library documentation, "cuBLAS Helper Function Reference"):
// the handle and its stream and modes, status names, and the matrix and vector transfers.
#include <new>

#include "lib/CublasContext.h"

namespace npu::lib {

cublasStatus_t runOnHandle(const cublasContext &handle, const char *name,
                           const core::LibraryWork &work, std::function<void()> compute,
                           bool wait) {
  return runLibraryCall(handle.stream, name, work, std::move(compute), wait) == npuSuccess
             ? CUBLAS_STATUS_SUCCESS
             : CUBLAS_STATUS_EXECUTION_FAILED;
}

} // namespace npu::lib

namespace {

// A strided copy of `count` elements of `elemSize` bytes, as one 2D copy (rows of one element
// or one column); synchronous without a stream, stream-ordered with one.
cublasStatus_t transfer2D(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                          size_t height, npuMemcpyKind kind, const npuStream_t *stream) {
  npuError_t result = stream
                          ? npuMemcpy2DAsync(dst, dpitch, src, spitch, width, height, kind, *stream)
                          : npuMemcpy2D(dst, dpitch, src, spitch, width, height, kind);
  return result == npuSuccess ? CUBLAS_STATUS_SUCCESS : CUBLAS_STATUS_MAPPING_ERROR;
}

cublasStatus_t matrixTransfer(int rows, int cols, int elemSize, const void *A, int lda, void *B,
                              int ldb, npuMemcpyKind kind, const npuStream_t *stream) {
  if (rows < 0 || cols < 0 || elemSize <= 0 || lda <= 0 || ldb <= 0 || lda < rows || ldb < rows)
    return CUBLAS_STATUS_INVALID_VALUE;
  if (rows == 0 || cols == 0)
    return CUBLAS_STATUS_SUCCESS;
  const size_t e = size_t(elemSize);
  return transfer2D(B, size_t(ldb) * e, A, size_t(lda) * e, size_t(rows) * e, size_t(cols), kind,
                    stream);
}

cublasStatus_t vectorTransfer(int n, int elemSize, const void *x, int incx, void *y, int incy,
                              npuMemcpyKind kind, const npuStream_t *stream) {
  if (n < 0 || elemSize <= 0 || incx <= 0 || incy <= 0)
    return CUBLAS_STATUS_INVALID_VALUE;
  if (n == 0)
    return CUBLAS_STATUS_SUCCESS;
  const size_t e = size_t(elemSize);
  return transfer2D(y, size_t(incy) * e, x, size_t(incx) * e, e, size_t(n), kind, stream);
}

} // namespace

extern "C" {

cublasStatus_t cublasCreate(cublasHandle_t *handle) {
  if (handle == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  // cuBLAS initialises the runtime here; a runtime that cannot start fails the handle.
  if (npuFree(nullptr) != npuSuccess)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  *handle = new (std::nothrow) cublasContext;
  return *handle ? CUBLAS_STATUS_SUCCESS : CUBLAS_STATUS_ALLOC_FAILED;
}

cublasStatus_t cublasDestroy(cublasHandle_t handle) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  // cuBLAS documents that cublasDestroy implicitly synchronises the device. (Queued routines
  // hold copies of what they need, not the handle.)
  npuDeviceSynchronize();
  delete handle;
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t cublasGetVersion(cublasHandle_t handle, int *version) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (version == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  *version = 120000; // CUBLAS_VERSION of cuBLAS 12.0, whose v2 API this implements
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t cublasSetStream(cublasHandle_t handle, npuStream_t stream) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  handle->stream = stream;
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t cublasGetStream(cublasHandle_t handle, npuStream_t *stream) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (stream == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  *stream = handle->stream;
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t cublasSetPointerMode(cublasHandle_t handle, cublasPointerMode_t mode) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (mode != CUBLAS_POINTER_MODE_HOST && mode != CUBLAS_POINTER_MODE_DEVICE)
    return CUBLAS_STATUS_INVALID_VALUE;
  handle->pointerMode = mode;
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t cublasGetPointerMode(cublasHandle_t handle, cublasPointerMode_t *mode) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (mode == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  *mode = handle->pointerMode;
  return CUBLAS_STATUS_SUCCESS;
}

// Every math mode computes the same here (the host BLAS in the routine's precision); the mode
// is kept so cublasGetMathMode returns it.
cublasStatus_t cublasSetMathMode(cublasHandle_t handle, cublasMath_t mode) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  handle->mathMode = mode;
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t cublasGetMathMode(cublasHandle_t handle, cublasMath_t *mode) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (mode == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  *mode = handle->mathMode;
  return CUBLAS_STATUS_SUCCESS;
}

const char *cublasGetStatusName(cublasStatus_t status) {
  switch (status) {
  case CUBLAS_STATUS_SUCCESS:
    return "CUBLAS_STATUS_SUCCESS";
  case CUBLAS_STATUS_NOT_INITIALIZED:
    return "CUBLAS_STATUS_NOT_INITIALIZED";
  case CUBLAS_STATUS_ALLOC_FAILED:
    return "CUBLAS_STATUS_ALLOC_FAILED";
  case CUBLAS_STATUS_INVALID_VALUE:
    return "CUBLAS_STATUS_INVALID_VALUE";
  case CUBLAS_STATUS_ARCH_MISMATCH:
    return "CUBLAS_STATUS_ARCH_MISMATCH";
  case CUBLAS_STATUS_MAPPING_ERROR:
    return "CUBLAS_STATUS_MAPPING_ERROR";
  case CUBLAS_STATUS_EXECUTION_FAILED:
    return "CUBLAS_STATUS_EXECUTION_FAILED";
  case CUBLAS_STATUS_INTERNAL_ERROR:
    return "CUBLAS_STATUS_INTERNAL_ERROR";
  case CUBLAS_STATUS_NOT_SUPPORTED:
    return "CUBLAS_STATUS_NOT_SUPPORTED";
  case CUBLAS_STATUS_LICENSE_ERROR:
    return "CUBLAS_STATUS_LICENSE_ERROR";
  }
  return "CUBLAS_STATUS_UNKNOWN";
}

const char *cublasGetStatusString(cublasStatus_t status) {
  switch (status) {
  case CUBLAS_STATUS_SUCCESS:
    return "success";
  case CUBLAS_STATUS_NOT_INITIALIZED:
    return "the library was not initialized";
  case CUBLAS_STATUS_ALLOC_FAILED:
    return "the resource allocation failed";
  case CUBLAS_STATUS_INVALID_VALUE:
    return "an invalid numeric value was used as an argument";
  case CUBLAS_STATUS_ARCH_MISMATCH:
    return "an absent device architectural feature is required";
  case CUBLAS_STATUS_MAPPING_ERROR:
    return "an access to GPU memory space failed";
  case CUBLAS_STATUS_EXECUTION_FAILED:
    return "the GPU program failed to execute";
  case CUBLAS_STATUS_INTERNAL_ERROR:
    return "an internal operation failed";
  case CUBLAS_STATUS_NOT_SUPPORTED:
    return "the functionality requested is not supported";
  case CUBLAS_STATUS_LICENSE_ERROR:
    return "error detected trying to check the license";
  }
  return "unknown error";
}

cublasStatus_t cublasSetMatrix(int rows, int cols, int elemSize, const void *A, int lda, void *B,
                               int ldb) {
  return matrixTransfer(rows, cols, elemSize, A, lda, B, ldb, npuMemcpyHostToDevice, nullptr);
}
cublasStatus_t cublasGetMatrix(int rows, int cols, int elemSize, const void *A, int lda, void *B,
                               int ldb) {
  return matrixTransfer(rows, cols, elemSize, A, lda, B, ldb, npuMemcpyDeviceToHost, nullptr);
}
cublasStatus_t cublasSetVector(int n, int elemSize, const void *x, int incx, void *y, int incy) {
  return vectorTransfer(n, elemSize, x, incx, y, incy, npuMemcpyHostToDevice, nullptr);
}
cublasStatus_t cublasGetVector(int n, int elemSize, const void *x, int incx, void *y, int incy) {
  return vectorTransfer(n, elemSize, x, incx, y, incy, npuMemcpyDeviceToHost, nullptr);
}
cublasStatus_t cublasSetMatrixAsync(int rows, int cols, int elemSize, const void *A, int lda,
                                    void *B, int ldb, npuStream_t stream) {
  return matrixTransfer(rows, cols, elemSize, A, lda, B, ldb, npuMemcpyHostToDevice, &stream);
}
cublasStatus_t cublasGetMatrixAsync(int rows, int cols, int elemSize, const void *A, int lda,
                                    void *B, int ldb, npuStream_t stream) {
  return matrixTransfer(rows, cols, elemSize, A, lda, B, ldb, npuMemcpyDeviceToHost, &stream);
}
cublasStatus_t cublasSetVectorAsync(int n, int elemSize, const void *x, int incx, void *y, int incy,
                                    npuStream_t stream) {
  return vectorTransfer(n, elemSize, x, incx, y, incy, npuMemcpyHostToDevice, &stream);
}
cublasStatus_t cublasGetVectorAsync(int n, int elemSize, const void *x, int incx, void *y, int incy,
                                    npuStream_t stream) {
  return vectorTransfer(n, elemSize, x, incx, y, incy, npuMemcpyDeviceToHost, &stream);
}

} // extern "C"
