#include "driver/Driver.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Format.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include "driver/Action.h"
#include "driver/CMakeMigrate.h"
#include "driver/Project.h"
#include "rules/includes/IncludeRule.h"

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

// Where an input's output goes. Under --out-root the tree mirrors the input below InRoot:
// foo.cu -> foo.npu.cpp, host sources and headers keep their names. Beside the input, `.npu`
// goes before the extension (foo.cpp -> foo.npu.cpp, foo.cuh -> foo.npu.cuh, foo.h -> foo.npu.h).
std::string outName(llvm::StringRef In, bool Unit, const std::string &InRoot,
                    const std::string &OutRoot) {
  llvm::StringRef Ext = path::extension(In);
  std::string Name;
  if (Unit && fileKind(In) == FileKind::CudaSource)
    Name = replaceExt(In, ".npu.cpp");
  else if (OutRoot.empty())
    Name = (In.drop_back(Ext.size()) + ".npu" + Ext).str();
  else
    Name = In.str();
  if (OutRoot.empty())
    return Name;
  llvm::StringRef Rel = Name;
  if (Rel.starts_with(InRoot) && (Rel.size() == InRoot.size() || Rel[InRoot.size()] == '/'))
    Rel = Rel.drop_front(InRoot.size()).ltrim('/');
  else
    Rel = path::filename(Rel);
  llvm::SmallString<256> S(OutRoot);
  path::append(S, Rel);
  return std::string(S);
}

bool startsWithMarker(llvm::StringRef P) {
  auto Buf = llvm::MemoryBuffer::getFile(P);
  return Buf && (*Buf)->getBuffer().starts_with(GeneratedMarker);
}

// Whether P is an output cu2npu wrote beside its input (`// Generated by cu2npu from foo.cu;`
// with foo.cu in P's folder): a tree translated in place before. A tree under --out-root holds
// outputs without their sources, and is translated again as it is.
bool besideItsSource(llvm::StringRef P) {
  auto Buf = llvm::MemoryBuffer::getFile(P);
  if (!Buf)
    return false;
  llvm::StringRef Head = (*Buf)->getBuffer().split('\n').first;
  if (!Head.consume_front(GeneratedMarker) || !Head.consume_front(" from "))
    return false;
  llvm::StringRef Source = Head.split(';').first;
  llvm::SmallString<256> S(path::parent_path(P));
  path::append(S, Source);
  return !Source.empty() && llvm::sys::fs::exists(S);
}

