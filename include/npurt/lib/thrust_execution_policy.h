// <thrust/execution_policy.h> for translated code: thrust's own (Debian's libthrust-dev, TBB
// device system), plus the CUDA system's policies that code written for nvcc names,
// thrust::cuda::par and thrust::cuda::par_nosync, as the TBB device system's. `.on(stream)` needs
// no stream here: cu2npu precedes every host statement that uses thrust with a wait for all of
// the device's work (npu::lib::wait_for_device, rules/library/ThrustOrderRule), which orders the
// algorithm after the stream's work as CUDA does (and after the other streams' too).
#pragma once

#include "npurt/lib/thrust_system.h"

// The system header of the same name (this one is found first on npurt's include path).
#include_next <thrust/execution_policy.h>

namespace thrust {
namespace cuda {
struct par_t : thrust::detail::device_t {
  constexpr par_t() = default;
  template <class Stream> const thrust::detail::device_t &on(Stream) const { return *this; }
};
THRUST_INLINE_CONSTANT par_t par;
THRUST_INLINE_CONSTANT par_t par_nosync;
} // namespace cuda
} // namespace thrust
