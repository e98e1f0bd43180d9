#include "rules/launch/KernelLaunchRule.h"

#include <algorithm>

#include <clang/Basic/SourceManager.h>

namespace cu2npu {

llvm::StringRef InactiveLaunchRule::name() const { return "inactive-launch"; }

namespace {

bool isIdentChar(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }
bool isSpace(char C) { return C == ' ' || C == '\t' || C == '\n' || C == '\r'; }

// The offset of the bracket closing the one at Open (T[Open] is '(' '[' '{' or '<'), counting
// only that bracket kind's nesting for '<' and all round/square/curly nesting otherwise; npos
// when it does not close before End.
size_t closing(llvm::StringRef T, size_t Open, size_t End) {
  int Depth = 0;
  const bool Angle = T[Open] == '<';
  for (size_t I = Open; I < End; ++I) {
    char C = T[I];
    if (C == '"' || C == '\'') {
      for (++I; I < End && T[I] != C; ++I)
        if (T[I] == '\\')
          ++I;
      continue;
    }
    if (Angle ? C == '<' : (C == '(' || C == '[' || C == '{'))
      ++Depth;
    else if (Angle ? C == '>' : (C == ')' || C == ']' || C == '}'))
      if (--Depth == 0)
        return I;
  }
  return llvm::StringRef::npos;
}

// Where the kernel name before `<<<` at Lll starts: a (qualified) identifier with optional
// template arguments; npos when the callee is something else.
size_t calleeBegin(llvm::StringRef T, size_t Begin, size_t Lll) {
  size_t P = Lll;
  while (P > Begin && isSpace(T[P - 1]))
    --P;
  if (P > Begin && T[P - 1] == '>') { // template arguments: back to the matching '<'
    int Depth = 0;
    size_t Q = P;
    while (Q > Begin) {
      char C = T[--Q];
      if (C == '>')
        ++Depth;
      else if (C == '<' && --Depth == 0)
        break;
    }
    if (Depth != 0)
      return llvm::StringRef::npos;
    P = Q;
    while (P > Begin && isSpace(T[P - 1]))
      --P;
  }
  const size_t NameEnd = P;
  while (P > Begin && (isIdentChar(T[P - 1]) || T[P - 1] == ':'))
    --P;
  if (P == NameEnd || std::isdigit(static_cast<unsigned char>(T[P])))
    return llvm::StringRef::npos;
  return P;
}

// The number of comma-separated values at depth 0 in T (0 for blank text).
unsigned countTopLevel(llvm::StringRef T) {
  if (T.trim().empty())
    return 0;
  unsigned Count = 1;
  int Depth = 0;
  for (char C : T) {
    if (C == '(' || C == '[' || C == '{')
      ++Depth;
    else if (C == ')' || C == ']' || C == '}')
      --Depth;
    else if (C == ',' && Depth == 0)
      ++Count;
  }
  return Count;
}

// Rewrites the launches spelled in T[R.Begin, R.End) from their tokens, skipping those the AST
// already handled. A kernel named by one of Params (a macro parameter) gets `#name`.
void rewriteFromTokens(Context &C, UserFile &F, const OffsetRange &R,
                       const std::vector<std::string> &Params, const char *Where) {
  llvm::StringRef T = C.text(F.FID);
  size_t Lll = R.Begin;
  while ((Lll = T.find("<<<", Lll)) != llvm::StringRef::npos && Lll < R.End) {
    const size_t Next = Lll + 3;
    if (C.LaunchesSeen.count({F.FID, unsigned(Lll)})) {
      Lll = Next;
      continue;
    }
    const size_t Ggg = T.find(">>>", Next);
    const size_t Name = calleeBegin(T, R.Begin, Lll);
    size_t Open = Ggg == llvm::StringRef::npos ? Ggg : Ggg + 3;
    while (Open != llvm::StringRef::npos && Open < R.End && isSpace(T[Open]))
      ++Open;
    const size_t Close = Open != llvm::StringRef::npos && Open < R.End && T[Open] == '('
                             ? closing(T, Open, R.End)
                             : llvm::StringRef::npos;
    const unsigned Configs = Ggg == llvm::StringRef::npos ? 0 : countTopLevel(T.slice(Next, Ggg));
    if (Name == llvm::StringRef::npos || Close == llvm::StringRef::npos || Configs < 2 ||
        Configs > 4) {
      // Named by the text before <<< on its line, without the marker an earlier run put there.
      llvm::StringRef Shown = T.slice(T.rfind('\n', Lll) + 1, Lll).trim(); // npos + 1 == 0
      if (Shown.ends_with("*/"))
        Shown = Shown.take_front(Shown.rfind("/*")).rtrim();
      C.report(C.SM.getComposedLoc(F.FID, unsigned(Lll)), DiagId::CU2NPU2001,
               {Shown.str(), std::string("it is in ") + Where +
                                 ", and its kernel is not a name or the launch is not complete "
                                 "there"});
      C.countUnconverted(F, "<<<>>>");
      Lll = Next;
      continue;
    }
    llvm::StringRef Kernel = T.slice(Name, Lll).rtrim();
    const bool IsParam = std::find(Params.begin(), Params.end(), Kernel.str()) != Params.end();
    std::string Missing;
    for (unsigned I = Configs; I < 4; ++I)
      Missing += ", 0";
    const bool HasArgs = !T.slice(Open + 1, Close).trim().empty();
    F.Edits.insert(unsigned(Name),
                   "::npu::launch_deduced(" +
                       (IsParam ? "#" + Kernel.str() : "\"" + Kernel.str() + "\"") +
                       ", [](auto &...npu_args) { ",
                   5);
    size_t ConfigBegin = Next;
    while (ConfigBegin < Ggg && isSpace(T[ConfigBegin]))
      ++ConfigBegin;
    F.Edits.replace(unsigned(Lll), unsigned(ConfigBegin - Lll), "(npu_args...); }, ");
    size_t ConfigEnd = Ggg;
    while (ConfigEnd > ConfigBegin && isSpace(T[ConfigEnd - 1]))
      --ConfigEnd;
    size_t ArgsBegin = Open + 1;
    while (HasArgs && isSpace(T[ArgsBegin]))
      ++ArgsBegin;
    F.Edits.replace(unsigned(ConfigEnd), unsigned(ArgsBegin - ConfigEnd),
                    Missing + (HasArgs ? ", " : ""));
    size_t ArgsEnd = Close;
    while (ArgsEnd > ArgsBegin && isSpace(T[ArgsEnd - 1]))
      --ArgsEnd;
    if (ArgsEnd < Close)
      F.Edits.replace(unsigned(ArgsEnd), unsigned(Close - ArgsEnd), "");
    C.countConverted(F, "<<<>>>");
    Lll = Close;
  }
}

} // namespace

void InactiveLaunchRule::onFile(Context &C, UserFile &F) {
  if (auto It = C.SkippedRanges.find(F.FID); It != C.SkippedRanges.end())
    for (const OffsetRange &R : It->second)
      rewriteFromTokens(C, F, R, {}, "an inactive #if branch");
  // Macro bodies no expansion brought to the AST (defined for other files, or unused here).
  if (auto It = C.LaunchMacros.find(F.FID); It != C.LaunchMacros.end())
    for (const LaunchMacro &M : It->second)
      rewriteFromTokens(C, F, M.Body, M.Params, "a macro body that is not expanded here");
}

} // namespace cu2npu
