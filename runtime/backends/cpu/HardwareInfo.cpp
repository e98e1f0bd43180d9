#include "backends/cpu/HardwareInfo.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace npu::backends::cpu {

std::size_t physicalMemoryBytes() {
  long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && pageSize > 0 ? std::size_t(pages) * std::size_t(pageSize) : 0;
}

std::size_t availableMemoryBytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  std::size_t kib = 0;
  while (meminfo >> key >> kib) {
    if (key == "MemAvailable:")
      return std::min(kib * 1024, physicalMemoryBytes());
    meminfo.ignore(64, '\n');
  }
  long pages = sysconf(_SC_AVPHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && pageSize > 0 ? std::size_t(pages) * std::size_t(pageSize) : 0;
}

std::size_t lastLevelCacheBytes() {
  for (int name : {_SC_LEVEL3_CACHE_SIZE, _SC_LEVEL2_CACHE_SIZE})
    if (long bytes = sysconf(name); bytes > 0)
      return std::size_t(bytes);
  return 0;
}

int cpuClockKHz() {
  std::ifstream cpufreq("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
  if (int kHz = 0; cpufreq >> kHz && kHz > 0)
    return kHz;
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("cpu MHz", 0) != 0)
      continue;
    auto colon = line.find(':');
    if (colon != std::string::npos)
      return int(std::stod(line.substr(colon + 1)) * 1000);
  }
  return 0;
}

} // namespace npu::backends::cpu
