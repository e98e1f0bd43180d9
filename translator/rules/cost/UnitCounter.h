// The units of a device function that carry one NPU_COST each, and the operations each performs
// directly, per CUDA thread that runs it. A unit is a compound statement, a loop or if body that
// is not one (it gets braces), or the statements of one switch case. Loop conditions and
// increments count in the loop body's unit (they run per iteration); an if's condition counts
// where the if is. What sits in a macro body cannot carry a statement: it counts in the nearest
// enclosing unit that can.
#pragma once

#include <vector>

#include "rules/cost/OpCounts.h"

namespace clang {
class CompoundStmt;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace cu2npu {

class Context;
class SourceText;

struct CostUnit {
  enum class Kind {
    Compound,   // NPU_COST after the '{' of Compound
    Body,       // First is wrapped: `{ NPU_COST(...); <First> }`
    CaseSegment // NPU_COST before First, the first statement after a case label
  };
  Kind K = Kind::Compound;
  const clang::CompoundStmt *Compound = nullptr;
  const clang::Stmt *First = nullptr;
  OpCounts Cost;
  bool AlreadyCounted = false; // holds an NPU_COST of an earlier translation
};

// Every unit of Body (the function's body first), in source order of discovery.
std::vector<CostUnit> countUnits(Context &C, const clang::CompoundStmt &Body,
                                 const SourceText &Text);

} // namespace cu2npu
