// Run-time selection from the environment, read once when the runtime starts
// (see /work/shared/conventions.md): NPURT_BACKEND and NPURT_DEFAULT_STREAM.
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
};

// Reads the environment into `settings`. Returns an empty string, or a message naming the
// variable, its bad value and the accepted values.
std::string readSettings(Settings &settings);

} // namespace npu::core
