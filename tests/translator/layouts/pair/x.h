// Host-side interface of x: uses the runtime's types.
#pragma once
#include <cuda_runtime.h>
cudaError_t x_scale(float *d, int n, float s);
