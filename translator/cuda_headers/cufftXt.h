// cu2npu's cufftXt.h: npurt has no cufftXt, so this declares nothing of it; the include and
// every cufftXt call are diagnosed (CU2NPU1031) instead of stopping the parse at the include.
#pragma once
#include "cufft.h"
