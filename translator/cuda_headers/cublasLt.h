// cu2npu's cublasLt.h: npurt has no cublasLt, so this declares nothing of it; the include and
// every cublasLt call are diagnosed (CU2NPU1030) instead of stopping the parse at the include.
#pragma once
#include "cublas_v2.h"
