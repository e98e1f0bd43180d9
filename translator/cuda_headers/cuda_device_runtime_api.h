// cu2npu CUDA declaration shim: cuda_device_runtime_api.h (its declarations live in
// device_functions.h).
#pragma once
#include "device_functions.h"
