// The ascend backend (NPURT_BACKEND=ascend:<model>): the same translated program, run
// functionally on the host (kernels on the shared engine, like the cpu backend) as if on the
// modeled Ascend device. What differs from cpu: the device's properties come from the catalog
// (DeviceModel), device memory is the model's HBM (DeviceMemory: capacity enforced, AscendCL
// rounding), every launch is checked for what would not port (PortabilityWarnings), and the
// kernels' operation counters are on (npurt/device/cost.h) for the cost model.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "backends/ascend/CostModel.h"
#include "backends/ascend/DeviceMemory.h"
#include "backends/ascend/DeviceModel.h"
#include "backends/ascend/DeviceTimeline.h"
#include "backends/ascend/PortabilityWarnings.h"
#include "core/Backend.h"

namespace npu::backends::ascend {

class AscendBackend final : public core::Backend {
public:
  // `model` is copied: NPURT_ASCEND_ASSUME may have changed its assumed values.
  explicit AscendBackend(const DeviceModel &model);

  std::string name() const override { return "ascend:" + model_.id; }
  void deviceProperties(int device, npuDeviceProp &prop) const override;
  void memoryInfo(int device, std::size_t &freeBytes, std::size_t &totalBytes) const override;

  void *allocateDevice(std::size_t bytes) override;
  void freeDevice(void *ptr) override;
  // Page-locked host memory is the host's: it does not count against the device.
  void *allocateHost(std::size_t bytes, unsigned int flags) override;
  void freeHost(void *ptr) override;
  // Managed memory lives on the device (as on a discrete GPU): it counts against the HBM.
  void *allocateManaged(std::size_t bytes) override;
  void freeManaged(void *ptr) override;

  // Time is the model's: kernels from the cost model over their operation counters, copies and
  // fills from the link and HBM rates, all placed on the device timeline (docs/ascend-model.md).
  bool modelsTime() const override { return true; }
  // The catalog's hostSyncLatency (the [ARS] launch-plus-synchronize wall clock less the on-device
  // launch overhead).
  double hostSyncSeconds() const override { return model_.hostSyncLatency.value; }
  void copy(void *dst, const void *src, std::size_t bytes, npuMemcpyKind kind,
            core::OpTiming &timing) override;
  void fill(void *dst, int value, std::size_t bytes, core::OpTiming &timing) override;
  npuError_t runGrid(detail::GridTask &task, core::OpTiming &timing) override;
  // cuBLAS/cuFFT routines: run on the host, priced by estimateLibrary (GEMMs on the cube).
  void runLibrary(const core::LibraryWork &work, const std::function<void()> &compute,
                  core::OpTiming &timing) override;

  // The portability warnings raised, and per kernel the assumed values its modelled time rests on.
  std::string reportNotes() const override;

  const DeviceModel &model() const { return model_; }

private:
  // What the kernel can touch: the bytes of the device allocations its pointer arguments point
  // into (CostModel's LaunchProfile::footprintBytes); 0 when unknown.
  double footprintBytes(const detail::GridTask &task) const;
  // Places a kernel or library routine on the timeline, holding `cores` vector cores.
  void placeOnTimeline(const KernelEstimate &estimate, int cores, core::OpTiming &timing);
  // Places an activity of `seconds` on `engine` (none: only after the op's previous activity).
  void addCopySpan(core::OpTiming &timing, std::optional<CopyEngine> engine, double seconds);
  // Remembers which assumed values `kernel`'s estimate rested on, for the report.
  void recordAssumedValues(const std::string &kernel, const KernelEstimate &estimate);

  const DeviceModel model_;
  DeviceMemory memory_;
  DeviceTimeline timeline_;
  // The backend's own, so the end-of-run report (read while the runtime shuts down) never sees a
  // registry that static destruction already took away.
  WarningRegistry warnings_;
  mutable std::mutex assumedMutex_; // stream threads launch concurrently
  std::map<std::string, std::set<std::string>> assumedValuesByKernel_;
};

// Registry entry: "ascend:<model>"; without a model, or an unknown one, the error lists them.
// NPURT_ASCEND_ASSUME (AssumedValues.h) changes the model's assumed values; a bad one is an error.
std::unique_ptr<core::Backend> createAscendBackend(std::string_view options, std::string &error);

} // namespace npu::backends::ascend
