// Everything a translated kernel body uses, with CUDA's own device names.
// Translated code includes this for cuda_runtime.h's device half, cuda_fp16.h,
// cuda_bf16.h, device_launch_parameters.h, math_functions.h, sm_*_intrinsics.h
// and friends. C++17: translated code and applications may build with -std=c++17.
#pragma once

#if __cplusplus < 201703L
#error "npurt/kernel.h needs C++17 or later (-std=c++17)"
#endif

#include <cassert> // assert() in host code; device code uses NPU_DEVICE_ASSERT
#include <cstdio>  // device printf is the host's printf: one call prints one line

#include "npurt/device/atomics.h"
#include "npurt/device/bfloat16.h"
#include "npurt/device/block_atomics.h"
#include "npurt/device/builtins.h"
#include "npurt/device/cost.h"
#include "npurt/device/half.h"
#include "npurt/device/intrinsics.h"
#include "npurt/device/kernel_handle.h"
#include "npurt/device/launch.h"
#include "npurt/device/lockstep.h"
#include "npurt/device/math.h"
#include "npurt/device/math_constants.h"
#include "npurt/device/qualifiers.h"
#include "npurt/device/regions.h"
#include "npurt/device/surface.h"
#include "npurt/device/sync.h"
#include "npurt/device/texture.h"
#include "npurt/device/vector_types.h"
#include "npurt/device/warp.h"
#include "npurt/lib/thrust.h"

// The identity macros of the CUDA headers npurt/kernel.h takes the place of (see the same block
// in npurt/runtime.h).
#ifndef __VECTOR_TYPES_H__
#define __VECTOR_TYPES_H__
#endif
#ifndef __VECTOR_FUNCTIONS_H__
#define __VECTOR_FUNCTIONS_H__
#endif
#ifndef __DEVICE_LAUNCH_PARAMETERS_H__
#define __DEVICE_LAUNCH_PARAMETERS_H__
#endif
#ifndef __DEVICE_FUNCTIONS_H__
#define __DEVICE_FUNCTIONS_H__
#endif
#ifndef __MATH_FUNCTIONS_H__
#define __MATH_FUNCTIONS_H__
#endif
#ifndef __CUDA_FP16_H__
#define __CUDA_FP16_H__
#endif
#ifndef __CUDA_BF16_H__
#define __CUDA_BF16_H__
#endif
