// How a fetch through a bad handle ends its launch: like a device-side fault, the launch fails
// with npuErrorLaunchFailure (sticky) and one message naming the kernel and the handle.
#include <cstdio>

#include "engine/Failure.h"
#include "npurt/detail/texture_table.h"
#include "npurt/device/builtins.h"

namespace npu::detail {

void textureFault(unsigned long long handle, const char *what) {
  char text[320];
  std::snprintf(text, sizeof text,
                "npurt: kernel '%s' block [%u,%u,%u] thread [%u,%u,%u]: texture/surface object "
                "%llu: %s",
                blockContext.kernelName != nullptr ? blockContext.kernelName : "?", ::blockIdx.x,
                ::blockIdx.y, ::blockIdx.z, ::threadIdx.x, ::threadIdx.y, ::threadIdx.z, handle,
                what);
  throw engine::KernelFailure{engine::kErrorLaunchFailure, text};
}

} // namespace npu::detail
