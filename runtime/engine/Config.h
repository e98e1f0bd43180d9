// Engine settings read from the environment once, at first use.
#pragma once

#include <string>

namespace npu::engine {

// Parses NPURT_NUM_THREADS. `text` null or empty: `cores`. Otherwise an integer
// from 1 to 4096; anything else returns 0 and describes the accepted values in
// `error`.
int parseWorkerCount(const char *text, int cores, std::string &error);

} // namespace npu::engine
