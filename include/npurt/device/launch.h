// `k<<<grid, block, smem, stream>>>(args...)` becomes
// `::npu::launch("k", k, grid, block, smem, stream, args...)`.
// When `k` is a template whose arguments are deduced from call arguments that
// depend on an enclosing template, no single spelling of `k<...>` fits every
// instantiation; the translator then emits
// `::npu::launch_deduced("k", [](auto &...a) { k(a...); }, grid, block, smem, stream, args...)`
// and the host compiler deduces the kernel's template arguments, as nvcc does.
//
// The arguments are converted to the kernel's parameter types and copied into a
// GridTask (as CUDA copies them into the launch's parameter buffer); the task is
// handed to the runtime, which validates the configuration and enqueues it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "npurt/detail/launch_abi.h"

namespace npu {
namespace detail {

// Converts like passing an argument to a function parameter: implicit
// conversions only (int -> size_t, derived* -> base*, nullptr -> T*).
template <class To, class From> inline To convertArgument(From &&value) {
  return std::forward<From>(value);
}

// Records the pointer arguments of a task (GridTask::pointerArguments).
template <class Tuple> void recordPointerArguments(GridTask &task, const Tuple &arguments) {
  task.pointerArgumentsKnown = true;
  std::apply(
      [&task](const auto &...value) {
        (
            [&task](const auto &argument) {
              using T = std::decay_t<decltype(argument)>;
              if constexpr (std::is_pointer_v<T> && std::is_object_v<std::remove_pointer_t<T>>) {
                if (task.pointerArgumentCount == GridTask::kMaxPointerArguments)
                  task.pointerArgumentsKnown = false;
                else
                  task.pointerArguments[task.pointerArgumentCount++] =
                      const_cast<const void *>(static_cast<const volatile void *>(argument));
              } else if constexpr (!std::is_arithmetic_v<T> && !std::is_enum_v<T>) {
                // A struct, a function pointer, ... (half and vector types too: a documented
                // simplification, they then model as if nothing stayed in L2).
                task.pointerArgumentsKnown = false;
              }
            }(value),
            ...);
      },
      arguments);
}

template <class... Params> class KernelTask final : public GridTask {
public:
  using Kernel = void (*)(Params...);

  template <class... Args>
  explicit KernelTask(Kernel kernel, Args &&...args)
      : kernel_(kernel),
        arguments_(convertArgument<std::decay_t<Params>>(std::forward<Args>(args))...) {
    recordPointerArguments(*this, arguments_);
  }

  void runBlock() override { std::apply(kernel_, arguments_); }

private:
  Kernel kernel_;
  std::tuple<std::decay_t<Params>...> arguments_;
};

// Builds the task without enqueueing it (also used by the engine's tests).
template <class... Params, class... Args>
std::unique_ptr<GridTask> makeGridTask(const char *name, void (*kernel)(Params...), dim3 grid,
                                       dim3 block, std::size_t dynamicSharedBytes, Args &&...args) {
  static_assert(sizeof...(Params) == sizeof...(Args),
                "npu::launch: the number of arguments differs from the kernel's parameters");
  auto task = std::make_unique<KernelTask<Params...>>(kernel, std::forward<Args>(args)...);
  task->name = name;
  task->function = reinterpret_cast<const void *>(kernel);
  task->grid = grid;
  task->block = block;
  task->dynamicSharedBytes = dynamicSharedBytes;
  return task;
}

// The deduced form: the arguments are stored as their decayed types (what a
// by-value kernel parameter deduces from them) and the caller, a generic
// lambda, calls the kernel, which converts them to its parameter types.
template <class Caller, class... Stored> class DeducedKernelTask final : public GridTask {
public:
  template <class... Args>
  explicit DeducedKernelTask(Caller caller, Args &&...args)
      : caller_(caller), arguments_(std::forward<Args>(args)...) {
    recordPointerArguments(*this, arguments_);
  }

  void runBlock() override { std::apply(caller_, arguments_); }

private:
  Caller caller_;
  std::tuple<Stored...> arguments_;
};

} // namespace detail

// Tag of launches whose kernel never waits for work outside its grid (GridTask::neverWaits):
// `::npu::launch(::npu::never_waits, "k", k, grid, block, smem, stream, args...)`.
struct NeverWaits {
  explicit NeverWaits() = default;
};
inline constexpr NeverWaits never_waits{};

namespace detail {

template <class Caller, class... Args>
std::unique_ptr<GridTask> makeDeducedGridTask(const char *name, Caller caller, dim3 grid,
                                              dim3 block, std::size_t dynamicSharedBytes,
                                              Args &&...args) {
  auto task = std::make_unique<DeducedKernelTask<Caller, std::decay_t<Args>...>>(
      caller, std::forward<Args>(args)...);
  task->name = name;
  task->function = nullptr; // no single kernel address: default function attributes apply
  task->grid = grid;
  task->block = block;
  task->dynamicSharedBytes = dynamicSharedBytes;
  return task;
}

inline std::unique_ptr<GridTask> markedNeverWaiting(std::unique_ptr<GridTask> task) {
  task->neverWaits = true;
  return task;
}

} // namespace detail

template <class Caller, class... Args>
inline npuError_t launch_deduced(const char *name, Caller caller, dim3 grid, dim3 block,
                                 std::size_t dynamicSharedBytes, npuStream_t stream,
                                 Args &&...args) {
  return detail::enqueueGrid(detail::makeDeducedGridTask(name, caller, grid, block,
                                                         dynamicSharedBytes,
                                                         std::forward<Args>(args)...),
                             stream);
}

template <class Caller, class... Args>
inline npuError_t launch_deduced(NeverWaits, const char *name, Caller caller, dim3 grid, dim3 block,
                                 std::size_t dynamicSharedBytes, npuStream_t stream,
                                 Args &&...args) {
  return detail::enqueueGrid(
      detail::markedNeverWaiting(detail::makeDeducedGridTask(
          name, caller, grid, block, dynamicSharedBytes, std::forward<Args>(args)...)),
      stream);
}

// The name of one instantiation of a template kernel (`k<64>`, `ns::k<float, 4>`), for a launch
// in a template whose one spelling (`k<BS>`) names them all: read from the compiler's
// __PRETTY_FUNCTION__ (g++: "... [with auto Kernel = k<64>]"). Where the compiler leaves the
// template arguments out (clang prints "[Kernel = &k]"), the spelling is kept.
template <auto Kernel> inline const char *kernel_name(const char *spelling) {
  static const std::string name = [spelling, pretty = std::string(__PRETTY_FUNCTION__)] {
    const std::string key = "Kernel = ";
    std::size_t at = pretty.find(key);
    if (at == std::string::npos)
      return std::string(spelling);
    std::size_t begin = at + key.size(), end = begin;
    for (int depth = 0; end < pretty.size(); ++end) {
      char c = pretty[end];
      depth += c == '<' || c == '(' || c == '[';
      if ((c == ']' || c == ';') && depth == 0)
        break;
      depth -= c == '>' || c == ')' || c == ']';
    }
    std::string found = pretty.substr(begin, end - begin);
    if (!found.empty() && found[0] == '&')
      found.erase(0, 1);
    return found.find('<') == std::string::npos ? std::string(spelling) : found;
  }();
  return name.c_str();
}

template <class... Params, class... Args>
inline npuError_t launch(const char *name, void (*kernel)(Params...), dim3 grid, dim3 block,
                         std::size_t dynamicSharedBytes, npuStream_t stream, Args &&...args) {
  return detail::enqueueGrid(detail::makeGridTask(name, kernel, grid, block, dynamicSharedBytes,
                                                  std::forward<Args>(args)...),
                             stream);
}

template <class... Params, class... Args>
inline npuError_t launch(NeverWaits, const char *name, void (*kernel)(Params...), dim3 grid,
                         dim3 block, std::size_t dynamicSharedBytes, npuStream_t stream,
                         Args &&...args) {
  return detail::enqueueGrid(
      detail::markedNeverWaiting(detail::makeGridTask(name, kernel, grid, block, dynamicSharedBytes,
                                                      std::forward<Args>(args)...)),
      stream);
}

} // namespace npu
