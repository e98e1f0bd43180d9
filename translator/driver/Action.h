// The translation of one translation unit: parse (CUDA mode, our shim), walk the AST once, run
// the rules, apply the edits. Pass 1 also detects __CUDA_ARCH__ regions; when there are some the
// driver runs pass 2 on the resolved text (same offsets and lines).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "driver/Options.h"
#include "pp/CudaArch.h"

namespace clang::tooling {
class FrontendActionFactory;
}

namespace cu2npu {

struct OutputFile {
  std::string InPath, OutPath, Text;
  bool IsMain = false;
  bool Changed = false;
  std::map<std::string, unsigned> Converted, Unconverted, Diags;
  unsigned LinesChanged = 0, Conflicts = 0;
};

struct TuState {
  const Options *Opts = nullptr;
  int Pass = 1;
  std::function<std::string(const std::string &, bool)> OutPathFor;
  // Pass 1 -> pass 2.
  bool NeedSecondPass = false;
  std::map<std::string, ArchResult> Arch;       // by path
  std::map<std::string, std::string> Joined;    // headers' text with spaced chevrons joined
  std::map<std::string, std::string> Originals; // by path: text on disk
  // Results.
  std::vector<OutputFile> Outputs;
  std::string DiagText; // clang-format console output of the final pass
  unsigned Errors = 0;
};

// Runs the translation of one file (1 or 2 passes). ExtraArgs: clang arguments (after ours).
void translateFile(const std::string &File, const std::string &Directory,
                   const std::vector<std::string> &Args, TuState &State);

// Virtual npurt headers for re-translating translated code (generated from the mapping table).
std::string npurtStubRuntime();
std::string npurtStubKernel();
std::string npurtStubCooperativeGroups();

} // namespace cu2npu
