#include "pp/CudaArch.h"

#include <cctype>
#include <optional>

#include <llvm/ADT/StringSwitch.h>

namespace cu2npu {
namespace {

constexpr llvm::StringLiteral Arch = "__CUDA_ARCH__";

// The compiler's macros, the same in both of nvcc's views (cu2npu/host_defines.h defines them
// with these values while parsing; g++ building the output would see them undefined).
struct CompilerMacro {
  llvm::StringLiteral Name;
  long long Value;
};
constexpr CompilerMacro CompilerMacros[] = {{"__CUDACC__", 1},
                                            {"__NVCC__", 1},
                                            {"__CUDACC_VER_MAJOR__", 12},
                                            {"__CUDACC_VER_MINOR__", 8},
                                            {"__CUDACC_VER_BUILD__", 0}};

const CompilerMacro *compilerMacro(llvm::StringRef Name) {
  for (const CompilerMacro &M : CompilerMacros)
    if (M.Name == Name)
      return &M;
  return nullptr;
}

bool isModelMacro(llvm::StringRef Name) { return Name == Arch || compilerMacro(Name); }

enum class DirKind { If, Ifdef, Ifndef, Elif, Elifdef, Elifndef, Else, Endif, Other };

struct Directive {
  unsigned Begin; // start of line
  unsigned End;   // end of logical line (before newline)
  unsigned EndNl; // after the newline
  DirKind K;
  unsigned KwBegin, KwEnd; // directive keyword
  unsigned CondBegin;      // condition text [CondBegin, End)
};

bool isIdent(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }

// Finds every preprocessor directive, skipping comments and string literals.
std::vector<Directive> scanDirectives(llvm::StringRef T, std::vector<unsigned> &CodeUses) {
  std::vector<Directive> Out;
  bool InBlock = false;
  unsigned I = 0, N = T.size();
  while (I < N) {
    unsigned LineBegin = I;
    unsigned J = I;
    if (!InBlock) {
      while (J < N && (T[J] == ' ' || T[J] == '\t'))
        ++J;
    }
    if (!InBlock && J < N && T[J] == '#') {
      // Directive: logical line with continuations.
      unsigned K = J + 1;
      while (K < N && (T[K] == ' ' || T[K] == '\t'))
        ++K;
      unsigned KwB = K;
      while (K < N && isIdent(T[K]))
        ++K;
      llvm::StringRef Kw = T.slice(KwB, K);
      unsigned E = K;
      bool Block = false;
      while (E < N) {
        if (Block) {
          if (T[E] == '*' && E + 1 < N && T[E + 1] == '/') {
            Block = false;
            E += 2;
            continue;
          }
          ++E;
          continue;
        }
        if (T[E] == '/' && E + 1 < N && T[E + 1] == '*') {
          Block = true;
          E += 2;
          continue;
        }
        if (T[E] == '\\' && E + 1 < N &&
            (T[E + 1] == '\n' || (T[E + 1] == '\r' && E + 2 < N && T[E + 2] == '\n'))) {
          E += (T[E + 1] == '\n') ? 2 : 3;
          continue;
        }
        if (T[E] == '\n')
          break;
        ++E;
      }
      unsigned LineEnd = E;
      if (LineEnd > KwB && LineEnd <= N && LineEnd > 0 && T[LineEnd - 1] == '\r')
        --LineEnd;
      DirKind DK = llvm::StringSwitch<DirKind>(Kw)
                       .Case("if", DirKind::If)
                       .Case("ifdef", DirKind::Ifdef)
                       .Case("ifndef", DirKind::Ifndef)
                       .Case("elif", DirKind::Elif)
                       .Case("elifdef", DirKind::Elifdef)
                       .Case("elifndef", DirKind::Elifndef)
                       .Case("else", DirKind::Else)
                       .Case("endif", DirKind::Endif)
                       .Default(DirKind::Other);
      Out.push_back({LineBegin, LineEnd, E < N ? E + 1 : N, DK, KwB, K, K});
      I = E < N ? E + 1 : N;
      continue;
    }
    // Ordinary line: track block comments and skip literals.
    unsigned E = LineBegin;
    while (E < N && T[E] != '\n') {
      if (InBlock) {
        if (T[E] == '*' && E + 1 < N && T[E + 1] == '/') {
          InBlock = false;
          E += 2;
          continue;
        }
        ++E;
        continue;
      }
      char C = T[E];
      if (C == '/' && E + 1 < N && T[E + 1] == '*') {
        InBlock = true;
        E += 2;
        continue;
      }
      if (C == '/' && E + 1 < N && T[E + 1] == '/') {
        while (E < N && T[E] != '\n')
          ++E;
        break;
      }
      if (C == '"' || C == '\'') {
        ++E;
        while (E < N && T[E] != C && T[E] != '\n')
          E += (T[E] == '\\') ? 2 : 1;
        ++E;
        continue;
      }
      if (C == '_' && T.substr(E).starts_with(Arch) && (E == 0 || !isIdent(T[E - 1])) &&
          (E + Arch.size() >= N || !isIdent(T[E + Arch.size()]))) {
        CodeUses.push_back(E);
        E += Arch.size();
        continue;
      }
      ++E;
    }
    I = E < N ? E + 1 : N;
  }
  return Out;
}

// ---- #if expression evaluation with unknowns ----------------------------------------------
class Eval {
public:
  Eval(llvm::StringRef S, bool Device, int ArchValue) : S(S), Device(Device), Value(ArchValue) {}
  std::optional<long long> run() {
    auto V = ternary();
    skipWs();
    if (Failed || P != S.size())
      return std::nullopt;
    return V;
  }

private:
  llvm::StringRef S;
  bool Device;
  int Value;
  size_t P = 0;
  bool Failed = false;
  using V = std::optional<long long>;

