#include "rules/cost/RegionStarts.h"

#include <string>

#include "rules/Context.h"
#include "rules/cost/SourceText.h"

namespace cu2npu {

std::optional<RegionPlan> regionPlan(Context &C, const clang::FunctionDecl &Kernel,
                                     const SourceText &Text) {
  RegionPlan Plan;
  std::string Open;
  editsApart(Text.file(), [&] { Open = emitBarrierRegions(C, Kernel, Text.file(), &Plan); });
  if (Open.empty())
    return std::nullopt;
  return Plan;
}

} // namespace cu2npu
