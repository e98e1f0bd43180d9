// npurt/runtime.h compiles by itself as C++17 with -Wall -Wextra -Wpedantic (built, not run).
#include "npurt/runtime.h"

namespace {
void kernelLike(float *) {}
[[maybe_unused]] float gSymbol[4];

[[maybe_unused]] npuError_t usesTheTemplates() {
  float *device = nullptr;
  int minGrid = 0, block = 0;
  npuError_t result = npuMalloc(&device, 16);
  result = npuMemcpyToSymbol(gSymbol, device, sizeof gSymbol);
  result = npuOccupancyMaxPotentialBlockSize(&minGrid, &block, kernelLike);
  result = npuFuncSetAttribute(kernelLike, npuFuncAttributeMaxDynamicSharedMemorySize, 0);
  return result;
}
} // namespace
