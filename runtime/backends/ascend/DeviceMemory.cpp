#include "backends/ascend/DeviceMemory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

#include "memcheck/Memcheck.h"

namespace npu::backends::ascend {
namespace {

constexpr std::size_t kDeviceAlignment = 256; // cudaMalloc's; mmap's page alignment exceeds it

std::size_t roundUp(std::size_t bytes, std::size_t granule) {
  if (granule <= 1)
    return bytes;
  if (bytes > SIZE_MAX - granule)
    return 0;
  return (bytes + granule - 1) / granule * granule;
}

std::size_t pageSize() {
  static const std::size_t size = [] {
    long page = sysconf(_SC_PAGE_SIZE);
    return page > 0 ? std::size_t(page) : std::size_t(4096);
  }();
  return size;
}

} // namespace

DeviceMemory::DeviceMemory(std::size_t capacity, std::size_t granule, std::size_t padding)
    : capacity_(capacity), granule_(granule), padding_(padding) {}

DeviceMemory::~DeviceMemory() {
  // The runtime frees every allocation before the backend goes; whatever a program leaked is
  // unmapped here so a test that creates several backends does not accumulate mappings.
  for (const auto &[ptr, block] : blocks_)
    if (block.mapped)
      munmap(const_cast<void *>(ptr), block.mapped);
}

std::size_t DeviceMemory::chargeFor(std::size_t bytes) const {
  std::size_t aligned = roundUp(bytes, granule_);
  if (aligned == 0 || aligned > SIZE_MAX - padding_)
    return 0;
  return aligned + padding_;
}

std::size_t DeviceMemory::used() const {
  std::lock_guard lock(mutex_);
  return used_;
}

void *DeviceMemory::allocate(std::size_t bytes) {
  const std::size_t charged = chargeFor(bytes);
  if (charged == 0)
    return nullptr;
  {
    // Reserve the charge first so concurrent allocations cannot both fit in the same space.
    std::lock_guard lock(mutex_);
    if (charged > capacity_ - used_)
      return nullptr;
    used_ += charged;
  }
  void *ptr = nullptr;
  std::size_t mapped = 0;
  if (memcheck::enabled()) {
    // The requested size, not the charged one: an access just past what the program asked for
    // must fault, not land in AscendCL's rounding.
    ptr = memcheck::allocate(bytes, memcheck::guardedAlignment(bytes, kDeviceAlignment));
  } else {
    mapped = roundUp(charged, pageSize());
    void *memory = mapped ? mmap(nullptr, mapped, PROT_READ | PROT_WRITE,
                                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
                          : MAP_FAILED;
    ptr = memory == MAP_FAILED ? nullptr : memory;
  }
  std::lock_guard lock(mutex_);
  if (!ptr) {
    used_ -= charged;
    return nullptr;
  }
  blocks_.emplace(ptr, Block{bytes, charged, mapped});
  return ptr;
}

bool DeviceMemory::release(void *ptr) {
  Block block;
  {
    std::lock_guard lock(mutex_);
    auto found = blocks_.find(ptr);
    if (found == blocks_.end())
      return false;
    block = found->second;
    blocks_.erase(found);
    used_ -= block.charged;
  }
  if (block.mapped)
    munmap(ptr, block.mapped);
  else
    memcheck::release(ptr);
  return true;
}

DeviceMemory::Found DeviceMemory::allocationContaining(const void *ptr) const {
  std::lock_guard lock(mutex_);
  auto after = blocks_.upper_bound(ptr);
  if (after == blocks_.begin())
    return {};
  const auto &[base, block] = *std::prev(after);
  const std::uintptr_t offset =
      reinterpret_cast<std::uintptr_t>(ptr) - reinterpret_cast<std::uintptr_t>(base);
  return offset < block.requested ? Found{base, block.requested} : Found{};
}

} // namespace npu::backends::ascend
