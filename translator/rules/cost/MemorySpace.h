// Where the object an lvalue designates lives, as far as one function's text shows: a local
// (free), __shared__ memory, or global memory (everything else reached through a pointer,
// __device__ and __constant__ variables). A pointer counts as pointing into a shared array when
// it is that array, or a local pointer initialised from one (`float *row = &tile[ty][0];`,
// `T *b = smem + n;`); parameters and other pointers point into global memory.
#pragma once

namespace clang {
class Expr;
} // namespace clang

namespace cu2npu {

enum class MemSpace { None, Local, Shared, Global };

// E: an lvalue (a variable, p[i], *p, p->f, x.f). None when E designates no object.
MemSpace memSpaceOfLvalue(const clang::Expr *E);
// P: a pointer-valued expression; the space of the objects it points to.
MemSpace memSpaceOfPointer(const clang::Expr *P);

} // namespace cu2npu
