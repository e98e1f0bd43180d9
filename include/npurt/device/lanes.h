// Warp operations of the barrier-region form: a block-level statement's shuffles and votes, run
// as two plain loops over the block's threads instead of on fibers (hierarchical collapsing).
//
// The translator (translator/rules/warp/LaneExchange.h) splits such a statement where its warp
// operations meet: a region in which every thread publishes the operand each of them exchanges,
// then the statement itself, whose warp operations read what the lanes of the thread's warp
// published:
//
//   auto npu_lanes_0 = npu_block.lanes();
//   for (int offset = 16; npu_block.active() && (offset > 0); offset /= 2) {
//     npu_block.for_each_thread(... { npu_lanes_0.at(npu_thread).publish(v); });
//     npu_block.for_each_thread(... { v += npu_lanes_0.at(npu_thread).shfl_down_sync(m, v, offset);
//     });
//   }
//
// Finishing the first loop before the second starts is the meeting of the warp's lanes, for every
// warp of the block at once; the statement sits at block level (every thread of the block reaches
// it together), which the translator proves as it does for __syncthreads().
//
// The results are those of the fiber path (npurt/device/warp.h): lane = linear thread index
// modulo 32, PTX's source-lane arithmetic for `width`, and a lane that cannot be read (outside the
// mask, beyond the block, exited) contributes nothing: a shuffle from it returns the caller's own
// operand, a vote or reduction leaves it out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "npurt/device/warp.h"

namespace npu {

class LaneExchange {
public:
  // The largest operand a lane publishes (a double4, a struct of four doubles).
  static constexpr std::size_t kLaneBytes = 32;

  // words: kLaneBytes per thread of the block; *exited: the block's exited flags (null while no
  // thread has exited).
  LaneExchange(unsigned char *words, unsigned threads, unsigned char *const *exited)
      : words_(words), threads_(threads), exited_(exited) {}

  // The warp operations of one thread (its linear index in the block).
  class Lane {
  public:
    Lane(const LaneExchange &x, std::size_t thread)
        : x_(x), thread_(thread), lane_(static_cast<int>(thread & 31u)),
          warp_(thread - (thread & 31u)) {}

    // The operand this thread exchanges, in the region before the statement.
    template <class T> void publish(const T &value) const {
      static_assert(std::is_trivially_copyable_v<T> && sizeof(T) <= kLaneBytes,
                    "npurt: a warp shuffle in the barrier-region form exchanges trivially "
                    "copyable values of at most 32 bytes");
      std::memcpy(x_.words_ + thread_ * kLaneBytes, &value, sizeof(T));
    }
    // A vote's predicate, converted to int as __ballot_sync's parameter converts it.
    void publish_predicate(int predicate) const { publish(predicate != 0 ? 1 : 0); }
    // A reduction's operand, converted as the overload of __reduce_*_sync it calls.
    void publish_operand(unsigned value) const { publish(value); }
    void publish_operand(int value) const { publish(static_cast<unsigned>(value)); }

    template <class T>
    T shfl_sync(unsigned mask, const T &var, int srcLane, int width = warpSize) const {
      return from(mask, var, detail::shflSourceLane(lane_, srcLane, width));
    }
    template <class T>
    T shfl_up_sync(unsigned mask, const T &var, unsigned delta, int width = warpSize) const {
      return from(mask, var, detail::shflUpSourceLane(lane_, delta, width));
    }
    template <class T>
    T shfl_down_sync(unsigned mask, const T &var, unsigned delta, int width = warpSize) const {
      return from(mask, var, detail::shflDownSourceLane(lane_, delta, width));
    }
    template <class T>
    T shfl_xor_sync(unsigned mask, const T &var, int laneMask, int width = warpSize) const {
      return from(mask, var, detail::shflXorSourceLane(lane_, laneMask, width));
    }
    // The pre-CUDA-9 forms: the full warp.
    template <class T> T shfl(const T &var, int srcLane, int width = warpSize) const {
      return shfl_sync(kFullMask, var, srcLane, width);
    }
    template <class T> T shfl_up(const T &var, unsigned delta, int width = warpSize) const {
      return shfl_up_sync(kFullMask, var, delta, width);
    }
    template <class T> T shfl_down(const T &var, unsigned delta, int width = warpSize) const {
      return shfl_down_sync(kFullMask, var, delta, width);
    }
    template <class T> T shfl_xor(const T &var, int laneMask, int width = warpSize) const {
      return shfl_xor_sync(kFullMask, var, laneMask, width);
    }

