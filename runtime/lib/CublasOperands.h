// cuBLAS's operand checks and the CBLAS names of its operations, for the Level-2 and Level-3
// routines.
#pragma once

#include <algorithm>
#include <cblas.h>

#include "npurt/lib/cublas_v2.h"

namespace npu::lib {

inline bool validOperation(cublasOperation_t op) {
  return op == CUBLAS_OP_N || op == CUBLAS_OP_T || op == CUBLAS_OP_C;
}
// CUBLAS_OP_C is the transpose for real types (CBLAS's real routines take it so too).
inline CBLAS_TRANSPOSE cblasOperation(cublasOperation_t op) {
  return op == CUBLAS_OP_N ? CblasNoTrans : op == CUBLAS_OP_T ? CblasTrans : CblasConjTrans;
}
// A leading dimension must cover the stored rows (and be at least 1).
inline bool validLeading(int ld, int rows) { return ld >= std::max(1, rows); }

} // namespace npu::lib
