#include "rules/cost/OpCounts.h"

#include <clang/AST/DeclCXX.h>

namespace cu2npu {

OpCounts &OpCounts::operator+=(const OpCounts &Other) {
  Fp32 += Other.Fp32;
  Fp16 += Other.Fp16;
  Fp64 += Other.Fp64;
  IntOps += Other.IntOps;
  Sfu += Other.Sfu;
  GRead += Other.GRead;
  GWrite += Other.GWrite;
  Shared += Other.Shared;
  Atomics += Other.Atomics;
  Barriers += Other.Barriers;
  WarpOps += Other.WarpOps;
  return *this;
}

void OpCounts::add(OpClass Class, std::uint64_t N) {
  switch (Class) {
  case OpClass::Fp32:
    Fp32 += N;
    break;
  case OpClass::Fp16:
    Fp16 += N;
    break;
  case OpClass::Fp64:
    Fp64 += N;
    break;
  case OpClass::Int:
    IntOps += N;
    break;
  case OpClass::None:
    break;
  }
}

bool OpCounts::empty() const { return statement().empty(); }

std::string OpCounts::statement() const {
  std::string Terms;
  auto Term = [&](const char *Name, std::uint64_t N) {
    if (N == 0)
      return;
    if (!Terms.empty())
      Terms += ", ";
    Terms += std::string(Name) + "(" + std::to_string(N) + ")";
  };
  Term("fp32", Fp32);
  Term("fp16", Fp16);
  Term("fp64", Fp64);
  Term("intops", IntOps);
  Term("sfu", Sfu);
  Term("gread", GRead);
  Term("gwrite", GWrite);
  Term("shared", Shared);
  Term("atomics", Atomics);
  Term("barriers", Barriers);
  Term("warpops", WarpOps);
  return Terms.empty() ? "" : "NPU_COST(" + Terms + ");";
}

OpClass opClassOf(clang::QualType T) {
  if (T.isNull())
    return OpClass::None;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isDependentType())
    return OpClass::Fp32;
  if (const auto *BT = T->getAs<clang::BuiltinType>()) {
    switch (BT->getKind()) {
    case clang::BuiltinType::Float:
      return OpClass::Fp32;
    case clang::BuiltinType::Double:
    case clang::BuiltinType::LongDouble:
    case clang::BuiltinType::Float128:
      return OpClass::Fp64;
    case clang::BuiltinType::Half:
    case clang::BuiltinType::Float16:
    case clang::BuiltinType::BFloat16:
      return OpClass::Fp16;
    default:
      return BT->isInteger() ? OpClass::Int : OpClass::None;
    }
  }
  if (T->isIntegralOrEnumerationType() || T->isAnyPointerType())
    return OpClass::Int;
  if (const auto *RD = T->getAsCXXRecordDecl(); RD && RD->getIdentifier()) {
    llvm::StringRef N = RD->getName();
    if (N == "__half" || N == "__half2" || N == "__nv_bfloat16" || N == "__nv_bfloat162")
      return OpClass::Fp16;
  }
  return OpClass::None;
}

} // namespace cu2npu
