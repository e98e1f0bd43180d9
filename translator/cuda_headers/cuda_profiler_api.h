// cu2npu CUDA declaration shim: cuda_profiler_api.h (declared in cuda_runtime_api.h).
#pragma once
#define __CUDA_PROFILER_API_H__ // as the CUDA header defines it (guards in user code test it)
#include "cuda_runtime_api.h"
