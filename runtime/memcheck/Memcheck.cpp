// The memory checker: guarded, never-reused device allocations and a fault handler that names
// the kernel, block and thread that touched memory outside them (docs/ARCHITECTURE.md, "Memory
// checker").
//
// Layout. Allocations are carved, in address order, out of large PROT_NONE reservations
// ("regions", MAP_NORESERVE: address space only). Each allocation is
//
//   | gap (PROT_NONE) | slack (canary) | data (bytes) | pad (canary) | gap (PROT_NONE) | ...
//                     ^ page aligned                                 ^ page aligned
//
// where data + pad is `bytes` rounded up to the alignment, and the pages from the slack to the
// pad are the only accessible ones. The end of the data touches the next gap, so a read or a
// write past the end faults at once; the slack and the pad are filled with a canary that is
// checked after each kernel and at release. A released allocation becomes PROT_NONE again and
// its pages are given back (MADV_DONTNEED), but its addresses are never handed out again, so a
// stale pointer faults and is recognised as a use after free. Freed allocations and gaps merge
// into one kernel mapping, so the process holds about two mappings per live allocation.
//
// The tables the fault handler reads (regions, entries) are fixed-capacity arrays that are only
// appended to, under a mutex, and published with release stores of their counts: the handler
// reads them with acquire loads, no lock and no allocation.
#include "memcheck/Memcheck.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <string_view>
#include <vector>

#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "npurt/device/builtins.h"

