#include "driver/CMakeMigrate.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace cu2npu {
namespace {

struct Arg {
  std::string Text; // as written (quotes kept)
  bool Quoted = false;
  std::string value() const { return Quoted ? Text.substr(1, Text.size() - 2) : Text; }
};

struct Command {
  size_t Begin = 0, End = 0; // [Begin, End): name to closing parenthesis
  std::string Name;          // lower case
  std::string Spelled;       // as written
  std::vector<Arg> Args;
};

bool isIdent(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }

// Skips a comment at T[I] ('#'); returns the index after it.
size_t skipComment(llvm::StringRef T, size_t I) {
  if (T.substr(I).starts_with("#[")) {
    size_t J = I + 2, Eq = 0;
    while (J < T.size() && T[J] == '=')
      ++J, ++Eq;
    if (J < T.size() && T[J] == '[') {
      std::string Close = "]" + std::string(Eq, '=') + "]";
      size_t E = T.find(Close, J);
      return E == llvm::StringRef::npos ? T.size() : E + Close.size();
    }
  }
  size_t E = T.find('\n', I);
  return E == llvm::StringRef::npos ? T.size() : E;
}

std::vector<Command> parse(llvm::StringRef T) {
  std::vector<Command> Out;
  size_t I = 0, N = T.size();
  while (I < N) {
    char C = T[I];
    if (C == '#') {
      I = skipComment(T, I);
      continue;
    }
    if (!(std::isalpha(static_cast<unsigned char>(C)) || C == '_') ||
        (I > 0 && isIdent(T[I - 1]))) {
      ++I;
      continue;
    }
    size_t B = I;
    while (I < N && isIdent(T[I]))
      ++I;
    size_t NameEnd = I;
    while (I < N && (T[I] == ' ' || T[I] == '\t'))
      ++I;
    if (I >= N || T[I] != '(')
      continue;
    Command Cmd;
    Cmd.Begin = B;
    Cmd.Spelled = T.slice(B, NameEnd).str();
    Cmd.Name = llvm::StringRef(Cmd.Spelled).lower();
    ++I;
    int Depth = 1;
    while (I < N && Depth > 0) {
      char D = T[I];
      if (std::isspace(static_cast<unsigned char>(D))) {
        ++I;
      } else if (D == '#') {
        I = skipComment(T, I);
      } else if (D == '(') {
        ++Depth;
        Cmd.Args.push_back({"(", false});
        ++I;
      } else if (D == ')') {
        if (--Depth > 0)
          Cmd.Args.push_back({")", false});
        ++I;
      } else if (D == '"') {
        size_t S = I++;
        while (I < N && T[I] != '"')
          I += T[I] == '\\' ? 2 : 1;
        I = std::min(I + 1, N);
        Cmd.Args.push_back({T.slice(S, I).str(), true});
      } else {
        size_t S = I;
        int Genex = 0; // $<...> may hold spaces only quoted; keep <> balanced anyway
        while (I < N && !std::isspace(static_cast<unsigned char>(T[I])) && T[I] != '(' &&
               T[I] != ')' && T[I] != '#') {
          if (T[I] == '<')
            ++Genex;
          if (T[I] == '>')
            --Genex;
          ++I;
        }
        (void)Genex;
        Cmd.Args.push_back({T.slice(S, I).str(), false});
      }
    }
    Cmd.End = I;
    Out.push_back(std::move(Cmd));
  }
  return Out;
}

bool isCudaSourceName(llvm::StringRef V) { return V.ends_with(".cu") || V.ends_with("*.cu"); }

std::string renamedSource(const Arg &A) {
  std::string V = A.value();
  if (!isCudaSourceName(V))
    return A.Text;
  V = V.substr(0, V.size() - 3) + ".npu.cpp";
  return A.Quoted ? "\"" + V + "\"" : V;
}

bool isCudartLib(llvm::StringRef V) {
  return V == "CUDA::cudart" || V == "CUDA::cudart_static" || V == "CUDA::cuda_driver" ||
         V == "cudart" || V == "cudart_static" || V == "cuda" || V == "${CUDA_LIBRARIES}" ||
         V == "${CUDA_CUDART_LIBRARY}" || V == "${CUDAToolkit_LIBRARIES}";
}

std::string join(const std::string &Name, const std::vector<std::string> &Args) {
  std::string S = Name + "(";
  for (size_t I = 0; I < Args.size(); ++I)
    S += (I ? " " : "") + Args[I];
  return S + ")";
}

std::string commentedOut(llvm::StringRef Original, llvm::StringRef Why) {
  std::string S = "# cu2npu (" + Why.str() + "): ";
  for (char C : Original) {
    S += C;
    if (C == '\n')
      S += "# ";
  }
  return S;
}

} // namespace

