// Unsupported and unknown CUDA API: diagnosed with stable IDs, marked in the output, left unchanged.
#include <cuda_runtime.h>
#include <cuda.h>
// RC: 1
// DIAG: cudaGraphAddEventRecordNode is not supported (CUDA graphs and stream capture) [CU2NPU1010]
// DIAG: cudaMallocMipmappedArray is not supported (textures, surfaces and CUDA arrays) [CU2NPU1011]
// DIAG: cudaIpcGetMemHandle is not supported (IPC, peer access and multi-process features) [CU2NPU1012]
// DIAG: cudaFancyNewThing looks like CUDA runtime API but is not in the mapping table; left unchanged [CU2NPU1001]
// DIAG: cuInit is CUDA driver API, which npurt does not provide; left unchanged [CU2NPU1002]
// DIAG: cudaMemAdvise is partially supported: managed memory is host memory: hints are accepted and ignored [CU2NPU1005]
// NO-COMPILE
// ARGS: -- -isystem sys
#include <fancy.h>
void myCudaHelper();
#define cudaCheckAll() myCudaHelper()
void run(cudaStream_t s, float *d) {
  cudaGraph_t g;
  cudaGraphNode_t n;
  cudaEvent_t e;
  cudaGraphCreate(&g, 0);
  // CHECK: /* CU2NPU1010: cudaGraphAddEventRecordNode is not supported (CUDA graphs and stream capture) */ cudaGraphAddEventRecordNode(&n, g, nullptr, 0, e);
  cudaGraphAddEventRecordNode(&n, g, nullptr, 0, e);
  cudaMallocMipmappedArray(nullptr, nullptr, make_cudaExtent(1, 1, 0), 1);
  cudaIpcMemHandle_t h;
  cudaIpcGetMemHandle(&h, d);
  // CHECK: /* CU2NPU1001: cudaFancyNewThing looks like CUDA runtime API but is not in the mapping table; left unchanged */ cudaFancyNewThing(1);
  cudaFancyNewThing(1);
  cuInit(0);
  // CHECK: npuMemAdvise(d, 4, npuMemAdviseSetReadMostly, 0);
  cudaMemAdvise(d, 4, cudaMemAdviseSetReadMostly, 0);
  cudaCheckAll();
}
// CHECK-NOT: CU2NPU1001: cudaCheckAll
