#include "driver/Action.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Analysis/Analyses/ExprMutationAnalyzer.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include "mapping/Mapping.h"
#include "rules/Context.h"
#include "rules/DependentMembers.h"
#include "rules/Rule.h"
#include "rules/SyncCallees.h"
#include "rules/kernel/ThreadLoop.h"
#include "rules/launch/SpacedChevrons.h"
#include "rules/warp/Lockstep.h"

namespace cu2npu {
namespace {

std::string absPath(llvm::StringRef P) {
  llvm::SmallString<256> Out;
  if (!llvm::sys::fs::real_path(P, Out))
    return std::string(Out);
  Out = P;
  llvm::sys::fs::make_absolute(Out);
  llvm::sys::path::remove_dots(Out, true);
  return std::string(Out);
}

bool under(llvm::StringRef Path, llvm::StringRef Dir) {
  if (Dir.empty())
    return false;
  return Path.starts_with(Dir) &&
         (Path.size() == Dir.size() || Path[Dir.size()] == '/' || Dir.ends_with("/"));
}

// ---- console diagnostics: buffered (pass 1 may be discarded), errors recorded for markers ------
class BufferedConsumer : public clang::DiagnosticConsumer {
public:
  BufferedConsumer() : OS(Buf) {
    Opts = new clang::DiagnosticOptions();
    Opts->ShowColors = false;
    Printer = std::make_unique<clang::TextDiagnosticPrinter>(OS, Opts.get());
  }
  void BeginSourceFile(const clang::LangOptions &LO, const clang::Preprocessor *PP) override {
    Printer->BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Printer->EndSourceFile(); }
  void HandleDiagnostic(clang::DiagnosticsEngine::Level L, const clang::Diagnostic &Info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(L, Info);
    Printer->HandleDiagnostic(L, Info);
    if (L >= clang::DiagnosticsEngine::Error && Info.hasSourceManager() &&
        Info.getLocation().isValid()) {
      llvm::SmallString<128> Msg;
      Info.FormatDiagnostic(Msg);
      if (!llvm::StringRef(Msg).contains("[CU2NPU"))
        Errors.push_back({Info.getLocation(), std::string(Msg)});
    }
  }
  std::string take() {
    OS.flush();
    std::string R = std::move(Buf);
    Buf.clear();
    return R;
  }
  std::vector<ClangError> Errors;

private:
  std::string Buf;
  llvm::raw_string_ostream OS;
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> Opts;
  std::unique_ptr<clang::TextDiagnosticPrinter> Printer;
};

// ---- preprocessor events ------------------------------------------------------------------------
class PPHooks : public clang::PPCallbacks {
public:
  PPHooks(Context &C) : C(C) {}
  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason,
                   clang::SrcMgr::CharacteristicKind FT, clang::FileID) override {
    if (Reason != EnterFile)
      return;
    clang::FileID FID = C.SM.getFileID(Loc);
    if (C.Files.count(FID))
      return;
    auto FE = C.SM.getFileEntryRefForID(FID);
    if (!FE)
      return;
    std::string P = absPath(FE->getName());
    bool Main = FID == C.SM.getMainFileID();
    if (!Main) {
      if (clang::SrcMgr::isSystem(FT) || !under(P, C.Opts.InRoot) || under(P, C.Opts.ShimDir))
        return;
      if (llvm::sys::path::filename(P).contains(".npu."))
        return; // an output of cu2npu beside its input
      C.TranslatedPaths.insert(P);
      if (C.Opts.DoneHeaders.count(P))
        return;
    }
    UserFile &F = C.Files[FID];
    F.Path = P;
    F.FID = FID;
    F.IsMain = Main;
    F.IsCu = Main && llvm::StringRef(P).ends_with(".cu");
  }
  void InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &,
                          llvm::StringRef FileName, bool IsAngled,
                          clang::CharSourceRange FilenameRange, clang::OptionalFileEntryRef File,
                          llvm::StringRef, llvm::StringRef, const clang::Module *, bool,
                          clang::SrcMgr::CharacteristicKind) override {
    IncludeEvent E;
    E.HashLoc = HashLoc;
    E.FilenameRange = FilenameRange;
    E.Spelled = FileName.str();
    E.Angled = IsAngled;
    if (File)
      E.Resolved = absPath(File->getName());
    C.Includes.push_back(std::move(E));
  }
  void SourceRangeSkipped(clang::SourceRange Range, clang::SourceLocation) override {
    clang::FileID FID = C.SM.getFileID(Range.getBegin());
    if (!C.Files.count(FID) || FID != C.SM.getFileID(Range.getEnd()))
      return;
    C.SkippedRanges[FID].push_back(
        {C.SM.getFileOffset(Range.getBegin()), C.SM.getFileOffset(Range.getEnd())});
  }
  void MacroExpands(const clang::Token &Name, const clang::MacroDefinition &, clang::SourceRange,
                    const clang::MacroArgs *) override {
    const clang::IdentifierInfo *II = Name.getIdentifierInfo();
    if (II && II->getName() == "assert")
      C.MacroUses.push_back({"assert", Name.getLocation()});
  }
  void MacroDefined(const clang::Token &Name, const clang::MacroDirective *MD) override {
    clang::FileID FID = C.SM.getFileID(C.SM.getSpellingLoc(Name.getLocation()));
    if (!C.file(FID))
      return;
    C.UserNames.insert(Name.getIdentifierInfo()->getName().str());
    C.UserMacros.insert(Name.getIdentifierInfo()->getName().str());
    // Bodies that launch a kernel: rewritten from their tokens where no expansion reached the AST.
    const clang::MacroInfo *MI = MD ? MD->getMacroInfo() : nullptr;
    if (!MI || MI->tokens_empty())
      return;
    unsigned B = C.SM.getFileOffset(MI->tokens_begin()->getLocation());
    unsigned E = C.SM.getFileOffset(MI->getDefinitionEndLoc()) +
                 clang::Lexer::MeasureTokenLength(MI->getDefinitionEndLoc(), C.SM, C.LO);
    if (C.text(FID).slice(B, E).contains("<<<")) {
      LaunchMacro M{{B, E}, {}};
      for (const clang::IdentifierInfo *P : MI->params())
        M.Params.push_back(P->getName().str());
      C.LaunchMacros[FID].push_back(std::move(M));
    }
  }

private:
  Context &C;
};

