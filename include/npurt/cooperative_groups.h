// Cooperative groups (cooperative_groups.h, cooperative_groups/reduce.h and
// scan.h) over npurt's barriers and warp collectives, in CUDA's namespace so
// `namespace cg = cooperative_groups;` keeps working. The grid (its sync()
// needs a cooperative launch, as in CUDA), a thread block, tiles of at most 32
// threads (inside one warp, as CUDA lays them out) and coalesced groups.
// Everything synchronising here needs the fiber path (for_each_thread_sync),
// like __syncthreads.
#pragma once

#include <cstddef>
#include <type_traits>

#include "npurt/async_copy.h"
#include "npurt/kernel.h"

namespace cooperative_groups {

namespace details {
inline unsigned blockThreadRank() { return ::npu::detail::linearThreadId(::threadIdx, ::blockDim); }
inline unsigned blockThreadCount() { return ::blockDim.x * ::blockDim.y * ::blockDim.z; }
inline unsigned long long blockRank() {
  return ::blockIdx.x + 1ull * ::gridDim.x * (::blockIdx.y + 1ull * ::gridDim.y * ::blockIdx.z);
}
inline unsigned long long gridBlockCount() {
  return 1ull * ::gridDim.x * ::gridDim.y * ::gridDim.z;
}
inline unsigned long long gridThreadCount() { return gridBlockCount() * blockThreadCount(); }
inline unsigned long long gridThreadRank() {
  return blockRank() * blockThreadCount() + blockThreadRank();
}
// The i-th set bit of mask (i from 0), as a lane number.
inline int nthSetLane(unsigned mask, unsigned i) {
  for (unsigned k = 0; k < i; ++k)
    mask &= mask - 1;
  return mask == 0 ? -1 : __builtin_ctz(mask);
}
// Gathers the bits of `value` at the positions of `mask` into the low bits.
inline unsigned compressBits(unsigned value, unsigned mask) {
  unsigned result = 0, out = 0;
  for (; mask != 0; mask &= mask - 1, ++out)
    if (value & (mask & -mask))
      result |= 1u << out;
  return result;
}
} // namespace details

// The common type of every group; functions taking `const thread_group &`
// accept a block, a tile or a coalesced group.
class thread_group {
public:
  enum class Kind : unsigned char { Grid, Block, Tile, Coalesced };

  unsigned long long size() const { return num_threads(); }
  unsigned long long num_threads() const {
    if (kind_ == Kind::Grid)
      return details::gridThreadCount();
    if (kind_ == Kind::Block)
      return details::blockThreadCount();
    if (kind_ == Kind::Coalesced)
      return static_cast<unsigned>(__builtin_popcount(mask_));
    return tileSize_;
  }
  unsigned long long thread_rank() const {
    if (kind_ == Kind::Grid)
      return details::gridThreadRank();
    const unsigned rank = details::blockThreadRank();
    if (kind_ == Kind::Block)
      return rank;
    if (kind_ == Kind::Coalesced)
      return static_cast<unsigned>(__builtin_popcount(mask_ & __lanemask_lt()));
    return rank % tileSize_;
  }
  void sync() const {
    if (kind_ == Kind::Grid) {
      ::npu::detail::gridBarrier();
    } else if (kind_ == Kind::Block) {
      __syncthreads();
    } else {
      __syncwarp(mask_);
    }
  }
  // The lanes of this group in the calling thread's warp.
  unsigned get_mask() const { return mask_; }

protected:
  thread_group(Kind kind, unsigned tileSize, unsigned mask)
      : kind_(kind), tileSize_(tileSize), mask_(mask) {}
  static unsigned tileMask(unsigned tileSize) {
    if (tileSize >= 32)
      return 0xffffffffu;
    const unsigned lane = ::npu::detail::currentLaneId();
    return ((1u << tileSize) - 1u) << (lane & ~(tileSize - 1u));
  }

