#include "driver/Driver.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Format.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include "driver/Action.h"

namespace cu2npu {
namespace {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

std::string absPath(llvm::StringRef P) {
  llvm::SmallString<256> Out;
  if (!fs::real_path(P, Out))
    return std::string(Out);
  Out = P;
  fs::make_absolute(Out);
  path::remove_dots(Out, true);
  return std::string(Out);
}

std::string commonParent(const std::vector<std::string> &Paths) {
  if (Paths.empty())
    return "";
  std::string Common = Paths.front();
  if (!fs::is_directory(Common))
    Common = std::string(path::parent_path(Common));
  for (const std::string &P : Paths) {
    std::string D = fs::is_directory(P) ? P : std::string(path::parent_path(P));
    while (!(llvm::StringRef(D).starts_with(Common) &&
             (D.size() == Common.size() || D[Common.size()] == '/')))
      Common = std::string(path::parent_path(Common));
  }
  return Common;
}

std::string replaceExt(llvm::StringRef P, llvm::StringRef NewExt) {
  llvm::SmallString<256> S(P);
  path::replace_extension(S, NewExt);
  return std::string(S);
}

struct Totals {
  std::map<std::string, unsigned> Converted, Unconverted, Diags;
  unsigned Files = 0, Lines = 0, LinesChanged = 0, Errors = 0;
};

void addInto(std::map<std::string, unsigned> &To, const std::map<std::string, unsigned> &From) {
  for (auto &[K, V] : From)
    To[K] += V;
}

// The exit status says whether the output is complete: 0 when every construct was translated
// (warnings allowed); 1 when some output is incomplete: a file clang could not compile, a
// construct left as it was with a marker, or one whose marker asks for a hand edit. The reason
// goes to stderr, -q or not. A status already set (2: usage, I/O, refused overwrite) stays.
int exitStatus(int Exit, const Totals &T, llvm::raw_ostream &Err) {
  static const char *const HandEdit[] = {"CU2NPU2002", "CU2NPU3001", "CU2NPU3002", "CU2NPU3003",
                                         "CU2NPU4001"};
  std::vector<std::string> Why;
  if (T.Errors)
    Why.push_back(llvm::formatv("{0} file{1} clang could not compile (CU2NPU0001)", T.Errors,
                                T.Errors == 1 ? "" : "s")
                      .str());
  unsigned Left = 0, Hand = 0;
  std::string Names;
  for (auto &[K, V] : T.Unconverted) {
    Left += V;
    if (Names.size() < 60)
      Names += (Names.empty() ? "" : ", ") + K;
    else if (Names.back() != '.')
      Names += ", ...";
  }
  if (Left)
    Why.push_back(
        llvm::formatv("{0} construct{1} left untranslated ({2})", Left, Left == 1 ? "" : "s", Names)
            .str());
  for (const char *D : HandEdit)
    if (auto It = T.Diags.find(D); It != T.Diags.end())
      Hand += It->second;
  if (Hand)
    Why.push_back(llvm::formatv("{0} place{1} to finish by hand (CU2NPU2002/3001/3002/3003/4001)",
                                Hand, Hand == 1 ? "" : "s")
                      .str());
  if (Why.empty())
    return Exit;
  Err << "cu2npu: translation incomplete (exit status " << (Exit ? Exit : 1) << "): ";
  for (size_t I = 0; I < Why.size(); ++I)
    Err << (I ? "; " : "") << Why[I];
  Err << "\n";
  return Exit ? Exit : 1;
}

// Flags of a compile command that matter for parsing (nvcc or gcc style), made absolute.
std::vector<std::string> usefulFlags(const clang::tooling::CompileCommand &Cmd) {
  std::vector<std::string> Out;
  const auto &A = Cmd.CommandLine;
  auto Abs = [&](llvm::StringRef P) {
    if (path::is_absolute(P))
      return P.str();
    llvm::SmallString<256> S(Cmd.Directory);
    path::append(S, P);
    path::remove_dots(S, true);
    return std::string(S);
  };
  for (size_t I = 1; I < A.size(); ++I) {
    llvm::StringRef S = A[I];
    auto Next = [&]() -> std::string { return I + 1 < A.size() ? A[++I] : std::string(); };
    if (S == "-I" || S == "-isystem" || S == "-iquote" || S == "-include") {
      std::string V = Next();
      Out.push_back(S.str());
      Out.push_back(S == "-include" ? V : Abs(V));
    } else if (S.starts_with("-I")) {
      Out.push_back("-I" + Abs(S.drop_front(2)));
    } else if (S == "-D" || S == "-U") {
      Out.push_back(S.str() + Next());
    } else if (S.starts_with("-D") || S.starts_with("-U") || S.starts_with("-std=")) {
      Out.push_back(S.str());
    } else if (S.starts_with("--std=")) {
      Out.push_back("-std=" + S.drop_front(6).str());
    }
  }
  return Out;
}

} // namespace

int runDriver(Options &Opts) {
  llvm::raw_ostream &Err = llvm::errs();
  // Inputs.
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  if (!Opts.BuildDir.empty()) {
    std::string Msg;
    DB = clang::tooling::CompilationDatabase::loadFromDirectory(Opts.BuildDir, Msg);
    if (!DB) {
      Err << "cu2npu: error: cannot load compile_commands.json from '" << Opts.BuildDir
          << "': " << Msg << "\n";
      return 2;
    }
  }
  std::vector<std::string> Files;
  for (const std::string &In : Opts.Inputs) {
    std::string P = absPath(In);
    if (!fs::exists(P)) {
      Err << "cu2npu: error: no such file or directory: '" << In << "'\n";
      return 2;
    }
    if (fs::is_directory(P)) {
      std::error_code EC;
      std::vector<std::string> Found;
      for (fs::recursive_directory_iterator It(P, EC), End; It != End && !EC; It.increment(EC))
        if (path::extension(It->path()) == ".cu" && !llvm::StringRef(It->path()).contains("/."))
          Found.push_back(It->path());
      std::sort(Found.begin(), Found.end());
      Files.insert(Files.end(), Found.begin(), Found.end());
    } else {
      Files.push_back(P);
    }
  }
  if (Files.empty() && DB) {
    for (const std::string &F : DB->getAllFiles())
      Files.push_back(absPath(F));
    std::sort(Files.begin(), Files.end());
  }
  if (Files.empty()) {
    Err << "cu2npu: error: no input files\n";
    return 2;
  }
  if (!Opts.Output.empty() && Files.size() != 1) {
    Err << "cu2npu: error: -o needs exactly one input file\n";
    return 2;
  }
  Opts.InRoot = Opts.InRoot.empty() ? commonParent(Opts.Inputs.empty() ? Files : [&] {
    std::vector<std::string> V;
    for (auto &I : Opts.Inputs) V.push_back(absPath(I));
    return V;
  }()) : absPath(Opts.InRoot);
  std::string OutRoot = Opts.OutRoot.empty() ? "" : absPath(Opts.OutRoot);

  auto OutPathFor = [&](const std::string &In, bool IsMain) {
    if (IsMain && !Opts.Output.empty())
      return absPath(Opts.Output);
    std::string Name = IsMain ? replaceExt(In, ".npu.cpp") : replaceExt(In, ".npu.h");
    if (OutRoot.empty())
      return Name;
    llvm::StringRef Rel = llvm::StringRef(Name);
    if (Rel.starts_with(Opts.InRoot))
      Rel = Rel.drop_front(Opts.InRoot.size()).ltrim('/');
    else
      Rel = path::filename(Rel);
    llvm::SmallString<256> S(OutRoot);
    path::append(S, Rel);
    return std::string(S);
  };

  std::vector<std::string> Base = {"-x",
                                   "cuda",
                                   "--cuda-host-only",
                                   "-nocudainc",
                                   "-nocudalib",
                                   "--cuda-path=" + Opts.ShimDir + "/no-cuda-toolkit",
                                   "-resource-dir",
                                   Opts.ResourceDir,
                                   "-isystem",
                                   Opts.ShimDir,
                                   "-include",
                                   "cuda_runtime.h",
                                   "-std=c++17",
                                   "-Wno-unknown-cuda-version",
                                   "-fno-color-diagnostics"};
  Totals T;
  llvm::json::Array FileReports;
  int Exit = 0;
  bool Progress = Files.size() > 3 && !Opts.Quiet;
  for (size_t I = 0; I < Files.size(); ++I) {
    const std::string &File = Files[I];
    if (Progress)
      Err << "cu2npu: [" << (I + 1) << "/" << Files.size() << "] " << File << "\n";
    std::vector<std::string> Args = Base;
    // Relative paths on our command line are relative to the current directory.
    llvm::SmallString<256> Cwd;
    fs::current_path(Cwd);
    std::string Dir = std::string(Cwd);
    if (DB) {
      auto Cmds = DB->getCompileCommands(File);
      if (!Cmds.empty()) {
        auto Flags = usefulFlags(Cmds.front());
        Args.insert(Args.end(), Flags.begin(), Flags.end());
        Dir = Cmds.front().Directory;
      }
    }
    for (auto &Inc : Opts.Includes)
      Args.push_back("-I" + absPath(Inc));
    for (auto &D : Opts.Defines)
      Args.push_back("-D" + D);
    Args.insert(Args.end(), Opts.ClangArgs.begin(), Opts.ClangArgs.end());
    if (Opts.Verbose) {
      Err << "cu2npu: clang";
      for (auto &A : Args)
        Err << " " << A;
      Err << " " << File << "\n";
    }
    TuState S;
    S.Opts = &Opts;
    S.OutPathFor = OutPathFor;
    translateFile(File, Dir, Args, S);
    Err << S.DiagText;
    if (S.Errors) {
      Exit = 1;
      ++T.Errors;
    }
    // A unit whose outputs would overwrite an input writes nothing at all: not even the
    // translated headers beside it.
    bool OverwritesInput = false;
    for (const OutputFile &O : S.Outputs)
      if (absPath(O.OutPath) == absPath(O.InPath)) {
        Err << "cu2npu: error: refusing to overwrite the input '" << O.InPath << "'\n";
        OverwritesInput = true;
      }
    if (OverwritesInput) {
      Exit = 2;
      continue;
    }
    for (OutputFile &O : S.Outputs) {
      if (!O.IsMain)
        Opts.DoneHeaders.insert(O.InPath);
      if (!Opts.Examine) {
        fs::create_directories(path::parent_path(O.OutPath));
        std::error_code EC;
        llvm::raw_fd_ostream OS(O.OutPath, EC, fs::OF_None);
        if (EC) {
          Err << "cu2npu: error: cannot write '" << O.OutPath << "': " << EC.message() << "\n";
          Exit = 2;
          continue;
        }
        OS << O.Text;
      }
      ++T.Files;
      T.Lines += std::count(O.Text.begin(), O.Text.end(), '\n');
      T.LinesChanged += O.LinesChanged;
      addInto(T.Converted, O.Converted);
      addInto(T.Unconverted, O.Unconverted);
      addInto(T.Diags, O.Diags);
      auto Obj = [](const std::map<std::string, unsigned> &M) {
        llvm::json::Object J;
        for (auto &[K, V] : M)
          J[K] = V;
        return J;
      };
      unsigned Conv = 0, Unconv = 0;
      for (auto &[K, V] : O.Converted)
        Conv += V;
      for (auto &[K, V] : O.Unconverted)
        Unconv += V;
      FileReports.push_back(llvm::json::Object{{"input", O.InPath},
                                               {"output", O.OutPath},
                                               {"compile_errors", O.IsMain ? S.Errors : 0u},
                                               {"converted", Obj(O.Converted)},
                                               {"unconverted", Obj(O.Unconverted)},
                                               {"converted_total", Conv},
                                               {"unconverted_total", Unconv},
                                               {"diagnostics", Obj(O.Diags)},
                                               {"lines_changed", O.LinesChanged}});
    }
  }
  unsigned Conv = 0, Unconv = 0, NDiag = 0;
  for (auto &[K, V] : T.Converted)
    Conv += V;
  for (auto &[K, V] : T.Unconverted)
    Unconv += V;
  for (auto &[K, V] : T.Diags)
    NDiag += V;
  if (!Opts.ReportFile.empty()) {
    auto Obj = [](const std::map<std::string, unsigned> &M) {
      llvm::json::Object J;
      for (auto &[K, V] : M)
        J[K] = V;
      return J;
    };
    llvm::json::Object Root{{"tool", "cu2npu"},
                            {"files", std::move(FileReports)},
                            {"total", llvm::json::Object{{"files", T.Files},
                                                         {"files_with_compile_errors", T.Errors},
                                                         {"converted", Obj(T.Converted)},
                                                         {"unconverted", Obj(T.Unconverted)},
                                                         {"converted_total", Conv},
                                                         {"unconverted_total", Unconv},
                                                         {"diagnostics", Obj(T.Diags)},
                                                         {"lines_changed", T.LinesChanged}}}};
    std::error_code EC;
    llvm::raw_fd_ostream OS(Opts.ReportFile, EC, fs::OF_None);
    if (EC) {
      Err << "cu2npu: error: cannot write report '" << Opts.ReportFile << "'\n";
      return 2;
    }
    OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
  }
  if (Opts.Stats) {
    llvm::raw_ostream &O = llvm::outs();
    O << "cu2npu summary\n";
    O << "  files written     : " << T.Files << (Opts.Examine ? " (examine: nothing written)" : "")
      << "\n";
    O << "  with compile errors: " << T.Errors << "\n";
    O << "  API uses converted: " << Conv << ", unconverted: " << Unconv;
    if (Conv + Unconv)
      O << llvm::format(" (%.1f%% converted)", 100.0 * Conv / (Conv + Unconv));
    O << "\n  lines changed     : " << T.LinesChanged << " of " << T.Lines << "\n";
    O << "  diagnostics       : " << NDiag << "\n";
    for (auto &[K, V] : T.Diags)
      O << "    " << K << ": " << V << "\n";
    if (!T.Unconverted.empty()) {
      O << "  unconverted names :\n";
      for (auto &[K, V] : T.Unconverted)
        O << "    " << K << ": " << V << "\n";
    }
  }
  return exitStatus(Exit, T, Err);
}

} // namespace cu2npu