// ---- the one AST walk ---------------------------------------------------------------------------
struct FnInfo {
  bool Sync = false;  // needs the fiber path (a barrier, a warp operation, an unknown callee)
  bool Waits = false; // may wait for other work: a spin-wait, or a callee it cannot see
  // Reads the global threadIdx (a kernel's own body reads its thread body's parameter instead).
  bool ReadsThreadIdx = false;
  // Reads what tells the blocks of a grid apart: the global blockIdx or shared memory.
  bool ReadsBlockState = false;
  // Has an effect that running two identical CUDA threads once would change: an atomic, output,
  // device malloc/free, inline assembly, or a callee it cannot see.
  bool Effects = false;
  std::vector<const clang::FunctionDecl *> Callees;
};
// The flags a caller gets from its callees.
constexpr bool FnInfo::*InheritedFlags[] = {&FnInfo::Sync, &FnInfo::Waits, &FnInfo::ReadsThreadIdx,
                                            &FnInfo::ReadsBlockState, &FnInfo::Effects};

// Calls whose effect two identical CUDA threads would have twice: atomics (CUDA's and the
// compiler builtins std::atomic is made of), output, device heap.
bool hasEffect(llvm::StringRef N) {
  if (N.empty())
    return false;
  if (const ApiRow *Row = lookupApi(N); Row && Row->Sec == Section::device_atomics)
    return true;
  return N.starts_with("atomic") || N.starts_with("__nv_atomic") || N.starts_with("__atomic") ||
         N.starts_with("__sync_") || N == "printf" || N == "fprintf" || N == "puts" ||
         N == "malloc" || N == "free" || N == "__trap" || N == "__brkpt";
}

bool isCgMember(llvm::StringRef N) {
  return N == "sync" || N == "shfl" || N == "shfl_down" || N == "shfl_up" || N == "shfl_xor" ||
         N == "any" || N == "all" || N == "ballot" || N == "match_any" || N == "match_all" ||
         N == "barrier_wait" || N == "barrier_arrive";
}

class Walker : public clang::RecursiveASTVisitor<Walker> {
  using Base = clang::RecursiveASTVisitor<Walker>;

public:
  explicit Walker(Context &C) : C(C) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  std::vector<const clang::FunctionDecl *> Functions;
  std::vector<const clang::VarDecl *> Vars;
  std::vector<std::pair<const clang::CUDAKernelCallExpr *, const clang::FunctionDecl *>> Launches;
  std::vector<std::pair<const clang::ExplicitCastExpr *, const clang::FunctionDecl *>> Casts;
  std::vector<std::pair<const clang::DeclRefExpr *, const clang::FunctionDecl *>> KernelArguments;
  std::map<const clang::FunctionDecl *, FnInfo> Graph;
  std::map<clang::FileID, std::vector<OffsetRange>> DeviceBodies, AllBodies, HostDeviceBodies;

  bool TraverseDecl(clang::Decl *D) {
    auto *FD = llvm::dyn_cast_or_null<clang::FunctionDecl>(D);
    if (FD && FD->doesThisDeclarationHaveABody()) {
      const clang::FunctionDecl *SavedCur = Cur, *SavedOuter = Outer;
      Cur = Outer = GraphOnly ? node(FD) : FD;
      bool R = Base::TraverseDecl(D);
      Cur = SavedCur;
      Outer = SavedOuter;
      return R;
    }
    return Base::TraverseDecl(D);
  }

  // A lambda's body is a function of its own (a template kernel's functor argument calls it) and
  // a part of the text of the function that defines it, which gets its flags and callees as well.
  bool TraverseLambdaExpr(clang::LambdaExpr *E) {
    const clang::FunctionDecl *Op = node(E->getCallOperator()), *Saved = Cur;
    Cur = Op;
    bool R = Base::TraverseLambdaExpr(E, nullptr);
    Cur = Saved;
    if (Cur) {
      const FnInfo Body = Graph[Op];
      FnInfo &Around = Graph[Cur->getCanonicalDecl()];
      for (bool FnInfo::*Flag : InheritedFlags)
        Around.*Flag |= Body.*Flag;
      Around.Callees.insert(Around.Callees.end(), Body.Callees.begin(), Body.Callees.end());
    }
    return R;
  }

  bool VisitNamedDecl(clang::NamedDecl *D) {
    if (GraphOnly)
      return true;
    if (D->getIdentifier() && C.spelledIn(D->getLocation()))
      C.UserNames.insert(D->getName().str());
    return true;
  }

  bool VisitFunctionDecl(clang::FunctionDecl *FD) {
    if (GraphOnly || !FD->doesThisDeclarationHaveABody() || !FD->getBody())
      return true;
    clang::SourceRange R = FD->getBody()->getSourceRange();
    clang::SourceLocation B = C.SM.getExpansionLoc(R.getBegin()),
                          E = C.SM.getExpansionLoc(R.getEnd());
    clang::FileID FID = C.SM.getFileID(B);
    bool Dev = FD->hasAttr<clang::CUDADeviceAttr>() || FD->hasAttr<clang::CUDAGlobalAttr>();
    if (FID == C.SM.getFileID(E)) {
      OffsetRange OR{C.SM.getFileOffset(B), C.SM.getFileOffset(E) + 1};
      AllBodies[FID].push_back(OR);
      if (Dev)
        DeviceBodies[FID].push_back(OR);
      if (FD->hasAttr<clang::CUDADeviceAttr>() && FD->hasAttr<clang::CUDAHostAttr>())
        HostDeviceBodies[FID].push_back(OR);
      if (FD->hasAttr<clang::CUDAGlobalAttr>() || (Dev && !FD->hasAttr<clang::CUDAHostAttr>()))
        C.DeviceOnlyBodies[FID].push_back(OR);
    }
    Graph[FD->getCanonicalDecl()];
    markLockstep(FD);
    if (C.spelledIn(FD->getLocation()) || C.spelledIn(FD->getBody()->getBeginLoc()))
      Functions.push_back(FD);
    return true;
  }

