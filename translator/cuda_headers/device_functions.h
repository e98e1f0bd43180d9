// cu2npu CUDA declaration shim: device built-ins (intrinsics, atomics, warp, sync);
// declarations only.
#pragma once
#define __DEVICE_FUNCTIONS_H__ // as the CUDA header defines it (guards in user code test it)
// Mostly tables of macro invocations without semicolons, which clang-format 14 does not
// lay out stably (each run reflows them again): kept as written.
// clang-format off
#include "cu2npu/host_defines.h"
#include "vector_types.h"
#include "cu2npu/device_math.h"
#include "cu2npu/nv_atomics.h"

#define CU2NPU_DF extern "C" __device__
// Fast-math and rounding intrinsics
CU2NPU_DF float __expf(float); CU2NPU_DF float __exp10f(float); CU2NPU_DF float __logf(float);
CU2NPU_DF float __log2f(float); CU2NPU_DF float __log10f(float); CU2NPU_DF float __powf(float, float);
CU2NPU_DF float __sinf(float); CU2NPU_DF float __cosf(float); CU2NPU_DF float __tanf(float);
CU2NPU_DF void __sincosf(float, float *, float *); CU2NPU_DF float __fdividef(float, float);
CU2NPU_DF float __saturatef(float);
#define CU2NPU_R4(op, T, ...) CU2NPU_DF T op##_rn(__VA_ARGS__); CU2NPU_DF T op##_rz(__VA_ARGS__); \
  CU2NPU_DF T op##_ru(__VA_ARGS__); CU2NPU_DF T op##_rd(__VA_ARGS__);