// -I directories of clang-style arguments (absolute).
void includeDirsOf(const std::vector<std::string> &Args, const std::string &Base,
                   std::vector<std::string> &Out) {
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    std::string D;
    if ((A == "-I" || A == "-iquote") && I + 1 < Args.size())
      D = Args[++I];
    else if (A.starts_with("-I") && A.size() > 2)
      D = A.drop_front(2).str();
    else
      continue;
    llvm::SmallString<256> S(D);
    if (!path::is_absolute(S)) {
      S = Base;
      path::append(S, D);
    }
    path::remove_dots(S, true);
    std::string P = absPath(S);
    if (std::find(Out.begin(), Out.end(), P) == Out.end())
      Out.push_back(P);
  }
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
  std::string OutRoot = Opts.OutRoot.empty() ? "" : absPath(Opts.OutRoot);
  llvm::SmallString<256> CwdS;
  fs::current_path(CwdS);
  const std::string Cwd = std::string(CwdS);
  std::vector<std::string> Explicit, Trees, DbFiles;
  for (const std::string &In : Opts.Inputs) {
    std::string P = absPath(In);
    if (!fs::exists(P)) {
      Err << "cu2npu: error: no such file or directory: '" << In << "'\n";
      return 2;
    }
    (fs::is_directory(P) ? Trees : Explicit).push_back(P);
  }
  if (DB && Opts.Inputs.empty())
    for (const std::string &F : DB->getAllFiles())
      DbFiles.push_back(absPath(F));
  std::sort(DbFiles.begin(), DbFiles.end());

  // Include directories: ours, those after `--`, the database's. Those that are not system or
  // toolkit directories belong to the project: the default --in-root covers them, so their
  // headers are translated into the mirrored tree and `-I dir` needs only a new root.
  std::vector<std::string> IncDirs;
  {
    std::vector<std::string> Ours;
    for (const std::string &I : Opts.Includes)
      Ours.push_back("-I" + I);
    includeDirsOf(Ours, Cwd, IncDirs);
    includeDirsOf(Opts.ClangArgs, Cwd, IncDirs);
    if (DB)
      for (const clang::tooling::CompileCommand &C : DB->getAllCompileCommands())
        includeDirsOf(usefulFlags(C), C.Directory, IncDirs);
  }
  std::vector<std::string> ProjectIncDirs;
  for (const std::string &D : IncDirs)
    if (!isSystemOrToolkitDir(D) && fs::is_directory(D) &&
        !llvm::StringRef(D).starts_with(Opts.ShimDir))
      ProjectIncDirs.push_back(D);

  if (Explicit.empty() && Trees.empty() && DbFiles.empty()) {
    Err << "cu2npu: error: no input files\n";
    return 2;
  }
  if (!Opts.Output.empty() && (Explicit.size() != 1 || !Trees.empty())) {
    Err << "cu2npu: error: -o needs exactly one input file\n";
    return 2;
  }
  if (Opts.MigrateCmake && OutRoot.empty()) {
    Err << "cu2npu: error: --migrate-cmake needs --out-root\n";
    return 2;
  }
  if (Opts.InRoot.empty()) {
    std::vector<std::string> Roots = Trees;
    Roots.insert(Roots.end(), Explicit.begin(), Explicit.end());
    Roots.insert(Roots.end(), DbFiles.begin(), DbFiles.end());
    if (Opts.Output.empty())
      Roots.insert(Roots.end(), ProjectIncDirs.begin(), ProjectIncDirs.end());
    Opts.InRoot = commonParent(Roots);
  } else {
    Opts.InRoot = absPath(Opts.InRoot);
  }
  // -p with no inputs: the tree under the sources' common folder is the project (mirrored
  // under --out-root: what is not translated is copied).
  if (Trees.empty() && Explicit.empty() && !OutRoot.empty())
    Trees.push_back(Opts.InRoot);

  // The project: every file of the trees, the explicit files and the database's.
  Project Proj;
  std::vector<std::string> Skip;
  if (!OutRoot.empty())
    Skip.push_back(OutRoot);
  if (!Opts.BuildDir.empty())
    Skip.push_back(absPath(Opts.BuildDir));
  std::vector<std::string> TreeFiles;
  std::set<std::string> Generated; // our own earlier outputs found in the trees
  for (const std::string &T : Trees)
    for (std::string &F : walkTree(T, Skip)) {
      // Our earlier outputs beside their inputs (foo.npu.cpp next to foo.cu) are not inputs.
      if (fileKind(F) != FileKind::Other && path::filename(F).contains(".npu.") &&
          startsWithMarker(F) && (OutRoot.empty() || besideItsSource(F))) {
        Generated.insert(F);
        continue;
      }
      Proj.add(F);
      TreeFiles.push_back(std::move(F));
    }
  std::sort(TreeFiles.begin(), TreeFiles.end());
  TreeFiles.erase(std::unique(TreeFiles.begin(), TreeFiles.end()), TreeFiles.end());
  for (const std::string &F : Explicit)
    Proj.add(F);
  for (const std::string &F : DbFiles)
    Proj.add(F);
  Proj.link(IncDirs);

  // Units: explicit files; the database's CUDA and CUDA-using host sources; in the trees, .cu
  // files and CUDA-using host sources that no other file includes.
  std::vector<std::string> Units;
  std::map<std::string, std::string> NotUnit; // why a source is not a unit
  auto Consider = [&](const std::string &F, bool FromDb) {
    const ProjectFile &PF = Proj.Files[F];
    if (PF.Kind == FileKind::CSource) {
      NotUnit[F] = PF.UsesCuda ? "C source: stays C (build it with npurt's cuda-compat headers)"
                               : "C source: stays C";
      return;
    }
    if (PF.Kind != FileKind::CudaSource && PF.Kind != FileKind::HostSource)
      return;
    if (!FromDb && !PF.IncludedBy.empty()) {
      NotUnit[F] = "included by " + PF.IncludedBy.front() + ": a header of that file";
      return;
    }
    if (PF.Kind == FileKind::HostSource && !PF.UsesCuda) {
      NotUnit[F] = "does not use CUDA";
      return;
    }
    Units.push_back(F);
  };
  for (const std::string &F : Explicit)
    Units.push_back(F);
  for (const std::string &F : DbFiles)
    Consider(F, true);
  for (const std::string &F : TreeFiles)
    if (std::find(Units.begin(), Units.end(), F) == Units.end())
      Consider(F, false);
  std::set<std::string> UnitSet(Units.begin(), Units.end());
  if (Units.empty() && TreeFiles.empty()) {
    Err << "cu2npu: error: no input files\n";
    return 2;
  }
  // Every input: nothing is ever written over one of them.
  std::set<std::string> AllInputs(TreeFiles.begin(), TreeFiles.end());
  AllInputs.insert(Explicit.begin(), Explicit.end());
  AllInputs.insert(DbFiles.begin(), DbFiles.end());

  auto OutPathFor = [&](const std::string &In, bool IsMain) {
    if (IsMain && !Opts.Output.empty() && In == Explicit.front())
      return absPath(Opts.Output);
    return outName(In, IsMain && UnitSet.count(In), Opts.InRoot, OutRoot);
  };

  std::vector<std::string> Base = {"-x", "cuda", "--cuda-host-only", "-nocudainc", "-nocudalib",
                                   "--cuda-path=" + Opts.ShimDir + "/no-cuda-toolkit",
                                   "-resource-dir", Opts.ResourceDir, "-isystem", Opts.ShimDir,
                                   "-include", "cuda_runtime.h", "-std=c++17",
                                   "-Wno-unknown-cuda-version",
                                   // clang reports libstdc++ 12's own use of its deprecated
                                   // get_temporary_buffer in every std::stable_sort; the host
                                   // compiler reports the program's deprecations.
                                   "-Wno-deprecated-declarations", "-fno-color-diagnostics"};
  auto ArgsFor = [&](const std::string &File, std::string &Dir) {
    std::vector<std::string> Args = Base;
    // Relative paths on our command line are relative to the current directory.
    Dir = Cwd;
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
    return Args;
  };

  Totals T;
  llvm::json::Array FileReports;
  std::map<std::string, std::string> Written; // output -> input, this run
  std::set<std::string> Handled;              // inputs translated or refused
  unsigned Copied = 0;
  int Exit = 0;
  auto Obj = [](const std::map<std::string, unsigned> &M) {
    llvm::json::Object J;
    for (auto &[K, V] : M)
      J[K] = V;
    return J;
  };
  // Whether an output may be written: never over an input, never two inputs to one output.
  auto MayWrite = [&](const std::string &In, const std::string &Out) {
    std::string A = absPath(Out);
    if (A == absPath(In) || AllInputs.count(A)) {
      Err << "cu2npu: error: refusing to overwrite the input '" << A << "' (from '" << In << "')\n";
      return false;
    }
    auto It = Written.find(A);
    if (It != Written.end() && It->second != In) {
      Err << "cu2npu: error: '" << In << "' and '" << It->second << "' would both be written to '"
          << A << "'; nothing written for '" << In << "'\n";
      return false;
    }
    return true;
  };
  auto WriteText = [&](const std::string &In, const std::string &Out, llvm::StringRef Text) {
    Written[absPath(Out)] = In;
    if (Opts.Examine)
      return true;
    fs::create_directories(path::parent_path(Out));
    std::error_code EC;
    llvm::raw_fd_ostream OS(Out, EC, fs::OF_None);
    if (EC) {
      Err << "cu2npu: error: cannot write '" << Out << "': " << EC.message() << "\n";
      Exit = 2;
      return false;
    }
    OS << Text;
    return true;
  };
  auto Skipped = [&](const std::string &In, llvm::StringRef Action, llvm::StringRef Why) {
    FileReports.push_back(
        llvm::json::Object{{"input", In}, {"action", Action.str()}, {"reason", Why.str()}});
  };

  // Translates one file as a translation unit; Standalone: a header no unit included (written
  // only if it parses on its own). Returns false when nothing was written.
  auto Translate = [&](const std::string &File, bool Standalone) {
    std::string Dir;
    std::vector<std::string> Args = ArgsFor(File, Dir);
    TuState S;
    S.Opts = &Opts;
    S.OutPathFor = OutPathFor;
    translateFile(File, Dir, Args, S);
    if (Standalone && S.Errors)
      return false;
    Err << S.DiagText;
    if (S.Errors) {
      Exit = 1;
      ++T.Errors;
    }
    // A unit whose outputs cannot all be written writes nothing at all: not even the translated
    // headers beside it.
    bool Refused = false;
    for (const OutputFile &O : S.Outputs)
      if (!MayWrite(O.InPath, O.OutPath))
        Refused = true;
    if (Refused) {
      Exit = 2;
      Handled.insert(File);
      Skipped(File, "skipped", "its output would overwrite an input or another output");
      return true;
    }
    for (OutputFile &O : S.Outputs) {
      Handled.insert(O.InPath);
      if (!O.IsMain)
        Opts.DoneHeaders.insert(O.InPath);
      if (!WriteText(O.InPath, O.OutPath, O.Text))
        continue;
      ++T.Files;
      T.Lines += std::count(O.Text.begin(), O.Text.end(), '\n');
      T.LinesChanged += O.LinesChanged;
      addInto(T.Converted, O.Converted);
      addInto(T.Unconverted, O.Unconverted);
      addInto(T.Diags, O.Diags);
      unsigned Conv = 0, Unconv = 0;
      for (auto &[K, V] : O.Converted)
        Conv += V;
      for (auto &[K, V] : O.Unconverted)
        Unconv += V;
      auto Orig = S.Originals.find(O.InPath);
      bool Same = Orig != S.Originals.end() && Orig->second == O.Text;
      const char *Role =
          O.IsMain ? (Standalone ? "header (no unit includes it)" : "unit") : "header";
      FileReports.push_back(llvm::json::Object{
          {"input", O.InPath},
          {"output", O.OutPath},
          {"action", Same ? "copied" : "translated"},
          {"role", Role},
          {"reason", Same ? "nothing to change" : (O.IsMain ? "uses CUDA" : "included by " + File)},
          {"compile_errors", O.IsMain ? S.Errors : 0u},
          {"converted", Obj(O.Converted)},
          {"unconverted", Obj(O.Unconverted)},
          {"converted_total", Conv},
          {"unconverted_total", Unconv},
          {"diagnostics", Obj(O.Diags)},
          {"lines_changed", O.LinesChanged}});
    }
    return true;
  };

  bool Progress = Units.size() > 3 && !Opts.Quiet;
  for (size_t I = 0; I < Units.size(); ++I) {
    if (Progress)
      Err << "cu2npu: [" << (I + 1) << "/" << Units.size() << "] " << Units[I] << "\n";
    Translate(Units[I], false);
  }
  // Headers that use CUDA but that no unit included: translated on their own when they parse so.
  for (const std::string &F : TreeFiles) {
    const ProjectFile &PF = Proj.Files[F];
    if (Handled.count(F) || UnitSet.count(F) || !PF.DirectCuda || PF.Kind == FileKind::Other ||
        PF.Kind == FileKind::CSource)
      continue;
    if (!Opts.Quiet)
      Err << "cu2npu: " << F << ": no translated unit includes it; translating it on its own\n";
    if (!Translate(F, true))
      NotUnit[F] = "uses CUDA, but no translated unit includes it and it does not parse on its "
                   "own: copied unchanged";
  }
  // Everything else in the trees: copied unchanged under --out-root (the tree mirrors the
  // input), left alone beside the input.
  for (const std::string &F : TreeFiles) {
    if (Handled.count(F))
      continue;
    const ProjectFile &PF = Proj.Files[F];
    std::string Why =
        NotUnit.count(F) ? NotUnit[F]
        : PF.Kind == FileKind::Other
            ? "not a C, C++ or CUDA source"
            : (PF.UsesCuda ? "not reached by a translated unit" : "does not use CUDA");
    if (OutRoot.empty()) {
      Skipped(F, "unchanged", Why + " (beside the input: nothing to write)");
      continue;
    }
    std::string Out = outName(F, false, Opts.InRoot, OutRoot);
    if (!MayWrite(F, Out)) {
      Exit = 2;
      Skipped(F, "skipped", "its copy would overwrite an input or another output");
      continue;
    }
    auto Buf = llvm::MemoryBuffer::getFile(F, /*IsText=*/false, /*RequiresNullTerminator=*/false);
    if (!Buf) {
      Skipped(F, "skipped", "cannot be read");
      continue;
    }
    std::string Text = (*Buf)->getBuffer().str();
    std::string Action = "copied";
    if (Opts.MigrateCmake && path::filename(F) == "CMakeLists.txt") {
      std::vector<std::string> Notes;
      std::string New = migrateCmake(Text, Notes);
      if (New != Text) {
        Text = std::move(New);
        Action = "migrated";
        Why = "CUDA targets rewritten for npurt";
        for (const std::string &N : Notes) {
          Why += "; " + N;
          if (!Opts.Quiet)
            Err << F << ": note: " << N << "\n";
        }
      }
    }
    if (!WriteText(F, Out, Text))
      continue;
    if (Action == "copied")
      ++Copied;
    FileReports.push_back(
        llvm::json::Object{{"input", F}, {"output", Out}, {"action", Action}, {"reason", Why}});
  }
  for (const std::string &F : Generated)
    Skipped(F, "skipped", "an output of cu2npu");

  unsigned Conv = 0, Unconv = 0, NDiag = 0;
  for (auto &[K, V] : T.Converted)
    Conv += V;
  for (auto &[K, V] : T.Unconverted)
    Unconv += V;
  for (auto &[K, V] : T.Diags)
    NDiag += V;
  if (!Opts.ReportFile.empty()) {
    llvm::json::Object Root{{"tool", "cu2npu"},
                            {"in_root", Opts.InRoot},
                            {"out_root", OutRoot},
                            {"files", std::move(FileReports)},
                            {"total", llvm::json::Object{{"files", T.Files},
                                                         {"files_copied", Copied},
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
    if (Copied)
      O << "  files copied      : " << Copied << "\n";
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
