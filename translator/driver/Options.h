// Command-line options shared by the driver and the rules.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace cu2npu {

struct Options {
  std::vector<std::string> Inputs;
  std::string Output;   // -o
  std::string OutRoot;  // --out-root
  std::string InRoot;   // --in-root (absolute, resolved)
  std::string BuildDir; // -p
  std::vector<std::string> Includes, Defines, ClangArgs;
  std::string CudaArch; // --cuda-arch
  int ArchValue = 800;
  bool Examine = false, Stats = false, Quiet = false, Verbose = false;
  bool CostCounters = true; // NPU_COST operation counters in device code (--no-cost-counters)
  std::string ReportFile;
  std::string ResourceDir;           // --resource-dir (default: baked at configure time)
  std::string ShimDir;               // --cuda-headers (default: next to the binary)
  std::set<std::string> DoneHeaders; // headers already translated by an earlier TU of this run
  bool MigrateCmake = false;         // --migrate-cmake: rewrite CMakeLists.txt for npurt
};

} // namespace cu2npu
