#include "driver/Project.h"

#include <algorithm>
#include <cctype>

#include <llvm/ADT/StringSwitch.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include "mapping/Mapping.h"

namespace cu2npu {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

FileKind fileKind(llvm::StringRef Path) {
  llvm::StringRef Ext = path::extension(Path);
  if (Ext == ".C")
    return FileKind::HostSource;
  std::string E = Ext.lower();
  return llvm::StringSwitch<FileKind>(E)
      .Case(".cu", FileKind::CudaSource)
      .Cases(".cpp", ".cc", ".cxx", ".c++", ".cp", FileKind::HostSource)
      .Case(".c", FileKind::CSource)
      .Cases(".cuh", ".h", ".hpp", ".hh", ".hxx", FileKind::Header)
      .Cases(".inl", ".ipp", ".tpp", ".tcc", ".inc", FileKind::Header)
      .Default(FileKind::Other);
}

namespace {

bool isIdent(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }

// The text with comments and string/character literals blanked (lines kept).
std::string stripped(llvm::StringRef T) {
  std::string S = T.str();
  size_t N = S.size();
  for (size_t I = 0; I < N; ++I) {
    if (S[I] == '/' && I + 1 < N && S[I + 1] == '/') {
      while (I < N && S[I] != '\n')
        S[I++] = ' ';
    } else if (S[I] == '/' && I + 1 < N && S[I + 1] == '*') {
      S[I] = S[I + 1] = ' ';
      for (I += 2; I < N && !(S[I] == '*' && I + 1 < N && S[I + 1] == '/'); ++I)
        if (S[I] != '\n')
          S[I] = ' ';
      if (I < N)
        S[I] = S[I + 1] = ' ', ++I;
    } else if ((S[I] == '"' || S[I] == '\'') && !(I > 0 && isIdent(S[I - 1]) && S[I] == '\'')) {
      // Keep the quotes of #include "x" (scanIncludes reads the raw text anyway).
      char Q = S[I];
      for (++I; I < N && S[I] != Q && S[I] != '\n'; ++I) {
        if (S[I] == '\\' && I + 1 < N)
          S[I++] = ' ';
        S[I] = ' ';
      }
    }
  }
  return S;
}

bool isCudaHeaderName(llvm::StringRef Name) {
  if (lookupHeader(Name))
    return true;
  llvm::StringRef Base = path::filename(Name);
  return Base.starts_with("cuda") || Base.starts_with("cublas") || Base.starts_with("curand") ||
         Base.starts_with("cufft") || Base.starts_with("cusparse") ||
         Base.starts_with("cusolver") || Name.starts_with("thrust/") || Name.starts_with("cub/") ||
         Base.starts_with("sm_") || Base.starts_with("device_") || Base == "vector_types.h" ||
         Base == "driver_types.h" || Base == "math_constants.h" || Base == "nvrtc.h" ||
         Base.starts_with("cooperative_groups");
}

} // namespace

std::vector<std::pair<std::string, bool>> scanIncludes(llvm::StringRef Text) {
  std::vector<std::pair<std::string, bool>> Out;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    L = L.ltrim(" \t");
    if (!L.consume_front("#"))
      continue;
    L = L.ltrim(" \t");
    if (!L.consume_front("include") && !L.consume_front("import"))
      continue;
    L = L.ltrim(" \t");
    if (L.empty())
      continue;
    char Open = L.front(), Close = Open == '<' ? '>' : '"';
    if (Open != '<' && Open != '"')
      continue;
    size_t E = L.find(Close, 1);
    if (E == llvm::StringRef::npos)
      continue;
    Out.push_back({L.slice(1, E).str(), Open == '<'});
  }
  return Out;
}

