// Warp-level functions: shuffles, votes, match, reductions, __syncwarp.
//
// Each call is a warp collective in the engine: the lane deposits its value in
// the warp's exchange buffer and waits for the lanes of `mask` that have not
// exited (lanes outside the mask are not waited for). Lane numbers follow CUDA:
// linear thread id modulo 32. The source-lane arithmetic below is PTX's shfl.sync
// (with CUDA's clamp values), so `width` < 32 splits the warp into segments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "npurt/device/builtins.h"

namespace npu::detail {

// The match functions compare one lane word: values of at most 8 bytes, as CUDA's.
template <class T> inline unsigned long long toLaneBits(const T &value) {
  static_assert(sizeof(T) <= 8 && std::is_trivially_copyable<T>::value,
                "warp match functions compare values of at most 8 bytes");
  unsigned long long bits = 0;
  std::memcpy(&bits, &value, sizeof(T));
  return bits;
}

// Segment of `width` lanes containing `lane` (width a power of two, <= 32).
inline int segmentFirstLane(int lane, int width) { return lane & ~(width - 1); }
inline int segmentLastLane(int lane, int width) {
  return segmentFirstLane(lane, width) + width - 1;
}

// The lane each shuffle reads (PTX's shfl.sync with CUDA's clamp values): a source outside the
// caller's segment of `width` lanes gives the caller's own lane. The fiber path below and the
// barrier-region exchanges (npurt/device/lanes.h) both read these.
inline int shflSourceLane(int lane, int srcLane, int width) {
  return segmentFirstLane(lane, width) | (srcLane & (width - 1));
}
inline int shflUpSourceLane(int lane, unsigned delta, int width) {
  const int source = lane - static_cast<int>(delta & 31u);
  return source >= segmentFirstLane(lane, width) ? source : lane;
}
inline int shflDownSourceLane(int lane, unsigned delta, int width) {
  const int source = lane + static_cast<int>(delta & 31u);
  return source <= segmentLastLane(lane, width) ? source : lane;
}
inline int shflXorSourceLane(int lane, int laneMask, int width) {
  const int source = lane ^ (laneMask & 31);
  return source <= segmentLastLane(lane, width) ? source : lane;
}

// A shuffle moves any trivially copyable value (float4, double2, a struct): one lane word
// (8 bytes) per collective, as CUDA splits wide values into 4-byte shuffles. Every lane of the
// mask makes the same number of collectives (sizeof(T) is the same for all), all from the same
// source lane.
template <class T> inline T shuffleFrom(unsigned mask, const T &value, int sourceLane) {
  static_assert(std::is_trivially_copyable<T>::value,
                "warp shuffles exchange trivially copyable values");
  constexpr std::size_t kWord = sizeof(unsigned long long);
  unsigned char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  for (std::size_t offset = 0; offset < sizeof(T); offset += kWord) {
    const std::size_t n = sizeof(T) - offset < kWord ? sizeof(T) - offset : kWord;
    unsigned long long bits = 0;
    std::memcpy(&bits, bytes + offset, n);
    bits = warpCollective(WarpOp::Shuffle, mask, bits, sourceLane, nullptr);
    std::memcpy(bytes + offset, &bits, n);
  }
  T result = value; // T need not be default-constructible
  std::memcpy(static_cast<void *>(&result), bytes, sizeof(T));
  return result;
}

inline unsigned warpVote(WarpOp op, unsigned mask, int predicate) {
  return static_cast<unsigned>(warpCollective(op, mask, predicate != 0 ? 1u : 0u, -1, nullptr));
}

inline unsigned warpReduce(WarpOp op, unsigned mask, unsigned value) {
  return static_cast<unsigned>(warpCollective(op, mask, value, -1, nullptr));
}

} // namespace npu::detail

template <class T> inline T __shfl_sync(unsigned mask, T var, int srcLane, int width = warpSize) {
  const int lane = static_cast<int>(::npu::detail::currentLaneId());
  return ::npu::detail::shuffleFrom(mask, var, ::npu::detail::shflSourceLane(lane, srcLane, width));
}

template <class T>
inline T __shfl_up_sync(unsigned mask, T var, unsigned delta, int width = warpSize) {
  const int lane = static_cast<int>(::npu::detail::currentLaneId());
  return ::npu::detail::shuffleFrom(mask, var, ::npu::detail::shflUpSourceLane(lane, delta, width));
}

template <class T>
inline T __shfl_down_sync(unsigned mask, T var, unsigned delta, int width = warpSize) {
  const int lane = static_cast<int>(::npu::detail::currentLaneId());
  return ::npu::detail::shuffleFrom(mask, var,
                                    ::npu::detail::shflDownSourceLane(lane, delta, width));
}

template <class T>
inline T __shfl_xor_sync(unsigned mask, T var, int laneMask, int width = warpSize) {
  const int lane = static_cast<int>(::npu::detail::currentLaneId());
  return ::npu::detail::shuffleFrom(mask, var,
                                    ::npu::detail::shflXorSourceLane(lane, laneMask, width));
}

