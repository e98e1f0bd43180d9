// cu2npu CUDA declaration shim: cooperative_groups/reduce.h - declarations only.
#pragma once
#include "../cooperative_groups.h"
namespace cooperative_groups {
template <class G, class T, class Op> __device__ T reduce(const G &, T, Op);
template <class G, class T, class Op> __device__ T inclusive_scan(const G &, T, Op);
template <class G, class T, class Op> __device__ T exclusive_scan(const G &, T, Op);
template <class G, class T> __device__ T inclusive_scan(const G &, T);
template <class G, class T> __device__ T exclusive_scan(const G &, T);
} // namespace cooperative_groups