std::string migrateCmake(llvm::StringRef Text, std::vector<std::string> &Notes) {
  std::vector<Command> Cmds = parse(Text);
  // Variables that hold CUDA sources (set/list), so add_executable(t ${SRCS}) is a CUDA target.
  std::set<std::string> CudaVars;
  auto HasCuda = [&](const Command &C, size_t From) {
    for (size_t I = From; I < C.Args.size(); ++I) {
      std::string V = C.Args[I].value();
      if (isCudaSourceName(V))
        return true;
      for (const std::string &Var : CudaVars)
        if (V.find("${" + Var + "}") != std::string::npos)
          return true;
    }
    return false;
  };
  bool HasNpurtPackage = false, HasProject = false;
  for (const Command &C : Cmds) {
    if ((C.Name == "set" || C.Name == "list" || C.Name == "file") && C.Args.size() >= 2) {
      size_t VarAt = C.Name == "set" ? 0 : 1;
      if (C.Name == "file" && C.Args[0].value().find("GLOB") == std::string::npos)
        continue;
      if (HasCuda(C, VarAt + 1))
        CudaVars.insert(C.Args[VarAt].value());
    }
    if (C.Name == "find_package" && !C.Args.empty() && C.Args[0].value() == "npurt")
      HasNpurtPackage = true;
  }

  struct Replacement {
    size_t Begin, End;
    std::string Text;
  };
  std::vector<Replacement> Reps;
  bool AddedPackage = HasNpurtPackage;
  std::set<std::string> CudaTargets;
  for (const Command &C : Cmds) {
    llvm::StringRef Orig = Text.slice(C.Begin, C.End);
    std::vector<std::string> A;
    for (const Arg &X : C.Args)
      A.push_back(X.Text);
    if (C.Name == "project") {
      HasProject = true;
      // Drop CUDA from the languages (the LANGUAGES keyword form and the short form).
      std::vector<std::string> New;
      bool Changed = false, HasCxx = false, InLangs = false;
      for (size_t I = 0; I < C.Args.size(); ++I) {
        std::string V = C.Args[I].value();
        bool LangSlot = InLangs || (I > 0 && (V == "C" || V == "CXX" || V == "CUDA" ||
                                              V == "NONE" || V == "Fortran" || V == "ASM"));
        if (V == "LANGUAGES") {
          InLangs = true;
        } else if (V == "VERSION" || V == "DESCRIPTION" || V == "HOMEPAGE_URL") {
          InLangs = false;
        } else if (LangSlot && V == "CUDA") {
          Changed = true;
          continue;
        } else if (LangSlot && V == "CXX") {
          HasCxx = true;
        }
        New.push_back(C.Args[I].Text);
      }
      if (Changed) {
        if (!HasCxx)
          New.push_back("CXX");
        std::string R = join(C.Spelled, New);
        if (!AddedPackage) {
          R += "\nfind_package(npurt REQUIRED CONFIG) # cu2npu: the CUDA runtime is npurt";
          AddedPackage = true;
        }
        Reps.push_back({C.Begin, C.End, R});
      }
      continue;
    }
    if (C.Name == "enable_language" && !C.Args.empty() && C.Args[0].value() == "CUDA") {
      std::vector<std::string> Rest(A.begin() + 1, A.end());
      Reps.push_back({C.Begin, C.End,
                      Rest.empty() ? commentedOut(Orig, "no CUDA language: npurt is C++")
                                   : join(C.Spelled, Rest)});
      continue;
    }
    if (C.Name == "find_package" && !C.Args.empty() &&
        (C.Args[0].value() == "CUDAToolkit" || C.Args[0].value() == "CUDA")) {
      Reps.push_back({C.Begin, C.End,
                      AddedPackage
                          ? commentedOut(Orig, "replaced by find_package(npurt)")
                          : "find_package(npurt REQUIRED CONFIG) # cu2npu: was " + Orig.str()});
      AddedPackage = true;
      continue;
    }
    if (C.Name == "set" && !C.Args.empty() &&
        llvm::StringRef(C.Args[0].value()).starts_with("CMAKE_CUDA")) {
      Reps.push_back({C.Begin, C.End, commentedOut(Orig, "no CUDA compiler")});
      continue;
    }
    if ((C.Name == "add_executable" || C.Name == "cuda_add_executable") && !C.Args.empty() &&
        (C.Name == "cuda_add_executable" || HasCuda(C, 1))) {
      std::string Target = C.Args[0].value();
      if (C.Args.size() > 1 && (C.Args[1].value() == "IMPORTED" || C.Args[1].value() == "ALIAS"))
        continue;
      std::vector<std::string> New = {A[0], "SOURCES"};
      for (size_t I = 1; I < C.Args.size(); ++I) {
        std::string V = C.Args[I].value();
        if (V == "WIN32" || V == "MACOSX_BUNDLE" || V == "EXCLUDE_FROM_ALL")
          continue;
        New.push_back(renamedSource(C.Args[I]));
      }
      CudaTargets.insert(Target);
      Reps.push_back({C.Begin, C.End, join("cu2npu_add_executable", New)});
      continue;
    }
    if ((C.Name == "add_library" || C.Name == "cuda_add_library") && !C.Args.empty() &&
        (C.Name == "cuda_add_library" || HasCuda(C, 1))) {
      std::string Target = C.Args[0].value();
      std::vector<std::string> New = {A[0]};
      bool Interface = false;
      for (size_t I = 1; I < C.Args.size(); ++I) {
        std::string V = C.Args[I].value();
        Interface |= V == "INTERFACE" || V == "IMPORTED" || V == "ALIAS";
        New.push_back(renamedSource(C.Args[I]));
      }
      std::string R = join("add_library", New);
      if (!Interface)
        R += "\ntarget_link_libraries(" + A[0] + " PUBLIC npurt::npurt) # cu2npu";
      CudaTargets.insert(Target);
      Reps.push_back({C.Begin, C.End, R});
      continue;
    }
    if (C.Name == "set" || C.Name == "list" || C.Name == "file" || C.Name == "target_sources" ||
        C.Name == "add_executable" || C.Name == "add_library") {
      bool Changed = false;
      std::vector<std::string> New;
      for (const Arg &X : C.Args) {
        New.push_back(renamedSource(X));
        Changed |= New.back() != X.Text;
      }
      if (Changed)
        Reps.push_back({C.Begin, C.End, join(C.Spelled, New)});
      continue;
    }
    if (C.Name == "target_link_libraries" || C.Name == "link_libraries") {
      std::vector<std::string> New;
      bool Changed = false, Have = false;
      for (const Arg &X : C.Args) {
        std::string V = X.value();
        if (isCudartLib(V)) {
          Changed = true;
          if (!Have)
            New.push_back("npurt::npurt");
          Have = true;
          continue;
        }
        if (V == "npurt::npurt")
          Have = true;
        if (llvm::StringRef(V).starts_with("CUDA::"))
          Notes.push_back(V + " has no npurt equivalent: kept");
        New.push_back(X.Text);
      }
      if (Changed)
        Reps.push_back({C.Begin, C.End, join(C.Spelled, New)});
      continue;
    }
    if (C.Name == "set_target_properties" || C.Name == "set_property") {
      // Drop CUDA_* properties (CUDA_ARCHITECTURES, CUDA_SEPARABLE_COMPILATION, ...).
      std::vector<std::string> New;
      bool Changed = false;
      size_t Props = C.Args.size();
      for (size_t I = 0; I < C.Args.size(); ++I)
        if (C.Args[I].value() == "PROPERTIES" || C.Args[I].value() == "PROPERTY") {
          Props = I;
          break;
        }
      for (size_t I = 0; I < C.Args.size(); ++I) {
        if (I > Props && llvm::StringRef(C.Args[I].value()).starts_with("CUDA_")) {
          Changed = true;
          if (C.Name == "set_target_properties")
            ++I; // and its value
          else
            I = C.Args.size(); // set_property(... PROPERTY CUDA_X values...)
          continue;
        }
        New.push_back(C.Args[I].Text);
      }
      if (!Changed)
        continue;
      bool Empty = New.size() == Props + 1 || (C.Name == "set_property" && New.size() <= Props + 1);
      Reps.push_back({C.Begin, C.End,
                      Empty ? commentedOut(Orig, "CUDA properties only") : join(C.Spelled, New)});
      continue;
    }
  }
  std::sort(Reps.begin(), Reps.end(),
            [](const Replacement &X, const Replacement &Y) { return X.Begin < Y.Begin; });
  std::string Out;
  size_t At = 0;
  for (const Replacement &R : Reps) {
    if (R.Begin < At)
      continue;
    Out += Text.slice(At, R.Begin).str();
    Out += R.Text;
    At = R.End;
  }
  Out += Text.substr(At).str();
  if (!AddedPackage && HasProject && !CudaTargets.empty()) {
    // No CUDA language nor CUDA package but CUDA sources: find npurt after project().
    for (const Command &C : Cmds)
      if (C.Name == "project") {
        Out.clear();
        At = 0;
        bool Inserted = false;
        for (const Replacement &R : Reps) {
          if (!Inserted && R.Begin > C.End) {
            Out += Text.slice(At, C.End).str() + "\nfind_package(npurt REQUIRED CONFIG) # cu2npu";
            At = C.End;
            Inserted = true;
          }
          if (R.Begin < At)
            continue;
          Out += Text.slice(At, R.Begin).str();
          Out += R.Text;
          At = R.End;
        }
        if (!Inserted) {
          Out += Text.slice(At, C.End).str() + "\nfind_package(npurt REQUIRED CONFIG) # cu2npu";
          At = C.End;
        }
        Out += Text.substr(At).str();
        break;
      }
  }
  if (Out != Text && !llvm::StringRef(Out).starts_with("# Migrated by cu2npu"))
    Out = "# Migrated by cu2npu --migrate-cmake: CUDA targets build against npurt; the sources "
          "beside\n# this file are already translated (foo.cu is foo.npu.cpp).\n" +
          Out;
  return Out;
}

} // namespace cu2npu