  bool VisitVarDecl(clang::VarDecl *VD) {
    if (!GraphOnly && C.spelledIn(VD->getLocation()))
      Vars.push_back(VD);
    return true;
  }

  bool VisitCUDAKernelCallExpr(clang::CUDAKernelCallExpr *E) {
    if (!GraphOnly)
      Launches.push_back({E, Outer});
    // Visited before its callee: the reference is known as a launch when VisitDeclRefExpr sees it.
    if (auto *Callee = llvm::dyn_cast_or_null<clang::DeclRefExpr>(
            E->getCallee() ? E->getCallee()->IgnoreParenImpCasts() : nullptr))
      if (const clang::CallExpr *Config = E->getConfig(); Config && Config->getNumArgs() > 1)
        RowBlockLaunches[Callee] = isRowBlock(Config->getArg(1), 0);
    return true;
  }

  // A reference to a kernel other than as the callee of a launch with a one-row block (a launch
  // with another block, a cudaLaunchKernel argument, a pointer taken, a name resolved only at
  // instantiation) means it may run with blocks of more than one row.
  void noteKernelReference(const clang::Expr *Ref, const clang::NamedDecl *D) {
    const clang::FunctionDecl *Kernel = asFunction(D);
    if (!Kernel || !Kernel->hasAttr<clang::CUDAGlobalAttr>())
      return;
    auto It = RowBlockLaunches.find(Ref);
    KernelLaunchShapes &Shapes = LaunchShapes[node(Kernel)];
    (It != RowBlockLaunches.end() && It->second ? Shapes.Rows : Shapes.Other) = true;
  }
  bool VisitOverloadExpr(clang::OverloadExpr *E) {
    for (const clang::NamedDecl *D : E->decls())
      noteKernelReference(E, D);
    return true;
  }

  bool VisitExplicitCastExpr(clang::ExplicitCastExpr *E) {
    if (!GraphOnly && E->getType()->isVoidPointerType()) // the kernel-handle rule's candidates
      Casts.push_back({E, Outer});
    return true;
  }

  bool VisitDeclRefExpr(clang::DeclRefExpr *E) {
    noteKernelReference(E, E->getDecl());
    if (Cur && isBuiltinThreadIdx(E->getDecl()))
      Graph[Cur->getCanonicalDecl()].ReadsThreadIdx = true;
    auto *VD = llvm::dyn_cast<clang::VarDecl>(E->getDecl());
    const bool Shared = VD && VD->hasAttr<clang::CUDASharedAttr>();
    if (Cur && (Shared || isBuiltinBlockIdx(E->getDecl())))
      Graph[Cur->getCanonicalDecl()].ReadsBlockState = true;
    if (Cur && !GraphOnly && Shared && VD->hasExternalStorage() && !VD->isLocalVarDecl())
      C.ExternSharedUsers[VD].insert(Cur);
    return true;
  }

  void markSync() {
    if (Cur)
      Graph[Cur->getCanonicalDecl()].Sync = true;
  }

  // A call the walk cannot follow: it may synchronise, wait, read threadIdx or have effects.
  void markUnknown() {
    if (Cur) {
      FnInfo &Info = Graph[Cur->getCanonicalDecl()];
      Info.Sync = Info.Waits = Info.ReadsThreadIdx = Info.ReadsBlockState = Info.Effects = true;
    }
  }

  // A call that names nothing until instantiation (`op(x)`, `Op` a template parameter). In a
  // function template of the main file the instantiations decide (walkInstantiations): they are
  // all in this translation unit. A header's template may be instantiated in other units with
  // other arguments, which its one translation must also serve: anything.
  void markDependent() {
    if (Cur && !GraphOnly && Cur->getDescribedFunctionTemplate())
      if (UserFile *F = C.spelledIn(Cur->getLocation()); F && F->IsMain)
        return (void)ResolvedByInstantiations.insert(Cur);
    markUnknown();
  }

  bool VisitGCCAsmStmt(clang::GCCAsmStmt *) {
    if (Cur)
      Graph[Cur->getCanonicalDecl()].Effects = true;
    return true;
  }

