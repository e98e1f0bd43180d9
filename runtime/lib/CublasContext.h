// What the cuBLAS entry points share: the handle's state, reading scalars in the handle's
// pointer mode, and running a routine on the handle's stream (LibraryCall.h).
#pragma once

#include <functional>

#include "lib/LibraryCall.h"
#include "npurt/lib/cublas_v2.h"

struct cublasContext {
  npuStream_t stream = nullptr;
  cublasPointerMode_t pointerMode = CUBLAS_POINTER_MODE_HOST;
  cublasMath_t mathMode = CUBLAS_DEFAULT_MATH;
};

namespace npu::lib {

// A scalar argument as the pointer mode says: host scalars are read when the call is made
// (the caller may reuse the variable at once), device scalars when the routine runs.
template <class T> class Scalar {
public:
  Scalar(const cublasContext &handle, const T *p)
      : device_(handle.pointerMode == CUBLAS_POINTER_MODE_DEVICE ? p : nullptr),
        value_(device_ ? T{} : *p) {}
  T get() const { return device_ ? *device_ : value_; }

private:
  const T *device_;
  T value_;
};

// Enqueues `compute` on the handle's stream; CUBLAS_STATUS_EXECUTION_FAILED when the runtime
// would not take it (unknown stream, sticky error).
cublasStatus_t runOnHandle(const cublasContext &handle, const char *name,
                           const core::LibraryWork &work, std::function<void()> compute,
                           bool wait = false);

// Writes a reduction's result where the pointer mode says: to host memory the call waits for
// the result (cuBLAS blocks too), to device memory it is written in stream order.
template <class R, class Compute>
cublasStatus_t runReduction(const cublasContext &handle, const char *name,
                            const core::LibraryWork &work, R *result, Compute compute) {
  return runOnHandle(
      handle, name, work, [result, compute] { *result = compute(); },
      handle.pointerMode == CUBLAS_POINTER_MODE_HOST);
}

// The library-work description of a routine over elements of type T.
template <class T> constexpr core::LibraryWork::Precision precisionOf() {
  using P = core::LibraryWork::Precision;
  if constexpr (sizeof(T) == 2)
    return P::Fp16;
  else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, cuDoubleComplex>)
    return P::Fp64;
  else
    return P::Fp32;
}
template <class T>
core::LibraryWork vectorWork(double flops, double elementsMoved,
                             core::LibraryWork::Unit unit = core::LibraryWork::Unit::Vector) {
  return {unit, precisionOf<T>(), flops, elementsMoved * sizeof(T)};
}

} // namespace npu::lib
