// cu2npu CUDA declaration shim: device_double_functions.h (its declarations live in
// device_functions.h).
#pragma once
#include "device_functions.h"