  void skipWs() {
    while (P < S.size()) {
      if (std::isspace(static_cast<unsigned char>(S[P])) || S[P] == '\\') {
        ++P;
        continue;
      }
      if (S.substr(P).starts_with("/*")) {
        size_t E = S.find("*/", P + 2);
        P = E == llvm::StringRef::npos ? S.size() : E + 2;
        continue;
      }
      if (S.substr(P).starts_with("//")) {
        P = S.size();
        continue;
      }
      break;
    }
  }
  bool eat(llvm::StringRef Op) {
    skipWs();
    if (S.substr(P).starts_with(Op)) {
      P += Op.size();
      return true;
    }
    return false;
  }
  bool peek(llvm::StringRef Op) {
    skipWs();
    return S.substr(P).starts_with(Op);
  }
  V ternary() {
    V C = orExpr();
    if (eat("?")) {
      V A = ternary();
      if (!eat(":")) {
        Failed = true;
        return std::nullopt;
      }
      V B = ternary();
      if (!C)
        return std::nullopt;
      return *C ? A : B;
    }
    return C;
  }
  V orExpr() {
    V L = andExpr();
    while (peek("||")) {
      P += 2;
      V R = andExpr();
      if ((L && *L) || (R && *R))
        L = 1;
      else if (L && R)
        L = 0;
      else
        L = std::nullopt;
    }
    return L;
  }
  V andExpr() {
    V L = cmpExpr();
    while (peek("&&")) {
      P += 2;
      V R = cmpExpr();
      if ((L && !*L) || (R && !*R))
        L = 0;
      else if (L && R)
        L = 1;
      else
        L = std::nullopt;
    }
    return L;
  }
  V cmpExpr() {
    V L = addExpr();
    for (;;) {
      const char *Ops[] = {"==", "!=", "<=", ">=", "<", ">"};
      int Found = -1;
      for (int I = 0; I < 6; ++I)
        if (peek(Ops[I]) && !(I >= 4 && (peek("<<") || peek(">>")))) {
          Found = I;
          break;
        }
      if (Found < 0)
        return L;
      P += llvm::StringRef(Ops[Found]).size();
      V R = addExpr();
      if (!L || !R) {
        L = std::nullopt;
        continue;
      }
      long long A = *L, B = *R;
      bool Res = Found == 0   ? A == B
                 : Found == 1 ? A != B
                 : Found == 2 ? A <= B
                 : Found == 3 ? A >= B
                 : Found == 4 ? A < B
                              : A > B;
      L = Res ? 1 : 0;
    }
  }
  V addExpr() {
    V L = mulExpr();
    for (;;) {
      if (peek("+")) {
        P++;
        V R = mulExpr();
        L = (L && R) ? V(*L + *R) : std::nullopt;
      } else if (peek("-")) {
        P++;
        V R = mulExpr();
        L = (L && R) ? V(*L - *R) : std::nullopt;
      } else
        return L;
    }
  }
  V mulExpr() {
    V L = unary();
    for (;;) {
      if (peek("*")) {
        P++;
        V R = unary();
        L = (L && R) ? V(*L * *R) : std::nullopt;
      } else if (peek("/")) {
        P++;
        V R = unary();
        L = (L && R && *R) ? V(*L / *R) : std::nullopt;
      } else if (peek("%")) {
        P++;
        V R = unary();
        L = (L && R && *R) ? V(*L % *R) : std::nullopt;
      } else
        return L;
    }
  }
  V unary() {
    if (eat("!")) {
      V X = unary();
      return X ? V(!*X) : std::nullopt;
    }
    if (peek("-")) {
      P++;
      V X = unary();
      return X ? V(-*X) : std::nullopt;
    }
    if (peek("+")) {
      P++;
      return unary();
    }
    if (eat("(")) {
      V X = ternary();
      if (!eat(")"))
        Failed = true;
      return X;
    }
    skipWs();
    if (P < S.size() && std::isdigit(static_cast<unsigned char>(S[P]))) {
      size_t B = P;
      while (P < S.size() && (isIdent(S[P])))
        ++P;
      llvm::StringRef Num = S.slice(B, P);
      while (!Num.empty() && std::isalpha(static_cast<unsigned char>(Num.back())) &&
             !(Num.starts_with("0x") && std::isxdigit(static_cast<unsigned char>(Num.back()))))
        Num = Num.drop_back();
      long long X = 0;
      if (Num.getAsInteger(0, X)) {
        Failed = true;
        return std::nullopt;
      }
      return X;
    }
    if (P < S.size() && isIdent(S[P])) {
      size_t B = P;
      while (P < S.size() && isIdent(S[P]))
        ++P;
      llvm::StringRef Id = S.slice(B, P);
      if (Id == "defined") {
        bool Paren = eat("(");
        skipWs();
        size_t NB = P;
        while (P < S.size() && isIdent(S[P]))
          ++P;
        llvm::StringRef Name = S.slice(NB, P);
        if (Paren && !eat(")"))
          Failed = true;
        if (Name == Arch)
          return Device ? 1 : 0;
        if (compilerMacro(Name))
          return 1;
        return std::nullopt;
      }
      if (Id == Arch)
        return Device ? Value : 0;
      if (const CompilerMacro *M = compilerMacro(Id))
        return M->Value;
      if (Id == "true")
        return 1;
      if (Id == "false")
        return 0;
      if (peek("(")) { // function-like macro call: unknown
        int Depth = 0;
        do {
          if (S[P] == '(')
            ++Depth;
          if (S[P] == ')')
            --Depth;
          ++P;
        } while (P < S.size() && Depth > 0);
      }
      return std::nullopt;
    }
    Failed = true;
    return std::nullopt;
  }
};

bool inside(const std::vector<OffsetRange> &Rs, unsigned Off) {
  for (const OffsetRange &R : Rs)
    if (Off >= R.Begin && Off < R.End)
      return true;
  return false;
}

const OffsetRange *containing(const std::vector<OffsetRange> &Rs, unsigned Off) {
  for (const OffsetRange &R : Rs)
    if (Off >= R.Begin && Off < R.End)
      return &R;
  return nullptr;
}

// Whether brackets balance in T, skipping comments and string and character literals: a
// branch that is a whole sequence of statements (a cheap necessary condition).
bool balanced(llvm::StringRef T) {
  int Depth = 0;
  for (size_t I = 0; I < T.size(); ++I) {
    char C = T[I];
    if (C == '/' && I + 1 < T.size() && T[I + 1] == '/') {
      I = T.find('\n', I);
      if (I == llvm::StringRef::npos)
        break;
    } else if (C == '/' && I + 1 < T.size() && T[I + 1] == '*') {
      I = T.find("*/", I + 2);
      if (I == llvm::StringRef::npos)
        return false;
      ++I;
    } else if (C == '"' || C == '\'') {
      for (++I; I < T.size() && T[I] != C; ++I)
        if (T[I] == '\\')
          ++I;
    } else if (C == '(' || C == '{' || C == '[') {
      ++Depth;
    } else if (C == ')' || C == '}' || C == ']') {
      if (--Depth < 0)
        return false;
    }
  }
  return Depth == 0;
}

bool hasWord(llvm::StringRef T, llvm::StringRef W) {
  size_t P = 0;
  while ((P = T.find(W, P)) != llvm::StringRef::npos) {
    bool L = P == 0 || !isIdent(T[P - 1]);
    bool R = P + W.size() >= T.size() || !isIdent(T[P + W.size()]);
    if (L && R)
      return true;
    P += W.size();
  }
  return false;
}

bool hasModelMacro(llvm::StringRef T) {
  if (hasWord(T, Arch))
    return true;
  for (const CompilerMacro &M : CompilerMacros)
    if (hasWord(T, M.Name))
      return true;
  return false;
}

} // namespace

bool mentionsCudaArch(llvm::StringRef Text) {
  return Text.contains(Arch) || Text.contains("__CUDACC") || Text.contains("__NVCC__");
}

ArchResult resolveCudaArch(llvm::StringRef T, const ArchInput &In) {
  ArchResult R;
  R.ParseText = T.str();
  std::vector<unsigned> CodeUses;
  std::vector<Directive> Dirs = scanDirectives(T, CodeUses);
  std::vector<OffsetRange> Removed;

  // Parse text: the new text, then blanks; newlines of the original stay in place.
  auto AddParseEdit = [&](unsigned Off, unsigned Len, llvm::StringRef Out) {
    for (unsigned I = 0; I < Len; ++I) {
      char C = T[Off + I];
      R.ParseText[Off + I] = (C == '\n' || C == '\r') ? C : (I < Out.size() ? Out[I] : ' ');
    }
  };
  auto AddOutputEdit = [&](unsigned Off, unsigned Len, std::string Out) {
    Edit E;
    E.Offset = Off;
    E.Length = Len;
    E.Text = std::move(Out);
    R.Edits.push_back(std::move(E));
  };
  auto AddEdit = [&](unsigned Off, unsigned Len, std::string Out) {
    AddParseEdit(Off, Len, Out);
    AddOutputEdit(Off, Len, std::move(Out));
  };

  // Build groups.
  std::vector<std::vector<size_t>> Groups;
  std::vector<size_t> Stack;
  for (size_t I = 0; I < Dirs.size(); ++I) {
    switch (Dirs[I].K) {
    case DirKind::If:
    case DirKind::Ifdef:
    case DirKind::Ifndef:
      Groups.push_back({I});
      Stack.push_back(Groups.size() - 1);
      break;
    case DirKind::Elif:
    case DirKind::Elifdef:
    case DirKind::Elifndef:
    case DirKind::Else:
      if (!Stack.empty())
        Groups[Stack.back()].push_back(I);
      break;
    case DirKind::Endif:
      if (!Stack.empty()) {
        Groups[Stack.back()].push_back(I);
        Stack.pop_back();
      }
      break;
    case DirKind::Other:
      break;
    }
  }

  for (const std::vector<size_t> &G : Groups) {
    const Directive &First = Dirs[G.front()];
    const Directive &Last = Dirs[G.back()];
    if (Last.K != DirKind::Endif)
      continue; // unterminated
    if (inside(Removed, First.Begin))
      continue;
    bool Relevant = false;
    for (size_t DI : G) {
      const Directive &D = Dirs[DI];
      if (D.K != DirKind::Else && D.K != DirKind::Endif &&
          hasModelMacro(T.slice(D.CondBegin, D.End)))
        Relevant = true;
    }
    if (!Relevant)
      continue;
    bool Device = inside(In.DeviceBodies, First.Begin);
    if (!Device && !inside(In.AllBodies, First.Begin)) {
      llvm::StringRef Body = T.slice(First.EndNl, Last.Begin);
      Device = hasWord(Body, "__device__") || hasWord(Body, "__global__");
    }
    // The branch a view takes: none known (nullopt), or the index in G of the chosen directive
    // (G.size() - 1, the #endif, when no branch is taken).
    auto Choose = [&](bool Device) -> std::optional<size_t> {
      for (size_t K = 0; K + 1 < G.size(); ++K) {
        const Directive &D = Dirs[G[K]];
        llvm::StringRef Cond = T.slice(D.CondBegin, D.End);
        std::optional<long long> V;
        switch (D.K) {
        case DirKind::If:
        case DirKind::Elif:
          V = Eval(Cond, Device, In.ArchValue).run();
          break;
        case DirKind::Ifdef:
        case DirKind::Elifdef:
          if (Cond.trim() == Arch)
            V = Device ? 1 : 0;
          else if (compilerMacro(Cond.trim()))
            V = 1;
          break;
        case DirKind::Ifndef:
        case DirKind::Elifndef:
          if (Cond.trim() == Arch)
            V = Device ? 0 : 1;
          else if (compilerMacro(Cond.trim()))
            V = 0;
          break;
        case DirKind::Else:
          V = 1;
          break;
        default:
          break;
        }
        if (!V)
          return std::nullopt;
        if (*V)
          return K;
      }
      return G.size() - 1;
    };
    const std::optional<size_t> Picked = Choose(Device);
    const bool Known = Picked.has_value();
    // The branch kept in the device view, if any.
    const bool HasChosen = Known && *Picked + 1 < G.size();
    const size_t Chosen = HasChosen ? *Picked : 0;
    // A __host__ __device__ body: a run-time branch where the two views differ (CudaArch.h).
    if (const OffsetRange *HD = containing(In.HostDeviceBodies, First.Begin);
        HD && Known && G.size() <= 3 && Dirs[G[1]].K != DirKind::Elif &&
        Dirs[G[1]].K != DirKind::Elifdef && Dirs[G[1]].K != DirKind::Elifndef) {
      const std::optional<size_t> HostPicked = Choose(false);
      const unsigned FirstBranchEnd = Dirs[G[1]].Begin;
      const bool HasElse = G.size() == 3;
      if (HostPicked && *HostPicked != *Picked && T.slice(Last.EndNl, HD->End - 1).trim().empty() &&
          balanced(T.slice(First.EndNl, FirstBranchEnd)) &&
          (!HasElse || balanced(T.slice(Dirs[G[1]].EndNl, Last.Begin)))) {
        ++R.RuntimeBranches;
        // The parse keeps the device view; the output keeps both branches.
        // (A nested __CUDA_ARCH__ group in the host branch stays as written: g++ takes its host
        // view, which is right there.)
        if (HasChosen) {
          unsigned KeepB = Dirs[G[Chosen]].EndNl, KeepE = Dirs[G[Chosen + 1]].Begin;
          AddParseEdit(First.Begin, KeepB - First.Begin, "");
          AddParseEdit(KeepE, Last.EndNl - KeepE, "");
          Removed.push_back({First.Begin, KeepB});
          Removed.push_back({KeepE, Last.EndNl});
        } else {
          AddParseEdit(First.Begin, Last.EndNl - First.Begin, "");
          Removed.push_back({First.Begin, Last.EndNl});
        }
        const bool FirstIsDevice = *Picked == 0;
        AddOutputEdit(First.Begin, First.End - First.Begin,
                      FirstIsDevice ? "if (::npu::in_kernel()) {" : "if (!::npu::in_kernel()) {");
        if (HasElse)
          AddOutputEdit(Dirs[G[1]].Begin, Dirs[G[1]].End - Dirs[G[1]].Begin, "} else {");
        AddOutputEdit(Last.Begin, Last.End - Last.Begin, "}");
        continue;
      }
    }
    if (Known) {
      ++R.Resolved;
      if (HasChosen) {
        unsigned KeepB = Dirs[G[Chosen]].EndNl, KeepE = Dirs[G[Chosen + 1]].Begin;
        AddEdit(First.Begin, KeepB - First.Begin, "");
        AddEdit(KeepE, Last.EndNl - KeepE, "");
        Removed.push_back({First.Begin, KeepB});
        Removed.push_back({KeepE, Last.EndNl});
      } else {
        AddEdit(First.Begin, Last.EndNl - First.Begin, "");
        Removed.push_back({First.Begin, Last.EndNl});
      }
      continue;
    }
    // Substitute __CUDA_ARCH__ (and the compiler's macros) in the conditions and keep the
    // directives.
    ++R.Substituted;
    auto ValueOf = [&](llvm::StringRef Name) -> std::string {
      if (Name == Arch)
        return Device ? std::to_string(In.ArchValue) : "0";
      return std::to_string(compilerMacro(Name)->Value);
    };
    auto DefinedOf = [&](llvm::StringRef Name) -> bool { return Name != Arch || Device; };
    for (size_t DI : G) {
      const Directive &D = Dirs[DI];
      if (D.K == DirKind::Else || D.K == DirKind::Endif)
        continue;
      llvm::StringRef Cond = T.slice(D.CondBegin, D.End);
      if (!hasModelMacro(Cond))
        continue;
      if (D.K == DirKind::Ifdef || D.K == DirKind::Ifndef || D.K == DirKind::Elifdef ||
          D.K == DirKind::Elifndef) {
        // Only reached when the name is one of ours (else the group would be known or not
        // relevant); a conditional on another name is left alone.
        llvm::StringRef Name = Cond.trim();
        if (!isModelMacro(Name))
          continue;
        bool Def = D.K == DirKind::Ifdef || D.K == DirKind::Elifdef;
        bool Else = D.K == DirKind::Elifdef || D.K == DirKind::Elifndef;
        AddEdit(D.KwBegin, D.KwEnd - D.KwBegin, Else ? "elif" : "if");
        size_t P = T.find(Name, D.CondBegin);
        AddEdit(P, Name.size(), (Def == DefinedOf(Name)) ? "1" : "0");
        continue;
      }
      // Identifiers of the condition, in order.
      size_t P = D.CondBegin;
      while (P < D.End) {
        if (!isIdent(T[P]) || (P > D.CondBegin && isIdent(T[P - 1]))) {
          ++P;
          continue;
        }
        size_t Q = P;
        while (Q < D.End && isIdent(T[Q]))
          ++Q;
        llvm::StringRef Id = T.slice(P, Q);
        if (std::isdigit(static_cast<unsigned char>(Id[0]))) {
          P = Q;
          continue;
        }
        if (Id == "defined") {
          size_t R2 = Q;
          while (R2 < D.End && (T[R2] == ' ' || T[R2] == '\t'))
            ++R2;
          bool Paren = R2 < D.End && T[R2] == '(';
          if (Paren)
            ++R2;
          while (R2 < D.End && (T[R2] == ' ' || T[R2] == '\t'))
            ++R2;
          size_t NE = R2;
          while (NE < D.End && isIdent(T[NE]))
            ++NE;
          llvm::StringRef Name = T.slice(R2, NE);
          if (isModelMacro(Name)) {
            size_t E = NE;
            if (Paren) {
              while (E < D.End && T[E] != ')')
                ++E;
              if (E < D.End)
                ++E;
            }
            AddEdit(P, E - P, DefinedOf(Name) ? "1" : "0");
            P = E;
          } else {
            P = NE > Q ? NE : Q;
          }
          continue;
        }
        if (isModelMacro(Id))
          AddEdit(P, Id.size(), ValueOf(Id));
        P = Q;
      }
    }
  }
  for (unsigned U : CodeUses)
    if (!inside(Removed, U))
      R.UnresolvedUses.push_back(U);
  return R;
}

} // namespace cu2npu
