// Stream-ordered memory pools (npuMallocAsync, npuFreeAsync, npuMemPool*). A pool owns blocks
// of device memory from the backend (so the device's capacity and alignment rules hold). A
// block freed with npuFreeAsync goes back to its pool at once, tagged with the completion of the
// free in its stream's order; npuMallocAsync then reuses a block of at least the size asked:
//  - freed on the same stream: always (stream order puts the new use after the free);
//  - freed on another stream once the free has run, when the pool allows opportunistic reuse
//    (npuMemPoolReuseAllowOpportunistic, on by default);
// otherwise it reserves a new block. Blocks above the pool's release threshold (0 by default)
// go back to the backend when the program synchronises (stream, event, device), as CUDA
// releases them, or on npuMemPoolTrimTo. Not modelled: reuse through event dependencies
// (ReuseFollowEventDependencies is kept as an attribute only), IPC and per-device access.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "core/Backend.h"
#include "core/Completion.h"

struct npuMemPool_st {
  std::size_t maxSize = 0; // 0: no limit but the device's
};

namespace npu::core {

struct PoolAttributes {
  std::uint64_t releaseThreshold = 0;
  int followEventDependencies = 1, allowOpportunistic = 1, allowInternalDependencies = 1;
  std::uint64_t reserved = 0, reservedHigh = 0, used = 0, usedHigh = 0;
};

class PoolRegistry {
public:
  explicit PoolRegistry(Backend &backend);
  ~PoolRegistry(); // idle blocks back to the backend (which outlives the registry)

  npuMemPool_t defaultPool() const { return defaultPool_; }
  npuMemPool_t currentPool() const;
  void setCurrentPool(npuMemPool_t pool);
  bool isPool(npuMemPool_t pool) const;
  npuMemPool_t create(std::size_t maxSize);
  // False for the default pool or an unknown one. Idle blocks go back to the backend; blocks in
  // use go back when freed.
  bool destroy(npuMemPool_t pool);

  // A block of at least `bytes` for work on `stream`; nullptr when the device is full.
  void *allocate(npuMemPool_t pool, std::size_t bytes, const void *stream);
  // Whether `base` is a block in use from a pool.
  bool owns(const void *base) const;
  // Returns a block in use to its pool, reusable as described above after `freed`.
  void free(void *base, const void *stream, std::shared_ptr<const Completion> freed);
  // A block in use freed synchronously (npuFree, npuDeviceReset): straight back to the backend.
  // False when `base` is no block in use.
  bool release(const void *base);

  // Runs `change(attributes)` on the pool's attributes under the registry's lock (allocations
  // update the sizes concurrently) and returns its result.
  template <class Change> npuError_t updateAttributes(npuMemPool_t pool, Change change) {
    std::lock_guard lock(mutex_);
    return change(pools_.at(pool).attributes);
  }
  // Releases idle blocks whose free has run until the pool reserves at most `keepBytes`.
  void trim(npuMemPool_t pool, std::size_t keepBytes);
  // After the program synchronised: every pool down to its release threshold.
  void trimToThresholds();
  // npuDeviceReset, after every allocation was released: idle blocks back to the backend,
  // created pools gone, the default pool current again with default attributes.
  void reset();

private:
  struct Block {
    void *base = nullptr;
    std::size_t bytes = 0;
    npuMemPool_t pool = nullptr;
    const void *freedOn = nullptr;           // the stream of the free
    std::shared_ptr<const Completion> freed; // the free, in that stream's order
  };
  struct Pool {
    std::unique_ptr<npuMemPool_st> handle;
    PoolAttributes attributes;
    std::vector<Block> idle;
    bool destroyed = false; // blocks in use still name it until freed
  };
  void trimLocked(Pool &pool, std::size_t keepBytes);
  void releaseLocked(Pool &pool, const Block &block);

  Backend &backend_;
  mutable std::mutex mutex_;
  std::unordered_map<const npuMemPool_st *, Pool> pools_;
  std::unordered_map<const void *, Block> inUse_;
  npuMemPool_t defaultPool_ = nullptr;
  npuMemPool_t currentPool_ = nullptr;
};

} // namespace npu::core
