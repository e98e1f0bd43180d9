// Stream priorities: CUDA 12 on compute capability 8.x/9.x reports the range [0, -5] (lower is
// more urgent) and clamps requests outside it. npurt records the priority; its stream threads
// are not prioritised.
#pragma once

namespace npu::api {

inline constexpr int kLeastStreamPriority = 0;
inline constexpr int kGreatestStreamPriority = -5;

inline int clampStreamPriority(int priority) {
  return priority > kLeastStreamPriority      ? kLeastStreamPriority
         : priority < kGreatestStreamPriority ? kGreatestStreamPriority
                                              : priority;
}

} // namespace npu::api
