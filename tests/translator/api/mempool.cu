// Stream-ordered memory pools: pool functions, attributes, properties and the C++ overload of
// cudaMallocAsync that takes a pool are renamed. No diagnostic.
// NO-DIAG
#include <cuda_runtime.h>
#include <cstdint>

int pools(cudaStream_t s) {
  // CHECK: npuMemPool_t pool;
  cudaMemPool_t pool;
  // CHECK: npuDeviceGetDefaultMemPool(&pool, 0);
  cudaDeviceGetDefaultMemPool(&pool, 0);
  uint64_t threshold = UINT64_MAX;
  // CHECK: npuMemPoolSetAttribute(pool, npuMemPoolAttrReleaseThreshold, &threshold);
  cudaMemPoolSetAttribute(pool, cudaMemPoolAttrReleaseThreshold, &threshold);
  // CHECK: npuMemPoolProps props = {};
  cudaMemPoolProps props = {};
  // CHECK: props.allocType = npuMemAllocationTypePinned;
  props.allocType = cudaMemAllocationTypePinned;
  // CHECK: props.location.type = npuMemLocationTypeDevice;
  props.location.type = cudaMemLocationTypeDevice;
  props.location.id = 0;
  cudaMemPool_t mine;
  // CHECK: npuMemPoolCreate(&mine, &props);
  cudaMemPoolCreate(&mine, &props);
  float *a = nullptr, *b = nullptr;
  // CHECK: npuMallocFromPoolAsync(&a, 1024, mine, s);
  cudaMallocFromPoolAsync(&a, 1024, mine, s);
  // CHECK: npuMallocAsync(&b, 1024, mine, s);
  cudaMallocAsync(&b, 1024, mine, s);
  cudaFreeAsync(a, s);
  cudaFreeAsync(b, s);
  uint64_t used = 0;
  // CHECK: npuMemPoolGetAttribute(mine, npuMemPoolAttrUsedMemCurrent, &used);
  cudaMemPoolGetAttribute(mine, cudaMemPoolAttrUsedMemCurrent, &used);
  // CHECK: npuMemPoolTrimTo(mine, 0);
  cudaMemPoolTrimTo(mine, 0);
  // CHECK: npuDeviceSetMemPool(0, mine);
  cudaDeviceSetMemPool(0, mine);
  cudaDeviceSetMemPool(0, pool);
  // CHECK: npuMemPoolDestroy(mine);
  cudaMemPoolDestroy(mine);
  return used == 0 ? 0 : 1;
}
