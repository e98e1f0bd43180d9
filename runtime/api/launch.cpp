// Execution control: kernel launch (the GridTask seam of npurt/detail/launch_abi.h) and
// per-kernel attributes (CUDA runtime manual: "Execution Control").
#include <memory>

#include "api/ApiCall.h"
#include "api/capture_hooks.h"
#include "api/function_limits.h"
#include "api/grid_work.h"
#include "engine/Engine.h"

using npu::api::call;
using npu::core::FunctionSettings;
using npu::core::Runtime;

namespace npu::api {

std::size_t maxDynamicSharedBytes(Runtime &runtime, const void *function) {
  FunctionSettings settings = runtime.functions.get(function);
  return settings.maxDynamicSharedBytes >= 0 ? std::size_t(settings.maxDynamicSharedBytes)
                                             : runtime.properties().sharedMemPerBlock;
}

npuError_t checkConfiguration(Runtime &runtime, const detail::GridTask &task) {
  const npuDeviceProp &device = runtime.properties();
  const dim3 &block = task.block, &grid = task.grid;
  unsigned long long threads = 1ull * block.x * block.y * block.z;
  if (threads == 0 || threads > unsigned(device.maxThreadsPerBlock) ||
      block.x > unsigned(device.maxThreadsDim[0]) || block.y > unsigned(device.maxThreadsDim[1]) ||
      block.z > unsigned(device.maxThreadsDim[2]))
    return npuErrorInvalidConfiguration;
  if (grid.x == 0 || grid.y == 0 || grid.z == 0 || grid.x > unsigned(device.maxGridSize[0]) ||
      grid.y > unsigned(device.maxGridSize[1]) || grid.z > unsigned(device.maxGridSize[2]))
    return npuErrorInvalidConfiguration;
  if (task.dynamicSharedBytes > maxDynamicSharedBytes(runtime, task.function))
    return npuErrorInvalidConfiguration;
  if (task.cooperative) {
    // Every block must be resident at once (CUDA runtime manual: cudaLaunchCooperativeKernel).
    const auto perMultiprocessor = static_cast<unsigned long long>(activeBlocksPerMultiprocessor(
        runtime, task.function, int(threads), task.dynamicSharedBytes));
    if (1ull * grid.x * grid.y * grid.z > perMultiprocessor * unsigned(device.multiProcessorCount))
      return npuErrorCooperativeLaunchTooLarge;
  }
  return npuSuccess;
}

core::TimedWork gridWork(Runtime &runtime, std::shared_ptr<detail::GridTask> grid) {
  return [&runtime, grid = std::move(grid)](core::OpTiming &timing) {
    if (runtime.sticky.get() != npuSuccess)
      return; // a faulted device runs nothing more
    if (npuError_t error = runtime.backend().runGrid(*grid, timing); error != npuSuccess)
      runtime.sticky.set(error);
  };
}

core::OpLabel gridLabel(const detail::GridTask &grid) {
  return {"kernel", grid.name != nullptr ? grid.name : "(unnamed kernel)"};
}

} // namespace npu::api

