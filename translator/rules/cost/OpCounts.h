// The operation counts of one NPU_COST statement, in the classes of npurt/device/cost.h.
#pragma once

#include <cstdint>
#include <string>

#include <clang/AST/Type.h>

namespace cu2npu {

// Which arithmetic counter an operation on a type goes to.
enum class OpClass { None, Fp32, Fp16, Fp64, Int };

struct OpCounts {
  std::uint64_t Fp32 = 0, Fp16 = 0, Fp64 = 0, IntOps = 0, Sfu = 0, GRead = 0, GWrite = 0,
                Shared = 0, Atomics = 0, Barriers = 0, WarpOps = 0;

  OpCounts &operator+=(const OpCounts &Other);
  void add(OpClass Class, std::uint64_t N);
  bool empty() const;
  // `NPU_COST(fp32(2), gread(8));`: the non-zero terms in cost.h's order; "" when all are zero.
  std::string statement() const;
};

// float -> Fp32, double -> Fp64, __half / __nv_bfloat16 (and their pairs) -> Fp16, integers,
// bool, enums and pointers -> Int; other classes -> None. A type that depends on a template
// parameter counts as Fp32: the text of a template is shared by its instantiations, and template
// kernels are mostly written over their element type.
OpClass opClassOf(clang::QualType T);

} // namespace cu2npu
