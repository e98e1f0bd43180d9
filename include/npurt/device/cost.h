// Operation counters for the modeled devices' performance model.
//
// cu2npu puts one NPU_COST(...) statement at the top of each compound statement of a kernel or
// device function: the operations that compound statement does directly (nested compound
// statements count their own), by class. When the running backend models a device
// (NPURT_BACKEND=ascend:...), each execution adds them to the worker's tally; the engine sums
// the tallies per block and the backend's cost model turns them into modeled time. On the cpu
// backend the statement is one well-predicted branch on a flag that is false; defining
// NPURT_NO_COST_COUNTERS compiles it out entirely.
//
//   NPU_COST(fp32(2), gread(8), gwrite(4));   // per CUDA thread that runs this compound
#pragma once

#include <cstdint>
#include <initializer_list>
#include <type_traits>

namespace npu::detail {

// Operation classes the cost model distinguishes. Counts are per CUDA thread execution.
struct CostTally {
  std::uint64_t fp32 = 0;     // fp32 arithmetic operations (an FMA counts 2)
  std::uint64_t fp16 = 0;     // fp16 / bf16 arithmetic operations
  std::uint64_t fp64 = 0;     // fp64 arithmetic operations
  std::uint64_t intOps = 0;   // integer and logic operations, comparisons, conversions
  std::uint64_t sfu = 0;      // special functions: sqrt, exp, log, sin, cos, pow, division
  std::uint64_t gread = 0;    // bytes read from global (and constant) memory
  std::uint64_t gwrite = 0;   // bytes written to global memory
  std::uint64_t shared = 0;   // bytes read or written in shared memory
  std::uint64_t atomics = 0;  // atomic operations
  std::uint64_t barriers = 0; // block-level barriers (__syncthreads and friends)
  std::uint64_t warpOps = 0;  // warp shuffles, votes and warp-level reductions
  // Texture fetches (their texel reads and arithmetic are counted above too) and how many of
  // them filter: a device without texture units emulates both (npurt/device/texture.h).
  std::uint64_t textureFetches = 0;
  std::uint64_t filteredFetches = 0;

  CostTally &operator+=(const CostTally &other) {
    fp32 += other.fp32;
    fp16 += other.fp16;
    fp64 += other.fp64;
    intOps += other.intOps;
    sfu += other.sfu;
    gread += other.gread;
    gwrite += other.gwrite;
    shared += other.shared;
    atomics += other.atomics;
    barriers += other.barriers;
    warpOps += other.warpOps;
    textureFetches += other.textureFetches;
    filteredFetches += other.filteredFetches;
    return *this;
  }
  // What was counted since `before`, counted `times` times in all.
  void repeatSince(const CostTally &before, std::uint64_t times) {
    for (std::uint64_t CostTally::*counter :
         {&CostTally::fp32, &CostTally::fp16, &CostTally::fp64, &CostTally::intOps, &CostTally::sfu,
          &CostTally::gread, &CostTally::gwrite, &CostTally::shared, &CostTally::atomics,
          &CostTally::barriers, &CostTally::warpOps, &CostTally::textureFetches,
          &CostTally::filteredFetches})
      this->*counter = before.*counter + (this->*counter - before.*counter) * times;
  }
  bool empty() const {
    return (fp32 | fp16 | fp64 | intOps | sfu | gread | gwrite | shared | atomics | barriers |
            warpOps | textureFetches | filteredFetches) == 0;
  }
};

// True while the running backend models a device; set once, before the first launch.
inline bool costCounting = false;
// The worker's tally; the engine zeroes it before a block and reads it after.
inline thread_local CostTally costTally;

// Whether NPU_COST counts, carried as a type so that nothing is left of it where nothing reads
// the counters: the loop paths call a kernel's thread body with std::true_type or
// std::false_type (chosen once per block from costCounting; the body is instantiated for both),
// the fiber path and __device__ functions see CountAtRunTime and test costCounting.
struct CountAtRunTime {};
template <class Counting> inline bool counting() {
  if constexpr (std::is_same_v<std::remove_cv_t<Counting>, CountAtRunTime>)
    return __builtin_expect(costCounting, 0);
  else
    return std::remove_cv_t<Counting>::value;
}
// One of `times` duplicate CUDA threads runs for all of them (ThreadDims, npurt/device/builtins.h):
// what it counts in this scope is counted `times` times, so a modelled device pays for every
// thread while all backends compute the same values.
class RepeatedCounts {
public:
  RepeatedCounts(bool counting, std::uint64_t times)
      : active_(counting && times > 1), times_(times) {
    if (active_)
      before_ = costTally;
  }
  ~RepeatedCounts() {
    if (active_)
      costTally.repeatSince(before_, times_);
  }
  RepeatedCounts(const RepeatedCounts &) = delete;
  RepeatedCounts &operator=(const RepeatedCounts &) = delete;

private:
  bool active_;
  std::uint64_t times_;
  CostTally before_;
};

// f(std::true_type{}) when the run counts, else f(std::false_type{}).
template <class F> inline void withCounting(F &&f) {
  if (costCounting)
    f(std::true_type{});
  else
    f(std::false_type{});
}

} // namespace npu::detail

