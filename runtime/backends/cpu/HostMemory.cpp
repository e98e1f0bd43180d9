#include "backends/cpu/HostMemory.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace npu::backends::cpu {
namespace {

// Copies and fills below this size run on the calling stream thread: splitting them costs more
// than one core's memory bandwidth saves.
constexpr std::size_t kParallelBytes = 4 << 20;
constexpr std::size_t kChunkBytes = 1 << 20;

// ThreadSanitizer cannot see TBB's internal synchronisation (libtbb is not instrumented) and
// would report its hand-offs as races; sanitized builds copy on the stream thread alone.
#if defined(__SANITIZE_THREAD__)
constexpr bool kSplitLargeCopies = false;
#else
constexpr bool kSplitLargeCopies = true;
#endif

template <class ChunkOp> void forEachChunk(std::size_t bytes, ChunkOp op) {
  if (!kSplitLargeCopies || bytes < kParallelBytes) {
    op(0, bytes);
    return;
  }
  std::size_t chunks = (bytes + kChunkBytes - 1) / kChunkBytes;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, chunks), [&](const auto &range) {
    std::size_t begin = range.begin() * kChunkBytes;
    std::size_t end = std::min(bytes, range.end() * kChunkBytes);
    op(begin, end - begin);
  });
}

bool overlaps(const void *a, const void *b, std::size_t bytes) {
  auto x = reinterpret_cast<std::uintptr_t>(a), y = reinterpret_cast<std::uintptr_t>(b);
  return x < y + bytes && y < x + bytes;
}

} // namespace

void hostCopy(void *dst, const void *src, std::size_t bytes) {
  if (overlaps(dst, src, bytes)) { // chunks would race
    std::memmove(dst, src, bytes);
    return;
  }
  forEachChunk(bytes, [&](std::size_t offset, std::size_t length) {
    std::memcpy(static_cast<char *>(dst) + offset, static_cast<const char *>(src) + offset, length);
  });
}

void hostFill(void *dst, int value, std::size_t bytes) {
  forEachChunk(bytes, [&](std::size_t offset, std::size_t length) {
    std::memset(static_cast<char *>(dst) + offset, value, length);
  });
}

} // namespace npu::backends::cpu
