// The barrier of a cooperative launch (CUDA's grid_group::sync()).
//
// The engine runs every block of a cooperative grid at once, each on its own OS thread
// (Engine.cpp), and points this thread's currentGridBarrier() at the grid's barrier while a block
// runs. A block meets its grid barrier as one: grid_group::sync() is a block barrier of kind
// Grid, and the fiber that completes it waits here for the other blocks before releasing its own
// (BlockRunner::completeBarrier). A block that has finished leaves the barrier, so the blocks
// still running do not wait for it (as a GPU counts exited threads as arrived).
#pragma once

#include <barrier>
#include <cstddef>

namespace npu::engine {

class GridBarrier {
public:
  explicit GridBarrier(std::ptrdiff_t blocks) : barrier_(blocks) {}
  void arriveAndWait() { barrier_.arrive_and_wait(); }
  void leave() { barrier_.arrive_and_drop(); }

private:
  std::barrier<> barrier_;
};

// The grid barrier of the block running on this OS thread; null outside a cooperative launch.
GridBarrier *&currentGridBarrier();

} // namespace npu::engine
