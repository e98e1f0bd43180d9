// The type-erased launch form (CUDA runtime manual, "Execution Control": cudaLaunchKernel): a
// kernel handle and a `void **` argument array become the typed grid `::npu::launch` builds.
#include "api/ApiCall.h"
#include "api/grid_work.h"
#include "core/KernelRegistry.h"

using npu::api::call;
using npu::core::Runtime;

namespace npu::api {

npuError_t gridFromHandle(const void *function, dim3 grid, dim3 block, std::size_t sharedBytes,
                          void **arguments, std::unique_ptr<detail::GridTask> &task) {
  const detail::KernelEntry *entry = core::findKernel(function);
  if (entry == nullptr)
    return npuErrorInvalidDeviceFunction;
  if (arguments == nullptr && entry->parameterCount != 0)
    return npuErrorInvalidValue;
  task = entry->makeTask(entry->kernel, arguments);
  task->name = entry->name;
  task->function = entry->function;
  task->grid = grid;
  task->block = block;
  task->dynamicSharedBytes = sharedBytes;
  return npuSuccess;
}

} // namespace npu::api

namespace {

npuError_t launchFromHandle(const void *func, dim3 gridDim, dim3 blockDim, void **args,
                            size_t sharedMem, npuStream_t stream, bool cooperative) {
  std::unique_ptr<npu::detail::GridTask> task;
  npuError_t error = call([&](Runtime &) {
    return npu::api::gridFromHandle(func, gridDim, blockDim, sharedMem, args, task);
  });
  if (error != npuSuccess)
    return error;
  task->cooperative = cooperative;
  return npu::detail::enqueueGrid(std::move(task), stream);
}

} // namespace

extern "C" {

npuError_t npuLaunchKernel(const void *func, dim3 gridDim, dim3 blockDim, void **args,
                           size_t sharedMem, npuStream_t stream) {
  return launchFromHandle(func, gridDim, blockDim, args, sharedMem, stream, false);
}

npuError_t npuLaunchCooperativeKernel(const void *func, dim3 gridDim, dim3 blockDim, void **args,
                                      size_t sharedMem, npuStream_t stream) {
  return launchFromHandle(func, gridDim, blockDim, args, sharedMem, stream, true);
}

npuError_t npuLaunchKernelExC(const npuLaunchConfig_t *config, const void *func, void **args) {
  bool cooperative = false;
  if (npuError_t error = npu::detail::checkLaunchConfig(config, cooperative); error != npuSuccess)
    return error;
  return launchFromHandle(func, config->gridDim, config->blockDim, args, config->dynamicSmemBytes,
                          config->stream, cooperative);
}

} // extern "C"

namespace npu::detail {

npuError_t checkLaunchConfig(const npuLaunchConfig_t *config, bool &cooperative) {
  return call([&](Runtime &) {
    if (config == nullptr || (config->numAttrs != 0 && config->attrs == nullptr))
      return npuErrorInvalidValue;
    for (unsigned i = 0; i < config->numAttrs; ++i) {
      const npuLaunchAttribute &attribute = config->attrs[i];
      switch (attribute.id) {
      case npuLaunchAttributeIgnore:
      case npuLaunchAttributeAccessPolicyWindow:
      case npuLaunchAttributeSynchronizationPolicy:
      case npuLaunchAttributeProgrammaticStreamSerialization:
      case npuLaunchAttributePriority:
      case npuLaunchAttributeMemSyncDomainMap:
      case npuLaunchAttributeMemSyncDomain:
      case npuLaunchAttributePreferredSharedMemoryCarveout:
      case npuLaunchAttributeClusterSchedulingPolicyPreference:
      case npuLaunchAttributeNvlinkUtilCentricScheduling:
        break; // hints: nothing on the host depends on them
      case npuLaunchAttributeClusterDimension: {
        const auto &cluster = attribute.val.clusterDim;
        if (1ull * cluster.x * cluster.y * cluster.z != 1)
          return npuErrorNotSupported; // thread-block clusters need compute capability 9.0
        break;
      }
      case npuLaunchAttributeCooperative:
        cooperative = attribute.val.cooperative != 0;
        break;
      case npuLaunchAttributeProgrammaticEvent:
      case npuLaunchAttributePreferredClusterDimension:
      case npuLaunchAttributeLaunchCompletionEvent:
      case npuLaunchAttributeDeviceUpdatableKernelNode:
        return npuErrorNotSupported;
      default:
        return npuErrorInvalidValue;
      }
    }
    return npuSuccess;
  });
}

} // namespace npu::detail
