// cu2npu CUDA declaration shim: cooperative_groups.h - declarations only.
#pragma once
#define _COOPERATIVE_GROUPS_H_ // as the CUDA header defines it (guards in user code test it)
#include "cuda_runtime.h"
#include "cuda/barrier" // cuda::aligned_size_t, as in the toolkit

namespace cooperative_groups {
struct thread_group {
  __device__ void sync() const;
  __device__ unsigned long long size() const;
  __device__ unsigned long long num_threads() const;
  __device__ unsigned long long thread_rank() const;
};
struct thread_block : thread_group {
  __device__ dim3 group_index() const;
  __device__ dim3 thread_index() const;
  __device__ dim3 group_dim() const;
  __device__ dim3 dim_threads() const;
  static __device__ void sync();
};
struct grid_group : thread_group {
  __device__ bool is_valid() const;
  __device__ dim3 group_dim() const;
  __device__ unsigned long long num_blocks() const;
  __device__ unsigned long long block_rank() const;
  __device__ dim3 dim_blocks() const;
  __device__ dim3 block_index() const;
  __device__ dim3 thread_index() const;
  __device__ dim3 dim_threads() const;
  static __device__ void sync();
};
struct multi_grid_group : thread_group {};
struct cluster_group : thread_group {};
struct coalesced_group : thread_group {
  template <class T> __device__ T shfl(T, int) const;
  template <class T> __device__ T shfl_down(T, unsigned int) const;
  template <class T> __device__ T shfl_up(T, unsigned int) const;
  __device__ int any(int) const;
  __device__ int all(int) const;
  __device__ unsigned int ballot(int) const;
  __device__ unsigned long long meta_group_rank() const;
  __device__ unsigned long long meta_group_size() const;
};
template <unsigned int Size, class Parent = void> struct thread_block_tile;
// thread_block_tile<Size, Parent> converts to thread_block_tile<Size>, as in CUDA.
template <unsigned int Size> struct thread_block_tile<Size, void> : coalesced_group {
  template <class T> __device__ T shfl_xor(T, unsigned int) const;
  template <class T> __device__ unsigned int match_any(T) const;
  template <class T> __device__ unsigned int match_all(T, int &) const;
  static constexpr unsigned long long num_threads() { return Size; }
  static constexpr unsigned long long size() { return Size; }
};
template <unsigned int Size, class Parent>
struct thread_block_tile : thread_block_tile<Size, void> {};
__device__ thread_block this_thread_block();
__device__ grid_group this_grid();
__device__ multi_grid_group this_multi_grid();
__device__ cluster_group this_cluster();
__device__ coalesced_group coalesced_threads();
__device__ thread_group tiled_partition(const thread_group &, unsigned int);
template <unsigned int Size, class P>
__device__ thread_block_tile<Size, P> tiled_partition(const P &);
template <class G> __device__ coalesced_group labeled_partition(const G &, int);
template <class G> __device__ coalesced_group binary_partition(const G &, bool);
template <class G> __device__ void sync(const G &);
// cooperative_groups/memcpy_async.h (declared here too: some toolkits' cooperative_groups.h
// includes it).
template <class G, class T, class S>
__device__ void memcpy_async(const G &, T *, const T *, const S &);
template <class G, class T> __device__ void memcpy_async(const G &, T *, size_t, const T *, size_t);
template <class G> __device__ void wait(const G &);
template <unsigned int Stages, class G> __device__ void wait_prior(const G &);
template <class T> struct plus {
  __device__ T operator()(const T &a, const T &b) const { return a + b; }
};
template <class T> struct less {
  __device__ T operator()(const T &a, const T &b) const { return a < b ? a : b; }
};
template <class T> struct greater {
  __device__ T operator()(const T &a, const T &b) const { return a > b ? a : b; }
};
template <class T> struct bit_and {
  __device__ T operator()(const T &a, const T &b) const { return a & b; }
};
template <class T> struct bit_or {
  __device__ T operator()(const T &a, const T &b) const { return a | b; }
};
template <class T> struct bit_xor {
  __device__ T operator()(const T &a, const T &b) const { return a ^ b; }
};
namespace details {}
} // namespace cooperative_groups
