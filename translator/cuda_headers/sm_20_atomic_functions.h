// cu2npu CUDA declaration shim: sm_20_atomic_functions.h (its declarations live in
// device_functions.h).
#pragma once
#include "device_functions.h"
