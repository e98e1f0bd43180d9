#include "api/capture_hooks.h"

#include <cstring>

namespace npu::api {

npuGraphNodeType nodeTypeOf(const core::OpLabel &label) {
  if (label.category == nullptr)
    return npuGraphNodeTypeEmpty;
  if (std::strcmp(label.category, "kernel") == 0)
    return npuGraphNodeTypeKernel;
  if (std::strcmp(label.category, "memcpy") == 0)
    return npuGraphNodeTypeMemcpy;
  if (std::strcmp(label.category, "memset") == 0)
    return npuGraphNodeTypeMemset;
  if (std::strcmp(label.category, "host") == 0)
    return npuGraphNodeTypeHost;
  return npuGraphNodeTypeEmpty;
}

void describeKernel(npuKernelNodeParams &params, const detail::GridTask &grid) {
  params = npuKernelNodeParams{};
  params.func = const_cast<void *>(grid.function);
  params.gridDim = grid.grid;
  params.blockDim = grid.block;
  params.sharedMemBytes = unsigned(grid.dynamicSharedBytes);
}

core::TimedWork hostFunctionWork(core::Runtime &runtime, npuHostFn_t fn, void *userData) {
  return [&runtime, fn, userData](core::OpTiming &) {
    if (runtime.sticky.get() == npuSuccess)
      fn(userData);
  };
}

npuError_t checkSynchronousCall(core::Runtime &runtime, npuStream_st &stream) {
  if (!runtime.captures.any())
    return npuSuccess;
  if (npuError_t error = runtime.captures.checkSynchronize(stream); error != npuSuccess)
    return error;
  if (npuError_t error = runtime.captures.checkUnsafeCall(); error != npuSuccess)
    return error;
  return runtime.captures.checkLegacyWork(stream);
}

} // namespace npu::api
