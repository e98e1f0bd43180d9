// The modeled timeline of one device: when each kernel and copy starts on the modeled device,
// given when it became ready (in modeled seconds) and how long the cost model says it takes.
// Kernels share the vector cores: a kernel starts when it is ready and as many cores as it
// needs are free, so kernels of different streams overlap while together they fit on the cores
// and serialize otherwise. Copies run on one engine per direction: they overlap kernels and
// copies of other directions, and serialize within one direction. Placement is in call order
// with no backfilling into earlier gaps (docs/ascend-model.md, "Timeline"). Thread-safe: stream
// threads call it concurrently.
#pragma once

#include <array>
#include <mutex>
#include <optional>
#include <vector>

#include "npurt/runtime.h"

namespace npu::backends::ascend {

enum class CopyEngine { HostToDevice, DeviceToHost, DeviceToDevice };

// The engine a copy of `kind` uses: none for host-to-host (it never reaches the device);
// npuMemcpyDefault must be resolved by the caller first (none is returned for it).
std::optional<CopyEngine> copyEngineFor(npuMemcpyKind kind);

class DeviceTimeline {
public:
  explicit DeviceTimeline(int vectorCores);

  // The modeled start of a kernel that becomes ready at `readySeconds`, runs `durationSeconds`
  // and occupies min(coresNeeded, cores) cores (at least one) for that time.
  double scheduleKernel(double readySeconds, double durationSeconds, int coresNeeded);
  // The modeled start of a copy (or fill) on `engine`.
  double scheduleCopy(CopyEngine engine, double readySeconds, double durationSeconds);

  // When everything scheduled so far has finished.
  double idleAt() const;

  int cores() const { return int(coreFreeAt_.size()); }

private:
  mutable std::mutex mutex_;
  std::vector<double> coreFreeAt_;       // per vector core: end of the last kernel placed on it
  std::array<double, 3> engineFreeAt_{}; // per CopyEngine: end of its last copy
};

} // namespace npu::backends::ascend
