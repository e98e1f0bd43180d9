// One explicit list of backends (no static registration): adding a backend is one row here.
#include "core/Registry.h"

#include "backends/ascend/AscendBackend.h"
#include "backends/cpu/CpuBackend.h"

namespace npu::core {
namespace {

struct BackendEntry {
  std::string_view name;  // the part of NPURT_BACKEND before ':'
  std::string_view usage; // how to write it, for messages
  // Creates the backend from the part after ':' ("" when absent); sets `error` on bad options.
  std::unique_ptr<Backend> (*create)(std::string_view options, std::string &error);
};

constexpr BackendEntry kBackends[] = {
    {"cpu", "cpu", &backends::cpu::createCpuBackend},
    {"ascend", "ascend:<model> (910B1..910B4, 910C, 950PR, 950DT)",
     &backends::ascend::createAscendBackend},
};

} // namespace

std::string acceptedBackends() {
  std::string list;
  for (const BackendEntry &entry : kBackends)
    list += (list.empty() ? "" : ", ") + std::string(entry.usage);
  return list;
}

std::unique_ptr<Backend> createBackend(std::string_view spec, std::string &error) {
  std::string_view name = spec.substr(0, spec.find(':'));
  std::string_view options = name.size() < spec.size() ? spec.substr(name.size() + 1) : "";
  for (const BackendEntry &entry : kBackends) {
    if (entry.name != name)
      continue;
    std::string optionError;
    auto backend = entry.create(options, optionError);
    if (!backend)
      error = "NPURT_BACKEND='" + std::string(spec) + "': " + optionError +
              "; accepted values: " + acceptedBackends();
    return backend;
  }
  error = "NPURT_BACKEND='" + std::string(spec) +
          "' is not a known backend; accepted values: " + acceptedBackends();
  return nullptr;
}

} // namespace npu::core