  Kind kind_;
  unsigned tileSize_;
  unsigned mask_;
};

class thread_block : public thread_group {
public:
  thread_block() : thread_group(Kind::Block, 0, 0xffffffffu) {}
  static void sync() { __syncthreads(); }
  static void barrier_wait() { __syncthreads(); }
  static unsigned long long thread_rank() { return details::blockThreadRank(); }
  static unsigned long long size() { return details::blockThreadCount(); }
  static unsigned long long num_threads() { return details::blockThreadCount(); }
  static dim3 group_index() { return dim3(::blockIdx); }
  static dim3 thread_index() { return dim3(::threadIdx); }
  static dim3 dim_threads() { return ::blockDim; }
  static dim3 group_dim() { return ::blockDim; }
};

inline thread_block this_thread_block() { return thread_block(); }

// Every thread of the launch. sync() waits for all of them, which needs a cooperative launch
// (cudaLaunchCooperativeKernel): otherwise the launch fails with a message, and is_valid() is
// false (as CUDA reports it).
class grid_group : public thread_group {
public:
  grid_group() : thread_group(Kind::Grid, 0, 0xffffffffu) {}
  static bool is_valid() { return ::npu::detail::inCooperativeGrid(); }
  static void sync() { ::npu::detail::gridBarrier(); }
  static unsigned long long size() { return details::gridThreadCount(); }
  static unsigned long long num_threads() { return details::gridThreadCount(); }
  static unsigned long long thread_rank() { return details::gridThreadRank(); }
  static unsigned long long num_blocks() { return details::gridBlockCount(); }
  static unsigned long long block_rank() { return details::blockRank(); }
  static dim3 group_dim() { return ::blockDim; }
  static dim3 dim_blocks() { return ::gridDim; }
  static dim3 block_index() { return dim3(::blockIdx); }
  static dim3 thread_index() { return dim3(::threadIdx); }
  static dim3 dim_threads() { return ::blockDim; }
};

inline grid_group this_grid() { return grid_group(); }

// A group of threads within one warp, addressed by rank: shuffles and votes
// take and return ranks and rank-relative masks.
// CUDA spells a tile thread_block_tile<Size, ParentT>; the parent only records
// where it came from and converts to thread_block_tile<Size> (ParentT = void).
template <unsigned Size, class ParentT = void> class thread_block_tile;

template <unsigned Size> class thread_block_tile<Size, void> : public thread_group {
  static_assert(Size >= 1 && Size <= 32 && (Size & (Size - 1)) == 0,
                "thread_block_tile: the size must be a power of two from 1 to 32");

public:
  thread_block_tile() : thread_group(Kind::Tile, Size, tileMask(Size)) {}

  static constexpr unsigned long long size() { return Size; }
  static constexpr unsigned long long num_threads() { return Size; }
  unsigned long long thread_rank() const { return details::blockThreadRank() % Size; }
  unsigned long long meta_group_rank() const { return details::blockThreadRank() / Size; }
  unsigned long long meta_group_size() const {
    return (details::blockThreadCount() + Size - 1) / Size;
  }
  void sync() const { __syncwarp(mask_); }

  template <class T> T shfl(T value, int sourceRank) const {
    return __shfl_sync(mask_, value, sourceRank, static_cast<int>(Size));
  }
  template <class T> T shfl_down(T value, unsigned delta) const {
    return __shfl_down_sync(mask_, value, delta, static_cast<int>(Size));
  }
  template <class T> T shfl_up(T value, unsigned delta) const {
    return __shfl_up_sync(mask_, value, delta, static_cast<int>(Size));
  }
  template <class T> T shfl_xor(T value, unsigned laneMask) const {
    return __shfl_xor_sync(mask_, value, static_cast<int>(laneMask), static_cast<int>(Size));
  }
  unsigned ballot(int predicate) const {
    return __ballot_sync(mask_, predicate) >> tileFirstLane();
  }
  int any(int predicate) const { return __any_sync(mask_, predicate); }
  int all(int predicate) const { return __all_sync(mask_, predicate); }
  template <class T> unsigned match_any(T value) const {
    return __match_any_sync(mask_, value) >> tileFirstLane();
  }
  template <class T> unsigned match_all(T value, int &predicate) const {
    return __match_all_sync(mask_, value, &predicate) >> tileFirstLane();
  }

private:
  unsigned tileFirstLane() const { return ::npu::detail::currentLaneId() & ~(Size - 1u); }
};

template <unsigned Size, class ParentT>
class thread_block_tile : public thread_block_tile<Size, void> {};

// The threads of the warp that are active together (see __activemask).
class coalesced_group : public thread_group {
public:
  explicit coalesced_group(unsigned mask) : thread_group(Kind::Coalesced, 0, mask) {}

