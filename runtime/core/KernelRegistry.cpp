#include "core/KernelRegistry.h"

#include <memory>
#include <mutex>
#include <unordered_map>

namespace npu::core {
namespace {

struct KernelRegistry {
  std::mutex mutex;
  std::unordered_map<const void *, std::unique_ptr<detail::KernelEntry>> byFunction;
  std::unordered_map<const void *, const detail::KernelEntry *> byHandle;
};

KernelRegistry &registry() {
  // Never destroyed: handles may be used by static destructors of the program.
  static auto *instance = new KernelRegistry;
  return *instance;
}

} // namespace

const detail::KernelEntry *findKernel(const void *handle) {
  KernelRegistry &kernels = registry();
  std::lock_guard lock(kernels.mutex);
  auto found = kernels.byHandle.find(handle);
  return found == kernels.byHandle.end() ? nullptr : found->second;
}

} // namespace npu::core

namespace npu::detail {

const void *registerKernel(const KernelEntry &entry) {
  core::KernelRegistry &kernels = core::registry();
  std::lock_guard lock(kernels.mutex);
  auto &slot = kernels.byFunction[entry.function];
  if (!slot) { // entries are never changed afterwards: readers use them without the lock
    slot = std::make_unique<KernelEntry>(entry);
    kernels.byHandle.emplace(slot.get(), slot.get());
  }
  return slot.get();
}

} // namespace npu::detail
