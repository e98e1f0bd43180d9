// Project mode: what a directory tree (or a compilation database) holds, before anything is
// parsed. Every file is classified by its extension and its content; a light scan of #include
// lines links the project's files, so "uses CUDA" follows includes (a main.cpp that includes a
// project header declaring kernels uses CUDA), and a .cu that another file includes is a header
// of that file, not a unit of its own.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>

namespace cu2npu {

enum class FileKind {
  CudaSource, // .cu
  HostSource, // .cpp .cc .cxx .c++ .cp .C
  CSource,    // .c: stays C, copied
  Header,     // .cuh .h .hpp .hh .hxx .inl .ipp .tpp .tcc .inc
  Other       // anything else (build files, data, docs): copied
};

struct ProjectFile {
  std::string Path; // absolute
  FileKind Kind = FileKind::Other;
  bool DirectCuda = false;             // its own text uses CUDA
  bool UsesCuda = false;               // it, or a project file it includes, uses CUDA
  std::vector<std::string> Includes;   // project files it includes (absolute)
  std::vector<std::string> IncludedBy; // project files that include it
};

FileKind fileKind(llvm::StringRef Path);

// Whether the text uses CUDA: includes a CUDA header, or uses CUDA's qualifiers, launches,
// built-in variables or runtime API names (comments and string literals ignored).
bool textUsesCuda(llvm::StringRef Text);

// The #include lines of a text: (spelled name, angled).
std::vector<std::pair<std::string, bool>> scanIncludes(llvm::StringRef Text);

// A system or CUDA toolkit include directory (never translated, even when given with -I).
bool isSystemOrToolkitDir(llvm::StringRef Dir);

// The files of a project and the include graph between them. IncludeDirs: the -I directories
// (absolute) used to resolve includes, besides the including file's own directory.
struct Project {
  std::map<std::string, ProjectFile> Files; // by absolute path
  void add(const std::string &Path);
  void link(const std::vector<std::string> &IncludeDirs);
};

// Every regular file under Dir, sorted; hidden files and folders, folders holding a
// CMakeCache.txt (build trees) and the folders in Skip are left out.
std::vector<std::string> walkTree(const std::string &Dir, const std::vector<std::string> &Skip);

} // namespace cu2npu
