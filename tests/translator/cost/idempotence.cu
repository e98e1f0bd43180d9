// Re-translation: a compound whose first statement is an NPU_COST (an earlier run wrote it) is
// left alone; the others are counted. check.cmake also translates every output again.
#include <cuda_runtime.h>
#include <npurt/kernel.h>
// CHECK: __device__ float done(float v) { NPU_COST(fp32(7)); return v * 2.0f; }
__device__ float done(float v) { NPU_COST(fp32(7)); return v * 2.0f; }
// CHECK: __device__ float fresh(float v) { NPU_COST(fp32(1)); return v * 2.0f; }
__device__ float fresh(float v) { return v * 2.0f; }
// CHECK-NOT: NPU_COST(fp32(7)); NPU_COST
