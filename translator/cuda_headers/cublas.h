// cu2npu's cublas.h: only the v2 (handle) API is declared; the legacy API (cublasInit,
// cublasAlloc, handle-less cublasSgemm) is not (CU2NPU1030).
#pragma once
#include "cublas_v2.h"
