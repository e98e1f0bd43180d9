#include <cuda_runtime.h>
#include "kernels.cuh"
#include "sub/util.h"
#include <inc_dir.h>
#include <vector>
int main() {
  float *d;
  cudaMalloc(&d, 64 * sizeof(float));
  launch_scale(d, 64);
  cudaFree(d);
  return util_value() + inc_value();
}