  unsigned long long size() const { return static_cast<unsigned>(__builtin_popcount(mask_)); }
  unsigned long long num_threads() const { return size(); }
  unsigned long long thread_rank() const {
    return static_cast<unsigned>(__builtin_popcount(mask_ & __lanemask_lt()));
  }
  unsigned long long meta_group_rank() const { return 0; }
  unsigned long long meta_group_size() const { return 1; }
  void sync() const { __syncwarp(mask_); }

  template <class T> T shfl(T value, unsigned sourceRank) const {
    return __shfl_sync(mask_, value, details::nthSetLane(mask_, sourceRank));
  }
  template <class T> T shfl_down(T value, unsigned delta) const {
    const auto rank = static_cast<unsigned>(thread_rank());
    const int source = rank + delta < size() ? details::nthSetLane(mask_, rank + delta)
                                             : static_cast<int>(::npu::detail::currentLaneId());
    return __shfl_sync(mask_, value, source);
  }
  template <class T> T shfl_up(T value, unsigned delta) const {
    const auto rank = static_cast<unsigned>(thread_rank());
    const int source = rank >= delta ? details::nthSetLane(mask_, rank - delta)
                                     : static_cast<int>(::npu::detail::currentLaneId());
    return __shfl_sync(mask_, value, source);
  }
  unsigned ballot(int predicate) const {
    return details::compressBits(__ballot_sync(mask_, predicate), mask_);
  }
  int any(int predicate) const { return __any_sync(mask_, predicate); }
  int all(int predicate) const { return __all_sync(mask_, predicate); }
  template <class T> unsigned match_any(T value) const {
    return details::compressBits(__match_any_sync(mask_, value), mask_);
  }
};

inline coalesced_group coalesced_threads() { return coalesced_group(__activemask()); }

// The group's threads split by a label (or a predicate): each thread gets the coalesced group of
// those that gave the same one. Every thread of the group must call, as in CUDA.
template <unsigned Size>
inline coalesced_group labeled_partition(const thread_block_tile<Size> &group, int label) {
  return coalesced_group(__match_any_sync(group.get_mask(), label));
}
inline coalesced_group labeled_partition(const coalesced_group &group, int label) {
  return coalesced_group(__match_any_sync(group.get_mask(), label));
}
namespace details {
inline coalesced_group binaryPartition(unsigned mask, bool predicate) {
  const unsigned set = __ballot_sync(mask, predicate);
  return coalesced_group(predicate ? set : mask & ~set);
}
} // namespace details
template <unsigned Size>
inline coalesced_group binary_partition(const thread_block_tile<Size> &group, bool predicate) {
  return details::binaryPartition(group.get_mask(), predicate);
}
inline coalesced_group binary_partition(const coalesced_group &group, bool predicate) {
  return details::binaryPartition(group.get_mask(), predicate);
}

template <unsigned Size> inline thread_block_tile<Size> tiled_partition(const thread_block &) {
  return thread_block_tile<Size>();
}
template <unsigned Size, unsigned ParentSize>
inline thread_block_tile<Size> tiled_partition(const thread_block_tile<ParentSize> &) {
  static_assert(Size <= ParentSize, "a tile can only be split into smaller tiles");
  return thread_block_tile<Size>();
}

// The dynamic form: a tile of `size` threads (a power of two up to 32).
class dynamic_tile : public thread_group {
public:
  explicit dynamic_tile(unsigned size) : thread_group(Kind::Tile, size, tileMask(size)) {}
};
inline thread_group tiled_partition(const thread_group &parent, unsigned size) {
  (void)parent;
  return dynamic_tile(size);
}

inline void sync(const thread_group &group) { group.sync(); }
template <unsigned Size> inline void sync(const thread_block_tile<Size> &group) { group.sync(); }
inline void sync(const thread_block &) { __syncthreads(); }
inline void sync(const grid_group &) { ::npu::detail::gridBarrier(); }

// ---- cooperative_groups/memcpy_async.h ----
// The copies run at once, synchronously: each thread of the group copies its rank's share, so
// a thread may read what it copied but must wait() for the others' shares, as in CUDA.
// wait(group) and wait_prior<N>(group) are then a sync() of the group (every copy is complete).
// `count` in bytes (a size_t or cuda::aligned_size_t<N>).
template <class Group, class T, class Size>
inline void memcpy_async(const Group &group, T *dst, const T *src, const Size &count) {
  ::cuda::npu_detail::copyShare(group, dst, src, ::cuda::npu_detail::byteCount(count));
}
// The layout form: min(dstCount, srcCount) elements.
template <class Group, class T>
inline void memcpy_async(const Group &group, T *dst, std::size_t dstCount, const T *src,
                         std::size_t srcCount) {
  ::cuda::npu_detail::copyShare(group, dst, src,
                                (dstCount < srcCount ? dstCount : srcCount) * sizeof(T));
}
template <class Group> inline void wait(const Group &group) { group.sync(); }
template <unsigned Stages, class Group> inline void wait_prior(const Group &group) { group.sync(); }

// ---- cooperative_groups/reduce.h ----
template <class T> struct plus {
  T operator()(const T &a, const T &b) const { return a + b; }
};
template <class T> struct less { // the smaller of the two (a min reduction)
  T operator()(const T &a, const T &b) const { return b < a ? b : a; }
};
template <class T> struct greater { // the larger of the two (a max reduction)
  T operator()(const T &a, const T &b) const { return a < b ? b : a; }
};
template <class T> struct bit_and {
  T operator()(const T &a, const T &b) const { return a & b; }
};
template <class T> struct bit_or {
  T operator()(const T &a, const T &b) const { return a | b; }
};
template <class T> struct bit_xor {
  T operator()(const T &a, const T &b) const { return a ^ b; }
};

// Every thread of the tile receives the reduction of all the tile's values.
template <unsigned Size, class T, class Op>
inline T reduce(const thread_block_tile<Size> &tile, T value, Op op) {
  for (unsigned offset = Size / 2; offset > 0; offset /= 2)
    value = op(value, tile.shfl_xor(value, offset));
  return value;
}
template <class T, class Op> inline T reduce(const coalesced_group &group, T value, Op op) {
  T result = group.shfl(value, 0);
  for (unsigned rank = 1; rank < group.size(); ++rank)
    result = op(result, group.shfl(value, rank));
  return result;
}

// ---- cooperative_groups/scan.h ----
template <unsigned Size, class T, class Op>
inline T inclusive_scan(const thread_block_tile<Size> &tile, T value, Op op) {
  const auto rank = static_cast<unsigned>(tile.thread_rank());
  for (unsigned offset = 1; offset < Size; offset *= 2) {
    const T other = tile.shfl_up(value, offset);
    if (rank >= offset)
      value = op(other, value);
  }
  return value;
}
template <unsigned Size, class T>
inline T inclusive_scan(const thread_block_tile<Size> &tile, T value) {
  return inclusive_scan(tile, value, plus<T>());
}
// Rank 0 receives T() (CUDA leaves it undefined for operators other than plus).
template <unsigned Size, class T, class Op>
inline T exclusive_scan(const thread_block_tile<Size> &tile, T value, Op op) {
  const T inclusive = inclusive_scan(tile, value, op);
  const T previous = tile.shfl_up(inclusive, 1);
  return tile.thread_rank() == 0 ? T() : previous;
}
template <unsigned Size, class T>
inline T exclusive_scan(const thread_block_tile<Size> &tile, T value) {
  return exclusive_scan(tile, value, plus<T>());
}

} // namespace cooperative_groups