    // Votes and reductions read every operand as published; their own arguments only select
    // the overload.
    unsigned ballot_sync(unsigned mask, int) const {
      unsigned bits = 0;
      for (int l = 0; l < 32; ++l)
        if ((l == lane_ || readable(mask, l)) && word(l, 0) != 0)
          bits |= 1u << l;
      return bits;
    }
    int any_sync(unsigned mask, int predicate) const { return ballot_sync(mask, predicate) != 0; }
    int all_sync(unsigned mask, int predicate) const {
      return ballot_sync(mask, predicate) == participants(mask);
    }
    unsigned ballot(int predicate) const { return ballot_sync(kFullMask, predicate); }
    int any(int predicate) const { return any_sync(kFullMask, predicate); }
    int all(int predicate) const { return all_sync(kFullMask, predicate); }

    unsigned reduce_add_sync(unsigned mask, unsigned) const {
      return reduce(mask, [](unsigned a, unsigned b) { return a + b; });
    }
    int reduce_add_sync(unsigned mask, int) const {
      return static_cast<int>(reduce_add_sync(mask, 0u)); // the same sum, as published
    }
    unsigned reduce_min_sync(unsigned mask, unsigned) const {
      return reduce(mask, [](unsigned a, unsigned b) { return b < a ? b : a; });
    }
    int reduce_min_sync(unsigned mask, int) const {
      return static_cast<int>(reduce(mask, [](unsigned a, unsigned b) {
        return static_cast<int>(b) < static_cast<int>(a) ? b : a;
      }));
    }
    unsigned reduce_max_sync(unsigned mask, unsigned) const {
      return reduce(mask, [](unsigned a, unsigned b) { return b > a ? b : a; });
    }
    int reduce_max_sync(unsigned mask, int) const {
      return static_cast<int>(reduce(mask, [](unsigned a, unsigned b) {
        return static_cast<int>(b) > static_cast<int>(a) ? b : a;
      }));
    }
    unsigned reduce_and_sync(unsigned mask, unsigned) const {
      return reduce(mask, [](unsigned a, unsigned b) { return a & b; });
    }
    unsigned reduce_or_sync(unsigned mask, unsigned) const {
      return reduce(mask, [](unsigned a, unsigned b) { return a | b; });
    }
    unsigned reduce_xor_sync(unsigned mask, unsigned) const {
      return reduce(mask, [](unsigned a, unsigned b) { return a ^ b; });
    }

  private:
    static constexpr unsigned kFullMask = 0xffffffffu;

    // Whether lane l of this warp published: in the mask, in the block and not exited.
    bool readable(unsigned mask, int l) const {
      const std::size_t t = warp_ + static_cast<std::size_t>(l);
      return ((mask >> l) & 1u) != 0 && t < x_.threads_ &&
             (*x_.exited_ == nullptr || (*x_.exited_)[t] == 0);
    }
    unsigned participants(unsigned mask) const {
      unsigned bits = 1u << lane_;
      for (int l = 0; l < 32; ++l)
        if (readable(mask, l))
          bits |= 1u << l;
      return bits;
    }
    // What lane l published, as a T (own: a value of the type, T need not be
    // default-constructible).
    template <class T> T word(int l, T value) const {
      std::memcpy(static_cast<void *>(&value),
                  x_.words_ + (warp_ + static_cast<std::size_t>(l)) * kLaneBytes, sizeof(T));
      return value;
    }
    // The operand of lane `source`, or this lane's own when that one cannot be read: both as
    // published (the statement's operands are evaluated again only to give their type: what the
    // statement stores must not change what this lane exchanged).
    template <class T> T from(unsigned mask, const T &var, int source) const {
      const bool other = source >= 0 && source < 32 && source != lane_ && readable(mask, source);
      return word(other ? source : lane_, var);
    }
    template <class Op> unsigned reduce(unsigned mask, Op op) const {
      unsigned result = word(lane_, 0u);
      for (int l = 0; l < 32; ++l)
        if (l != lane_ && readable(mask, l))
          result = op(result, word(l, 0u));
      return result;
    }

    const LaneExchange &x_;
    const std::size_t thread_;
    const int lane_;
    const std::size_t warp_; // the linear index of lane 0 of this thread's warp
  };

  Lane at(std::size_t thread) const { return Lane(*this, thread); }

private:
  unsigned char *const words_;
  const unsigned threads_;
  unsigned char *const *const exited_;
};

} // namespace npu