  // Warp-synchronous volatile accesses and spin-waits run on fibers (rules/warp/Lockstep.h).
  void markLockstep(clang::FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() ||
        !(FD->hasAttr<clang::CUDAGlobalAttr>() || FD->hasAttr<clang::CUDADeviceAttr>()) ||
        !C.spelledIn(FD->getBody()->getBeginLoc()))
      return;
    LockstepSites Sites = findLockstepSites(*C.AST, FD->getBody());
    if (Sites.empty())
      return;
    FnInfo &Info = Graph[FD->getCanonicalDecl()];
    Info.Sync = true;
    Info.Waits |= !Sites.SpinConditions.empty() || !Sites.SpinForsWithoutCondition.empty();
    C.LockstepFunctions.insert(FD->getCanonicalDecl());
  }

  void addCallee(const clang::FunctionDecl *Callee) {
    if (!Cur)
      return;
    if (const clang::FunctionDecl *P = Callee->getTemplateInstantiationPattern())
      Callee = P;
    llvm::StringRef N = Callee->getIdentifier() ? Callee->getName() : "";
    if (hasEffect(N))
      Graph[Cur->getCanonicalDecl()].Effects = true;
    if (synchronisesAsDeclared(Callee))
      return markSync();
    const clang::FunctionDecl *Def = nullptr;
    if (Callee->hasBody(Def) && Def) {
      Graph[Cur->getCanonicalDecl()].Callees.push_back(Def->getCanonicalDecl());
      return;
    }
    // No body in this TU: unknown unless it is a declaration of the shim or a system header.
    if (C.spelledIn(Callee->getLocation()))
      markUnknown();
  }

  // `cudaLaunchKernel(k, ...)`, `cudaLaunchCooperativeKernel(k, ...)`: CUDA's C++ overloads
  // taking the kernel itself, whose name the kernel-handle rule keeps for the runtime.
  static const clang::DeclRefExpr *kernelOfTypedLaunch(const clang::CallExpr *E) {
    const clang::FunctionDecl *FD = E->getDirectCallee();
    if (!FD || !FD->getPrimaryTemplate() || !FD->getIdentifier() || E->getNumArgs() == 0 ||
        (FD->getName() != "cudaLaunchKernel" && FD->getName() != "cudaLaunchCooperativeKernel"))
      return nullptr;
    auto *DR = llvm::dyn_cast<clang::DeclRefExpr>(E->getArg(0)->IgnoreParenImpCasts());
    auto *Kernel = DR ? llvm::dyn_cast<clang::FunctionDecl>(DR->getDecl()) : nullptr;
    return Kernel && Kernel->hasAttr<clang::CUDAGlobalAttr>() ? DR : nullptr;
  }

  bool VisitCallExpr(clang::CallExpr *E) {
    if (!GraphOnly)
      if (const clang::DeclRefExpr *Kernel = kernelOfTypedLaunch(E))
        KernelArguments.push_back({Kernel, Outer});
    if (!Cur)
      return true;
    if (const clang::FunctionDecl *FD = E->getDirectCallee()) {
      addCallee(FD);
      return true;
    }
    const clang::Expr *Callee = E->getCallee() ? E->getCallee()->IgnoreParenImpCasts() : nullptr;
    if (!Callee)
      return true;
    if (auto *UL = llvm::dyn_cast<clang::UnresolvedLookupExpr>(Callee)) {
      std::string N = UL->getName().getAsString();
      if (isSyncBuiltin(N))
        return markSync(), true;
      bool Any = false;
      for (const clang::NamedDecl *D : UL->decls())
        if (const clang::FunctionDecl *FD = asFunction(D)) {
          addCallee(FD);
          Any = true;
        }
      if (!Any)
        markDependent(); // found by argument-dependent lookup at instantiation
      return true;
    }
    if (auto *ME = llvm::dyn_cast<clang::CXXDependentScopeMemberExpr>(Callee)) {
      if (isCgMember(ME->getMember().getAsString()))
        return markSync(), true;
      // A member of a specialisation of a known class template (`BlockReduceT(temp).Sum(x)`,
      // `BlockReduceT` a `cub::BlockReduce<T, THREADS>`): every member of that name in the
      // template. A member of a type not known until instantiation: anything.
      std::vector<const clang::FunctionDecl *> Members = membersNamed(ME);
      if (Members.empty())
        markDependent();
      for (const clang::FunctionDecl *FD : Members)
        addCallee(FD);
      return true;
    }
    if (auto *ME = llvm::dyn_cast<clang::UnresolvedMemberExpr>(Callee)) {
      if (isCgMember(ME->getName().getAsString()))
        markSync();
      for (const clang::NamedDecl *D : ME->decls())
        if (const clang::FunctionDecl *FD = asFunction(D))
          addCallee(FD);
      return true;
    }
    // A dependent callable waits for its instantiations; a function pointer is unknown.
    if (Callee->isTypeDependent())
      markDependent();
    else
      markUnknown();
    return true;
  }

  // Constructors run code too (`BlockLoadT(temp)` reads threadIdx in CUB's): the user-provided
  // ones are callees; implicit ones have no body of their own to follow.
  bool VisitCXXConstructExpr(clang::CXXConstructExpr *E) {
    if (const clang::CXXConstructorDecl *Ctor = E->getConstructor();
        Cur && Ctor && Ctor->isUserProvided())
      addCallee(Ctor);
    return true;
  }
  bool VisitCXXUnresolvedConstructExpr(clang::CXXUnresolvedConstructExpr *E) {
    if (const clang::CXXRecordDecl *RD = templatePattern(E->getTypeAsWritten()); Cur && RD)
      for (const clang::CXXConstructorDecl *Ctor : RD->ctors())
        if (Ctor->isUserProvided())
          addCallee(Ctor);
    return true;
  }

  // The graph node of a function: an instantiation shares its pattern's, whose one translation
  // serves them all.
  static const clang::FunctionDecl *node(const clang::FunctionDecl *FD) {
    return Context::definitionNode(FD);
  }

  // The flags of a template whose calls name nothing until instantiation are the union over its
  // instantiations in this unit, walked for the call graph only (their text is not translated).
  // One that is never instantiated is never launched from here: anything, to be safe.
  void walkInstantiations() {
    GraphOnly = true;
    for (const clang::FunctionDecl *Pattern : ResolvedByInstantiations) {
      bool Any = false;
      for (clang::FunctionDecl *Spec : Pattern->getDescribedFunctionTemplate()->specializations())
        if (clang::Stmt *Body = Spec->getBody()) {
          Cur = Outer = Pattern;
          TraverseStmt(Body);
          Any = true;
        }
      Cur = Pattern;
      if (!Any)
        markUnknown();
    }
    Cur = Outer = nullptr;
    GraphOnly = false;
  }

  // Closes the flags over the call graph, into the Context's sets.
  void computeSync() {
    walkInstantiations();
    bool Changed = true;
    while (Changed) {
      Changed = false;
      for (auto &[FD, Info] : Graph)
        for (const clang::FunctionDecl *Callee : Info.Callees) {
          auto It = Graph.find(Callee);
          if (It == Graph.end())
            continue;
          for (bool FnInfo::*Flag : InheritedFlags)
            if (It->second.*Flag && !(Info.*Flag)) {
              Info.*Flag = true;
              Changed = true;
            }
        }
    }
    for (const auto &[Kernel, Shapes] : LaunchShapes)
      if (Shapes.Rows && !Shapes.Other)
        C.RowBlockKernels.insert(Kernel);
    for (auto &[FD, Info] : Graph) {
      if (Info.Sync)
        C.SyncFunctions.insert(FD);
      if (!Info.Waits)
        C.NeverWaitingFunctions.insert(FD);
      if (!Info.Effects)
        C.ReplayableFunctions.insert(FD);
      auto calleesIgnore = [&](bool FnInfo::*Reads) {
        return std::none_of(Info.Callees.begin(), Info.Callees.end(), [&](const auto *Callee) {
          auto It = Graph.find(Callee);
          return It != Graph.end() && It->second.*Reads;
        });
      };
      if (calleesIgnore(&FnInfo::ReadsThreadIdx))
        C.CalleesIgnoreThreadIdx.insert(FD);
      if (calleesIgnore(&FnInfo::ReadsBlockState))
        C.CalleesIgnoreBlockState.insert(FD);
    }
  }

