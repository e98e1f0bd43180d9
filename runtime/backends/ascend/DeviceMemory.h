// The modeled device's memory: as much as the model's HBM, no more, whatever the host has.
// Each allocation is charged as AscendCL's aclrtMalloc rounds it (size aligned up to 32 bytes,
// plus 32 bytes of padding) so npuMemGetInfo shows what the device would have left. Memory is
// committed lazily (an anonymous MAP_NORESERVE mapping): a 60 GB allocation on a 64 GB model
// works on a smaller host as long as the program does not touch all of it.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>

namespace npu::backends::ascend {

class DeviceMemory {
public:
  // `capacity` bytes in all; allocations rounded up to `granule` and padded by `padding`.
  DeviceMemory(std::size_t capacity, std::size_t granule, std::size_t padding);
  ~DeviceMemory();
  DeviceMemory(const DeviceMemory &) = delete;
  DeviceMemory &operator=(const DeviceMemory &) = delete;

  // At least `bytes`, aligned to 256 bytes (cudaMalloc's guarantee); nullptr when the charge
  // would exceed the capacity left, or when the host cannot map it.
  void *allocate(std::size_t bytes);
  // Frees memory from allocate(); false when `ptr` is not one of its allocations.
  bool release(void *ptr);

  // What aclrtMalloc charges for `bytes`; 0 on overflow.
  std::size_t chargeFor(std::size_t bytes) const;
  std::size_t capacity() const { return capacity_; }
  std::size_t used() const;
  // The allocation that contains `ptr`: its base and requested size; {nullptr, 0} when none.
  struct Found {
    const void *base = nullptr;
    std::size_t bytes = 0;
  };
  Found allocationContaining(const void *ptr) const;

private:
  struct Block {
    std::size_t requested;
    std::size_t charged;
    std::size_t mapped; // 0: from the memory checker
  };
  std::size_t capacity_, granule_, padding_;
  mutable std::mutex mutex_;
  std::size_t used_ = 0;
  std::map<const void *, Block> blocks_; // ordered: interior pointers find their block
};

} // namespace npu::backends::ascend
