#include "backends/ascend/PortabilityWarnings.h"

namespace npu::backends::ascend {
namespace {

struct WarningInfo {
  const char *code;
  const char *summary;
};

constexpr WarningInfo kWarnings[] = {
#define NPURT_ASCEND_WARNING(name, code, summary) {code, summary},
#include "backends/ascend/warnings.def"
#undef NPURT_ASCEND_WARNING
};

std::uint64_t threadsOf(const dim3 &block) { return std::uint64_t(block.x) * block.y * block.z; }

std::string kernelName(const detail::GridTask &task) { return task.name ? task.name : "?"; }

} // namespace

const char *warningCode(Warning warning) { return kWarnings[int(warning)].code; }
const char *warningSummary(Warning warning) { return kWarnings[int(warning)].summary; }

bool WarningRegistry::warnOnce(Warning warning, const std::string &kernel,
                               const std::string &detail) {
  std::lock_guard lock(mutex_);
  SeenWarning &entry = seen_[{warning, kernel}];
  if (entry.count++ > 0)
    return false;
  entry.warning = warning;
  entry.kernel = kernel;
  entry.detail = detail;
  if (out_) {
    std::fprintf(out_, "npurt: warning: kernel '%s': %s [%s]\n", kernel.c_str(), detail.c_str(),
                 warningCode(warning));
    std::fflush(out_);
  }
  return true;
}

std::vector<SeenWarning> WarningRegistry::seen() const {
  std::lock_guard lock(mutex_);
  std::vector<SeenWarning> list;
  for (const auto &[key, entry] : seen_)
    list.push_back(entry);
  return list;
}

void checkLaunchShape(const DeviceModel &model, const detail::GridTask &task,
                      WarningRegistry &warnings) {
  const std::string kernel = kernelName(task);
  const std::uint64_t threads = threadsOf(task.block);
  if (!model.hasSimt()) {
    // Without SIMT a block is one vector core's program: its threads become lanes of 256 B
    // vector operations, so a block that is not a whole number of vectors leaves lanes idle.
    const auto lanes = std::uint64_t(model.vectorLanesFp32.value);
    if (lanes > 0 && threads % lanes != 0)
      warnings.warnOnce(Warning::BlockLanesWasted, kernel,
                        "block of " + std::to_string(threads) +
                            " threads runs as a vectorised loop on one vector core of " + model.id +
                            " in " + std::to_string(lanes) + "-lane fp32 vectors; " +
                            std::to_string(lanes - threads % lanes) +
                            " lanes of its last vector idle (use a multiple of " +
                            std::to_string(lanes) + ")");
  } else if (threads > std::uint64_t(model.simtMaxThreadsPerBlock.value)) {
    warnings.warnOnce(Warning::BlockAboveSimtLimit, kernel,
                      "block of " + std::to_string(threads) + " threads exceeds " + model.id +
                          "'s SIMT limit of " +
                          std::to_string(std::uint64_t(model.simtMaxThreadsPerBlock.value)) +
                          " threads per block");
  }
  // Static __shared__ is not known at run time (its size is a property of the compiled kernel),
  // so only the launch's dynamic shared memory is checked.
  const auto ub = std::uint64_t(model.unifiedBufferBytes.value);
  if (task.dynamicSharedBytes > ub)
    warnings.warnOnce(Warning::SharedAboveUb, kernel,
                      std::to_string(task.dynamicSharedBytes) +
                          " bytes of dynamic shared memory per block exceed the " +
                          std::to_string(ub) + "-byte unified buffer of one vector core of " +
                          model.id);
  const std::uint64_t blocks = threadsOf(task.grid);
  const auto maxBlocks = std::uint64_t(model.maxBlocksPerLaunch.value);
  if (blocks > maxBlocks)
    warnings.warnOnce(Warning::GridAboveBlockLimit, kernel,
                      "grid of " + std::to_string(blocks) + " blocks exceeds the " +
                          std::to_string(maxBlocks) + " blocks one launch may have on " + model.id +
                          " (executed anyway; split the launch)");
}

void checkLaunchCounters(const DeviceModel &model, const std::string &kernel,
                         const detail::CostTally &total, WarningRegistry &warnings) {
  // The catalog has no FP64 rate: every modeled device emulates fp64 (fp64EmulationFactor).
  if (total.fp64 > 0)
    warnings.warnOnce(Warning::Fp64Emulated, kernel,
                      std::to_string(total.fp64) + " fp64 operations: " + model.id +
                          " has no FP64 units; each is emulated at about " +
                          std::to_string(int(model.fp64EmulationFactor.value)) +
                          " fp32 operations");
  // Ascend's AI cores have no texture units: every fetch's addressing and conversion, and
  // each filtered fetch's weights and weighted sum, run on the vector units (npurt counts that
  // work into the launch's tally, so it is priced like the kernel's own arithmetic).
  if (total.textureFetches > 0)
    warnings.warnOnce(Warning::TexturesEmulated, kernel,
                      std::to_string(total.textureFetches) + " texture fetches (" +
                          std::to_string(total.filteredFetches) + " filtered): " + model.id +
                          " has no texture units; addressing, format conversion and filtering "
                          "run on the vector units");
  if (total.warpOps == 0)
    return;
  if (!model.hasSimt())
    warnings.warnOnce(Warning::WarpOpsEmulated, kernel,
                      std::to_string(total.warpOps) + " warp operations: " + model.id +
                          " has no SIMT warps; shuffles, votes and warp reductions are emulated "
                          "across the vector core's thread loop");
  else if (int(model.simtWarpSize.value) != 32)
    warnings.warnOnce(Warning::WarpSizeDiffers, kernel,
                      "warp operations written for 32-lane warps; " + model.id +
                          "'s SIMT warp has " + std::to_string(int(model.simtWarpSize.value)) +
                          " lanes (npurt keeps CUDA's 32)");
}

std::string formatWarningNotes(const std::vector<SeenWarning> &seen) {
  std::string notes;
  for (const SeenWarning &entry : seen)
    notes += std::string("portability warning ") + warningCode(entry.warning) + " kernel '" +
             entry.kernel + "': " + std::to_string(entry.count) +
             (entry.count == 1 ? " launch" : " launches") + ": " + entry.detail + "\n";
  return notes;
}

} // namespace npu::backends::ascend
