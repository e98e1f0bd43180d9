#include "backends/ascend/DeviceTimeline.h"

#include <algorithm>
#include <numeric>

namespace npu::backends::ascend {

std::optional<CopyEngine> copyEngineFor(npuMemcpyKind kind) {
  switch (kind) {
  case npuMemcpyHostToDevice:
    return CopyEngine::HostToDevice;
  case npuMemcpyDeviceToHost:
    return CopyEngine::DeviceToHost;
  case npuMemcpyDeviceToDevice:
    return CopyEngine::DeviceToDevice;
  case npuMemcpyHostToHost:
  case npuMemcpyDefault:
    break;
  }
  return std::nullopt;
}

DeviceTimeline::DeviceTimeline(int vectorCores)
    : coreFreeAt_(std::size_t(std::max(1, vectorCores)), 0.0) {}

double DeviceTimeline::scheduleKernel(double readySeconds, double durationSeconds,
                                      int coresNeeded) {
  std::lock_guard lock(mutex_);
  const std::size_t needed =
      std::clamp<std::size_t>(std::size_t(std::max(1, coresNeeded)), 1, coreFreeAt_.size());
  // Cores ordered by when they become free; the kernel starts once the needed-th is free.
  std::vector<std::size_t> order(coreFreeAt_.size());
  std::iota(order.begin(), order.end(), std::size_t(0));
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return coreFreeAt_[a] < coreFreeAt_[b]; });
  const double start = std::max(readySeconds, coreFreeAt_[order[needed - 1]]);
  // Of the cores free by then, take those that became free last: the ones free earlier stay
  // available to a kernel that is ready earlier (best fit).
  const std::size_t freeByStart = std::size_t(
      std::upper_bound(order.begin(), order.end(), start,
                       [&](double time, std::size_t core) { return time < coreFreeAt_[core]; }) -
      order.begin());
  for (std::size_t i = freeByStart - needed; i < freeByStart; ++i)
    coreFreeAt_[order[i]] = start + durationSeconds;
  return start;
}

double DeviceTimeline::scheduleCopy(CopyEngine engine, double readySeconds,
                                    double durationSeconds) {
  std::lock_guard lock(mutex_);
  double &freeAt = engineFreeAt_[std::size_t(engine)];
  const double start = std::max(readySeconds, freeAt);
  freeAt = start + durationSeconds;
  return start;
}

double DeviceTimeline::idleAt() const {
  std::lock_guard lock(mutex_);
  const double cores = *std::max_element(coreFreeAt_.begin(), coreFreeAt_.end());
  const double engines = *std::max_element(engineFreeAt_.begin(), engineFreeAt_.end());
  return std::max(cores, engines);
}

} // namespace npu::backends::ascend
