// CUDA's declaration qualifiers as macros, so translated code keeps them as written.
//
// On the host every function is callable from every side, so the execution-space
// qualifiers vanish. `__shared__` is `static thread_local`: a block runs entirely on
// one worker thread (its CUDA threads are loop iterations or fibers of that thread),
// so a thread-local object is exactly one object per concurrently running block.
#pragma once

#ifndef __global__
#define __global__
#endif
#ifndef __device__
#define __device__
#endif
#ifndef __host__
#define __host__
#endif
#ifndef __constant__
#define __constant__
#endif
#ifndef __managed__
#define __managed__
#endif
#ifndef __shared__
#define __shared__ static thread_local
#endif
#ifndef __forceinline__
#define __forceinline__ inline __attribute__((always_inline))
#endif
// Empty on purpose: libstdc++ 12 writes `__attribute__((__noinline__))`
// (bits/shared_ptr_base.h), which must keep compiling after this header; an empty
// macro turns it into the valid `__attribute__(())`. Not inlining is only a hint.
#ifndef __noinline__
#define __noinline__
#endif
#ifndef __launch_bounds__
#define __launch_bounds__(...)
#endif
#ifndef __align__
#define __align__(n) __attribute__((aligned(n)))
#endif
// `__restrict__` is already a g++ keyword with CUDA's meaning.
#ifndef __grid_constant__
#define __grid_constant__
#endif
#ifndef __inline_hint__
#define __inline_hint__
#endif
