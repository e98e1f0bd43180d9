// Device symbols: __device__ and __constant__ globals, which are ordinary host globals here
// (CUDA runtime manual: "Memory Management", the *Symbol functions).
//
// The C++ templates in npurt/runtime.h pass the symbol's extent (sizeof) and register it in the
// allocation map as MemoryKind::Symbol on first use, so copies are bounds-checked and pointer
// attributes report device memory. The C forms also accept an address never registered that
// way if it lies in a writable data segment of the program or a loaded library (where every
// global lives); the copy is then bounds-checked against the end of that segment.
#include <link.h>

#include <cstdint>
#include <optional>

#include "api/ApiCall.h"
#include "api/memory_checks.h"

using npu::api::call;
using npu::api::copyInStream;
using npu::core::Allocation;
using npu::core::MemoryKind;
using npu::core::Runtime;

namespace {

// Bytes from `address` to the end of the writable loaded segment containing it.
std::optional<std::size_t> bytesToDataSegmentEnd(const void *address) {
  struct Query {
    std::uintptr_t address;
    std::optional<std::size_t> bytes;
  } query{reinterpret_cast<std::uintptr_t>(address), std::nullopt};
  dl_iterate_phdr(
      [](dl_phdr_info *info, std::size_t, void *data) {
        auto &q = *static_cast<Query *>(data);
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const auto &segment = info->dlpi_phdr[i];
          if (segment.p_type != PT_LOAD || (segment.p_flags & PF_W) == 0)
            continue;
          std::uintptr_t begin = info->dlpi_addr + segment.p_vaddr;
          if (q.address >= begin && q.address - begin < segment.p_memsz) {
            q.bytes = segment.p_memsz - (q.address - begin);
            return 1;
          }
        }
        return 0;
      },
      &query);
  return query.bytes;
}

// The symbol's extent from `symbol`: its registration, else its data segment.
std::optional<std::size_t> symbolBytes(Runtime &runtime, const void *symbol) {
  if (symbol == nullptr)
    return std::nullopt;
  if (auto allocation = runtime.allocations.find(symbol)) {
    if (allocation->kind != MemoryKind::Symbol)
      return std::nullopt;
    return allocation->bytesFrom(symbol);
  }
  return bytesToDataSegmentEnd(symbol);
}

npuError_t copyToSymbol(Runtime &runtime, const void *symbol, const void *src, size_t count,
                        size_t offset, npuMemcpyKind kind, npuStream_t stream, bool wait) {
  auto bytes = symbolBytes(runtime, symbol);
  if (!bytes)
    return npuErrorInvalidSymbol;
  if (kind != npuMemcpyHostToDevice && kind != npuMemcpyDeviceToDevice && kind != npuMemcpyDefault)
    return npuErrorInvalidMemcpyDirection;
  if (offset > *bytes || count > *bytes - offset)
    return npuErrorInvalidValue;
  auto *dst = const_cast<char *>(static_cast<const char *>(symbol)) + offset;
  // The symbol side is device memory by definition; only the source is checked against `kind`.
  npuMemcpyKind sourceKind = kind == npuMemcpyHostToDevice ? npuMemcpyHostToHost : kind;
  if (npuError_t error =
          npu::api::checkCopy(runtime.allocations, const_cast<void *>(src), src, count, sourceKind);
      error != npuSuccess)
    return error;
  return copyInStream(runtime, stream, dst, src, count,
                      kind == npuMemcpyDefault ? npuMemcpyHostToDevice : kind, wait);
}

npuError_t copyFromSymbol(Runtime &runtime, void *dst, const void *symbol, size_t count,
                          size_t offset, npuMemcpyKind kind, npuStream_t stream, bool wait) {
  auto bytes = symbolBytes(runtime, symbol);
  if (!bytes)
    return npuErrorInvalidSymbol;
  if (kind != npuMemcpyDeviceToHost && kind != npuMemcpyDeviceToDevice && kind != npuMemcpyDefault)
    return npuErrorInvalidMemcpyDirection;
  if (offset > *bytes || count > *bytes - offset)
    return npuErrorInvalidValue;
  const char *src = static_cast<const char *>(symbol) + offset;
  npuMemcpyKind destinationKind = kind == npuMemcpyDeviceToHost ? npuMemcpyHostToHost : kind;
  if (npuError_t error = npu::api::checkCopy(runtime.allocations, dst, dst, count, destinationKind);
      error != npuSuccess)
    return error;
  return copyInStream(runtime, stream, dst, src, count,
                      kind == npuMemcpyDefault ? npuMemcpyDeviceToHost : kind, wait);
}

} // namespace

namespace npu::detail {

const void *registerSymbol(const void *address, std::size_t bytes) noexcept {
  Runtime *runtime = Runtime::instance();
  if (runtime == nullptr || address == nullptr)
    return address;
  if (auto existing = runtime->allocations.find(address)) {
    // Already known: the same symbol again, or part of a registered one (an array element).
    bool inside = existing->kind == MemoryKind::Symbol && existing->bytesFrom(address) >= bytes;
    return inside ? address : nullptr;
  }
  if (runtime->allocations.findOverlap(address, bytes))
    return nullptr;
  Allocation symbol{const_cast<void *>(address), bytes, MemoryKind::Symbol, 0};
  if (!runtime->allocations.insert(symbol)) {
    // Another thread registered it first: fine if it is the same symbol.
    auto existing = runtime->allocations.find(address);
    return existing && existing->kind == MemoryKind::Symbol ? address : nullptr;
  }
  return address;
}

} // namespace npu::detail

extern "C" {

npuError_t npuMemcpyToSymbol(const void *symbol, const void *src, size_t count, size_t offset,
                             npuMemcpyKind kind) {
  return call([&](Runtime &runtime) {
    return copyToSymbol(runtime, symbol, src, count, offset, kind, nullptr, true);
  });
}

npuError_t npuMemcpyFromSymbol(void *dst, const void *symbol, size_t count, size_t offset,
                               npuMemcpyKind kind) {
  return call([&](Runtime &runtime) {
    return copyFromSymbol(runtime, dst, symbol, count, offset, kind, nullptr, true);
  });
}

npuError_t npuMemcpyToSymbolAsync(const void *symbol, const void *src, size_t count, size_t offset,
                                  npuMemcpyKind kind, npuStream_t stream) {
  return call([&](Runtime &runtime) {
    return copyToSymbol(runtime, symbol, src, count, offset, kind, stream, false);
  });
}

npuError_t npuMemcpyFromSymbolAsync(void *dst, const void *symbol, size_t count, size_t offset,
                                    npuMemcpyKind kind, npuStream_t stream) {
  return call([&](Runtime &runtime) {
    return copyFromSymbol(runtime, dst, symbol, count, offset, kind, stream, false);
  });
}

npuError_t npuGetSymbolAddress(void **devPtr, const void *symbol) {
  return call([&](Runtime &runtime) {
    if (devPtr == nullptr)
      return npuErrorInvalidValue;
    if (!symbolBytes(runtime, symbol))
      return npuErrorInvalidSymbol;
    *devPtr = const_cast<void *>(symbol);
    return npuSuccess;
  });
}

npuError_t npuGetSymbolSize(size_t *size, const void *symbol) {
  return call([&](Runtime &runtime) {
    if (size == nullptr)
      return npuErrorInvalidValue;
    auto bytes = symbolBytes(runtime, symbol);
    if (!bytes)
      return npuErrorInvalidSymbol;
    *size = *bytes;
    return npuSuccess;
  });
}

} // extern "C"
