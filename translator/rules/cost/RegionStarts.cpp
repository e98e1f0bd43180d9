#include "rules/cost/RegionStarts.h"

#include <string>

#include "rules/Context.h"
#include "rules/cost/SourceText.h"

namespace cu2npu {

std::optional<RegionPlan> regionPlan(Context &C, const clang::FunctionDecl &Kernel,
                                     const SourceText &Text) {
  UserFile &F = Text.file();
  FileEdits Saved = std::move(F.Edits);
  F.Edits = FileEdits();
  RegionPlan Plan;
  std::string Open = emitBarrierRegions(C, Kernel, F, &Plan);
  F.Edits = std::move(Saved);
  if (Open.empty())
    return std::nullopt;
  return Plan;
}

} // namespace cu2npu
