// The typed GEMM behind cublasGemmEx, for the routines built on it (cublasLtMatmul): one
// product in the operand and compute types given, enqueued as the operation `name`.
#pragma once

#include "npurt/lib/cublas_v2.h"

namespace npu::lib {

// The operand and compute type combinations gemmEx supports (cublasGemmEx's documentation
// lists more; these are the ones npurt has).
enum class GemmExKind { Float, Double, ComplexFloat, Half, HalfInFloatCompute, None };
GemmExKind gemmExKind(cudaDataType at, cudaDataType bt, cudaDataType ct,
                      cublasComputeType_t compute);

cublasStatus_t gemmEx(const char *name, cublasHandle_t h, cublasOperation_t ta,
                      cublasOperation_t tb, int m, int n, int k, const void *alpha, const void *A,
                      cudaDataType at, int lda, const void *B, cudaDataType bt, int ldb,
                      const void *beta, void *C, cudaDataType ct, int ldc,
                      cublasComputeType_t compute);

} // namespace npu::lib
