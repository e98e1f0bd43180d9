// The run's profile: NPURT_TRACE (a Chrome trace-event JSON that Perfetto and chrome://tracing
// load: one row per stream with every kernel, copy and fill, plus a row of host API calls) and
// NPURT_REPORT (an end-of-run table per kernel). Times are the run's clock (core/RunClock.h):
// modelled on a modelled device, measured on the cpu backend.
//
// Fed by the stream operation runner (every operation that ran) and the host API (calls that
// wait or launch); written once, when the runtime shuts down at process exit.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/Stream.h"

namespace npu::profile {

class Profiler final : public core::OpObserver {
public:
  // Empty paths write nothing; reportPath "-" is standard output.
  Profiler(std::string tracePath, std::string reportPath, std::string deviceName, bool modelled);

  void operationRan(int streamId, const core::OpLabel &label,
                    const core::OpTiming &timing) override;
  // A host API call from startMs to endMs (equal: an instant, such as an asynchronous launch).
  void hostCall(const char *api, double startMs, double endMs);
  // Writes the trace and the report. `notes` are lines the backend adds to the report.
  void finish(const std::string &notes);

  // Beyond this many trace events the trace keeps only the totals (the report stays exact).
  static constexpr std::size_t kMaxTraceEvents = 1u << 20;

private:
  struct TraceEvent {
    int row; // 0: host API calls; stream s: s + 1
    std::string name;
    const char *category;
    double startMs, endMs;
    std::string args;
  };
  struct OperationTotals {
    const char *category = nullptr;
    std::size_t count = 0;
    double totalMs = 0;
    std::map<std::string, std::size_t> bounds; // bound -> launches
    double peakFractionSum = 0;                // over launches with a modelled fraction
    std::size_t peakFractionCount = 0;
  };

  void addTraceEvent(TraceEvent event);
  void writeTrace() const;
  void writeReport(const std::string &notes) const;

  const std::string tracePath_, reportPath_, deviceName_;
  const bool modelled_;
  mutable std::mutex mutex_;
  std::vector<TraceEvent> trace_;
  std::size_t droppedTraceEvents_ = 0;
  std::map<int, std::size_t> streamOperations_;       // rows seen
  std::map<std::string, OperationTotals> operations_; // by name
};

// Escapes `text` for a JSON string literal (without the quotes).
std::string jsonEscape(const std::string &text);

} // namespace npu::profile
