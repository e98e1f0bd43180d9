// Resolves preprocessor conditionals on __CUDA_ARCH__ as text, before the final parse.
// Inside a device function body (and at namespace scope when the region declares device code)
// the device view applies (__CUDA_ARCH__ defined, numerically ArchValue); elsewhere the host
// view (undefined).
// The compiler's own macros, __CUDACC__, __NVCC__ and __CUDACC_VER_MAJOR__/MINOR__/BUILD__,
// are defined in both views (12.8, as cu2npu/host_defines.h defines them for the parse): a
// `#ifndef __CUDACC__` host fallback disappears from the output, so g++ building it sees the
// code nvcc saw. A condition that also depends on other macros is kept, with __CUDA_ARCH__
// substituted. The parse text keeps every byte offset and line of the original (removed text
// becomes blanks), so diagnostics and edits of the final parse use original offsets.
//
// A __host__ __device__ function is compiled twice by nvcc, and its two copies may differ:
// `#ifdef __CUDA_ARCH__ <device> #else <host> #endif`. One copy runs both ways here, so such a
// group becomes a run-time branch in the output, `if (::npu::in_kernel()) {<device>} else
// {<host>}`, where that is sound: the group has no #elif, the two views pick different
// branches, each branch is balanced, and nothing but the closing brace follows the group in
// the body (so declarations in a branch are not needed after it). The parse sees the device
// view; the host branch is only carried to the output. Other groups in such functions take
// the device view, as before.
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>

#include "edit/Edits.h"

namespace cu2npu {

struct OffsetRange {
  unsigned Begin = 0, End = 0; // [Begin, End)
};

struct ArchInput {
  std::vector<OffsetRange> DeviceBodies;     // bodies of __device__/__global__ functions
  std::vector<OffsetRange> AllBodies;        // bodies of all functions
  std::vector<OffsetRange> HostDeviceBodies; // bodies of __host__ __device__ functions
  int ArchValue = 800;
};

struct ArchResult {
  std::string ParseText;                // same size as the input
  std::vector<Edit> Edits;              // to apply to the original for the output
  std::vector<unsigned> UnresolvedUses; // __CUDA_ARCH__ outside directives
  unsigned Resolved = 0, Substituted = 0, RuntimeBranches = 0;
};

// Whether Text mentions __CUDA_ARCH__ or one of the compiler's macros.
bool mentionsCudaArch(llvm::StringRef Text);
ArchResult resolveCudaArch(llvm::StringRef Text, const ArchInput &In);

} // namespace cu2npu
