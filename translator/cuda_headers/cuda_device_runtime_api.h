// cu2npu CUDA declaration shim: cuda_device_runtime_api.h (its declarations live in
// device_functions.h).
#pragma once
#define __CUDA_DEVICE_RUNTIME_API_H__ // as the CUDA header defines it (guards in user code test it)
#include "device_functions.h"
