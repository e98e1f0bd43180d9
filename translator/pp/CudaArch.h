// Resolves preprocessor conditionals on __CUDA_ARCH__ as text, before the final parse.
// Inside a device function body (and at namespace scope when the region declares device code)
// the device view applies (__CUDA_ARCH__ defined, numerically ArchValue); elsewhere the host
// view (undefined). A condition that also depends on other macros is kept, with __CUDA_ARCH__
// substituted. The parse text keeps every byte offset and line of the original (removed text
// becomes blanks), so diagnostics and edits of the final parse use original offsets.
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
  std::vector<OffsetRange> DeviceBodies; // bodies of __device__/__global__ functions
  std::vector<OffsetRange> AllBodies;    // bodies of all functions
  int ArchValue = 800;
};

struct ArchResult {
  std::string ParseText;                // same size as the input
  std::vector<Edit> Edits;              // to apply to the original for the output
  std::vector<unsigned> UnresolvedUses; // __CUDA_ARCH__ outside directives
  unsigned Resolved = 0, Substituted = 0;
};

bool mentionsCudaArch(llvm::StringRef Text);
ArchResult resolveCudaArch(llvm::StringRef Text, const ArchInput &In);

} // namespace cu2npu