private:
  // A launch's block argument that makes blockDim.y == blockDim.z == 1: an integer, or dim3(x)
  // written with one argument (or with literal 1s after it), or a local dim3 initialised so and
  // never modified (`dim3 block(256);`). Depth bounds the chain of such variables.
  bool isRowBlock(const clang::Expr *Block, unsigned Depth) {
    const clang::Expr *E = Block->IgnoreImplicit();
    if (auto *Cast = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr()->IgnoreImplicit();
    if (auto *Construct = llvm::dyn_cast<clang::CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() == 0)
        return false;
      if (Construct->getConstructor()->isCopyOrMoveConstructor())
        return isRowBlockVariable(Construct->getArg(0)->IgnoreParenImpCasts(), Depth);
      for (unsigned I = 1; I < Construct->getNumArgs(); ++I) {
        const clang::Expr *Arg = Construct->getArg(I)->IgnoreImplicit();
        auto *One = llvm::dyn_cast<clang::IntegerLiteral>(Arg);
        if (!llvm::isa<clang::CXXDefaultArgExpr>(Arg) && !(One && One->getValue() == 1))
          return false;
      }
      E = Construct->getArg(0)->IgnoreImplicit();
    }
    return E->getType()->isIntegerType();
  }
  bool isRowBlockVariable(const clang::Expr *E, unsigned Depth) {
    auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E);
    auto *VD = Ref ? llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()) : nullptr;
    if (!VD || !VD->isLocalVarDecl() || VD->isStaticLocal() || !VD->getInit() || Depth > 4)
      return false;
    auto *Fn = llvm::dyn_cast_or_null<clang::FunctionDecl>(VD->getParentFunctionOrMethod());
    if (!Fn || !Fn->getBody() || !isRowBlock(VD->getInit(), Depth + 1))
      return false;
    return !clang::ExprMutationAnalyzer(*Fn->getBody(), *C.AST).isMutated(VD);
  }

  struct KernelLaunchShapes {
    bool Rows = false, Other = false;
  };
  std::map<const clang::Expr *, bool> RowBlockLaunches; // launch callees: one-row block or not
  std::map<const clang::FunctionDecl *, KernelLaunchShapes> LaunchShapes; // by graph node

  Context &C;
  const clang::FunctionDecl *Cur = nullptr;   // the call-graph node being walked
  const clang::FunctionDecl *Outer = nullptr; // the named function around it (not a lambda)
  bool GraphOnly = false;                     // walking an instantiation: the call graph only
  std::set<const clang::FunctionDecl *> ResolvedByInstantiations;
};

class Consumer : public clang::ASTConsumer {
public:
  Consumer(std::unique_ptr<Context> Ctx, TuState &S, BufferedConsumer &BC)
      : Ctx(std::move(Ctx)), S(S), BC(BC) {}