CU2NPU_R4(__fadd, float, float, float) CU2NPU_R4(__fsub, float, float, float) CU2NPU_R4(__fmul, float, float, float)
CU2NPU_R4(__fmaf, float, float, float, float) CU2NPU_R4(__fdiv, float, float, float) CU2NPU_R4(__frcp, float, float)
CU2NPU_R4(__fsqrt, float, float) CU2NPU_DF float __frsqrt_rn(float);
CU2NPU_R4(__dadd, double, double, double) CU2NPU_R4(__dsub, double, double, double) CU2NPU_R4(__dmul, double, double, double)
CU2NPU_R4(__fma, double, double, double, double) CU2NPU_R4(__ddiv, double, double, double) CU2NPU_R4(__drcp, double, double)
CU2NPU_R4(__dsqrt, double, double)
CU2NPU_R4(__float2int, int, float) CU2NPU_R4(__float2uint, unsigned int, float) CU2NPU_R4(__float2ll, long long, float)
CU2NPU_R4(__float2ull, unsigned long long, float) CU2NPU_R4(__int2float, float, int) CU2NPU_R4(__uint2float, float, unsigned int)
CU2NPU_R4(__ll2float, float, long long) CU2NPU_R4(__ull2float, float, unsigned long long)
CU2NPU_R4(__double2float, float, double) CU2NPU_R4(__double2int, int, double) CU2NPU_R4(__double2uint, unsigned int, double)
CU2NPU_R4(__double2ll, long long, double) CU2NPU_R4(__double2ull, unsigned long long, double)
CU2NPU_R4(__ll2double, double, long long) CU2NPU_R4(__ull2double, double, unsigned long long)
#undef CU2NPU_R4
CU2NPU_DF double __int2double_rn(int); CU2NPU_DF double __uint2double_rn(unsigned int);
CU2NPU_DF int __float_as_int(float); CU2NPU_DF float __int_as_float(int);
CU2NPU_DF unsigned int __float_as_uint(float); CU2NPU_DF float __uint_as_float(unsigned int);
CU2NPU_DF long long __double_as_longlong(double); CU2NPU_DF double __longlong_as_double(long long);
CU2NPU_DF int __double2hiint(double); CU2NPU_DF int __double2loint(double); CU2NPU_DF double __hiloint2double(int, int);
// Integer intrinsics
CU2NPU_DF int __clz(int); CU2NPU_DF int __clzll(long long); CU2NPU_DF int __ffs(int); CU2NPU_DF int __ffsll(long long);
CU2NPU_DF int __popc(unsigned int); CU2NPU_DF int __popcll(unsigned long long);
CU2NPU_DF unsigned int __brev(unsigned int); CU2NPU_DF unsigned long long __brevll(unsigned long long);
CU2NPU_DF unsigned int __byte_perm(unsigned int, unsigned int, unsigned int);
CU2NPU_DF unsigned int __funnelshift_l(unsigned int, unsigned int, unsigned int);
CU2NPU_DF unsigned int __funnelshift_r(unsigned int, unsigned int, unsigned int);
CU2NPU_DF unsigned int __funnelshift_lc(unsigned int, unsigned int, unsigned int);
CU2NPU_DF unsigned int __funnelshift_rc(unsigned int, unsigned int, unsigned int);
CU2NPU_DF int __mul24(int, int); CU2NPU_DF unsigned int __umul24(unsigned int, unsigned int);
CU2NPU_DF int __mulhi(int, int); CU2NPU_DF unsigned int __umulhi(unsigned int, unsigned int);
CU2NPU_DF long long __mul64hi(long long, long long); CU2NPU_DF unsigned long long __umul64hi(unsigned long long, unsigned long long);
CU2NPU_DF unsigned int __sad(int, int, unsigned int); CU2NPU_DF unsigned int __usad(unsigned int, unsigned int, unsigned int);
CU2NPU_DF int __hadd(int, int); CU2NPU_DF unsigned int __uhadd(unsigned int, unsigned int);
CU2NPU_DF int __rhadd(int, int); CU2NPU_DF unsigned int __urhadd(unsigned int, unsigned int);
CU2NPU_DF int __dp4a(int, int, int); CU2NPU_DF int __dp2a_lo(int, int, int); CU2NPU_DF int __dp2a_hi(int, int, int);
CU2NPU_DF unsigned int __fns(unsigned int, unsigned int, int);
CU2NPU_DF unsigned int __vadd2(unsigned int, unsigned int); CU2NPU_DF unsigned int __vadd4(unsigned int, unsigned int);
CU2NPU_DF unsigned int __vsub2(unsigned int, unsigned int); CU2NPU_DF unsigned int __vsub4(unsigned int, unsigned int);
CU2NPU_DF unsigned int __vabsdiffu4(unsigned int, unsigned int); CU2NPU_DF unsigned int __vabsdiffs4(unsigned int, unsigned int);
CU2NPU_DF unsigned int __vcmpeq4(unsigned int, unsigned int); CU2NPU_DF unsigned int __vmaxu4(unsigned int, unsigned int);
CU2NPU_DF unsigned int __vminu4(unsigned int, unsigned int);
// Memory, timing, misc
template <class T> __device__ T __ldg(const T *);
template <class T> __device__ T __ldcg(const T *);
template <class T> __device__ T __ldca(const T *);
template <class T> __device__ T __ldcs(const T *);
template <class T> __device__ T __ldlu(const T *);
template <class T> __device__ T __ldcv(const T *);
template <class T> __device__ void __stcg(T *, T);
template <class T> __device__ void __stcs(T *, T);
template <class T> __device__ void __stwb(T *, T);
template <class T> __device__ void __stwt(T *, T);
CU2NPU_DF long clock(void) noexcept;
CU2NPU_DF long long clock64(void);
CU2NPU_DF void __nanosleep(unsigned int);
CU2NPU_DF void __trap(void);
CU2NPU_DF void __brkpt(void);
CU2NPU_DF void __prof_trigger(int);
CU2NPU_DF unsigned long long __globaltimer(void);
CU2NPU_DF unsigned int __isGlobal(const void *); CU2NPU_DF unsigned int __isShared(const void *);
CU2NPU_DF unsigned int __isConstant(const void *); CU2NPU_DF unsigned int __isLocal(const void *);
CU2NPU_DF size_t __cvta_generic_to_shared(const void *); CU2NPU_DF size_t __cvta_generic_to_global(const void *);
CU2NPU_DF void *__cvta_shared_to_generic(size_t);
CU2NPU_DF int printf(const char *, ...);
CU2NPU_DF void *malloc(size_t) noexcept;
CU2NPU_DF void free(void *) noexcept;
CU2NPU_DF void *memcpy(void *, const void *, size_t) noexcept;
CU2NPU_DF void *memset(void *, int, size_t) noexcept;
extern "C" __device__ void __assertfail(const char *, const char *, unsigned, const char *, size_t);
extern "C" {
__device__ static inline void __assert_fail(const char *m, const char *f, unsigned l, const char *fn) noexcept {
  __assertfail(m, f, l, fn, sizeof(char));
}
}
// Synchronisation and fences (__syncthreads itself is a clang builtin)
extern "C" __device__ void __syncthreads(void);
CU2NPU_DF int __syncthreads_count(int); CU2NPU_DF int __syncthreads_and(int); CU2NPU_DF int __syncthreads_or(int);
CU2NPU_DF void __syncwarp(unsigned int mask = 0xffffffffu);
CU2NPU_DF void __threadfence(void); CU2NPU_DF void __threadfence_block(void); CU2NPU_DF void __threadfence_system(void);
// Warp vote, shuffle, match, reduce
template <class T> __device__ T __shfl_sync(unsigned int mask, T var, int srcLane, int width = 32);
template <class T> __device__ T __shfl_up_sync(unsigned int mask, T var, unsigned int delta, int width = 32);
template <class T> __device__ T __shfl_down_sync(unsigned int mask, T var, unsigned int delta, int width = 32);
template <class T> __device__ T __shfl_xor_sync(unsigned int mask, T var, int laneMask, int width = 32);
template <class T> __device__ T __shfl(T var, int srcLane, int width = 32);
template <class T> __device__ T __shfl_up(T var, unsigned int delta, int width = 32);
template <class T> __device__ T __shfl_down(T var, unsigned int delta, int width = 32);
template <class T> __device__ T __shfl_xor(T var, int laneMask, int width = 32);
CU2NPU_DF int __all_sync(unsigned int, int); CU2NPU_DF int __any_sync(unsigned int, int);
CU2NPU_DF int __uni_sync(unsigned int, int); CU2NPU_DF unsigned int __ballot_sync(unsigned int, int);
CU2NPU_DF int __all(int); CU2NPU_DF int __any(int); CU2NPU_DF unsigned int __ballot(int);
CU2NPU_DF unsigned int __activemask(void);
template <class T> __device__ unsigned int __match_any_sync(unsigned int mask, T value);
template <class T> __device__ unsigned int __match_all_sync(unsigned int mask, T value, int *pred);
CU2NPU_DF unsigned int __reduce_add_sync(unsigned int, unsigned int);
CU2NPU_DF unsigned int __reduce_min_sync(unsigned int, unsigned int);
CU2NPU_DF unsigned int __reduce_max_sync(unsigned int, unsigned int);
CU2NPU_DF unsigned int __reduce_and_sync(unsigned int, unsigned int);
CU2NPU_DF unsigned int __reduce_or_sync(unsigned int, unsigned int);
CU2NPU_DF unsigned int __reduce_xor_sync(unsigned int, unsigned int);
#undef CU2NPU_DF

