// What every rule sees: the files being translated in this translation unit, their edits, the
// analyses the AST walk computed, and diagnostics (clang-style console message + counted + an
// in-code marker comment).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <clang/Basic/LangOptions.h>
#include <clang/Basic/SourceLocation.h>
#include <clang/Basic/SourceManager.h>

#include "diag/Diagnostics.h"
#include "edit/Edits.h"
#include "pp/CudaArch.h"

namespace clang {
class ASTContext;
class CompilerInstance;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace cu2npu {

struct Options;
struct BlockCallee;

// One source file translated in this TU (the main file or a local header).
struct UserFile {
  std::string Path;    // absolute, as opened
  std::string OutPath; // where the translation goes
  clang::FileID FID;
  bool IsMain = false;
  bool IsCu = false; // .cu main file: gets the npurt prelude
  FileEdits Edits;
  std::map<std::string, unsigned> Converted, Unconverted, Diags;
  unsigned Markers = 0;
};

// The edits Work makes to F, kept apart from F's own (which Work does not see, and which are as
// they were after): a plan that is read or copied, not applied where it stands.
template <class Work> FileEdits editsApart(UserFile &F, Work &&W) {
  FileEdits Own = std::move(F.Edits);
  F.Edits = FileEdits();
  W();
  FileEdits Made = std::move(F.Edits);
  F.Edits = std::move(Own);
  return Made;
}

struct IncludeEvent {
  clang::SourceLocation HashLoc;
  clang::CharSourceRange FilenameRange;
  std::string Spelled;
  bool Angled = false;
  std::string Resolved; // absolute path, empty if not found
};

struct MacroUse {
  std::string Name;
  clang::SourceLocation Loc; // macro name token
};

// A #define whose body spells `<<<`.
struct LaunchMacro {
  OffsetRange Body;                // offsets of the replacement list
  std::vector<std::string> Params; // the macro's parameter names
};

struct ClangError {
  clang::SourceLocation Loc;
  std::string Message;
};

class Context {
public:
  Context(clang::CompilerInstance &CI, const Options &Opts);

  clang::CompilerInstance &CI;
  clang::SourceManager &SM;
  const clang::LangOptions &LO;
  const Options &Opts;
  clang::ASTContext *AST = nullptr;

  // Files: created by the driver action as the preprocessor enters them.
  std::map<clang::FileID, UserFile> Files;
  UserFile *file(clang::FileID FID);
  // The translated file that spells the token at Loc (macro bodies included), with its offset.
  UserFile *spelledIn(clang::SourceLocation Loc, unsigned *Offset = nullptr);

  // Recorded while parsing.
  std::vector<IncludeEvent> Includes;
  std::vector<MacroUse> MacroUses;
  std::set<std::string> UserNames;  // names declared or #defined in translated files
  std::set<std::string> UserMacros; // the #defined ones: they mean the user's expansion
  std::set<std::string>
      TranslatedPaths; // local headers translated in this run (this TU or earlier)
  std::vector<ClangError> Errors;

  // Analyses computed by the AST walk.
  std::map<clang::FileID, std::vector<OffsetRange>>
      DeviceOnlyBodies; // __device__ (not __host__) and __global__
  std::map<clang::FileID, std::vector<OffsetRange>> SkippedRanges; // inactive #if branches
  std::map<clang::FileID, std::vector<LaunchMacro>> LaunchMacros;
  // Offsets of the `<<<` of every launch the AST showed (rewritten or diagnosed there).
  std::set<std::pair<clang::FileID, unsigned>> LaunchesSeen;
  std::set<const clang::FunctionDecl *> SyncFunctions; // canonical decls needing the fiber path
  // Canonical decls of functions whose bodies the walk saw and that, with everything they call,
  // never wait for other work (no spin-wait, no call the walk cannot follow).
  std::set<const clang::FunctionDecl *> NeverWaitingFunctions;
  // ... that have no effect two identical CUDA threads would have twice (no atomic, output,
  // device heap, inline assembly; nothing unknown called).
  std::set<const clang::FunctionDecl *> ReplayableFunctions;
  // ... none of whose callees reads the global threadIdx (transitively).
  std::set<const clang::FunctionDecl *> CalleesIgnoreThreadIdx;
  // ... none of whose callees reads the global blockIdx or shared memory (transitively).
  std::set<const clang::FunctionDecl *> CalleesIgnoreBlockState;
  // Kernels (canonical decls; a template's pattern) every launch of which in this unit passes a
  // one-row block (an integer or dim3(x)), and that nothing else refers to.
  std::set<const clang::FunctionDecl *> RowBlockKernels;
  // Canonical decls of device functions with warp-lockstep sites (rules/warp/Lockstep.h).
  std::set<const clang::FunctionDecl *> LockstepFunctions;
  std::map<const clang::VarDecl *, std::set<const clang::FunctionDecl *>> ExternSharedUsers;
  // Device functions called at block level of barrier regions (rules/kernel/BlockCalls.h), by
  // canonical decl of their pattern: planned once.
  std::map<const clang::FunctionDecl *, std::shared_ptr<BlockCallee>> BlockCallees;
  const clang::FunctionDecl *CurrentFunction = nullptr;
  bool needsSync(const clang::FunctionDecl *FD) const;
  // The kernel's definition (its template's, for a specialisation) is in NeverWaitingFunctions.
  bool neverWaits(const clang::FunctionDecl *Kernel) const;
  // The canonical decl of a function's definition: its template's, for a specialisation (the key
  // of the call-graph sets above).
  static const clang::FunctionDecl *definitionNode(const clang::FunctionDecl *FD);
  // The kernel's definition (its template's, for a specialisation) is in RowBlockKernels.
  bool launchedWithRowBlocks(const clang::FunctionDecl *Kernel) const;

  // Diagnostics: console (clang format), counted per file, and a marker comment in the output.
  void report(clang::SourceLocation Loc, DiagId Id, std::vector<std::string> Args,
              bool Marker = true, bool Console = true);
  void countConverted(UserFile &F, const std::string &Name) { ++F.Converted[Name]; }
  void countUnconverted(UserFile &F, const std::string &Name) { ++F.Unconverted[Name]; }

  llvm::StringRef text(clang::FileID FID) const { return SM.getBufferData(FID); }

private:
  unsigned WarnId = 0, ErrId = 0, RemarkId = 0;
};

// Beside the input: x.cuh -> x.npu.cuh, x.h -> x.npu.h (directory part kept).
std::string translatedHeaderName(llvm::StringRef Spelled);

} // namespace cu2npu
