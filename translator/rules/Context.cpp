#include "rules/Context.h"

#include <clang/AST/Decl.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Frontend/CompilerInstance.h>

#include "driver/Options.h"

namespace cu2npu {

Context::Context(clang::CompilerInstance &CI, const Options &Opts)
    : CI(CI), SM(CI.getSourceManager()), LO(CI.getLangOpts()), Opts(Opts) {
  auto &IDs = *CI.getDiagnostics().getDiagnosticIDs();
  WarnId = IDs.getCustomDiagID(clang::DiagnosticIDs::Warning, "%0");
  ErrId = IDs.getCustomDiagID(clang::DiagnosticIDs::Error, "%0");
  RemarkId = IDs.getCustomDiagID(clang::DiagnosticIDs::Remark, "%0");
}

UserFile *Context::file(clang::FileID FID) {
  auto It = Files.find(FID);
  return It == Files.end() ? nullptr : &It->second;
}

UserFile *Context::spelledIn(clang::SourceLocation Loc, unsigned *Offset) {
  if (Loc.isInvalid())
    return nullptr;
  clang::SourceLocation S = SM.getSpellingLoc(Loc);
  UserFile *F = file(SM.getFileID(S));
  if (F && Offset)
    *Offset = SM.getFileOffset(S);
  return F;
}

bool Context::needsSync(const clang::FunctionDecl *FD) const {
  return FD && SyncFunctions.count(FD->getCanonicalDecl());
}

const clang::FunctionDecl *Context::definitionNode(const clang::FunctionDecl *FD) {
  if (const clang::FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  return FD->getCanonicalDecl();
}

bool Context::neverWaits(const clang::FunctionDecl *Kernel) const {
  return Kernel && NeverWaitingFunctions.count(definitionNode(Kernel)) != 0;
}

bool Context::launchedWithRowBlocks(const clang::FunctionDecl *Kernel) const {
  return Kernel && RowBlockKernels.count(definitionNode(Kernel)) != 0;
}

void Context::report(clang::SourceLocation Loc, DiagId Id, std::vector<std::string> Args,
                     bool Marker, bool Console) {
  const DiagInfo &I = diagInfo(Id);
  std::string Msg = formatDiag(Id, Args);
  unsigned CID = I.Level == DiagLevel::error     ? ErrId
                 : I.Level == DiagLevel::warning ? WarnId
                                                 : RemarkId;
  if (Console)
    CI.getDiagnostics().Report(Loc, CID) << (Msg + " [" + I.Name + "]");
  unsigned Off = 0;
  UserFile *F = spelledIn(Loc, &Off);
  if (!F)
    return;
  ++F->Diags[I.Name];
  if (!Marker)
    return;
  std::string Clean;
  for (size_t K = 0; K < Msg.size(); ++K) {
    if (Msg[K] == '*' && K + 1 < Msg.size() && Msg[K + 1] == '/') {
      Clean += "* /";
      ++K;
      continue;
    }
    if (Msg[K] == '\n' || Msg[K] == '\r') {
      Clean += ' ';
      continue;
    }
    Clean += Msg[K];
  }
  std::string Mark = std::string("/* ") + I.Name + ": " + Clean + " */";
  // Idempotence: a marker already written by an earlier run stays single.
  llvm::StringRef Before = text(F->FID).substr(0, Off).rtrim(" \t");
  if (Before.ends_with(Mark))
    return;
  F->Edits.insert(Off, Mark + " ", -10);
  ++F->Markers;
}

std::string translatedHeaderName(llvm::StringRef Spelled) {
  size_t Slash = Spelled.find_last_of('/');
  size_t Dot = Spelled.find_last_of('.');
  if (Dot == llvm::StringRef::npos || (Slash != llvm::StringRef::npos && Dot < Slash))
    return Spelled.str() + ".npu";
  return Spelled.substr(0, Dot).str() + ".npu" + Spelled.substr(Dot).str();
}

} // namespace cu2npu
