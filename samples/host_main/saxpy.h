// The launcher kernels.cu exports to the host code in main.cpp (a common split: the host program
// is plain C++ compiled by the host compiler, the kernels live in a .cu).
#pragma once
#include <cuda_runtime.h>

// y = a * x + y on the device, n elements, on `stream`.
cudaError_t launchSaxpy(float a, const float *x, float *y, int n, cudaStream_t stream);
