#include "rules/kernel/ThreadLoop.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>

#include <set>

#include "rules/Context.h"

namespace cu2npu {

namespace {

// CUDA's built-in Name (clang's __cuda_builtin_*_t variable), not a user variable of that name.
bool isBuiltinVariable(const clang::ValueDecl *D, llvm::StringRef Name) {
  auto *VD = llvm::dyn_cast_or_null<clang::VarDecl>(D);
  return VD && VD->hasGlobalStorage() && VD->getIdentifier() && VD->getName() == Name &&
         !VD->getDeclContext()->isFunctionOrMethod();
}

bool isThreadIdx(const clang::Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (auto *OV = llvm::dyn_cast<clang::OpaqueValueExpr>(E); OV && OV->getSourceExpr())
    E = OV->getSourceExpr()->IgnoreParenImpCasts();
  auto *DR = llvm::dyn_cast<clang::DeclRefExpr>(E);
  return DR && isBuiltinThreadIdx(DR->getDecl());
}

// Bit 1, 2, 4 for threadIdx.x, .y, .z read in the body; all three for threadIdx used whole.
// `threadIdx.x` is a property of clang's __cuda_builtin_threadIdx_t (a PseudoObjectExpr).
class ThreadDimsRead : public clang::RecursiveASTVisitor<ThreadDimsRead> {
public:
  unsigned Dims = 0;

  bool TraversePseudoObjectExpr(clang::PseudoObjectExpr *E) {
    auto *Property =
        llvm::dyn_cast<clang::MSPropertyRefExpr>(E->getSyntacticForm()->IgnoreParens());
    if (!Property || !isThreadIdx(Property->getBaseExpr()))
      return clang::RecursiveASTVisitor<ThreadDimsRead>::TraversePseudoObjectExpr(E);
    llvm::StringRef Member = Property->getPropertyDecl()->getName();
    Dims |= Member == "x" ? 1u : Member == "y" ? 2u : Member == "z" ? 4u : 7u;
    return true;
  }
  bool VisitDeclRefExpr(clang::DeclRefExpr *E) {
    if (isBuiltinThreadIdx(E->getDecl()))
      Dims = 7; // not as the base of .x/.y/.z (above): the whole uint3
    return true;
  }
};

// `<Var>.x` for the built-in Var (parentheses and implicit casts around it ignored).
bool isBuiltinX(const clang::Expr *E, llvm::StringRef Var) {
  E = E->IgnoreParenImpCasts();
  const char *Name = builtinVarName(E);
  if (!Name || Var != Name)
    return false;
  auto *PO = llvm::cast<clang::PseudoObjectExpr>(E);
  return llvm::cast<clang::MSPropertyRefExpr>(PO->getSyntacticForm()->IgnoreParens())
             ->getPropertyDecl()
             ->getName() == "x";
}

// E without parentheses, implicit casts and explicit casts to an integer type of 32 bits or
// more. Such a cast leaves the global index sum's value the index of the thread in its grid
// wherever the engine fuses blocks (a grid of at most INT_MAX threads in x: nothing wraps).
const clang::Expr *withoutWidening(const clang::ASTContext &Ctx, const clang::Expr *E) {
  E = E->IgnoreParenImpCasts();
  while (auto *Cast = llvm::dyn_cast<clang::ExplicitCastExpr>(E)) {
    const clang::QualType T = Cast->getType();
    if (!T->isIntegerType() || T->isBooleanType() || Ctx.getIntWidth(T) < 32)
      break;
    E = Cast->getSubExpr()->IgnoreParenImpCasts();
  }
  return E;
}

// Whether the body computes `blockIdx.x * blockDim.x + threadIdx.x` (globalIndexSum): Found; and
// whether it reads anything else that tells threads of blocks adjacent in x apart: threadIdx.x
// or blockIdx.x outside such a sum, either variable whole, shared memory (Other).
class GlobalIndexReads : public clang::RecursiveASTVisitor<GlobalIndexReads> {
public:
  explicit GlobalIndexReads(const clang::ASTContext &Ctx) : Ctx(Ctx) {}
  bool Found = false, Other = false;