bool textUsesCuda(llvm::StringRef Text) {
  for (auto &[Name, Angled] : scanIncludes(Text))
    if (isCudaHeaderName(Name))
      return true;
  std::string S = stripped(Text);
  if (S.find("<<<") != std::string::npos)
    return true;
  static const char *Words[] = {"__global__",    "__device__",  "__host__",  "__shared__",
                                "__constant__",  "__managed__", "threadIdx", "blockIdx",
                                "blockDim",      "gridDim",     "dim3",      "__syncthreads",
                                "__CUDA_ARCH__", "__CUDACC__",  "warpSize",  "__forceinline__"};
  for (size_t I = 0; I < S.size();) {
    if (!isIdent(S[I]) || (I > 0 && isIdent(S[I - 1]))) {
      ++I;
      continue;
    }
    size_t J = I;
    while (J < S.size() && isIdent(S[J]))
      ++J;
    llvm::StringRef W(S.data() + I, J - I);
    I = J;
    // cudaMalloc, cudaError_t, cudaMemcpyHostToDevice, ...; CUDART_VERSION, CUDA_VERSION.
    if (W.size() > 4 && W.starts_with("cuda") && std::isupper(static_cast<unsigned char>(W[4])))
      return true;
    if (W.starts_with("CUDART_"))
      return true;
    for (const char *X : Words)
      if (W == X)
        return true;
  }
  return false;
}

bool isSystemOrToolkitDir(llvm::StringRef Dir) {
  for (llvm::StringRef P : {"/usr/include", "/usr/local/include", "/usr/lib", "/usr/local/cuda",
                            "/opt/cuda", "/opt/nvidia"})
    if (Dir == P || Dir.starts_with((P + "/").str()) || Dir.starts_with((P + "-").str()))
      return true;
  for (const char *H : {"cuda_runtime_api.h", "cuda.h", "driver_types.h"}) {
    llvm::SmallString<256> S(Dir);
    path::append(S, H);
    if (fs::exists(S))
      return true;
  }
  return false;
}

void Project::add(const std::string &Path) {
  if (Files.count(Path))
    return;
  ProjectFile &F = Files[Path];
  F.Path = Path;
  F.Kind = fileKind(Path);
  if (F.Kind == FileKind::Other)
    return;
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return;
  F.DirectCuda = F.Kind == FileKind::CudaSource || textUsesCuda((*Buf)->getBuffer());
}

void Project::link(const std::vector<std::string> &IncludeDirs) {
  for (auto &[P, F] : Files) {
    if (F.Kind == FileKind::Other)
      continue;
    auto Buf = llvm::MemoryBuffer::getFile(P);
    if (!Buf)
      continue;
    for (auto &[Name, Angled] : scanIncludes((*Buf)->getBuffer())) {
      std::vector<std::string> Dirs;
      if (!Angled)
        Dirs.push_back(std::string(path::parent_path(P)));
      Dirs.insert(Dirs.end(), IncludeDirs.begin(), IncludeDirs.end());
      for (const std::string &D : Dirs) {
        llvm::SmallString<256> S(D);
        path::append(S, Name);
        path::remove_dots(S, true);
        auto It = Files.find(std::string(S));
        if (It != Files.end() && It->first != P) {
          F.Includes.push_back(It->first);
          It->second.IncludedBy.push_back(P);
          break;
        }
        if (fs::exists(S))
          break; // found outside the project
      }
    }
  }
  for (auto &[P, F] : Files)
    F.UsesCuda = F.DirectCuda;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto &[P, F] : Files) {
      if (F.UsesCuda)
        continue;
      for (const std::string &I : F.Includes)
        if (Files[I].UsesCuda) {
          F.UsesCuda = Changed = true;
          break;
        }
    }
  }
}

std::vector<std::string> walkTree(const std::string &Dir, const std::vector<std::string> &Skip) {
  std::vector<std::string> Out;
  std::error_code EC;
  for (fs::recursive_directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC)) {
    llvm::StringRef P = It->path();
    llvm::StringRef Name = path::filename(P);
    bool IsDir = It->type() == fs::file_type::directory_file;
    if (It->type() == fs::file_type::symlink_file || It->type() == fs::file_type::type_unknown) {
      fs::file_status St;
      if (!fs::status(P, St))
        IsDir = St.type() == fs::file_type::directory_file;
    }
    bool Drop = Name.starts_with(".");
    if (IsDir) {
      llvm::SmallString<256> Cache(P);
      path::append(Cache, "CMakeCache.txt");
      Drop = Drop || fs::exists(Cache) ||
             std::any_of(Skip.begin(), Skip.end(), [&](const std::string &S) { return S == P; });
      if (Drop)
        It.no_push();
      continue;
    }
    if (!Drop && fs::is_regular_file(P))
      Out.push_back(P.str());
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

} // namespace cu2npu
