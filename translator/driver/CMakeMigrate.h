// --migrate-cmake: a CMakeLists.txt of a CUDA project, rewritten for the translated tree that
// cu2npu writes beside it under --out-root (where foo.cu is foo.npu.cpp):
//   project(... CUDA) / enable_language(CUDA)  -> CUDA dropped (C++ only)
//   find_package(CUDAToolkit|CUDA ...)         -> find_package(npurt REQUIRED CONFIG)
//                                                 (added after project() when absent)
//   foo.cu in source lists (set, list, file(GLOB), add_*, target_sources) -> foo.npu.cpp
//   add_executable(t <CUDA sources>)           -> cu2npu_add_executable(t SOURCES ...)
//   cuda_add_executable(t ...)                 -> cu2npu_add_executable(t SOURCES ...)
//   add_library(t <CUDA sources>)              -> kept, plus target_link_libraries(t PUBLIC
//                                                 npurt::npurt)
//   CUDA::cudart[_static], CUDA::cuda_driver, cudart, ${CUDA_LIBRARIES} -> npurt::npurt
//   CUDA_* target properties, set(CMAKE_CUDA_*) -> dropped (commented out)
// Other CUDA libraries (CUDA::cublas, ...) are kept and reported in Notes.
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>

namespace cu2npu {

std::string migrateCmake(llvm::StringRef Text, std::vector<std::string> &Notes);

} // namespace cu2npu
