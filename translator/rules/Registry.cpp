// The one explicit list of rules, in the order their hooks run.
#include "rules/Rule.h"
#include "rules/api/RenameRule.h"
#include "rules/atomics/SharedAtomics.h"
#include "rules/cost/CostRule.h"
#include "rules/includes/IncludeRule.h"
#include "rules/kernel/KernelRules.h"
#include "rules/launch/KernelLaunchRule.h"
#include "rules/library/ThrustOrderRule.h"
#include "rules/texture/TextureReferenceRule.h"
#include "rules/warp/Lockstep.h"

namespace cu2npu {

std::vector<std::unique_ptr<Rule>> makeRules() {
  std::vector<std::unique_ptr<Rule>> R;
  R.push_back(std::make_unique<KernelLaunchRule>());     // launch/
  R.push_back(std::make_unique<InactiveLaunchRule>());   // launch/
  R.push_back(std::make_unique<KernelHandleRule>());     // launch/
  R.push_back(std::make_unique<KernelBodyRule>());       // kernel/
  R.push_back(std::make_unique<DynamicSharedRule>());    // kernel/
  R.push_back(std::make_unique<StaticSharedRule>());     // kernel/
  R.push_back(std::make_unique<DeviceAssertRule>());     // kernel/
  R.push_back(std::make_unique<UnrollPragmaRule>());     // kernel/
  R.push_back(std::make_unique<LockstepRule>());         // warp/
  R.push_back(std::make_unique<SharedAtomicsRule>());    // atomics/
  R.push_back(std::make_unique<CostRule>());             // cost/
  R.push_back(std::make_unique<TextureReferenceRule>()); // texture/
  R.push_back(std::make_unique<ThrustOrderRule>());      // library/
  R.push_back(std::make_unique<RenameRule>());           // api/
  R.push_back(std::make_unique<BlockCalleeCopyRule>());  // kernel/ (after the edits it copies)
  R.push_back(std::make_unique<IncludeRule>()); // includes/ (last: the prelude sees all edits)
  return R;
}

} // namespace cu2npu
