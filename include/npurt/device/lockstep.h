// Legacy warp-synchronous code and spin-waits (emitted by cu2npu's warp/lockstep rule).
//
// Pre-Volta code reduces and scans over `volatile` shared memory in the last warp with no
// __syncwarp, relying on the 32 lanes executing each instruction together: every lane's loads of
// a statement happen before any lane's store. Fibers run one lane at a time, so cu2npu routes
// each such access through these functions: before it, the lanes of the warp meet (the engine's
// convergence point, as __activemask: the lanes that arrive before any other lane of the warp
// could), so all lanes perform access k before any performs access k + 1 -- lockstep at the
// granularity of memory accesses, which is what warp-synchronous code observes. Plain shared
// memory used the same way (read after another element was written, no barrier between) goes
// through them too.
//
// A loop that waits on memory other threads write (which loops: translator/rules/warp/Lockstep.h)
// yields at each iteration, so the thread it waits for gets to run.
#pragma once

#include <type_traits>

#include "npurt/device/builtins.h"

namespace npu {

// The lanes of this warp meet before the next access.
inline void warp_step() {
  ::npu::detail::warpCollective(::npu::detail::WarpOp::ActiveMask, 0, 0, -1, nullptr);
}

template <class T> inline std::remove_cv_t<T> warp_load(T &location) {
  warp_step();
  return location;
}

template <class T, class V> inline std::remove_cv_t<T> warp_store(T &location, V &&value) {
  // `value` is evaluated (its own loads stepped) before the lanes meet for the store.
  std::remove_cv_t<T> converted = static_cast<std::remove_cv_t<T>>(static_cast<V &&>(value));
  warp_step();
  location = converted;
  return converted;
}

// The operation of `location op= value`.
enum class WarpUpdate { Add, Sub, Mul, Div, Rem, And, Or, Xor, Shl, Shr };

// `location op= value`: load, compute and store, the lanes meeting before the load and the store.
template <WarpUpdate Op, class T, class V>
inline std::remove_cv_t<T> warp_update(T &location, V &&value) {
  using Plain = std::remove_cv_t<T>;
  warp_step();
  Plain updated = location;
  if constexpr (Op == WarpUpdate::Add)
    updated += value;
  else if constexpr (Op == WarpUpdate::Sub)
    updated -= value;
  else if constexpr (Op == WarpUpdate::Mul)
    updated *= value;
  else if constexpr (Op == WarpUpdate::Div)
    updated /= value;
  else if constexpr (Op == WarpUpdate::Rem)
    updated %= value;
  else if constexpr (Op == WarpUpdate::And)
    updated &= value;
  else if constexpr (Op == WarpUpdate::Or)
    updated |= value;
  else if constexpr (Op == WarpUpdate::Xor)
    updated ^= value;
  else if constexpr (Op == WarpUpdate::Shl)
    updated <<= value;
  else
    updated >>= value;
  warp_step();
  location = updated;
  return updated;
}

// The back-edge of a loop that waits for another thread: let it run.
inline void spin_yield() { ::npu::detail::spinYield(); }

} // namespace npu
