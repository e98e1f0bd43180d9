// includes: CUDA headers -> npurt headers (mapping/headers.def); local headers translated beside
// their input are included under their new name (x.cuh -> x.npu.cuh, x.h -> x.npu.h); under
// --out-root headers keep their names and includes stay; system headers untouched. Every output
// that uses CUDA starts with a generated-by comment and the two npurt headers; a file that uses
// no CUDA and needs no edit passes through unchanged.
#include "rules/includes/IncludeRule.h"

#include "driver/Options.h"
#include "driver/Project.h"
#include "mapping/Mapping.h"

namespace cu2npu {

llvm::StringRef IncludeRule::name() const { return "includes"; }

void IncludeRule::onInclude(Context &C, const IncludeEvent &E) {
  unsigned Off = 0;
  UserFile *F = C.spelledIn(E.HashLoc, &Off);
  if (!F || E.HashLoc.isMacroID())
    return;
  unsigned B = C.SM.getFileOffset(C.SM.getSpellingLoc(E.FilenameRange.getBegin()));
  unsigned End = C.SM.getFileOffset(C.SM.getSpellingLoc(E.FilenameRange.getEnd()));
  if (End <= B)
    return;
  if (const HeaderRow *H = lookupHeader(E.Spelled);
      H && (E.Resolved.empty() || E.Resolved.find(C.Opts.ShimDir) == 0)) {
    if (H->St == Status::unsupported) {
      C.report(E.HashLoc, H->Diag, {E.Spelled});
      C.countUnconverted(*F, E.Spelled);
      return;
    }
    F->Edits.replace(B, End - B, std::string("<") + H->Npu + ">");
    C.countConverted(*F, E.Spelled);
    if (H->St == Status::partial && H->Diag != DiagId::None)
      C.report(E.HashLoc, H->Diag, {E.Spelled});
    return;
  }
  // Under --out-root headers keep their names: the include stays as written.
  if (!E.Resolved.empty() && C.TranslatedPaths.count(E.Resolved) && C.Opts.OutRoot.empty()) {
    std::string Q = E.Angled ? "<" : "\"";
    std::string QE = E.Angled ? ">" : "\"";
    F->Edits.replace(B, End - B, Q + translatedHeaderName(E.Spelled) + QE);
  }
}

void IncludeRule::onFile(Context &C, UserFile &F) {
  llvm::StringRef Text = C.text(F.FID);
  if (Text.starts_with(GeneratedMarker))
    return;
  const bool UsesCuda = F.IsCu || textUsesCuda(Text);
  if (!UsesCuda && F.Edits.empty())
    return; // a plain C or C++ file (or header) passes through unchanged
  std::string Name = llvm::StringRef(F.Path).rsplit('/').second.str();
  std::string Head =
      std::string(GeneratedMarker) + " from " + Name + "; edit the CUDA source instead.\n";
  // What nvcc's implicit cuda_runtime.h gives CUDA code; a host source parsed as CUDA host code
  // gets it too (its CUDA header includes become npurt/runtime.h where they are).
  if (UsesCuda)
    Head += "#include <npurt/runtime.h>\n#include <npurt/kernel.h>\n";
  F.Edits.insert(0, Head, -100);
}

} // namespace cu2npu
