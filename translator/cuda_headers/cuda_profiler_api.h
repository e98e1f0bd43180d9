// cu2npu CUDA declaration shim: cuda_profiler_api.h (declared in cuda_runtime_api.h).
#pragma once
#include "cuda_runtime_api.h"
