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

extern "C" {

npuError_t npuLaunchKernel(const void *func, dim3 gridDim, dim3 blockDim, void **args,
                           size_t sharedMem, npuStream_t stream) {
  std::unique_ptr<npu::detail::GridTask> task;
  npuError_t error = call([&](Runtime &) {
    return npu::api::gridFromHandle(func, gridDim, blockDim, sharedMem, args, task);
  });
  if (error != npuSuccess)
    return error;
  return npu::detail::enqueueGrid(std::move(task), stream);
}

} // extern "C"
