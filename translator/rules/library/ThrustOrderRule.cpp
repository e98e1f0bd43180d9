#include "rules/library/ThrustOrderRule.h"

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <clang/Lex/Lexer.h>

namespace cu2npu {

using namespace clang;

namespace {

bool inThrust(const Decl *D) {
  for (const DeclContext *DC = D ? D->getDeclContext() : nullptr; DC; DC = DC->getParent())
    if (auto *NS = dyn_cast<NamespaceDecl>(DC);
        NS && NS->getName() == "thrust" && NS->getParent()->getRedeclContext()->isFileContext() &&
        isa<TranslationUnitDecl>(NS->getParent()->getRedeclContext()))
      return true;
  return false;
}

bool isDeviceLambda(const LambdaExpr *L) {
  const CXXMethodDecl *Op = L->getCallOperator();
  return Op && Op->hasAttr<CUDADeviceAttr>() && !Op->hasAttr<CUDAHostAttr>();
}

// Whether S names anything of thrust's, not counting the statements of compound statements
// inside it (each of those is decided on its own) or device lambdas.
bool usesThrust(const Stmt *S) {
  if (!S || isa<CompoundStmt>(S))
    return false;
  if (isa<LambdaExpr>(S))
    return false; // its body's statements are decided on their own (host lambdas) or skipped
  if (auto *DR = dyn_cast<DeclRefExpr>(S); DR && inThrust(DR->getDecl()))
    return true;
  if (auto *ME = dyn_cast<MemberExpr>(S); ME && inThrust(ME->getMemberDecl()))
    return true;
  if (auto *CE = dyn_cast<CXXConstructExpr>(S); CE && inThrust(CE->getConstructor()))
    return true;
  if (auto *UL = dyn_cast<UnresolvedLookupExpr>(S))
    for (const NamedDecl *D : UL->decls())
      if (inThrust(D))
        return true;
  if (auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (auto *VD = dyn_cast<VarDecl>(D))
        if (const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl(); RD && inThrust(RD))
          return true;
  for (const Stmt *Child : S->children())
    if (usesThrust(Child))
      return true;
  return false;
}

class Orderer {
public:
  Orderer(Context &C) : C(C) {}

  // Every compound statement in S (host lambdas' bodies included, device lambdas' not).
  void walk(const Stmt *S) {
    if (!S)
      return;
    if (auto *L = dyn_cast<LambdaExpr>(S)) {
      if (!isDeviceLambda(L))
        walk(L->getBody());
      return;
    }
    if (auto *CS = dyn_cast<CompoundStmt>(S)) {
      const Stmt *Previous = nullptr;
      for (const Stmt *Child : CS->body()) {
        if (!isWait(Previous)) // translated code already waits (a second translation)
          statement(Child);
        Previous = Child;
      }
    }
    for (const Stmt *Child : S->children())
      walk(Child);
  }

private:
  Context &C;

  static bool isWait(const Stmt *S) {
    auto *Call = dyn_cast_or_null<CallExpr>(S);
    const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
    return FD && FD->getIdentifier() && FD->getName() == "wait_for_device" &&
           FD->getQualifiedNameAsString() == "npu::lib::wait_for_device";
  }

  void statement(const Stmt *S) {
    // A label's statement: the wait goes after the label, where a jump to it lands.
    while (auto *Label = dyn_cast<SwitchCase>(S))
      S = Label->getSubStmt();
    if (auto *Label = dyn_cast<LabelStmt>(S))
      S = Label->getSubStmt();
    if (!usesThrust(S))
      return;
    SourceLocation L = S->getBeginLoc();
    SourceLocation MacroBegin;
    if (L.isMacroID() && Lexer::isAtStartOfMacroExpansion(L, C.SM, C.LO, &MacroBegin))
      L = MacroBegin;
    unsigned Off = 0;
    if (L.isMacroID())
      return; // inside a macro's body: no place of our own to write the call
    UserFile *F = C.spelledIn(L, &Off);
    if (!F)
      return;
    F->Edits.insert(Off, "::npu::lib::wait_for_device(); ", 0);
  }
};

} // namespace

llvm::StringRef ThrustOrderRule::name() const { return "thrust-order"; }

void ThrustOrderRule::onFunction(Context &C, const FunctionDecl &FD) {
  if (!FD.doesThisDeclarationHaveABody() || FD.hasAttr<CUDAGlobalAttr>() ||
      FD.hasAttr<CUDADeviceAttr>() || !C.spelledIn(FD.getLocation()))
    return;
  Orderer(C).walk(FD.getBody());
}

} // namespace cu2npu
