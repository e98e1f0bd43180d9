#include "core/Settings.h"

#include <cstdlib>
#include <string_view>

namespace npu::core {

std::string readSettings(Settings &settings) {
  if (const char *backend = std::getenv("NPURT_BACKEND"); backend != nullptr && *backend != '\0')
    settings.backend = backend;
  if (const char *mode = std::getenv("NPURT_DEFAULT_STREAM"); mode != nullptr && *mode != '\0') {
    std::string_view value = mode;
    if (value == "per-thread")
      settings.perThreadDefaultStream = true;
    else if (value == "legacy")
      settings.perThreadDefaultStream = false;
    else
      return "NPURT_DEFAULT_STREAM='" + std::string(value) +
             "' is not a known default-stream mode; accepted values: legacy, per-thread";
  }
  if (const char *trace = std::getenv("NPURT_TRACE"); trace != nullptr)
    settings.tracePath = trace;
  if (const char *report = std::getenv("NPURT_REPORT"); report != nullptr)
    settings.reportPath = report;
  return {};
}

} // namespace npu::core
