#include "diag/Diagnostics.h"

namespace cu2npu {
namespace {
const DiagInfo Infos[] = {
    {DiagId::None, "", DiagLevel::remark, Effort::low, ""},
#define CU2NPU_DIAG(Id, Lvl, Eff, Text) {DiagId::Id, #Id, DiagLevel::Lvl, Effort::Eff, Text},
#include "diag/diagnostics.def"
#undef CU2NPU_DIAG
};
} // namespace

const DiagInfo &diagInfo(DiagId Id) { return Infos[static_cast<int>(Id)]; }
llvm::ArrayRef<DiagInfo> allDiags() { return llvm::ArrayRef<DiagInfo>(Infos).drop_front(); }

std::string formatDiag(DiagId Id, llvm::ArrayRef<std::string> Args) {
  std::string Out;
  llvm::StringRef T = diagInfo(Id).Text;
  for (size_t I = 0; I < T.size(); ++I) {
    if (T[I] == '%' && I + 1 < T.size() && T[I + 1] >= '0' && T[I + 1] <= '9') {
      size_t N = T[I + 1] - '0';
      if (N < Args.size())
        Out += Args[N];
      ++I;
    } else {
      Out += T[I];
    }
  }
  return Out;
}

const char *effortName(Effort E) {
  switch (E) {
  case Effort::low:
    return "low";
  case Effort::medium:
    return "medium";
  case Effort::high:
    return "high";
  }
  return "?";
}

} // namespace cu2npu
