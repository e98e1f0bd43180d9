// Occupancy calculator (CUDA runtime manual: "Occupancy").
//
// The model is CUDA's, applied to the device's limits: blocks of a kernel that fit on one
// multiprocessor at once are limited by
//  - threads: maxThreadsPerMultiProcessor (2048) / the block's threads rounded up to a warp;
//  - blocks: maxBlocksPerMultiProcessor (32);
//  - shared memory: sharedMemPerMultiprocessor (228 KiB) / (dynamic shared memory + the 1 KiB
//    reserved per block); static shared memory is unknown to the runtime and counted as 0.
// Registers are not modelled (the host compiler allocates them). On the cpu backend one
// "multiprocessor" is one engine worker, so the numbers size grids sensibly rather than
// predict speed.
#include <algorithm>

#include "api/ApiCall.h"
#include "api/function_limits.h"

using npu::api::activeBlocksPerMultiprocessor;
using npu::api::call;
using npu::core::Runtime;

namespace npu::api {

int activeBlocksPerMultiprocessor(Runtime &runtime, const void *func, int blockSize,
                                  std::size_t dynamicSharedBytes) {
  const npuDeviceProp &device = runtime.properties();
  if (blockSize > device.maxThreadsPerBlock ||
      dynamicSharedBytes > npu::api::maxDynamicSharedBytes(runtime, func))
    return 0; // this configuration cannot launch at all
  int threads = (blockSize + device.warpSize - 1) / device.warpSize * device.warpSize;
  int byThreads = device.maxThreadsPerMultiProcessor / threads;
  std::size_t perBlockShared = dynamicSharedBytes + device.reservedSharedMemPerBlock;
  int byShared = perBlockShared == 0
                     ? device.maxBlocksPerMultiProcessor
                     : int(std::min<std::size_t>(device.sharedMemPerMultiprocessor / perBlockShared,
                                                 device.maxBlocksPerMultiProcessor));
  return std::min({byThreads, byShared, device.maxBlocksPerMultiProcessor});
}

} // namespace npu::api

namespace npu::detail {

npuError_t occupancyMaxPotentialBlockSize(int *minGridSize, int *blockSize, const void *func,
                                          BlockSizeToDynamicSMem dynamicSMemOf, const void *context,
                                          int blockSizeLimit, unsigned int flags) {
  return call([&](Runtime &runtime) {
    if (minGridSize == nullptr || blockSize == nullptr || blockSizeLimit < 0 ||
        (flags & ~npuOccupancyDisableCachingOverride) != 0)
      return npuErrorInvalidValue;
    if (func == nullptr)
      return npuErrorInvalidDeviceFunction;
    const npuDeviceProp &device = runtime.properties();
    const int warp = device.warpSize;
    int largest = device.maxThreadsPerBlock;
    if (blockSizeLimit > 0)
      largest = std::min(largest, blockSizeLimit);
    // CUDA's search: from the largest block size down in warp steps, keep the first size that
    // reaches the highest occupancy (threads resident per multiprocessor).
    int bestBlockSize = 0, bestBlocks = 0, bestThreads = 0;
    for (int aligned = (largest + warp - 1) / warp * warp; aligned > 0; aligned -= warp) {
      int size = std::min(largest, aligned);
      int blocks = activeBlocksPerMultiprocessor(runtime, func, size, dynamicSMemOf(context, size));
      if (blocks * size > bestThreads) {
        bestBlockSize = size, bestBlocks = blocks, bestThreads = blocks * size;
        if (bestThreads == device.maxThreadsPerMultiProcessor)
          break;
      }
    }
    *blockSize = bestBlockSize;
    *minGridSize = bestBlocks * device.multiProcessorCount;
    return npuSuccess;
  });
}

} // namespace npu::detail

extern "C" {

npuError_t npuOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(int *numBlocks, const void *func,
                                                                 int blockSize,
                                                                 size_t dynamicSMemSize,
                                                                 unsigned int flags) {
  return call([&](Runtime &runtime) {
    if (numBlocks == nullptr || blockSize <= 0 ||
        (flags & ~npuOccupancyDisableCachingOverride) != 0)
      return npuErrorInvalidValue;
    if (func == nullptr)
      return npuErrorInvalidDeviceFunction;
    *numBlocks = activeBlocksPerMultiprocessor(runtime, func, blockSize, dynamicSMemSize);
    return npuSuccess;
  });
}

npuError_t npuOccupancyMaxActiveBlocksPerMultiprocessor(int *numBlocks, const void *func,
                                                        int blockSize, size_t dynamicSMemSize) {
  return npuOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
      numBlocks, func, blockSize, dynamicSMemSize, npuOccupancyDefault);
}

npuError_t npuOccupancyAvailableDynamicSMemPerBlock(size_t *dynamicSmemSize, const void *func,
                                                    int numBlocks, int blockSize) {
  return call([&](Runtime &runtime) {
    if (dynamicSmemSize == nullptr || numBlocks <= 0 || blockSize <= 0)
      return npuErrorInvalidValue;
    if (func == nullptr)
      return npuErrorInvalidDeviceFunction;
    const npuDeviceProp &device = runtime.properties();
    *dynamicSmemSize = 0;
    if (activeBlocksPerMultiprocessor(runtime, func, blockSize, 0) < numBlocks)
      return npuSuccess; // that many blocks never fit, whatever their shared memory
    std::size_t perBlock = device.sharedMemPerMultiprocessor / std::size_t(numBlocks);
    if (perBlock > device.reservedSharedMemPerBlock)
      *dynamicSmemSize = std::min(perBlock - device.reservedSharedMemPerBlock,
                                  npu::api::maxDynamicSharedBytes(runtime, func));
    return npuSuccess;
  });
}

} // extern "C"