  void HandleTranslationUnit(clang::ASTContext &AC) override {
    Context &C = *Ctx;
    C.AST = &AC;
    clang::FileID Main = C.SM.getMainFileID();
    if (!C.Files.count(Main)) {
      UserFile &F = C.Files[Main];
      F.FID = Main;
      F.IsMain = true;
      auto FE = C.SM.getFileEntryRefForID(Main);
      F.Path = FE ? absPath(FE->getName()) : "<main>";
      F.IsCu = llvm::StringRef(F.Path).ends_with(".cu");
    }
    Walker W(C);
    W.TraverseDecl(AC.getTranslationUnitDecl());

    if (S.Pass == 1) {
      bool Any = false;
      for (auto &[FID, F] : C.Files) {
        llvm::StringRef T = C.text(FID);
        S.Originals[F.Path] = T.str();
        if (!mentionsCudaArch(T))
          continue;
        ArchInput In;
        In.DeviceBodies = W.DeviceBodies[FID];
        In.AllBodies = W.AllBodies[FID];
        In.HostDeviceBodies = W.HostDeviceBodies[FID];
        In.ArchValue = S.Opts->ArchValue;
        ArchResult R = resolveCudaArch(T, In);
        if (R.Edits.empty() && R.UnresolvedUses.empty())
          continue;
        S.Arch[F.Path] = std::move(R);
        Any = true;
      }
      // Headers with spaced launch chevrons are parsed again with them joined (the main file
      // was joined before this parse); both keep every offset of the text on disk.
      for (auto &[FID, F] : C.Files) {
        if (F.IsMain)
          continue;
        auto It = S.Arch.find(F.Path);
        llvm::StringRef Parsed =
            It != S.Arch.end() ? llvm::StringRef(It->second.ParseText) : C.text(FID);
        std::optional<std::string> J = joinSpacedChevrons(Parsed);
        if (!J)
          continue;
        if (It != S.Arch.end())
          It->second.ParseText = std::move(*J);
        else
          S.Joined[F.Path] = std::move(*J);
        Any = true;
      }
      if (Any) {
        S.NeedSecondPass = true;
        return;
      }
    }

    W.computeSync();
    // Edits from the __CUDA_ARCH__ resolution and markers for compile errors.
    for (auto &[FID, F] : C.Files) {
      F.OutPath = S.OutPathFor(F.Path, F.IsMain);
      auto It = S.Arch.find(F.Path);
      if (It == S.Arch.end())
        continue;
      for (const Edit &E : It->second.Edits)
        F.Edits.replace(E.Offset, E.Length, E.Text);
      for (unsigned U : It->second.UnresolvedUses)
        C.report(C.SM.getComposedLoc(FID, U), DiagId::CU2NPU4001, {});
    }
    std::set<std::pair<clang::FileID, unsigned>> ErrorLines;
    for (const ClangError &E : BC.Errors) {
      clang::SourceLocation L = C.SM.getFileLoc(E.Loc);
      if (!C.file(C.SM.getFileID(L)))
        continue;
      if (!ErrorLines.insert({C.SM.getFileID(L), C.SM.getSpellingLineNumber(L)}).second)
        continue;
      // On a preprocessor directive the marker goes before the '#'.
      unsigned Off = C.SM.getFileOffset(L);
      llvm::StringRef Txt = C.text(C.SM.getFileID(L));
      size_t Newline = Txt.rfind('\n', Off); // StringRef::rfind looks strictly before Off
      size_t LineStart = Newline == llvm::StringRef::npos ? 0 : Newline + 1;
      if (Txt.substr(LineStart).ltrim(" \t").starts_with("#"))
        L = C.SM.getComposedLoc(
            C.SM.getFileID(L),
            LineStart + (Txt.substr(LineStart).size() - Txt.substr(LineStart).ltrim(" \t").size()));
      C.report(L, DiagId::CU2NPU0001, {E.Message}, true, false);
    }

    std::vector<std::unique_ptr<Rule>> Rules = makeRules();
    for (auto &R : Rules) {
      for (const clang::FunctionDecl *FD : W.Functions)
        R->onFunction(C, *FD);
      for (const clang::VarDecl *VD : W.Vars)
        R->onVar(C, *VD);
      for (auto &[E, Fn] : W.Launches) {
        C.CurrentFunction = Fn;
        R->onKernelCall(C, *E);
      }
      for (auto &[E, Fn] : W.Casts) {
        C.CurrentFunction = Fn;
        R->onKernelValue(C, *E);
      }
      for (auto &[E, Fn] : W.KernelArguments) {
        C.CurrentFunction = Fn;
        R->onKernelArgument(C, *E);
      }
      C.CurrentFunction = nullptr;
      for (const IncludeEvent &E : C.Includes)
        R->onInclude(C, E);
      for (const MacroUse &U : C.MacroUses)
        R->onMacroUse(C, U);
    }
    for (auto &R : Rules)
      R->finish(C);
    for (auto &R : Rules)
      for (auto &[FID, F] : C.Files)
        R->onFile(C, F);

    for (auto &[FID, F] : C.Files) {
      OutputFile O;
      O.InPath = F.Path;
      O.OutPath = F.OutPath;
      O.IsMain = F.IsMain;
      auto OrigIt = S.Originals.find(F.Path);
      llvm::StringRef Orig =
          OrigIt != S.Originals.end() ? llvm::StringRef(OrigIt->second) : C.text(FID);
      O.Text = F.Edits.apply(Orig, &O.Conflicts);
      O.Changed = !F.Edits.empty();
      O.LinesChanged = F.Edits.linesTouched(Orig);
      O.Converted = F.Converted;
      O.Unconverted = F.Unconverted;
      O.Diags = F.Diags;
      S.Outputs.push_back(std::move(O));
    }
    std::sort(S.Outputs.begin(), S.Outputs.end(), [](const OutputFile &A, const OutputFile &B) {
      return std::make_pair(!A.IsMain, A.InPath) < std::make_pair(!B.IsMain, B.InPath);
    });
  }

private:
  std::unique_ptr<Context> Ctx;
  TuState &S;
  BufferedConsumer &BC;
};

class Action : public clang::ASTFrontendAction {
public:
  Action(TuState &S, BufferedConsumer &BC) : S(S), BC(BC) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &CI,
                                                        llvm::StringRef) override {
    auto Ctx = std::make_unique<Context>(CI, *S.Opts);
    if (S.Opts->Quiet)
      CI.getDiagnostics().setIgnoreAllWarnings(true);
    CI.getPreprocessor().addPPCallbacks(std::make_unique<PPHooks>(*Ctx));
    return std::make_unique<Consumer>(std::move(Ctx), S, BC);
  }

private:
  TuState &S;
  BufferedConsumer &BC;
};

class Factory : public clang::tooling::FrontendActionFactory {
public:
  Factory(TuState &S, BufferedConsumer &BC) : S(S), BC(BC) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<Action>(S, BC);
  }

private:
  TuState &S;
  BufferedConsumer &BC;
};

} // namespace

std::string npurtStubRuntime() {
  std::string S =
      "// cu2npu parse stub of npurt/runtime.h (generated from the mapping table): lets cu2npu\n"
      "// re-read translated code. Never compiled into programs.\n#pragma once\n#include "
      "<cuda_runtime.h>\n#include <cuda.h>\n#include <type_traits>\n";
  for (const ApiRow &R : allRows()) {
    if (R.St == Status::unsupported || llvm::StringRef(R.Cuda) == R.Npu ||
        llvm::StringRef(R.Npu).contains("::")) // not a macro name; see the kernel stub
      continue;
    S += std::string("#define ") + R.Npu + " " + R.Cuda + "\n";
  }
  return S;
}