// Atomics (with _block and _system scopes)
#define CU2NPU_ATOMIC_SCOPES(decl) decl() decl(_block) decl(_system)
#define CU2NPU_ATOMIC_ARITH(S)                                                                  \
  __device__ int atomicAdd##S(int *, int); __device__ unsigned int atomicAdd##S(unsigned int *, unsigned int); \
  __device__ unsigned long long atomicAdd##S(unsigned long long *, unsigned long long);        \
  __device__ float atomicAdd##S(float *, float); __device__ double atomicAdd##S(double *, double); \
  __device__ int atomicSub##S(int *, int); __device__ unsigned int atomicSub##S(unsigned int *, unsigned int); \
  __device__ int atomicExch##S(int *, int); __device__ unsigned int atomicExch##S(unsigned int *, unsigned int); \
  __device__ unsigned long long atomicExch##S(unsigned long long *, unsigned long long);       \
  __device__ float atomicExch##S(float *, float);                                              \
  __device__ int atomicMin##S(int *, int); __device__ unsigned int atomicMin##S(unsigned int *, unsigned int); \
  __device__ long long atomicMin##S(long long *, long long);                                   \
  __device__ unsigned long long atomicMin##S(unsigned long long *, unsigned long long);        \
  __device__ int atomicMax##S(int *, int); __device__ unsigned int atomicMax##S(unsigned int *, unsigned int); \
  __device__ long long atomicMax##S(long long *, long long);                                   \
  __device__ unsigned long long atomicMax##S(unsigned long long *, unsigned long long);        \
  __device__ unsigned int atomicInc##S(unsigned int *, unsigned int);                          \
  __device__ unsigned int atomicDec##S(unsigned int *, unsigned int);                          \
  __device__ int atomicCAS##S(int *, int, int);                                                \
  __device__ unsigned int atomicCAS##S(unsigned int *, unsigned int, unsigned int);            \
  __device__ unsigned long long atomicCAS##S(unsigned long long *, unsigned long long, unsigned long long); \
  __device__ unsigned short atomicCAS##S(unsigned short *, unsigned short, unsigned short);    \
  __device__ int atomicAnd##S(int *, int); __device__ unsigned int atomicAnd##S(unsigned int *, unsigned int); \
  __device__ unsigned long long atomicAnd##S(unsigned long long *, unsigned long long);        \
  __device__ int atomicOr##S(int *, int); __device__ unsigned int atomicOr##S(unsigned int *, unsigned int); \
  __device__ unsigned long long atomicOr##S(unsigned long long *, unsigned long long);         \
  __device__ int atomicXor##S(int *, int); __device__ unsigned int atomicXor##S(unsigned int *, unsigned int); \
  __device__ unsigned long long atomicXor##S(unsigned long long *, unsigned long long);