  // Pre-order: a sum is seen before the reads it holds.
  bool VisitBinaryOperator(clang::BinaryOperator *E) {
    if (const GlobalIndexSum Sum = globalIndexSum(Ctx, E)) {
      InSum.insert(Sum.Thread);
      InSum.insert(Sum.Block);
      Found = true;
    }
    return true;
  }
  bool TraversePseudoObjectExpr(clang::PseudoObjectExpr *E) {
    const char *Name = builtinVarName(E);
    if (!Name || (llvm::StringRef(Name) != "threadIdx" && llvm::StringRef(Name) != "blockIdx"))
      return clang::RecursiveASTVisitor<GlobalIndexReads>::TraversePseudoObjectExpr(E);
    if ((isBuiltinX(E, "threadIdx") || isBuiltinX(E, "blockIdx")) && !InSum.count(E))
      Other = true; // .y and .z do not tell the blocks adjacent in x apart
    return true;
  }
  bool VisitDeclRefExpr(clang::DeclRefExpr *E) {
    auto *VD = llvm::dyn_cast<clang::VarDecl>(E->getDecl());
    if (isBuiltinThreadIdx(E->getDecl()) || isBuiltinBlockIdx(E->getDecl()) ||
        (VD && VD->hasAttr<clang::CUDASharedAttr>()))
      Other = true; // not as the base of .x/.y/.z (above): the whole uint3
    return true;
  }
  bool VisitVarDecl(clang::VarDecl *D) {
    Other |= D->hasAttr<clang::CUDASharedAttr>();
    return true;
  }

private:
  const clang::ASTContext &Ctx;
  std::set<const clang::Expr *> InSum;
};

// How the kernel's SIMD thread loops number their lanes (npurt/device/builtins.h): by the global
// x index where the body computes it; GlobalOnly, the threads of blocks adjacent in x run as one
// row, where besides the kernel has no barrier or warp operation, its body reads the x
// coordinates only as that index and no shared memory, and its callees read neither the global
// threadIdx, the global blockIdx nor shared memory: nothing then tells those threads apart from
// the threads of one wider block.
enum class RowIndex { Thread, Global, GlobalOnly };
RowIndex rowIndex(const Context &C, const clang::FunctionDecl &Kernel) {
  GlobalIndexReads Visitor(Kernel.getASTContext());
  Visitor.TraverseStmt(Kernel.getBody());
  if (!Visitor.Found)
    return RowIndex::Thread;
  const clang::FunctionDecl *Canonical = Kernel.getCanonicalDecl();
  return !Visitor.Other && !C.needsSync(&Kernel) && C.CalleesIgnoreThreadIdx.count(Canonical) &&
                 C.CalleesIgnoreBlockState.count(Canonical)
             ? RowIndex::GlobalOnly
             : RowIndex::Global;
}

// ", ::npu::ThreadDims::XYZ, ::npu::RowIndex::Global" (Dims: those already written, 7 if none)
// or GlobalOnly; "" for the plain index.
std::string rowIndexArguments(const Context &C, const clang::FunctionDecl &Kernel,
                              bool DimsWritten) {
  const RowIndex Index = rowIndex(C, Kernel);
  if (Index == RowIndex::Thread)
    return "";
  return std::string(DimsWritten ? "" : ", ::npu::ThreadDims::XYZ") +
         (Index == RowIndex::GlobalOnly ? ", ::npu::RowIndex::GlobalOnly"
                                        : ", ::npu::RowIndex::Global");
}

// "::npu::ThreadDims::X" for Dims 1, ...
std::string threadDimsName(unsigned Dims) {
  static const char *const Names[] = {"None", "X", "Y", "XY", "Z", "XZ", "YZ", "XYZ"};
  return std::string("::npu::ThreadDims::") + Names[Dims & 7u];
}

} // namespace

bool isBuiltinThreadIdx(const clang::ValueDecl *D) { return isBuiltinVariable(D, "threadIdx"); }
bool isBuiltinBlockIdx(const clang::ValueDecl *D) { return isBuiltinVariable(D, "blockIdx"); }

GlobalIndexSum globalIndexSum(const clang::ASTContext &Ctx, const clang::Expr *E) {
  auto *Add = llvm::dyn_cast<clang::BinaryOperator>(withoutWidening(Ctx, E));
  if (!Add || Add->getOpcode() != clang::BO_Add)
    return {};
  for (auto [Product, Thread] :
       {std::pair{Add->getLHS(), Add->getRHS()}, {Add->getRHS(), Add->getLHS()}}) {
    auto *Mul = llvm::dyn_cast<clang::BinaryOperator>(withoutWidening(Ctx, Product));
    if (!Mul || Mul->getOpcode() != clang::BO_Mul ||
        !isBuiltinX(withoutWidening(Ctx, Thread), "threadIdx"))
      continue;
    for (auto [Block, Dim] :
         {std::pair{Mul->getLHS(), Mul->getRHS()}, {Mul->getRHS(), Mul->getLHS()}})
      if (isBuiltinX(withoutWidening(Ctx, Block), "blockIdx") &&
          isBuiltinX(withoutWidening(Ctx, Dim), "blockDim"))
        return {withoutWidening(Ctx, Thread), withoutWidening(Ctx, Block)};
  }
  return {};
}

bool isThreadIdxX(const clang::Expr *E) {
  auto *PO = llvm::dyn_cast<clang::PseudoObjectExpr>(E->IgnoreParenImpCasts());
  auto *Property =
      PO ? llvm::dyn_cast<clang::MSPropertyRefExpr>(PO->getSyntacticForm()->IgnoreParens())
         : nullptr;
  return Property && isThreadIdx(Property->getBaseExpr()) &&
         Property->getPropertyDecl()->getName() == "x";
}

const char *builtinVarName(const clang::Expr *E) {
  auto *PO = llvm::dyn_cast<clang::PseudoObjectExpr>(E);
  if (!PO)
    return nullptr;
  auto *MP = llvm::dyn_cast<clang::MSPropertyRefExpr>(PO->getSyntacticForm()->IgnoreParens());
  if (!MP)
    return nullptr;
  const clang::Expr *Base = MP->getBaseExpr()->IgnoreParenImpCasts();
  if (auto *OV = llvm::dyn_cast<clang::OpaqueValueExpr>(Base); OV && OV->getSourceExpr())
    Base = OV->getSourceExpr()->IgnoreParenImpCasts();
  auto *DR = llvm::dyn_cast<clang::DeclRefExpr>(Base);
  if (!DR || !DR->getDecl()->getIdentifier())
    return nullptr;
  llvm::StringRef N = DR->getDecl()->getName();
  for (const char *V : {"threadIdx", "blockIdx", "blockDim", "gridDim"})
    if (N == V)
      return V;
  return nullptr;
}

unsigned threadDimsRead(const Context &C, const clang::FunctionDecl &Kernel) {
  if (!C.CalleesIgnoreThreadIdx.count(Kernel.getCanonicalDecl()))
    return 7;
  ThreadDimsRead Visitor;
  Visitor.TraverseStmt(Kernel.getBody());
  return Visitor.Dims;
}

bool duplicatesReplayable(const Context &C, const clang::FunctionDecl &Kernel) {
  const clang::FunctionDecl *Canonical = Kernel.getCanonicalDecl();
  return C.CalleesIgnoreThreadIdx.count(Canonical) && C.ReplayableFunctions.count(Canonical);
}

std::string threadLoopTemplateArguments(const Context &C, const clang::FunctionDecl &Kernel) {
  if (!C.CalleesIgnoreThreadIdx.count(Kernel.getCanonicalDecl()))
    return "";
  const unsigned Dims = duplicatesReplayable(C, Kernel) ? threadDimsRead(C, Kernel) : 7;
  std::string Out = "<::npu::ThreadIdxGlobal::Unused";
  if (Dims != 7)
    Out += ", " + threadDimsName(Dims);
  return Out + rowIndexArguments(C, Kernel, Dims != 7) + ">";
}

std::string threadDimsTemplateArguments(unsigned Dims) { return "<" + threadDimsName(Dims) + ">"; }

std::string sliceTemplateArguments(const Context &C, const clang::FunctionDecl &Kernel) {
  const unsigned Dims = threadDimsRead(C, Kernel);
  const bool Replayable = Dims != 7 && duplicatesReplayable(C, Kernel);
  if (rowIndex(C, Kernel) == RowIndex::GlobalOnly)
    return "<" + threadDimsName(Dims) + (Replayable ? ", true" : ", false") +
           ", ::npu::RowIndex::GlobalOnly>";
  if (Dims == 7)
    return ""; // every coordinate read (or a callee may read any): no duplicates
  return "<" + threadDimsName(Dims) + (Replayable ? ", true>" : ">");
}

std::string regionLoopTemplateArguments(const Context &C, const clang::FunctionDecl &Kernel,
                                        bool EveryThread) {
  if (!EveryThread)
    return threadLoopTemplateArguments(C, Kernel);
  return C.CalleesIgnoreThreadIdx.count(Kernel.getCanonicalDecl())
             ? "<::npu::ThreadIdxGlobal::Unused" + rowIndexArguments(C, Kernel, false) + ">"
             : "";
}

} // namespace cu2npu
