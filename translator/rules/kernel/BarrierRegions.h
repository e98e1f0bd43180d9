// Barrier-free regions (loop fission at barriers) for kernels whose __syncthreads() calls sit at
// block level: the top of the body, or loops / ifs / blocks whose control every thread of the
// block evaluates alike. See BarrierRegions.cpp for the analysis and the emitted form.
#pragma once

#include <string>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace cu2npu {

class Context;
struct UserFile;

// When the kernel can run as a sequence of per-thread loops, adds the edits inside its body to F
// and returns the text that opens the split form after the body's '{' (its close is "});" before
// the body's '}'). Returns an empty string, having edited nothing, when the kernel must stay on
// fibers.
std::string emitBarrierRegions(Context &C, const clang::FunctionDecl &Kernel, UserFile &F);

} // namespace cu2npu