namespace npu::detail {

npuError_t enqueueGrid(std::unique_ptr<GridTask> task, npuStream_t stream) {
  return call([&](Runtime &runtime) {
    if (!task)
      return npuErrorInvalidValue;
    if (npuError_t error = api::checkConfiguration(runtime, *task); error != npuSuccess)
      return error;
    auto target = runtime.streams().resolve(stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    std::shared_ptr<GridTask> grid = std::move(task); // std::function needs a copyable capture
    core::OpLabel label = api::gridLabel(*grid);
    core::TimedWork work = api::gridWork(runtime, grid);
    if (auto captured = api::captureAsync(
            runtime, *target, npuGraphNodeTypeKernel, work, label,
            [&](npuGraphNode_st &node) { api::describeKernel(node.kernel, *grid); }))
      return *captured;
    // A grid the engine runs on one worker anyway, of a kernel that waits for nothing the host
    // does next, runs here when its stream is idle: a launch then costs no hand-off to the
    // stream's service thread and back (launch-and-synchronize loops), and stays in order.
    const bool mayRunHere = grid->neverWaits && engine::isOneTaskGrid(*grid);
    api::HostCallSpan span(runtime, "launch");
    if (!mayRunHere || !runtime.streams().runHereIfIdle(*target, work, label))
      runtime.streams().enqueue(*target, std::move(work), std::move(label));
    return npuSuccess;
  });
}

} // namespace npu::detail

extern "C" {

// What npurt knows about a kernel: its limits are the device's, it has no static shared
// memory, constant or local memory or registers to report (the host compiler allocates them;
// sharedSizeBytes = 0 means "no limit from static shared memory" to the occupancy calculator),
// and maxDynamicSharedSizeBytes is what npuFuncSetAttribute set (default 48 KiB).
npuError_t npuFuncGetAttributes(npuFuncAttributes *attr, const void *func) {
  return call([&](Runtime &runtime) {
    if (attr == nullptr)
      return npuErrorInvalidValue;
    if (func == nullptr)
      return npuErrorInvalidDeviceFunction;
    FunctionSettings settings = runtime.functions.get(func);
    *attr = npuFuncAttributes{};
    attr->maxThreadsPerBlock = runtime.properties().maxThreadsPerBlock;
    attr->ptxVersion = attr->binaryVersion =
        runtime.properties().major * 10 + runtime.properties().minor;
    attr->maxDynamicSharedSizeBytes = int(npu::api::maxDynamicSharedBytes(runtime, func));
    attr->preferredShmemCarveout = settings.preferredSharedCarveout;
    return npuSuccess;
  });
}

npuError_t npuFuncSetAttribute(const void *func, npuFuncAttribute attr, int value) {
  return call([&](Runtime &runtime) {
    if (func == nullptr)
      return npuErrorInvalidDeviceFunction;
    switch (attr) {
    case npuFuncAttributeMaxDynamicSharedMemorySize:
      // Up to the opt-in limit (227 KiB) less static shared memory (none known).
      if (value < 0 || std::size_t(value) > runtime.properties().sharedMemPerBlockOptin)
        return npuErrorInvalidValue;
      runtime.functions.update(func,
                               [&](auto &settings) { settings.maxDynamicSharedBytes = value; });
      return npuSuccess;
    case npuFuncAttributePreferredSharedMemoryCarveout:
      if (value < -1 || value > 100)
        return npuErrorInvalidValue;
      runtime.functions.update(func,
                               [&](auto &settings) { settings.preferredSharedCarveout = value; });
      return npuSuccess;
    case npuFuncAttributeClusterDimMustBeSet:
    case npuFuncAttributeRequiredClusterWidth:
    case npuFuncAttributeRequiredClusterHeight:
    case npuFuncAttributeRequiredClusterDepth:
    case npuFuncAttributeNonPortableClusterSizeAllowed:
    case npuFuncAttributeClusterSchedulingPolicyPreference:
      return npuErrorNotSupported; // thread-block clusters need compute capability 9.0
    default:
      return npuErrorInvalidValue;
    }
  });
}

npuError_t npuFuncSetCacheConfig(const void *func, npuFuncCache cacheConfig) {
  return call([&](Runtime &runtime) {
    if (func == nullptr)
      return npuErrorInvalidDeviceFunction;
    if (cacheConfig < npuFuncCachePreferNone || cacheConfig > npuFuncCachePreferEqual)
      return npuErrorInvalidValue;
    runtime.functions.update(func, [&](auto &settings) { settings.cacheConfig = cacheConfig; });
    return npuSuccess;
  });
}

npuError_t npuFuncSetSharedMemConfig(const void *func, npuSharedMemConfig config) {
  return call([&](Runtime &) {
    if (func == nullptr)
      return npuErrorInvalidDeviceFunction;
    if (config < npuSharedMemBankSizeDefault || config > npuSharedMemBankSizeEightByte)
      return npuErrorInvalidValue;
    return npuSuccess; // bank sizes do not exist on the host
  });
}

} // extern "C"
