#include "rules/cost/LibraryCalls.h"

#include <llvm/ADT/StringSet.h>

namespace cu2npu {
namespace {

// Special-function roots (after normalizeMathName): sfu 1 each, float or double alike.
const llvm::StringSet<> &specialFunctions() {
  static const llvm::StringSet<> Names = {"sqrt",
                                          "rsqrt",
                                          "cbrt",
                                          "rcbrt",
                                          "exp",
                                          "exp2",
                                          "exp10",
                                          "expm1",
                                          "log",
                                          "log2",
                                          "log10",
                                          "log1p",
                                          "logb",
                                          "ilogb",
                                          "sin",
                                          "cos",
                                          "tan",
                                          "sincos",
                                          "sinpi",
                                          "cospi",
                                          "sincospi",
                                          "asin",
                                          "acos",
                                          "atan",
                                          "atan2",
                                          "sinh",
                                          "cosh",
                                          "tanh",
                                          "asinh",
                                          "acosh",
                                          "atanh",
                                          "pow",
                                          "powi",
                                          "erf",
                                          "erfc",
                                          "erfinv",
                                          "erfcinv",
                                          "erfcx",
                                          "tgamma",
                                          "lgamma",
                                          "hypot",
                                          "rhypot",
                                          "norm3d",
                                          "rnorm3d",
                                          "norm4d",
                                          "rnorm4d",
                                          "norm",
                                          "rnorm",
                                          "fmod",
                                          "remainder",
                                          "remquo",
                                          "j0",
                                          "j1",
                                          "jn",
                                          "y0",
                                          "y1",
                                          "yn",
                                          "cyl_bessel_i0",
                                          "cyl_bessel_i1",
                                          "normcdf",
                                          "normcdfinv",
                                          "fdivide",
                                          "fdiv",
                                          "frcp",
                                          "fsqrt",
                                          "frsqrt",
                                          "drcp",
                                          "dsqrt",
                                          "ddiv",
                                          "rcp"};
  return Names;
}

// Cheap float operations (and their integer overloads): 1 operation of the result's class.
const llvm::StringSet<> &simpleOperations() {
  static const llvm::StringSet<> Names = {
      "fmin",    "fmax",      "fabs",   "copysign", "floor",    "ceil",  "trunc",  "round",
      "rint",    "nearbyint", "fdim",   "fadd",     "fsub",     "fmul",  "dadd",   "dsub",
      "dmul",    "saturate",  "min",    "max",      "abs",      "umin",  "umax",   "llmin",
      "llmax",   "ullmin",    "ullmax", "labs",     "llabs",    "lrint", "lround", "llrint",
      "llround", "signbit",   "isnan",  "isinf",    "isfinite", "ldexp", "frexp",  "scalbn",
      "modf",    "nextafter", "neg"};
  return Names;
}

// Integer intrinsics (names without the leading "__"): intops 1.
const llvm::StringSet<> &integerIntrinsics() {
  static const llvm::StringSet<> Names = {
      "popc",           "popcll",    "clz",           "clzll",         "ffs",
      "ffsll",          "brev",      "brevll",        "mul24",         "umul24",
      "mulhi",          "umulhi",    "mul64hi",       "umul64hi",      "sad",
      "usad",           "byte_perm", "funnelshift_l", "funnelshift_r", "funnelshift_lc",
      "funnelshift_rc", "uhadd",     "rhadd",         "urhadd",        "dp4a",
      "dp2a_lo",        "dp2a_hi"};
  return Names;
}

bool isRoundingSuffix(llvm::StringRef S) {
  return S == "_rn" || S == "_rz" || S == "_ru" || S == "_rd" || S == "_sat";
}

// "__expf" -> "expf", "__fmaf_rn" -> "fmaf": the name without CUDA's intrinsic decorations.
llvm::StringRef undecorated(llvm::StringRef Name) {
  Name.consume_front("__");
  if (Name.size() > 3 && isRoundingSuffix(Name.take_back(3)))
    Name = Name.drop_back(3);
  if (Name.size() > 4 && Name.ends_with("_sat"))
    Name = Name.drop_back(4);
  return Name;
}

// Whether Name is Root, Root + "f" (float), "h" / "h2" + Root (half), as in CUDA's math API.
bool inFamily(llvm::StringRef Name, const llvm::StringSet<> &Roots) {
  if (Roots.contains(Name))
    return true;
  if (Name.size() > 1 && Name.ends_with("f") && Roots.contains(Name.drop_back()))
    return true;
  if (Name.starts_with("h2") && Roots.contains(Name.drop_front(2)))
    return true;
  return Name.starts_with("h") && Roots.contains(Name.drop_front());
}

bool isConversion(llvm::StringRef Name) {
  for (llvm::StringRef Prefix :
       {"__float2", "__floats2", "__float22", "__half2", "__halves2", "__half22", "__low2",
        "__high2", "__lows2", "__highs2", "__bfloat162", "__bfloat1622", "__double2", "__int2",
        "__uint2", "__ll2", "__ull2", "__short2", "__ushort2"})
    if (Name.starts_with(Prefix))
      return true;
  return false;
}

bool isWarpOperation(llvm::StringRef Name) {
  return Name.starts_with("__shfl") || Name.starts_with("__ballot") || Name == "__any_sync" ||
         Name == "__all_sync" || Name == "__uni_sync" || Name == "__activemask" ||
         Name.starts_with("__match_") || Name.starts_with("__reduce_") || Name == "__syncwarp" ||
         Name == "__any" || Name == "__all" || Name == "__ballot";
}

} // namespace

OpCounts libraryCallCost(llvm::StringRef Name, OpClass ResultClass, OpClass FirstArgClass) {
  OpCounts Cost;
  if (Name.starts_with("atomic")) {
    Cost.Atomics = 1;
    return Cost;
  }
  if (Name == "__syncthreads" || Name == "__syncthreads_count" || Name == "__syncthreads_and" ||
      Name == "__syncthreads_or") {
    Cost.Barriers = 1;
    return Cost;
  }
  if (isWarpOperation(Name)) {
    Cost.WarpOps = 1;
    return Cost;
  }
  if (Name.contains("_as_")) // __float_as_int and friends reinterpret bits: free
    return Cost;
  if (isConversion(Name)) {
    Cost.IntOps = 1;
    return Cost;
  }
  llvm::StringRef Plain = undecorated(Name);
  if (Plain == "fma" || Plain == "fmaf" || Plain == "hfma" || Plain == "hfma2") {
    Cost.add(ResultClass == OpClass::None ? OpClass::Fp32 : ResultClass, 2);
    return Cost;
  }
  if (Plain == "hdiv" || Plain == "h2div") {
    Cost.Sfu = 1;
    return Cost;
  }
  if (inFamily(Plain, specialFunctions())) {
    Cost.Sfu = 1;
    return Cost;
  }
  if (inFamily(Plain, simpleOperations())) {
    Cost.add(ResultClass, 1);
    return Cost;
  }
  if (Name.starts_with("__") && integerIntrinsics().contains(Plain)) {
    Cost.IntOps = 1;
    return Cost;
  }
  // The remaining half intrinsics are arithmetic and comparisons: __hadd, __hmul2, __heq, ...
  // (__hadd on ints is CUDA's integer halving add: counted by the operands' class).
  if (Name.starts_with("__h")) {
    Cost.add(FirstArgClass, 1);
    return Cost;
  }
  return Cost;
}

OpCounts cooperativeGroupsCost(llvm::StringRef Name, bool BlockScope) {
  OpCounts Cost;
  if (Name == "sync" || Name == "barrier_wait" || Name == "barrier_arrive") {
    if (BlockScope)
      Cost.Barriers = 1;
    else
      Cost.WarpOps = 1;
  } else if (Name == "shfl" || Name == "shfl_up" || Name == "shfl_down" || Name == "shfl_xor" ||
             Name == "any" || Name == "all" || Name == "ballot" || Name == "match_any" ||
             Name == "match_all" || Name == "reduce" || Name == "inclusive_scan" ||
             Name == "exclusive_scan") {
    Cost.WarpOps = 1;
  }
  return Cost;
}

} // namespace cu2npu
