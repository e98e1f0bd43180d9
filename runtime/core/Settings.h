// Run-time selection from the environment, read once when the runtime starts
// (see /work/shared/conventions.md): NPURT_BACKEND, NPURT_DEFAULT_STREAM, NPURT_TRACE and
// NPURT_REPORT.
#pragma once

#include <string>

namespace npu::core {

struct Settings {
  // NPURT_BACKEND: "cpu" (default), later "ascend:<model>"; checked by the backend registry.
  std::string backend = "cpu";
  // NPURT_DEFAULT_STREAM: "legacy" (default) or "per-thread", mirroring nvcc's
  // --default-stream: with "per-thread", stream handle 0 means the calling thread's per-thread
  // default stream instead of the legacy default stream.
  bool perThreadDefaultStream = false;
  // NPURT_TRACE: where to write the Chrome trace-event JSON of the run ("" = none).
  std::string tracePath;
  // NPURT_REPORT: where to write the end-of-run summary ("-" = standard output, "" = none).
  std::string reportPath;
};

// Reads the environment into `settings`. Returns an empty string, or a message naming the
// variable, its bad value and the accepted values.
std::string readSettings(Settings &settings);

} // namespace npu::core
