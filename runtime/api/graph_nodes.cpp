#include "api/graph_nodes.h"

#include <cstring>
#include <string>

#include "api/capture_hooks.h"
#include "api/grid_work.h"
#include "api/memory_checks.h"

namespace npu::api {

npuError_t setKernelNode(core::Runtime &runtime, npuGraphNode_st &node,
                         const npuKernelNodeParams *params) {
  if (params == nullptr || params->extra != nullptr)
    return npuErrorInvalidValue; // the packed `extra` form is not supported
  std::unique_ptr<detail::GridTask> task;
  if (npuError_t error = gridFromHandle(params->func, params->gridDim, params->blockDim,
                                        params->sharedMemBytes, params->kernelParams, task);
      error != npuSuccess)
    return error;
  if (npuError_t error = checkConfiguration(runtime, *task); error != npuSuccess)
    return error;
  std::shared_ptr<detail::GridTask> grid = std::move(task);
  node.type = npuGraphNodeTypeKernel;
  node.label = gridLabel(*grid);
  node.work = gridWork(runtime, grid);
  node.kernel = *params;
  node.kernel.kernelParams = nullptr; // the arguments were copied into the grid
  return npuSuccess;
}

npuError_t setCopyNode(core::Runtime &runtime, npuGraphNode_st &node, void *dst, const void *src,
                       size_t count, npuMemcpyKind kind) {
  if (npuError_t error = checkCopy(runtime.allocations, dst, src, count, kind); error != npuSuccess)
    return error;
  npuMemcpyKind direction = resolveKind(runtime.allocations, dst, src, kind);
  node.type = npuGraphNodeTypeMemcpy;
  node.label = copyLabel(direction);
  node.work = [&runtime, dst, src, count, direction](core::OpTiming &timing) {
    if (runtime.sticky.get() != npuSuccess || count == 0)
      return;
    runtime.backend().copy(dst, src, count, direction, timing);
    timing.traceArgs = "\"bytes\":" + std::to_string(count);
  };
  node.copy = {dst, src, count, kind};
  return npuSuccess;
}

npuError_t setMemsetNode(core::Runtime &runtime, npuGraphNode_st &node,
                         const npuMemsetParams *params) {
  if (params == nullptr)
    return npuErrorInvalidValue;
  const size_t elementSize = params->elementSize;
  if (elementSize != 1 && elementSize != 2 && elementSize != 4)
    return npuErrorInvalidValue;
  const size_t rowBytes = params->width * elementSize;
  if (params->height > 1 && rowBytes > params->pitch)
    return npuErrorInvalidValue;
  const size_t pitch = params->height > 1 ? params->pitch : rowBytes;
  if (rowBytes != 0 && params->height != 0)
    if (npuError_t error =
            checkFill(runtime.allocations, params->dst, extent2D(pitch, rowBytes, params->height));
        error != npuSuccess)
      return error;
  char *dst = static_cast<char *>(params->dst);
  const size_t height = params->height;
  const unsigned value = params->value;
  unsigned char pattern[4];
  std::memcpy(pattern, &value, sizeof pattern); // the element's bytes (little-endian hosts)
  const bool bytesAlike = std::memcmp(pattern, pattern + 1, elementSize - 1) == 0;
  node.type = npuGraphNodeTypeMemset;
  node.label = {"memset", "memset"};
  node.work = [&runtime, dst, pitch, rowBytes, height, elementSize, value,
               bytesAlike](core::OpTiming &timing) {
    if (runtime.sticky.get() != npuSuccess)
      return;
    timing.traceArgs = "\"bytes\":" + std::to_string(rowBytes * height);
    for (size_t row = 0; row < height; ++row) {
      char *start = dst + row * pitch;
      // The backend fills (and, modelled, prices) the row; 2- and 4-byte elements whose bytes
      // differ are then written element by element (device memory is host-addressable).
      runtime.backend().fill(start, int(value & 0xffu), rowBytes, timing);
      if (!bytesAlike)
        for (size_t offset = 0; offset < rowBytes; offset += elementSize)
          std::memcpy(start + offset, &value, elementSize);
    }
  };
  node.memset = *params;
  return npuSuccess;
}

npuError_t setHostNode(core::Runtime &runtime, npuGraphNode_st &node,
                       const npuHostNodeParams *params) {
  if (params == nullptr || params->fn == nullptr)
    return npuErrorInvalidValue;
  node.type = npuGraphNodeTypeHost;
  node.label = {"host", "host function"};
  node.work = hostFunctionWork(runtime, params->fn, params->userData);
  node.host = *params;
  return npuSuccess;
}

} // namespace npu::api
