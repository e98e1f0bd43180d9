#include "rules/kernel/KernelRules.h"

namespace cu2npu {

llvm::StringRef DeviceAssertRule::name() const { return "device-assert"; }

void DeviceAssertRule::onMacroUse(Context &C, const MacroUse &U) {
  if (U.Name != "assert" || U.Loc.isMacroID())
    return;
  unsigned Off = 0;
  UserFile *F = C.spelledIn(U.Loc, &Off);
  if (!F)
    return;
  auto It = C.DeviceOnlyBodies.find(F->FID);
  if (It == C.DeviceOnlyBodies.end())
    return;
  for (const OffsetRange &R : It->second)
    if (Off >= R.Begin && Off < R.End) {
      F->Edits.replace(Off, 6, "NPU_DEVICE_ASSERT");
      C.countConverted(*F, "assert");
      return;
    }
}

} // namespace cu2npu
