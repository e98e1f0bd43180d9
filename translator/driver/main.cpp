// cu2npu: CUDA sources -> portable C++ on npurt. See docs/ARCHITECTURE.md.
#include <CLI/CLI.hpp>

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>

#include "driver/Driver.h"

#ifndef CU2NPU_VERSION
#define CU2NPU_VERSION "0.0.0"
#endif

static std::string findShimDir(const char *Argv0) {
  // <bindir>/../share/cu2npu/cuda_headers, in the build tree and the install tree alike.
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, reinterpret_cast<void *>(&findShimDir));
  llvm::SmallString<256> P(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(P, "share", "cu2npu", "cuda_headers");
  return std::string(P);
}

int main(int argc, char **argv) {
  // Split off "-- <clang args>".
  std::vector<std::string> ClangArgs;
  int Own = argc;
  for (int I = 1; I < argc; ++I)
    if (std::string(argv[I]) == "--") {
      Own = I;
      for (int J = I + 1; J < argc; ++J)
        ClangArgs.push_back(argv[J]);
      break;
    }

  cu2npu::Options O;
  O.ClangArgs = ClangArgs;
  std::string Query, GenDocs, GenStubs, GenCompat;
  bool ListApi = false, NoCostCounters = false;
  CLI::App App{
      "cu2npu: translate CUDA sources to portable C++ on the npurt runtime.\n"
      "  cu2npu [options] <file|dir>... [-- <clang args>]\n"
      "  cu2npu SRC_DIR... --out-root OUT [-I DIR]... [-D NAME]...  (a project tree)\n"
      "  cu2npu -p BUILD_DIR --out-root OUT                       (compile_commands.json)"};
  App.set_version_flag("--version", std::string("cu2npu ") + CU2NPU_VERSION +
                                        " (clang " CU2NPU_CLANG_VERSION ")");
  App.add_option(
      "inputs", O.Inputs,
      "CUDA files, or project directories: every file that uses CUDA (.cu .cuh .cpp .cc .cxx "
      ".h .hpp .inl ..., by content and by what it includes) is translated once, a .cu that "
      "another file includes as a header of it; under --out-root the rest is copied unchanged "
      "(C sources stay C)");
  App.add_option("-o", O.Output,
                 "output file (one input only); default beside the input, .npu before the "
                 "extension: foo.cu -> foo.npu.cpp, main.cpp -> main.npu.cpp, foo.cuh -> "
                 "foo.npu.cuh, foo.h -> foo.npu.h (includes rewritten; never over an input)");
  App.add_option("--out-root", O.OutRoot,
                 "write a complete tree under DIR mirroring the input below --in-root: foo.cu -> "
                 "foo.npu.cpp, host sources and headers keep their names (includes and -I "
                 "flags need only the new root), files without CUDA copied");
  App.add_option("--in-root", O.InRoot,
                 "local headers under DIR are translated (default: common parent of the inputs "
                 "and of the -I directories that are not system or CUDA toolkit ones)");
  App.add_option(
      "-p", O.BuildDir,
      "build directory with compile_commands.json (flags; and the files when none are given)");
  App.add_option("-I", O.Includes, "include directory")->allow_extra_args(false);
  App.add_option("-D", O.Defines, "macro definition NAME[=VALUE]")->allow_extra_args(false);
  App.add_option("--cuda-arch", O.CudaArch,
                 "value of __CUDA_ARCH__ for device branches: sm_80, 80 or 800 (default 800)");
  App.add_flag("--migrate-cmake", O.MigrateCmake,
               "with --out-root: rewrite each CMakeLists.txt of the tree for npurt (CUDA "
               "language and CUDAToolkit dropped, find_package(npurt), CUDA executables "
               "cu2npu_add_executable(), CUDA::cudart npurt::npurt, foo.cu foo.npu.cpp)");
  App.add_flag("--examine", O.Examine, "report only; write nothing");
  App.add_option("--report", O.ReportFile,
                 "write a JSON report: every file of the inputs and what happened to it "
                 "(translated, copied, migrated, unchanged, skipped, with the reason), and totals");
  App.add_flag("--stats", O.Stats, "print a one-screen summary");
  App.add_flag("-q,--quiet", O.Quiet, "print errors only");
  App.add_flag("-v,--verbose", O.Verbose, "print the clang command lines");
  App.add_flag("--no-cost-counters", NoCostCounters,
               "emit no NPU_COST operation counters in kernels and device functions (they feed "
               "the modeled devices' performance model)");
  App.add_option("--query-api", Query, "print the mapping of one CUDA (or npu) name and exit");
  App.add_flag("--list-api", ListApi,
               "print the mapping table (CUDA name, npu name, kind, status, section; "
               "tab-separated) and exit");
  App.add_option(
      "--gen-docs", GenDocs,
      "write the support tables (runtime-api.md, device-api.md, diagnostics.md) to DIR and exit");
  App.add_option("--gen-npurt-stubs", GenStubs,
                 "write parse stubs of npurt's headers under DIR/npurt (build step) and exit");
  App.add_option("--gen-cuda-compat", GenCompat,
                 "write npurt's CUDA-compatible headers (cuda_runtime.h, cuda_runtime_api.h, "
                 "driver_types.h, vector_types.h, cuda.h, ...; the mapping table's runtime names "
                 "as macros onto npurt) to DIR and exit");
  App.add_option("--resource-dir", O.ResourceDir,
                 "clang resource directory (default: " CU2NPU_RESOURCE_DIR ")");
  App.add_option("--cuda-headers", O.ShimDir,
                 "cu2npu's CUDA declaration headers (default: shipped with the binary)");
  try {
    App.parse(Own, argv);
  } catch (const CLI::ParseError &E) {
    int R = App.exit(E);
    return R == 0 ? 0 : 2;
  }
  O.CostCounters = !NoCostCounters;
  if (!Query.empty())
    return cu2npu::queryApi(Query);
  if (ListApi)
    return cu2npu::listApi();
  if (!GenDocs.empty())
    return cu2npu::genDocs(GenDocs);
  if (!GenStubs.empty())
    return cu2npu::genNpurtStubs(GenStubs);
  if (!GenCompat.empty())
    return cu2npu::genCudaCompat(GenCompat);

  if (O.ResourceDir.empty()) {
    const char *Env = std::getenv("CU2NPU_RESOURCE_DIR");
    O.ResourceDir = Env ? Env : CU2NPU_RESOURCE_DIR;
  }
  if (O.ShimDir.empty())
    O.ShimDir = findShimDir(argv[0]);
  if (!O.CudaArch.empty()) {
    std::string A = O.CudaArch;
    if (A.rfind("sm_", 0) == 0 || A.rfind("compute_", 0) == 0)
      A = A.substr(A.find('_') + 1);
    int V = std::atoi(A.c_str());
    if (V <= 0) {
      llvm::errs() << "cu2npu: error: bad --cuda-arch '" << O.CudaArch << "'\n";
      return 2;
    }
    O.ArchValue = V < 100 ? V * 10 : V;
  }
  if (O.Inputs.empty() && O.BuildDir.empty()) {
    llvm::errs() << App.help();
    return 2;
  }
  return cu2npu::runDriver(O);
}