std::string npurtStubCooperativeGroups() {
  return "// cu2npu parse stub of npurt/cooperative_groups.h. Never compiled into "
         "programs.\n#pragma once\n"
         "#include <cooperative_groups.h>\n#include <cooperative_groups/reduce.h>\n";
}

std::string npurtStubKernel() {
  // Templates that take the kernel's lambdas have (empty) bodies: clang rejects a lambda-typed
  // instantiation of a template that is declared but never defined.
  return "// cu2npu parse stub of npurt/kernel.h. Never compiled into programs.\n#pragma once\n"
         "#include <cuda_runtime.h>\n#include <cuda_fp16.h>\n#include <cuda_bf16.h>\n#include "
         "<math_constants.h>\n"
         "#define NPU_THREAD_PARAMS ...\n#define NPU_REGION_PARAMS unsigned npu_thread, "
         "...\n#define NPU_DEVICE_ASSERT(c) ((void)(c))\n#define NPU_COST(...) ((void)0)\n"
         // The mark the translator finds collectives written in steps by
         // (rules/kernel/Collectives).
         "#define NPU_STEPPED_COLLECTIVE [[clang::annotate(\"npu::stepped_collective\")]]\n"
         "namespace npu {\n"
         "namespace detail { struct CollectiveSteps { int step; bool more; }; "
         "inline CollectiveSteps collectiveSteps; }\n"
         "struct NeverWaits {};\ninline constexpr NeverWaits never_waits{};\n"
         "template <class NpuK, class... NpuA> cudaError_t launch(const char *, NpuK &&, dim3, "
         "dim3, "
         "size_t, cudaStream_t, NpuA &&...) "
         "{ return cudaSuccess; }\n"
         "template <class NpuK, class... NpuA> cudaError_t launch(NeverWaits, const char *, NpuK "
         "&&, dim3, "
         "dim3, size_t, cudaStream_t, NpuA &&...) "
         "{ return cudaSuccess; }\n"
         "template <class NpuK, class... NpuA> cudaError_t launch_deduced(const char *, NpuK, "
         "dim3, dim3, "
         "size_t, cudaStream_t, NpuA &&...) "
         "{ return cudaSuccess; }\n"
         "template <class NpuK> const void *kernel_handle(const char *, NpuK) { return nullptr; }\n"
         "template <auto NpuK> const char *kernel_name(const char *s) { return s; }\n"
         "enum class ThreadIdxGlobal : bool { Unused, Kept };\n"
         "enum class ThreadDims : unsigned char { None, X, Y, XY, Z, XZ, YZ, XYZ };\n"
         "enum class RowIndex : unsigned char { Thread, Global, GlobalOnly };\n"
         "template <ThreadIdxGlobal NpuG = ThreadIdxGlobal::Kept, ThreadDims NpuD = "
         "ThreadDims::XYZ, RowIndex NpuI = RowIndex::Thread, class NpuF> __host__ __device__ void "
         "for_each_thread(NpuF &&) {}\n"
         "template <ThreadIdxGlobal NpuG = ThreadIdxGlobal::Kept, ThreadDims NpuD = "
         "ThreadDims::XYZ, RowIndex NpuI = RowIndex::Thread, class NpuF> __host__ __device__ void "
         "for_each_thread_guarded(NpuF &&) {}\n"
         "template <ThreadIdxGlobal NpuG = ThreadIdxGlobal::Kept, ThreadDims NpuD = "
         "ThreadDims::XYZ, RowIndex NpuI = RowIndex::Thread, class NpuF> __host__ __device__ void "
         "for_each_thread_monotone(NpuF &&) {}\n"
         "template <class NpuF> __host__ __device__ void for_each_thread_sync(NpuF &&) {}\n"
         "struct LaneExchange { struct Lane {\n"
         "#define NPU_STUB_LANE_SHFL(n) template <class NpuM, class NpuT, class... NpuA> __host__ "
         "__device__ NpuT n##_sync(NpuM, const NpuT &v, NpuA...) const { return v; } template "
         "<class NpuT, class... NpuA> __host__ __device__ NpuT n(const NpuT &v, NpuA...) const { "
         "return v; }\n"
         "#define NPU_STUB_LANE(R, n) template <class... NpuA> __host__ __device__ R n(NpuA...) "
         "const { return R(); }\n"
         "NPU_STUB_LANE_SHFL(shfl) NPU_STUB_LANE_SHFL(shfl_up) NPU_STUB_LANE_SHFL(shfl_down) "
         "NPU_STUB_LANE_SHFL(shfl_xor) NPU_STUB_LANE(void, publish) "
         "NPU_STUB_LANE(void, publish_predicate) NPU_STUB_LANE(void, publish_operand) "
         "NPU_STUB_LANE(unsigned, ballot_sync) NPU_STUB_LANE(int, any_sync) "
         "NPU_STUB_LANE(int, all_sync) NPU_STUB_LANE(unsigned, ballot) NPU_STUB_LANE(int, any) "
         "NPU_STUB_LANE(int, all) NPU_STUB_LANE(unsigned, reduce_add_sync) "
         "NPU_STUB_LANE(unsigned, reduce_min_sync) NPU_STUB_LANE(unsigned, reduce_max_sync) "
         "NPU_STUB_LANE(unsigned, reduce_and_sync) NPU_STUB_LANE(unsigned, reduce_or_sync) "
         "NPU_STUB_LANE(unsigned, reduce_xor_sync)\n"
         "#undef NPU_STUB_LANE_SHFL\n#undef NPU_STUB_LANE\n"
         "}; __host__ __device__ Lane at(unsigned long) const { return Lane(); } };\n"
         "struct BlockRegions { struct CallScope { __host__ __device__ CallScope(BlockRegions &) "
         "{} }; __host__ __device__ LaneExchange lanes() { return LaneExchange(); } "
         "template <class NpuT> __host__ __device__ NpuT *per_thread() { "
         "return "
         "nullptr; } "
         "template <class NpuT> __host__ __device__ NpuT *per_thread_copy(const NpuT &) { return "
         "nullptr; } "
         "template <ThreadIdxGlobal NpuG = ThreadIdxGlobal::Kept, ThreadDims NpuD = "
         "ThreadDims::XYZ, RowIndex NpuI = RowIndex::Thread, class NpuF> __host__ __device__ void "
         "for_each_thread(NpuF &&) {} "
         "template <ThreadIdxGlobal NpuG = ThreadIdxGlobal::Kept, class NpuF> __host__ __device__ "
         "void "
         "collective(NpuF &&) {} template <class NpuF> __host__ __device__ void fibers(NpuF &&) {} "
         "template <ThreadIdxGlobal NpuG = ThreadIdxGlobal::Kept, ThreadDims NpuD = "
         "ThreadDims::XYZ, RowIndex NpuI = RowIndex::Thread, class NpuF> __host__ __device__ void "
         "for_each_thread_guarded(NpuF &&) "
         "{} "
         "template <ThreadIdxGlobal NpuG = ThreadIdxGlobal::Kept, ThreadDims NpuD = "
         "ThreadDims::XYZ, RowIndex NpuI = RowIndex::Thread, class NpuF> __host__ __device__ void "
         "for_each_thread_strided(NpuF &&) "
         "{} "
         "__host__ __device__ "
         "void exit(unsigned) {} "
         "__host__ __device__ bool active() const { return true; } };\n"
         "template <ThreadDims NpuD = ThreadDims::XYZ, bool NpuR = false, RowIndex NpuI = "
         "RowIndex::Thread, class NpuF> __host__ __device__ void block_regions(NpuF &&) {}\n"
         "template <ThreadDims NpuD, class NpuF> __host__ __device__ void "
         "block_regions_without_duplicates(NpuF &&) {}\n"
         "template <class NpuT> __device__ NpuT *dynamic_shared() { return nullptr; }\n"
         "template <class NpuT, int NpuD = 1, enum cudaTextureReadMode NpuM = "
         "cudaReadModeElementType> "
         "using texture = ::texture<NpuT, NpuD, NpuM>;\n"
         "__host__ __device__ inline bool in_kernel() { return false; }\n"
         "__host__ __device__ inline void warp_step() {}\n"
         "__host__ __device__ inline void spin_yield() {}\n"
         "template <class NpuT> __host__ __device__ NpuT warp_load(NpuT &x) { return x; }\n"
         "template <class NpuT, class NpuV> __host__ __device__ NpuT warp_store(NpuT &x, NpuV &&) "
         "{ return x; }\n"
         "enum class WarpUpdate { Add, Sub, Mul, Div, Rem, And, Or, Xor, Shl, Shr };\n"
         "template <WarpUpdate O, class NpuT, class NpuV> __host__ __device__ NpuT "
         "warp_update(NpuT &x, NpuV &&) "
         "{ return x; }\n"
         "namespace lib { inline void wait_for_device() {} }\n"
         "namespace block_atomics {\n"
         "#define NPU_STUB_ATOMIC(n) template <class NpuT, class... NpuA> __device__ NpuT n(NpuT "
         "*, NpuA...) "
         "{ return NpuT(); } template <class NpuT, class... NpuA> __device__ NpuT n##_block(NpuT "
         "*, NpuA...) "
         "{ return NpuT(); }\n"
         "NPU_STUB_ATOMIC(atomicAdd) NPU_STUB_ATOMIC(atomicSub) NPU_STUB_ATOMIC(atomicExch) "
         "NPU_STUB_ATOMIC(atomicMin) NPU_STUB_ATOMIC(atomicMax) NPU_STUB_ATOMIC(atomicAnd) "
         "NPU_STUB_ATOMIC(atomicOr) NPU_STUB_ATOMIC(atomicXor) NPU_STUB_ATOMIC(atomicInc) "
         "NPU_STUB_ATOMIC(atomicDec) NPU_STUB_ATOMIC(atomicCAS)\n"
         "#undef NPU_STUB_ATOMIC\n"
         "}  // namespace block_atomics\n"
         "}  // namespace npu\n";
}