inline unsigned __ballot_sync(unsigned mask, int predicate) {
  return ::npu::detail::warpVote(::npu::detail::WarpOp::Ballot, mask, predicate);
}
inline int __any_sync(unsigned mask, int predicate) {
  return static_cast<int>(::npu::detail::warpVote(::npu::detail::WarpOp::Any, mask, predicate));
}
inline int __all_sync(unsigned mask, int predicate) {
  return static_cast<int>(::npu::detail::warpVote(::npu::detail::WarpOp::All, mask, predicate));
}
inline int __uni_sync(unsigned mask, int predicate) {
  const unsigned ballot = __ballot_sync(mask, predicate);
  return ballot == 0 ||
         ballot == (mask & ::npu::detail::warpVote(::npu::detail::WarpOp::Ballot, mask, 1));
}
// The lanes of this warp currently executing together. Fibers have no hardware
// convergence, so the engine takes the lanes that reach __activemask before any
// other lane of the warp could (all others are waiting or have exited).
inline unsigned __activemask() {
  return static_cast<unsigned>(
      ::npu::detail::warpCollective(::npu::detail::WarpOp::ActiveMask, 0, 0, -1, nullptr));
}
inline void __syncwarp(unsigned mask = 0xffffffffu) {
  ::npu::detail::warpCollective(::npu::detail::WarpOp::Sync, mask, 0, -1, nullptr);
}

template <class T> inline unsigned __match_any_sync(unsigned mask, T value) {
  return static_cast<unsigned>(::npu::detail::warpCollective(
      ::npu::detail::WarpOp::MatchAny, mask, ::npu::detail::toLaneBits(value), -1, nullptr));
}
template <class T> inline unsigned __match_all_sync(unsigned mask, T value, int *pred) {
  int predicate = 0;
  const auto result = static_cast<unsigned>(::npu::detail::warpCollective(
      ::npu::detail::WarpOp::MatchAll, mask, ::npu::detail::toLaneBits(value), -1, &predicate));
  if (pred != nullptr)
    *pred = predicate;
  return result;
}

inline unsigned __reduce_add_sync(unsigned mask, unsigned value) {
  return ::npu::detail::warpReduce(::npu::detail::WarpOp::AddU32, mask, value);
}
inline int __reduce_add_sync(unsigned mask, int value) {
  return static_cast<int>(
      ::npu::detail::warpReduce(::npu::detail::WarpOp::AddU32, mask, static_cast<unsigned>(value)));
}
inline unsigned __reduce_min_sync(unsigned mask, unsigned value) {
  return ::npu::detail::warpReduce(::npu::detail::WarpOp::MinU32, mask, value);
}
inline int __reduce_min_sync(unsigned mask, int value) {
  return static_cast<int>(
      ::npu::detail::warpReduce(::npu::detail::WarpOp::MinS32, mask, static_cast<unsigned>(value)));
}
inline unsigned __reduce_max_sync(unsigned mask, unsigned value) {
  return ::npu::detail::warpReduce(::npu::detail::WarpOp::MaxU32, mask, value);
}
inline int __reduce_max_sync(unsigned mask, int value) {
  return static_cast<int>(
      ::npu::detail::warpReduce(::npu::detail::WarpOp::MaxS32, mask, static_cast<unsigned>(value)));
}
inline unsigned __reduce_and_sync(unsigned mask, unsigned value) {
  return ::npu::detail::warpReduce(::npu::detail::WarpOp::AndU32, mask, value);
}
inline unsigned __reduce_or_sync(unsigned mask, unsigned value) {
  return ::npu::detail::warpReduce(::npu::detail::WarpOp::OrU32, mask, value);
}
inline unsigned __reduce_xor_sync(unsigned mask, unsigned value) {
  return ::npu::detail::warpReduce(::npu::detail::WarpOp::XorU32, mask, value);
}

// Pre-CUDA-9 mask-less forms (removed from CUDA, still in old code): the full warp.
template <class T> inline T __shfl(T var, int srcLane, int width = warpSize) {
  return __shfl_sync(0xffffffffu, var, srcLane, width);
}
template <class T> inline T __shfl_up(T var, unsigned delta, int width = warpSize) {
  return __shfl_up_sync(0xffffffffu, var, delta, width);
}
template <class T> inline T __shfl_down(T var, unsigned delta, int width = warpSize) {
  return __shfl_down_sync(0xffffffffu, var, delta, width);
}
template <class T> inline T __shfl_xor(T var, int laneMask, int width = warpSize) {
  return __shfl_xor_sync(0xffffffffu, var, laneMask, width);
}
inline int __any(int predicate) { return __any_sync(0xffffffffu, predicate); }
inline int __all(int predicate) { return __all_sync(0xffffffffu, predicate); }
inline unsigned __ballot(int predicate) { return __ballot_sync(0xffffffffu, predicate); }

// The lane masks relative to this lane (PTX %lanemask_*).
inline unsigned __lanemask_lt() { return (1u << ::npu::detail::currentLaneId()) - 1u; }
inline unsigned __lanemask_le() { return (2u << ::npu::detail::currentLaneId()) - 1u; }
inline unsigned __lanemask_eq() { return 1u << ::npu::detail::currentLaneId(); }
inline unsigned __lanemask_gt() { return ~__lanemask_le(); }
inline unsigned __lanemask_ge() { return ~__lanemask_lt(); }
