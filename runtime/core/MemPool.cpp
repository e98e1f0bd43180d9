#include "core/MemPool.h"

#include <algorithm>

namespace npu::core {

PoolRegistry::PoolRegistry(Backend &backend) : backend_(backend) {
  defaultPool_ = currentPool_ = create(0);
}

PoolRegistry::~PoolRegistry() { reset(); }

npuMemPool_t PoolRegistry::currentPool() const {
  std::lock_guard lock(mutex_);
  return currentPool_;
}

void PoolRegistry::setCurrentPool(npuMemPool_t pool) {
  std::lock_guard lock(mutex_);
  currentPool_ = pool;
}

bool PoolRegistry::isPool(npuMemPool_t pool) const {
  std::lock_guard lock(mutex_);
  auto found = pools_.find(pool);
  return found != pools_.end() && !found->second.destroyed;
}

npuMemPool_t PoolRegistry::create(std::size_t maxSize) {
  auto handle = std::make_unique<npuMemPool_st>();
  handle->maxSize = maxSize;
  npuMemPool_t pool = handle.get();
  std::lock_guard lock(mutex_);
  pools_[pool].handle = std::move(handle);
  return pool;
}

bool PoolRegistry::destroy(npuMemPool_t pool) {
  std::lock_guard lock(mutex_);
  auto found = pools_.find(pool);
  if (pool == defaultPool_ || found == pools_.end() || found->second.destroyed)
    return false;
  for (const Block &block : found->second.idle)
    backend_.freeDevice(block.base);
  found->second.idle.clear();
  found->second.destroyed = true;
  if (currentPool_ == pool)
    currentPool_ = defaultPool_; // CUDA: the device falls back to its default pool
  return true;
}

void *PoolRegistry::allocate(npuMemPool_t pool, std::size_t bytes, const void *stream) {
  std::lock_guard lock(mutex_);
  Pool &owner = pools_.at(pool);
  PoolAttributes &stats = owner.attributes;
  // The smallest idle block that fits and may be reused by `stream` now.
  auto best = owner.idle.end();
  for (auto block = owner.idle.begin(); block != owner.idle.end(); ++block) {
    bool ordered = block->freedOn == stream;
    bool settled = stats.allowOpportunistic != 0 && block->freed && block->freed->isDone();
    if (block->bytes >= bytes && (ordered || settled) &&
        (best == owner.idle.end() || block->bytes < best->bytes))
      best = block;
  }
  Block chosen;
  if (best != owner.idle.end()) {
    chosen = *best;
    owner.idle.erase(best);
  } else {
    if (owner.handle->maxSize != 0 && stats.reserved + bytes > owner.handle->maxSize)
      return nullptr;
    chosen.base = backend_.allocateDevice(bytes);
    if (chosen.base == nullptr) {
      trimLocked(owner, 0); // give back what idles here, then try once more
      chosen.base = backend_.allocateDevice(bytes);
      if (chosen.base == nullptr)
        return nullptr;
    }
    chosen.bytes = bytes;
    chosen.pool = pool;
    stats.reserved += bytes;
    stats.reservedHigh = std::max(stats.reservedHigh, stats.reserved);
  }
  stats.used += chosen.bytes;
  stats.usedHigh = std::max(stats.usedHigh, stats.used);
  chosen.freed.reset();
  chosen.freedOn = nullptr;
  inUse_[chosen.base] = chosen;
  return chosen.base;
}

bool PoolRegistry::owns(const void *base) const {
  std::lock_guard lock(mutex_);
  return inUse_.count(base) != 0;
}

void PoolRegistry::free(void *base, const void *stream, std::shared_ptr<const Completion> freed) {
  std::lock_guard lock(mutex_);
  auto found = inUse_.find(base);
  if (found == inUse_.end())
    return;
  Block block = found->second;
  inUse_.erase(found);
  Pool &owner = pools_.at(block.pool);
  owner.attributes.used -= block.bytes;
  if (owner.destroyed) {
    freed->wait(); // the pool is gone: the memory goes back once the free has run
    releaseLocked(owner, block);
    return;
  }
  block.freedOn = stream;
  block.freed = std::move(freed);
  owner.idle.push_back(std::move(block));
}

bool PoolRegistry::release(const void *base) {
  std::lock_guard lock(mutex_);
  auto found = inUse_.find(base);
  if (found == inUse_.end())
    return false;
  Pool &owner = pools_.at(found->second.pool);
  owner.attributes.used -= found->second.bytes;
  releaseLocked(owner, found->second);
  inUse_.erase(found);
  return true;
}

void PoolRegistry::trim(npuMemPool_t pool, std::size_t keepBytes) {
  std::lock_guard lock(mutex_);
  trimLocked(pools_.at(pool), keepBytes);
}

void PoolRegistry::trimToThresholds() {
  std::lock_guard lock(mutex_);
  for (auto &[handle, pool] : pools_)
    trimLocked(pool, pool.attributes.releaseThreshold);
}

void PoolRegistry::trimLocked(Pool &pool, std::size_t keepBytes) {
  // Largest first: the fewest blocks released for the bytes asked.
  std::sort(pool.idle.begin(), pool.idle.end(),
            [](const Block &a, const Block &b) { return a.bytes > b.bytes; });
  for (auto block = pool.idle.begin();
       block != pool.idle.end() && pool.attributes.reserved > keepBytes;) {
    if (block->freed && !block->freed->isDone()) {
      ++block; // its last use may still be running
      continue;
    }
    releaseLocked(pool, *block);
    block = pool.idle.erase(block);
  }
}

void PoolRegistry::releaseLocked(Pool &pool, const Block &block) {
  backend_.freeDevice(block.base);
  pool.attributes.reserved -= block.bytes;
}

void PoolRegistry::reset() {
  std::lock_guard lock(mutex_);
  for (auto &[handle, pool] : pools_)
    for (const Block &block : pool.idle)
      backend_.freeDevice(block.base);
  for (auto &[base, block] : inUse_) // never freed by the program (at exit)
    backend_.freeDevice(block.base);
  inUse_.clear();
  for (auto it = pools_.begin(); it != pools_.end();)
    it = it->first == defaultPool_ ? std::next(it) : pools_.erase(it);
  Pool &kept = pools_.at(defaultPool_);
  kept.idle.clear();
  kept.attributes = PoolAttributes{};
  currentPool_ = defaultPool_;
}

} // namespace npu::core
