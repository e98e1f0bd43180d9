// cu2npu CUDA declaration shim: device_double_functions.h (its declarations live in
// device_functions.h).
#pragma once
#define __DEVICE_DOUBLE_FUNCTIONS_H__ // as the CUDA header defines it (guards in user code test it)
#include "device_functions.h"
