// Portability warnings: what a translated program does that runs here but would not run, or run
// differently, on the modeled Ascend device. Each (warning, kernel) pair is printed once to
// stderr, "npurt: warning: kernel 'k': ... [NPUW0xx]", and counted; the end-of-run report reads
// the counts (warningsSeen / formatWarningNotes). Codes are stable (warnings.def).
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "backends/ascend/DeviceModel.h"
#include "npurt/detail/launch_abi.h"
#include "npurt/device/cost.h"

namespace npu::backends::ascend {

enum class Warning {
#define NPURT_ASCEND_WARNING(name, code, summary) name,
#include "backends/ascend/warnings.def"
#undef NPURT_ASCEND_WARNING
};

const char *warningCode(Warning warning);    // "NPUW001"
const char *warningSummary(Warning warning); // one line, as in the docs

struct SeenWarning {
  Warning warning;
  std::string kernel;
  std::string detail;      // the first occurrence's message
  std::uint64_t count = 0; // launches that raised it
};

// A thread-safe registry of the warnings raised. The backend owns one; tests make their own
// with a capture stream.
class WarningRegistry {
public:
  explicit WarningRegistry(std::FILE *out = stderr) : out_(out) {}
  // Counts one occurrence of `warning` for `kernel`; prints it the first time. Returns true when
  // it was printed.
  bool warnOnce(Warning warning, const std::string &kernel, const std::string &detail);
  // Every (warning, kernel) seen, ordered by code then kernel.
  std::vector<SeenWarning> seen() const;

private:
  std::FILE *out_;
  mutable std::mutex mutex_;
  std::map<std::pair<Warning, std::string>, SeenWarning> seen_;
};

// Checks a launch's shape against `model` before it runs (NPUW001-004).
void checkLaunchShape(const DeviceModel &model, const detail::GridTask &task,
                      WarningRegistry &warnings);
// Checks what the launch did, from its operation counters summed over the grid (NPUW005-007).
void checkLaunchCounters(const DeviceModel &model, const std::string &kernel,
                         const detail::CostTally &total, WarningRegistry &warnings);

// Lines for the end-of-run report: one per (warning, kernel) with its count; empty when none.
std::string formatWarningNotes(const std::vector<SeenWarning> &seen);

} // namespace npu::backends::ascend
