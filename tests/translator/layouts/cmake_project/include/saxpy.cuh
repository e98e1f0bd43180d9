#pragma once
#include <cuda_runtime.h>
__host__ __device__ inline float saxpy_op(float a, float x, float y) { return a * x + y; }
cudaError_t saxpy(float a, const float *x, float *y, int n);
cudaError_t add_one(float *y, int n);
