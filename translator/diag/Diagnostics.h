// Diagnostic IDs (translator/diag/diagnostics.def): stable IDs with a level and a fix effort.
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>

namespace cu2npu {

enum class DiagId {
  None,
#define CU2NPU_DIAG(Id, Lvl, Eff, Text) Id,
#include "diag/diagnostics.def"
#undef CU2NPU_DIAG
};

enum class DiagLevel { error, warning, remark };
enum class Effort { low, medium, high };

struct DiagInfo {
  DiagId Id;
  const char *Name; // "CU2NPU1007"
  DiagLevel Level;
  Effort Eff;
  const char *Text; // with %0, %1
};

const DiagInfo &diagInfo(DiagId Id);
llvm::ArrayRef<DiagInfo> allDiags();
// Substitutes %0, %1, ... in the diagnostic text.
std::string formatDiag(DiagId Id, llvm::ArrayRef<std::string> Args);
const char *effortName(Effort E);

} // namespace cu2npu