// What NPU_COST finds outside a kernel's thread body (whose parameter of this name shadows it).
inline constexpr ::npu::detail::CountAtRunTime npu_cost_counting{};

namespace npu::cost {

// One term of NPU_COST: which counter and how much.
struct Term {
  std::uint64_t detail::CostTally::*counter;
  std::uint64_t amount;
};
constexpr Term fp32(std::uint64_t n) { return {&detail::CostTally::fp32, n}; }
constexpr Term fp16(std::uint64_t n) { return {&detail::CostTally::fp16, n}; }
constexpr Term fp64(std::uint64_t n) { return {&detail::CostTally::fp64, n}; }
constexpr Term intops(std::uint64_t n) { return {&detail::CostTally::intOps, n}; }
constexpr Term sfu(std::uint64_t n) { return {&detail::CostTally::sfu, n}; }
constexpr Term gread(std::uint64_t n) { return {&detail::CostTally::gread, n}; }
constexpr Term gwrite(std::uint64_t n) { return {&detail::CostTally::gwrite, n}; }
constexpr Term shared(std::uint64_t n) { return {&detail::CostTally::shared, n}; }
constexpr Term atomics(std::uint64_t n) { return {&detail::CostTally::atomics, n}; }
constexpr Term barriers(std::uint64_t n) { return {&detail::CostTally::barriers, n}; }
constexpr Term warpops(std::uint64_t n) { return {&detail::CostTally::warpOps, n}; }

inline void add(std::initializer_list<Term> terms) {
  detail::CostTally &tally = detail::costTally;
  for (const Term &term : terms)
    tally.*term.counter += term.amount;
}

} // namespace npu::cost

// The terms are qualified here, so a name of the program's own (a local called
// `shared`, a device function `fp32`) never stands in for one.
#define NPU_COST_Q1(t) ::npu::cost::t
#define NPU_COST_Q2(t, ...) ::npu::cost::t, NPU_COST_Q1(__VA_ARGS__)
#define NPU_COST_Q3(t, ...) ::npu::cost::t, NPU_COST_Q2(__VA_ARGS__)
#define NPU_COST_Q4(t, ...) ::npu::cost::t, NPU_COST_Q3(__VA_ARGS__)
#define NPU_COST_Q5(t, ...) ::npu::cost::t, NPU_COST_Q4(__VA_ARGS__)
#define NPU_COST_Q6(t, ...) ::npu::cost::t, NPU_COST_Q5(__VA_ARGS__)
#define NPU_COST_Q7(t, ...) ::npu::cost::t, NPU_COST_Q6(__VA_ARGS__)
#define NPU_COST_Q8(t, ...) ::npu::cost::t, NPU_COST_Q7(__VA_ARGS__)
#define NPU_COST_Q9(t, ...) ::npu::cost::t, NPU_COST_Q8(__VA_ARGS__)
#define NPU_COST_Q10(t, ...) ::npu::cost::t, NPU_COST_Q9(__VA_ARGS__)
#define NPU_COST_Q11(t, ...) ::npu::cost::t, NPU_COST_Q10(__VA_ARGS__)
#define NPU_COST_PICK(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, name, ...) name
#define NPU_COST_QUALIFIED(...)                                                                    \
  NPU_COST_PICK(__VA_ARGS__, NPU_COST_Q11, NPU_COST_Q10, NPU_COST_Q9, NPU_COST_Q8, NPU_COST_Q7,    \
                NPU_COST_Q6, NPU_COST_Q5, NPU_COST_Q4, NPU_COST_Q3, NPU_COST_Q2, NPU_COST_Q1)      \
  (__VA_ARGS__)

#if defined(NPURT_NO_COST_COUNTERS)
#define NPU_COST(...) ((void)0)
#else
#define NPU_COST(...)                                                                              \
  do {                                                                                             \
    if (::npu::detail::counting<decltype(npu_cost_counting)>()) {                                  \
      ::npu::cost::add({NPU_COST_QUALIFIED(__VA_ARGS__)});                                         \
    }                                                                                              \
  } while (0)
#endif
