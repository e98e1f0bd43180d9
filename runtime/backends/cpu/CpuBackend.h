// The cpu backend: one device backed by the host. Device memory is host memory (Allocator),
// kernels run on the shared kernel engine (runtime/engine), copies and fills are memmove and
// memset, split across TBB workers when large.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/Backend.h"

namespace npu::backends::cpu {

class CpuBackend final : public core::Backend {
public:
  std::string name() const override { return "cpu"; }
  void deviceProperties(int device, npuDeviceProp &prop) const override;
  void memoryInfo(int device, std::size_t &freeBytes, std::size_t &totalBytes) const override;

  void *allocateDevice(std::size_t bytes) override;
  void freeDevice(void *ptr) override;

  void copy(void *dst, const void *src, std::size_t bytes, npuMemcpyKind kind,
            core::OpTiming &timing) override;
  void fill(void *dst, int value, std::size_t bytes, core::OpTiming &timing) override;
  npuError_t runGrid(detail::GridTask &task, core::OpTiming &timing) override;
};

// Registry entry: the cpu backend takes no options ("cpu").
std::unique_ptr<core::Backend> createCpuBackend(std::string_view options, std::string &error);

} // namespace npu::backends::cpu
