#include "core/ErrorState.h"

namespace npu::core {
namespace {
thread_local npuError_t tLastError = npuSuccess;
} // namespace

npuError_t peekLastError() noexcept { return tLastError; }

npuError_t takeLastError() noexcept {
  npuError_t error = tLastError;
  tLastError = npuSuccess;
  return error;
}

npuError_t recordResult(npuError_t result) noexcept {
  if (result != npuSuccess && result != npuErrorNotReady)
    tLastError = result;
  return result;
}

} // namespace npu::core