CU2NPU_ATOMIC_SCOPES(CU2NPU_ATOMIC_ARITH)
#undef CU2NPU_ATOMIC_ARITH
#undef CU2NPU_ATOMIC_SCOPES

// Texture and surface objects (npurt/device/texture.h, surface.h)
template <class T> __device__ T tex1Dfetch(unsigned long long, int);
template <class T> __device__ T tex1D(unsigned long long, float);
template <class T> __device__ T tex2D(unsigned long long, float, float);
template <class T> __device__ T tex3D(unsigned long long, float, float, float);
template <class T> __device__ T tex1DLayered(unsigned long long, float, int);
template <class T> __device__ T tex2DLayered(unsigned long long, float, float, int);
template <class T> __device__ T texCubemap(unsigned long long, float, float, float);
template <class T> __device__ T texCubemapLayered(unsigned long long, float, float, float, int);
template <class T> __device__ T tex1DLod(unsigned long long, float, float);
template <class T> __device__ T tex2DLod(unsigned long long, float, float, float);
template <class T> __device__ T tex3DLod(unsigned long long, float, float, float, float);
template <class T> __device__ T tex2DLayeredLod(unsigned long long, float, float, int, float);
template <class T> __device__ T texCubemapLod(unsigned long long, float, float, float, float);
template <class T> __device__ T tex1DGrad(unsigned long long, float, float, float);
template <class T> __device__ T tex2DGrad(unsigned long long, float, float, float2, float2);
template <class T> __device__ T tex3DGrad(unsigned long long, float, float, float, float4, float4);
template <class T> __device__ T tex2Dgather(unsigned long long, float, float, int = 0);
template <class T> __device__ void tex1Dfetch(T *, unsigned long long, int);
template <class T> __device__ void tex1D(T *, unsigned long long, float);
template <class T> __device__ void tex2D(T *, unsigned long long, float, float);
template <class T> __device__ void tex3D(T *, unsigned long long, float, float, float);
template <class T> __device__ void tex2DLayered(T *, unsigned long long, float, float, int);
template <class T> __device__ void texCubemap(T *, unsigned long long, float, float, float);
template <class T> __device__ void tex2DLod(T *, unsigned long long, float, float, float);
template <class T> __device__ T surf1Dread(unsigned long long, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ T surf2Dread(unsigned long long, int, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ T surf3Dread(unsigned long long, int, int, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ T surf2DLayeredread(unsigned long long, int, int, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ void surf1Dread(T *, unsigned long long, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ void surf2Dread(T *, unsigned long long, int, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ void surf3Dread(T *, unsigned long long, int, int, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ void surf2DLayeredread(T *, unsigned long long, int, int, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ void surf1Dwrite(T, unsigned long long, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ void surf2Dwrite(T, unsigned long long, int, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ void surf3Dwrite(T, unsigned long long, int, int, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ void surf2DLayeredwrite(T, unsigned long long, int, int, int, enum cudaSurfaceBoundaryMode = cudaBoundaryModeTrap);
// Texture references (removed in CUDA 12, still in older code): cu2npu spells them
// ::npu::texture (rules/texture/TextureReferenceRule); surface references are diagnosed.
template <class T, int Dim = 1, enum cudaTextureReadMode Mode = cudaReadModeElementType> struct texture {
  int normalized;
  enum cudaTextureFilterMode filterMode;
  enum cudaTextureAddressMode addressMode[3];
  struct cudaChannelFormatDesc channelDesc;
  texture(int = 0, enum cudaTextureFilterMode = cudaFilterModePoint, enum cudaTextureAddressMode = cudaAddressModeClamp);
  texture(int, enum cudaTextureFilterMode, enum cudaTextureAddressMode, struct cudaChannelFormatDesc);
};
template <int Dim = 1> struct surface { struct cudaChannelFormatDesc channelDesc; };
template <class T, int Dim_, enum cudaTextureReadMode Mode_> struct cu2npu_tex_result { typedef T type; };
template <class T> struct cu2npu_tex_float { typedef float type; };
#define CU2NPU_TEX_FLOAT(V) \
  template <> struct cu2npu_tex_float<V##2> { typedef float2 type; }; \
  template <> struct cu2npu_tex_float<V##4> { typedef float4 type; };
CU2NPU_TEX_FLOAT(char) CU2NPU_TEX_FLOAT(uchar) CU2NPU_TEX_FLOAT(short) CU2NPU_TEX_FLOAT(ushort)
#undef CU2NPU_TEX_FLOAT
template <class T, int Dim_> struct cu2npu_tex_result<T, Dim_, cudaReadModeNormalizedFloat> { typedef typename cu2npu_tex_float<T>::type type; };
template <class T, enum cudaTextureReadMode Mode_> __device__ typename cu2npu_tex_result<T, 1, Mode_>::type tex1Dfetch(texture<T, 1, Mode_>, int);
template <class T, enum cudaTextureReadMode Mode_> __device__ typename cu2npu_tex_result<T, 1, Mode_>::type tex1D(texture<T, 1, Mode_>, float);
template <class T, enum cudaTextureReadMode Mode_> __device__ typename cu2npu_tex_result<T, 2, Mode_>::type tex2D(texture<T, 2, Mode_>, float, float);
template <class T, enum cudaTextureReadMode Mode_> __device__ typename cu2npu_tex_result<T, 3, Mode_>::type tex3D(texture<T, 3, Mode_>, float, float, float);
template <class T, enum cudaTextureReadMode Mode_> __device__ typename cu2npu_tex_result<T, 0xF2, Mode_>::type tex2DLayered(texture<T, 0xF2, Mode_>, float, float, int);
template <class T, enum cudaTextureReadMode Mode_> __device__ typename cu2npu_tex_result<T, 0x0C, Mode_>::type texCubemap(texture<T, 0x0C, Mode_>, float, float, float);
// Programmatic dependent launch (unsupported)
extern "C" __device__ void cudaGridDependencySynchronize(void);
extern "C" __device__ void cudaTriggerProgrammaticLaunchCompletion(void);
// Device runtime (dynamic parallelism; unsupported)
extern "C" __device__ void *cudaGetParameterBuffer(size_t alignment, size_t size);
extern "C" __device__ cudaError_t cudaLaunchDevice(void *func, void *parameterBuffer, dim3 gridDimension, dim3 blockDimension, unsigned int sharedMemSize, cudaStream_t stream);
// clang-format on
