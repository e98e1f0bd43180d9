// cu2npu CUDA declaration shim: sm_61_intrinsics.h (its declarations live in device_functions.h).
#pragma once
#include "device_functions.h"
