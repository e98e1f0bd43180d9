// Facts about the host machine that the cpu backend reports as device properties.
#pragma once

#include <cstddef>

namespace npu::backends::cpu {

std::size_t physicalMemoryBytes();
// Memory the system could still give us (MemAvailable), never more than physicalMemoryBytes().
std::size_t availableMemoryBytes();
// The last-level cache (L3, else L2) in bytes; 0 if unknown.
std::size_t lastLevelCacheBytes();
// The CPU's maximum clock in kHz (cpufreq, else /proc/cpuinfo); 0 if unknown.
int cpuClockKHz();

} // namespace npu::backends::cpu
