// cublasLt's plain matmul (cuBLAS library documentation, "cuBLASLt API Reference") on the
// GEMM behind cublasGemmEx: the descriptors only record what that GEMM needs.
#include <algorithm>
#include <climits>
#include <cstring>
#include <new>

#include "lib/CublasContext.h"
#include "lib/CublasGemm.h"
#include "npurt/lib/cublasLt.h"

struct cublasLtContext {};

struct cublasLtMatmulDescState {
  cublasComputeType_t compute;
  cudaDataType scale;
  cublasOperation_t transa = CUBLAS_OP_N, transb = CUBLAS_OP_N;
  cublasPointerMode_t pointerMode = CUBLAS_POINTER_MODE_HOST;
};

struct cublasLtMatrixLayoutState {
  cudaDataType type;
  uint64_t rows, cols;
  int64_t ld;
};

namespace {

// Reads an attribute value of exactly the size cublasLt gives it (int32 for these).
bool readInt32(const void *buf, size_t size, int32_t &out) {
  if (buf == nullptr || size != sizeof(int32_t))
    return false;
  std::memcpy(&out, buf, sizeof out);
  return true;
}

bool fitsInt(uint64_t v) { return v <= uint64_t(INT32_MAX); }

// A new T{args...} in *out, with cublasLt's status for a null out or no memory.
template <class T, class... Args> cublasStatus_t createInto(T **out, Args... args) {
  if (out == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  *out = new (std::nothrow) T{args...};
  return *out ? CUBLAS_STATUS_SUCCESS : CUBLAS_STATUS_ALLOC_FAILED;
}

// Bytes of one element of the output types gemmExKind accepts.
size_t elementBytes(cudaDataType t) {
  switch (t) {
  case CUDA_R_16F:
  case CUDA_R_16BF:
    return 2;
  case CUDA_R_64F:
  case CUDA_C_32F:
    return 8;
  case CUDA_C_64F:
    return 16;
  default: // CUDA_R_32F, CUDA_R_32I
    return 4;
  }
}

} // namespace

extern "C" {

cublasStatus_t cublasLtCreate(cublasLtHandle_t *lightHandle) {
  if (npuFree(nullptr) != npuSuccess) // cuBLAS initialises the runtime here
    return CUBLAS_STATUS_NOT_INITIALIZED;
  return createInto(lightHandle);
}

cublasStatus_t cublasLtDestroy(cublasLtHandle_t lightHandle) {
  if (lightHandle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  delete lightHandle;
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t cublasLtMatmulDescCreate(cublasLtMatmulDesc_t *matmulDesc,
                                        cublasComputeType_t computeType, cudaDataType scaleType) {
  return createInto(matmulDesc, computeType, scaleType);
}

cublasStatus_t cublasLtMatmulDescDestroy(cublasLtMatmulDesc_t matmulDesc) {
  delete matmulDesc;
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t cublasLtMatmulDescSetAttribute(cublasLtMatmulDesc_t desc,
                                              cublasLtMatmulDescAttributes_t attr, const void *buf,
                                              size_t size) {
  int32_t v;
  if (desc == nullptr || !readInt32(buf, size, v))
    return CUBLAS_STATUS_INVALID_VALUE;
  switch (attr) {
  case CUBLASLT_MATMUL_DESC_COMPUTE_TYPE:
    desc->compute = cublasComputeType_t(v);
    return CUBLAS_STATUS_SUCCESS;
  case CUBLASLT_MATMUL_DESC_SCALE_TYPE:
    desc->scale = cudaDataType(v);
    return CUBLAS_STATUS_SUCCESS;
  case CUBLASLT_MATMUL_DESC_POINTER_MODE:
    if (v != CUBLAS_POINTER_MODE_HOST && v != CUBLAS_POINTER_MODE_DEVICE)
      return CUBLAS_STATUS_NOT_SUPPORTED; // the per-vector alpha modes
    desc->pointerMode = cublasPointerMode_t(v);
    return CUBLAS_STATUS_SUCCESS;
  case CUBLASLT_MATMUL_DESC_TRANSA:
  case CUBLASLT_MATMUL_DESC_TRANSB:
    if (v != CUBLAS_OP_N && v != CUBLAS_OP_T && v != CUBLAS_OP_C)
      return CUBLAS_STATUS_INVALID_VALUE;
    (attr == CUBLASLT_MATMUL_DESC_TRANSA ? desc->transa : desc->transb) = cublasOperation_t(v);
    return CUBLAS_STATUS_SUCCESS;
  case CUBLASLT_MATMUL_DESC_EPILOGUE:
    return v == CUBLASLT_EPILOGUE_DEFAULT ? CUBLAS_STATUS_SUCCESS : CUBLAS_STATUS_NOT_SUPPORTED;
  default:
    return CUBLAS_STATUS_NOT_SUPPORTED;
  }
}

cublasStatus_t cublasLtMatrixLayoutCreate(cublasLtMatrixLayout_t *matLayout, cudaDataType type,
                                          uint64_t rows, uint64_t cols, int64_t ld) {
  return createInto(matLayout, type, rows, cols, ld);
}

cublasStatus_t cublasLtMatrixLayoutDestroy(cublasLtMatrixLayout_t matLayout) {
  delete matLayout;
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t cublasLtMatmul(cublasLtHandle_t lightHandle, cublasLtMatmulDesc_t desc,
                              const void *alpha, const void *A, cublasLtMatrixLayout_t Adesc,
                              const void *B, cublasLtMatrixLayout_t Bdesc, const void *beta,
                              const void *C, cublasLtMatrixLayout_t Cdesc, void *D,
                              cublasLtMatrixLayout_t Ddesc, const cublasLtMatmulAlgo_t * /*algo*/,
                              void * /*workspace*/, size_t /*workspaceSizeInBytes*/,
                              npuStream_t stream) {
  if (lightHandle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (desc == nullptr || !Adesc || !Bdesc || !Cdesc || !Ddesc)
    return CUBLAS_STATUS_INVALID_VALUE;
  // op(A) is m x k, op(B) k x n, C and D m x n.
  const bool ta = desc->transa != CUBLAS_OP_N, tb = desc->transb != CUBLAS_OP_N;
  const uint64_t m = ta ? Adesc->cols : Adesc->rows, k = ta ? Adesc->rows : Adesc->cols;
  const uint64_t n = tb ? Bdesc->rows : Bdesc->cols;
  if ((tb ? Bdesc->cols : Bdesc->rows) != k || Ddesc->rows != m || Ddesc->cols != n ||
      Cdesc->rows != m || Cdesc->cols != n || Cdesc->type != Ddesc->type || !fitsInt(m) ||
      !fitsInt(n) || !fitsInt(k))
    return CUBLAS_STATUS_INVALID_VALUE;
  if (!fitsInt(uint64_t(Adesc->ld)) || !fitsInt(uint64_t(Bdesc->ld)) ||
      !fitsInt(uint64_t(Ddesc->ld)))
    return CUBLAS_STATUS_INVALID_VALUE;
  if (Cdesc->ld < int64_t(m) || Ddesc->ld < int64_t(std::max<uint64_t>(m, 1)))
    return CUBLAS_STATUS_INVALID_VALUE;
  if (npu::lib::gemmExKind(Adesc->type, Bdesc->type, Ddesc->type, desc->compute) ==
      npu::lib::GemmExKind::None)
    return CUBLAS_STATUS_NOT_SUPPORTED;
  cublasContext context; // the GEMM's view of this call: its stream and pointer mode
  context.stream = stream;
  context.pointerMode = desc->pointerMode;
  if (C != D && m > 0 && n > 0) { // D starts as C, then the GEMM accumulates into D
    const size_t element = elementBytes(Ddesc->type);
    if (npuMemcpy2DAsync(D, size_t(Ddesc->ld) * element, C, size_t(Cdesc->ld) * element,
                         size_t(m) * element, size_t(n), npuMemcpyDeviceToDevice,
                         stream) != npuSuccess)
      return CUBLAS_STATUS_EXECUTION_FAILED;
  }
  return npu::lib::gemmEx("cublasLtMatmul", &context, desc->transa, desc->transb, int(m), int(n),
                          int(k), alpha, A, Adesc->type, int(Adesc->ld), B, Bdesc->type,
                          int(Bdesc->ld), beta, D, Ddesc->type, int(Ddesc->ld), desc->compute);
}

} // extern "C"