namespace npu::memcheck {
namespace {

constexpr unsigned char kCanary = 0xCB;
// Inaccessible bytes between two allocations: an access up to this far past the end (or before
// the start) is attributed to the nearest allocation. Costs address space only.
constexpr std::size_t kGapBytes = std::size_t{64} << 10;
// The usual size of a reservation; a larger allocation gets a region of its own size.
constexpr std::size_t kRegionBytes = std::size_t{64} << 30;
constexpr std::size_t kMaxRegions = 4096;
constexpr std::size_t kChunkShift = 16; // entries per chunk: 65536
constexpr std::size_t kChunkEntries = std::size_t{1} << kChunkShift;
constexpr std::size_t kMaxChunks = 4096; // 268 million allocations in a process

struct Entry {
  std::uintptr_t mapped; // first accessible byte (page aligned); the slack starts here
  std::uintptr_t data;   // what allocate() returned
  std::size_t bytes;
  std::uintptr_t end;   // one past the last accessible byte: data + bytes + pad
  std::size_t liveSlot; // index in State::live while not freed (under the mutex)
  std::atomic<bool> freed{false};
};

struct Region {
  std::uintptr_t base;
  std::size_t bytes;
  std::size_t firstEntry; // entries [firstEntry, next region's firstEntry) lie in this region
};

// Everything is constant-initialised (zeroes), so the handler can read it at any time.
Region regions[kMaxRegions];
std::atomic<std::size_t> regionCount{0};
std::atomic<Entry *> chunks[kMaxChunks];
std::atomic<std::size_t> entryCount{0};

// Allocation-side state, under `mutex` (never touched by the handler).
std::mutex mutex;
std::uintptr_t cursor = 0; // first free address of the last region
std::vector<std::size_t> live;
std::size_t pageBytes = 4096;

struct sigaction previousSegv;
struct sigaction previousBus;
// The thread writing a report (0: none). The first error ends the process; another thread that
// faults meanwhile waits for that.
std::atomic<long> reporter{0};

Entry &entryAt(std::size_t index) {
  return chunks[index >> kChunkShift].load(std::memory_order_acquire)[index & (kChunkEntries - 1)];
}

std::uintptr_t alignUp(std::uintptr_t value, std::size_t alignment) {
  return (value + alignment - 1) & ~static_cast<std::uintptr_t>(alignment - 1);
}

// ---- async-signal-safe text --------------------------------------------------------------------

class Text {
public:
  Text &operator<<(std::string_view text) {
    for (char c : text)
      if (length_ < sizeof buffer_)
        buffer_[length_++] = c;
    return *this;
  }
  Text &decimal(std::uint64_t value) {
    char digits[24];
    int count = 0;
    do {
      digits[count++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value != 0);
    while (count > 0)
      *this << std::string_view(&digits[--count], 1);
    return *this;
  }
  Text &hex(std::uintptr_t value) {
    char digits[2 + 2 * sizeof value];
    int count = 0;
    do {
      digits[count++] = "0123456789abcdef"[value & 15];
      value >>= 4;
    } while (value != 0);
    *this << "0x";
    while (count > 0)
      *this << std::string_view(&digits[--count], 1);
    return *this;
  }
  Text &triple(const ::uint3 &v) {
    *this << "(";
    decimal(v.x) << ",";
    decimal(v.y) << ",";
    return decimal(v.z) << ")";
  }
  void writeToStderr() const {
    std::size_t done = 0;
    while (done < length_) {
      ssize_t n = ::write(STDERR_FILENO, buffer_ + done, length_ - done);
      if (n <= 0)
        return;
      done += static_cast<std::size_t>(n);
    }
  }

private:
  char buffer_[2048];
  std::size_t length_ = 0;
};

// Static so that a report needs almost no stack: the handler may run on a CUDA thread's fiber.
Text reportText;

long currentThreadId() { return static_cast<long>(::syscall(SYS_gettid)); }

// Claims the right to report. False when this thread is already reporting (a fault inside the
// report itself: let the default action happen). Another thread's report ends the process, so
// a second reporter waits for that.
bool claimReport() {
  const long self = currentThreadId();
  long expected = 0;
  if (reporter.compare_exchange_strong(expected, self))
    return true;
  if (expected == self)
    return false;
  for (;;)
    ::pause();
}

[[noreturn]] void finishReport() {
  reportText << "npurt memcheck: the first error stops the program (exit status ";
  reportText.decimal(kErrorExitStatus) << ")\n";
  reportText.writeToStderr();
  ::_exit(kErrorExitStatus);
}

// ---- locating an address ---------------------------------------------------------------------

struct Finding {
  enum class Where { Inside, Before, After, Unallocated } where = Where::Unallocated;
  const Entry *entry = nullptr;
  std::size_t distance = 0;
};

// Whether `address` lies in the checker's address space; if so, which allocation it belongs to
// or is nearest. Lock-free and allocation-free: called from the signal handler.
bool locate(std::uintptr_t address, Finding &finding) {
  // Entries first: a region published later starts at or after this count.
  const std::size_t entries = entryCount.load(std::memory_order_acquire);
  const std::size_t count = regionCount.load(std::memory_order_acquire);
  for (std::size_t r = 0; r < count; ++r) {
    const Region &region = regions[r];
    if (address < region.base || address - region.base >= region.bytes)
      continue;
    std::size_t low = region.firstEntry;
    std::size_t high = r + 1 < count ? std::min(regions[r + 1].firstEntry, entries) : entries;
    finding = Finding{};
    if (low >= high)
      return true;
    // The first entry whose data starts after the address.
    std::size_t first = low, last = high;
    while (first < last) {
      const std::size_t middle = first + (last - first) / 2;
      if (entryAt(middle).data <= address)
        first = middle + 1;
      else
        last = middle;
    }
    const Entry *before = first > low ? &entryAt(first - 1) : nullptr;
    const Entry *after = first < high ? &entryAt(first) : nullptr;
    if (before != nullptr && address < before->data + before->bytes) {
      finding = {Finding::Where::Inside, before, address - before->data};
      return true;
    }
    const std::size_t pastEnd =
        before != nullptr ? address - (before->data + before->bytes) : SIZE_MAX;
    const std::size_t beforeStart = after != nullptr ? after->data - address : SIZE_MAX;
    if (pastEnd <= beforeStart)
      finding = {Finding::Where::After, before, pastEnd};
    else
      finding = {Finding::Where::Before, after, beforeStart};
    return true;
  }
  return false;
}

void describe(Text &text, const Finding &finding) {
  const Entry *entry = finding.entry;
  if (entry == nullptr) {
    text << "an address the checker reserved that no allocation has used";
    return;
  }
  const bool freed = entry->freed.load(std::memory_order_acquire);
  text.decimal(finding.distance);
  switch (finding.where) {
  case Finding::Where::Inside:
    text << " bytes inside ";
    break;
  case Finding::Where::Before:
    text << " bytes before the start of ";
    break;
  default:
    text << " bytes after the end of ";
    break;
  }
  text << (freed && finding.where == Finding::Where::Inside ? "a freed " : "the ");
  text.decimal(entry->bytes) << "-byte allocation at ";
  text.hex(entry->data);
  if (freed)
    text << (finding.where == Finding::Where::Inside ? ", freed earlier (use after free)"
                                                     : " (freed earlier)");
}

// Where the current thread is: a CUDA thread of a kernel, a kernel's block outside its thread
// loop, or host code. Reads the engine's thread-local context.
void describeContext(Text &text) {
  const detail::BlockContext &context = detail::blockContext;
  if (context.kernelName == nullptr) {
    text << " in host code (not in a kernel)";
    return;
  }
  text << " in kernel '" << context.kernelName << "' block ";
  text.triple(::blockIdx);
  if (context.mode == detail::ExecMode::Host) {
    text << " (outside its thread loop)";
    return;
  }
  // A thread loop that does not keep the global threadIdx (ThreadIdxGlobal::Unused) may mark
  // it unknown with all ones.
  if (::threadIdx.x == ~0u) {
    text << " thread unknown";
    return;
  }
  text << " thread ";
  text.triple(::threadIdx);
}

// ---- the fault handler -----------------------------------------------------------------------

enum class Access { Unknown, Read, Write };

Access faultAccess([[maybe_unused]] void *context) {
#if defined(__x86_64__) && defined(REG_ERR) && defined(REG_TRAPNO)
  // The page-fault error code: bit 1 is set for a write.
  const auto *uc = static_cast<const ucontext_t *>(context);
  if (uc->uc_mcontext.gregs[REG_TRAPNO] != 14)
    return Access::Unknown;
  return (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0 ? Access::Write : Access::Read;
#elif defined(__aarch64__)
  // The kernel appends an esr_context record (magic "ESR\1") to the signal frame; for a data
  // abort (EC 0x24/0x25) ESR bit 6 (WnR) is set for a write.
  const auto *uc = static_cast<const ucontext_t *>(context);
  const auto *records = reinterpret_cast<const unsigned char *>(uc->uc_mcontext.__reserved);
  const std::size_t space = sizeof uc->uc_mcontext.__reserved;
  for (std::size_t offset = 0; offset + 8 <= space;) {
    std::uint32_t magic = 0, size = 0;
    __builtin_memcpy(&magic, records + offset, 4);
    __builtin_memcpy(&size, records + offset + 4, 4);
    if (magic == 0 || size < 8)
      break;
    if (magic == 0x45535201u && size >= 16 && offset + 16 <= space) {
      std::uint64_t esr = 0;
      __builtin_memcpy(&esr, records + offset + 8, 8);
      const std::uint64_t exceptionClass = esr >> 26;
      if (exceptionClass != 0x24 && exceptionClass != 0x25)
        return Access::Unknown;
      return (esr & (1u << 6)) != 0 ? Access::Write : Access::Read;
    }
    offset += size;
  }
  return Access::Unknown;
#else
  return Access::Unknown;
#endif
}

// Hands a fault that is not ours to whoever handled the signal before us. With the default
// action (or none), the handler is reset and the faulting instruction faults again on return.
void forward(int signal, siginfo_t *info, void *context) {
  const struct sigaction &previous = signal == SIGSEGV ? previousSegv : previousBus;
  if ((previous.sa_flags & SA_SIGINFO) != 0) {
    if (previous.sa_sigaction != nullptr) {
      previous.sa_sigaction(signal, info, context);
      return;
    }
  } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
    previous.sa_handler(signal);
    return;
  }
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  ::sigaction(signal, &fallback, nullptr);
}

void onFault(int signal, siginfo_t *info, void *context) {
  Finding finding;
  // si_code > 0: raised by the hardware (not by kill or raise).
  if (info != nullptr && info->si_code > 0 &&
      locate(reinterpret_cast<std::uintptr_t>(info->si_addr), finding) && claimReport()) {
    const Access access = faultAccess(context);
    reportText << "npurt memcheck: invalid "
               << (access == Access::Write  ? "write"
                   : access == Access::Read ? "read"
                                            : "access")
               << " at ";
    reportText.hex(reinterpret_cast<std::uintptr_t>(info->si_addr));
    describeContext(reportText);
    reportText << ": ";
    describe(reportText, finding);
    reportText << "\n";
    finishReport();
  }
  forward(signal, info, context);
}

void installHandler() {
  struct sigaction action {};
  action.sa_sigaction = onFault;
  sigemptyset(&action.sa_mask);
  // SA_ONSTACK: a thread that has an alternate signal stack reports on it.
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  ::sigaction(SIGSEGV, &action, &previousSegv);
  ::sigaction(SIGBUS, &action, &previousBus);
}

bool readSetting() {
  const char *value = std::getenv("NPURT_MEMCHECK");
  if (value == nullptr)
    return false;
  const std::string_view text = value;
  if (text == "1")
    return true;
  if (!text.empty() && text != "0") {
    Text warning;
    warning << "npurt memcheck: NPURT_MEMCHECK='" << text
            << "' is not 0 or 1; the memory checker stays off\n";
    warning.writeToStderr();
  }
  return false;
}

// ---- canaries ----------------------------------------------------------------------------------

// The lowest canary byte of `entry` that was overwritten, or 0 when all are intact.
std::uintptr_t corruptedCanary(const Entry &entry) {
  // The slack (up to a page, checked after every kernel) a word at a time: it starts on a page
  // and ends at the data, which is aligned to at least 16 bytes or is byte-aligned on request.
  constexpr std::uint64_t kCanaryWord = 0x0101010101010101ull * kCanary;
  std::uintptr_t p = entry.mapped;
  for (; p + 8 <= entry.data; p += 8)
    if (*reinterpret_cast<const std::uint64_t *>(p) != kCanaryWord)
      break;
  for (; p < entry.data; ++p)
    if (*reinterpret_cast<const unsigned char *>(p) != kCanary)
      return p;
  for (std::uintptr_t p = entry.data + entry.bytes; p < entry.end; ++p)
    if (*reinterpret_cast<const unsigned char *>(p) != kCanary)
      return p;
  return 0;
}

// Reports an overwritten canary of `entry` (found after `kernelName`, or at release when null)
// and ends the process. Called with the mutex held, outside any signal handler.
[[noreturn]] void reportCanary(const Entry &entry, std::uintptr_t where, const char *kernelName) {
  if (!claimReport())
    ::_exit(kErrorExitStatus);
  reportText << "npurt memcheck: invalid write at ";
  reportText.hex(where);
  if (kernelName != nullptr)
    reportText << " in kernel '" << kernelName
               << "' (found by the canary check after the kernel; block and thread unknown)";
  else
    reportText << " (found by the canary check when the allocation was freed; kernel, block and "
                  "thread unknown)";
  reportText << ": ";
  Finding finding;
  finding.entry = &entry;
  if (where < entry.data) {
    finding.where = Finding::Where::Before;
    finding.distance = entry.data - where;
  } else {
    finding.where = Finding::Where::After;
    finding.distance = where - (entry.data + entry.bytes);
  }
  describe(reportText, finding);
  reportText << "\n";
  finishReport();
}

// ---- regions -------------------------------------------------------------------------------

// Reserves a new region of at least `needed` bytes; false when the host refuses.
bool addRegion(std::size_t needed) {
  const std::size_t index = regionCount.load(std::memory_order_relaxed);
  if (index == kMaxRegions)
    return false;
  // A smaller reservation when the address space is limited (ulimit -v).
  for (std::size_t size :
       {std::max(kRegionBytes, needed), std::max(kRegionBytes >> 6, needed), needed}) {
    void *base =
        ::mmap(nullptr, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED)
      continue;
    regions[index] = Region{reinterpret_cast<std::uintptr_t>(base), size,
                            entryCount.load(std::memory_order_relaxed)};
    regionCount.store(index + 1, std::memory_order_release);
    cursor = reinterpret_cast<std::uintptr_t>(base);
    return true;
  }
  return false;
}

// Finds the entry whose data starts at `ptr` (mutex held).
Entry *findEntry(std::uintptr_t ptr) {
  Finding finding;
  if (!locate(ptr, finding) || finding.entry == nullptr || finding.entry->data != ptr)
    return nullptr; // (a zero-byte allocation is found as "0 bytes after its end")
  return const_cast<Entry *>(finding.entry);
}

} // namespace

bool enabled() {
  static const bool on = [] {
    if (!readSetting())
      return false;
    const long page = ::sysconf(_SC_PAGESIZE);
    if (page > 0)
      pageBytes = static_cast<std::size_t>(page);
    installHandler();
    return true;
  }();
  return on;
}

std::size_t guardedAlignment(std::size_t bytes, std::size_t promised) {
  // bytes = n * sizeof(T) is divisible by alignof(T): the lowest set bit keeps T[n] aligned.
  const std::size_t sizeAlignment = bytes == 0 ? promised : (bytes & (~bytes + 1));
  return std::min(promised, std::max<std::size_t>(16, sizeAlignment));
}

void *allocate(std::size_t bytes, std::size_t alignment) {
  if (alignment == 0 || (alignment & (alignment - 1)) != 0)
    alignment = 1;
  if (bytes > (std::size_t{1} << 48))
    return nullptr;
  // The data ends at `bytes` rounded up to the alignment (the pad, a canary), which ends at the
  // page boundary of the next gap.
  const std::size_t padded = alignUp(bytes, alignment);
  const std::size_t pages = alignUp(padded, pageBytes);
  const std::size_t start = std::max(pageBytes, alignment);

  std::lock_guard<std::mutex> lock(mutex);
  const std::size_t index = entryCount.load(std::memory_order_relaxed);
  if (index == kMaxChunks * kChunkEntries)
    return nullptr;
  auto fits = [&] {
    const std::size_t count = regionCount.load(std::memory_order_relaxed);
    if (count == 0)
      return false;
    const Region &region = regions[count - 1];
    const std::uintptr_t mapped = alignUp(cursor + kGapBytes, start);
    return mapped + pages + kGapBytes <= region.base + region.bytes;
  };
  if (!fits() && (!addRegion(pages + 2 * kGapBytes + start) || !fits()))
    return nullptr;
  const std::uintptr_t mapped = alignUp(cursor + kGapBytes, start);
  if (pages != 0 &&
      ::mprotect(reinterpret_cast<void *>(mapped), pages, PROT_READ | PROT_WRITE) != 0)
    return nullptr; // e.g. the limit on mappings (vm.max_map_count)
  Entry *chunk = chunks[index >> kChunkShift].load(std::memory_order_relaxed);
  if (chunk == nullptr) {
    void *memory = ::mmap(nullptr, kChunkEntries * sizeof(Entry), PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (memory == MAP_FAILED) {
      ::mprotect(reinterpret_cast<void *>(mapped), pages, PROT_NONE);
      return nullptr;
    }
    chunk = static_cast<Entry *>(memory);
    chunks[index >> kChunkShift].store(chunk, std::memory_order_release);
  }
  cursor = mapped + pages;
  const std::uintptr_t data = mapped + (pages - padded);
  // Fresh pages of a never-reused reservation read as zero; only the canaries are written, so
  // the data's pages are committed when the program touches them (cudaMalloc does not zero).
  std::memset(reinterpret_cast<void *>(mapped), kCanary, data - mapped);
  std::memset(reinterpret_cast<void *>(data + bytes), kCanary, padded - bytes);
  try {
    live.push_back(index);
  } catch (const std::bad_alloc &) {
    ::mprotect(reinterpret_cast<void *>(mapped), pages, PROT_NONE);
    return nullptr;
  }
  Entry *entry = new (&chunk[index & (kChunkEntries - 1)]) Entry;
  entry->mapped = mapped;
  entry->data = data;
  entry->bytes = bytes;
  entry->end = mapped + pages;
  entry->liveSlot = live.size() - 1;
  entryCount.store(index + 1, std::memory_order_release);
  return reinterpret_cast<void *>(data);
}

bool release(void *ptr) {
  std::lock_guard<std::mutex> lock(mutex);
  Entry *entry = findEntry(reinterpret_cast<std::uintptr_t>(ptr));
  if (entry == nullptr || entry->freed.load(std::memory_order_relaxed))
    return false;
  if (const std::uintptr_t where = corruptedCanary(*entry); where != 0)
    reportCanary(*entry, where, nullptr);
  // Marked first, so that a fault racing with the release is reported as a use after free.
  entry->freed.store(true, std::memory_order_release);
  const std::size_t slot = entry->liveSlot;
  live[slot] = live.back();
  entryAt(live[slot]).liveSlot = slot;
  live.pop_back();
  if (entry->end != entry->mapped) {
    // One system call (one TLB shootdown, the expensive part) both drops the pages and makes
    // the range inaccessible: a fresh PROT_NONE mapping in its place, which the kernel merges
    // with the neighbouring gaps. mprotect + madvise is the fallback.
    void *pages = reinterpret_cast<void *>(entry->mapped);
    const std::size_t length = entry->end - entry->mapped;
    if (::mmap(pages, length, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED,
               -1, 0) == MAP_FAILED) {
      ::mprotect(pages, length, PROT_NONE);
      ::madvise(pages, length, MADV_DONTNEED);
    }
  }
  return true;
}

void checkAfterKernel(const char *kernelName) {
  std::lock_guard<std::mutex> lock(mutex);
  for (std::size_t index : live) {
    const Entry &entry = entryAt(index);
    if (const std::uintptr_t where = corruptedCanary(entry); where != 0)
      reportCanary(entry, where, kernelName != nullptr ? kernelName : "?");
  }
}

} // namespace npu::memcheck
