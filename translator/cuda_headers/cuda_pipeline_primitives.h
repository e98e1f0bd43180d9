// cu2npu CUDA declaration shim: cuda_pipeline_primitives.h - declarations only.
#pragma once
#include "cuda_runtime.h"
__device__ void __pipeline_memcpy_async(void *dst, const void *src, size_t size,
                                        size_t zeroFill = 0);
__device__ void __pipeline_commit();
__device__ void __pipeline_wait_prior(size_t prior);