void translateFile(const std::string &File, const std::string &Directory,
                   const std::vector<std::string> &Args, TuState &State) {
  std::optional<std::string>
      Joined; // the main file with spaced chevrons joined (outlives the parse)
  for (State.Pass = 1; State.Pass <= 2; ++State.Pass) {
    BufferedConsumer BC;
    clang::tooling::FixedCompilationDatabase DB(Directory, Args);
    clang::tooling::ClangTool Tool(DB, {File});
    if (State.Pass == 2) {
      for (auto &[Path, R] : State.Arch)
        Tool.mapVirtualFile(Path, R.ParseText);
      for (auto &[Path, Text] : State.Joined)
        Tool.mapVirtualFile(Path, Text);
      if (Joined && !State.Arch.count(absPath(File))) // else its ParseText was built joined
        Tool.mapVirtualFile(File, *Joined);
    } else if (auto Buf = llvm::MemoryBuffer::getFile(File); Buf)
      if ((Joined = joinSpacedChevrons((*Buf)->getBuffer())))
        Tool.mapVirtualFile(File, *Joined); // the parse (and the output) use `<<<` `>>>`
    Tool.setDiagnosticConsumer(&BC);
    Tool.setPrintErrorMessage(false);
    Factory F(State, BC);
    Tool.run(&F);
    std::string Text = BC.take();
    if (State.Pass == 1 && State.NeedSecondPass)
      continue;
    State.DiagText = std::move(Text);
    State.Errors = BC.getNumErrors();
    return;
  }
}

} // namespace cu2npu
