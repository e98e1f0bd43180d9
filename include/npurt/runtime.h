// npurt host API: CUDA's runtime API with the `npu` prefix (cudaMalloc -> npuMalloc, ...).
// Names, numeric values, defaults and error codes follow CUDA 12; where npurt differs, the
// declaration says so. Declarations only; semantics live in runtime/api/<section>.cpp, grouped
// by the CUDA runtime manual's sections as below. Compiles as C++17.
#pragma once
#define NPURT_RUNTIME_H

#include <cstddef>

#include "npurt/detail/dim3.h"
#include "npurt/detail/runtime_errors.h"
#include "npurt/detail/runtime_types.h"
#include "npurt/detail/texture_types.h"
#include "npurt/graph.h"
#include "npurt/launch_config.h"
#include "npurt/mempool.h"

// The identity macros of the CUDA headers npurt/runtime.h takes the place of (cu2npu rewrites
// `#include <cuda_runtime.h>` to this header). Code often tests them, e.g. helper headers that
// declare their CUDA error checks under `#ifdef __DRIVER_TYPES_H__`; cu2npu parses with them
// defined, so translated code must see them too, from the same include. (The compiler's own
// macros, __CUDACC__ and __NVCC__, are not defined here: cu2npu resolves #if groups on them in
// the output instead.)
#ifndef __CUDA_RUNTIME_H__
#define __CUDA_RUNTIME_H__
#endif
#ifndef __CUDA_RUNTIME_API_H__
#define __CUDA_RUNTIME_API_H__
#endif
#ifndef __DRIVER_TYPES_H__
#define __DRIVER_TYPES_H__
#endif
#ifndef __HOST_DEFINES_H__
#define __HOST_DEFINES_H__
#endif
// Calling-convention macros of CUDA's headers (empty on Linux).
#ifndef CUDART_CB
#define CUDART_CB
#endif
#ifndef CUDARTAPI
#define CUDARTAPI
#endif

extern "C" {

// ---- Error handling (runtime/api/error.cpp) ----
// The last error is per host thread; a sticky error (a kernel's npuErrorAssert,
// npuErrorIllegalAddress, npuErrorLaunchFailure, ...) is per process and is returned by every
// later call until npuDeviceReset().
npuError_t npuGetLastError(void);
npuError_t npuPeekAtLastError(void);
const char *npuGetErrorName(npuError_t error);
const char *npuGetErrorString(npuError_t error);

// ---- Version management (runtime/api/device.cpp) ----
// Both report NPURT_CUDA_API_VERSION: the CUDA runtime version whose API npurt mirrors.
npuError_t npuDriverGetVersion(int *driverVersion);
npuError_t npuRuntimeGetVersion(int *runtimeVersion);

// ---- Device management (runtime/api/device.cpp) ----
npuError_t npuGetDeviceCount(int *count);
npuError_t npuSetDevice(int device);
npuError_t npuGetDevice(int *device);
npuError_t npuGetDeviceProperties(struct npuDeviceProp *prop, int device);
npuError_t npuDeviceGetAttribute(int *value, enum npuDeviceAttr attr, int device);
npuError_t npuChooseDevice(int *device, const struct npuDeviceProp *prop);
npuError_t npuSetDeviceFlags(unsigned int flags);
npuError_t npuGetDeviceFlags(unsigned int *flags);
npuError_t npuDeviceSynchronize(void);
npuError_t npuDeviceReset(void);
npuError_t npuDeviceGetLimit(size_t *value, enum npuLimit limit);
npuError_t npuDeviceSetLimit(enum npuLimit limit, size_t value);
npuError_t npuDeviceGetCacheConfig(enum npuFuncCache *config);
npuError_t npuDeviceSetCacheConfig(enum npuFuncCache config);
npuError_t npuDeviceGetStreamPriorityRange(int *leastPriority, int *greatestPriority);
npuError_t npuDeviceCanAccessPeer(int *canAccessPeer, int device, int peerDevice);
npuError_t npuDeviceEnablePeerAccess(int peerDevice, unsigned int flags);
npuError_t npuDeviceDisablePeerAccess(int peerDevice);
// CUDA's removed thread-management names, kept because translated legacy code calls them.
npuError_t npuThreadSynchronize(void);                            // = npuDeviceSynchronize
npuError_t npuThreadExit(void);                                   // = npuDeviceReset
npuError_t npuThreadGetLimit(size_t *value, enum npuLimit limit); // = npuDeviceGetLimit
npuError_t npuThreadSetLimit(enum npuLimit limit, size_t value);  // = npuDeviceSetLimit
npuError_t npuThreadGetCacheConfig(enum npuFuncCache *config);    // = npuDeviceGetCacheConfig
npuError_t npuThreadSetCacheConfig(enum npuFuncCache config);     // = npuDeviceSetCacheConfig
// Shared-memory bank configuration: accepted and reported (deprecated in CUDA 12; no effect here).
npuError_t npuDeviceGetSharedMemConfig(enum npuSharedMemConfig *config);
npuError_t npuDeviceSetSharedMemConfig(enum npuSharedMemConfig config);
// Profiler control (cudaProfilerStart/Stop): no-ops; NPURT_TRACE writes a trace instead.
npuError_t npuProfilerStart(void);
npuError_t npuProfilerStop(void);

// ---- Stream management (runtime/api/stream.cpp) ----
npuError_t npuStreamCreate(npuStream_t *stream);
npuError_t npuStreamCreateWithFlags(npuStream_t *stream, unsigned int flags);
npuError_t npuStreamCreateWithPriority(npuStream_t *stream, unsigned int flags, int priority);
npuError_t npuStreamGetFlags(npuStream_t stream, unsigned int *flags);
npuError_t npuStreamGetPriority(npuStream_t stream, int *priority);
npuError_t npuStreamDestroy(npuStream_t stream);
npuError_t npuStreamSynchronize(npuStream_t stream);
npuError_t npuStreamQuery(npuStream_t stream);
npuError_t npuStreamWaitEvent(npuStream_t stream, npuEvent_t event, unsigned int flags = 0);
npuError_t npuStreamAddCallback(npuStream_t stream, npuStreamCallback_t callback, void *userData,
                                unsigned int flags);
npuError_t npuLaunchHostFunc(npuStream_t stream, npuHostFn_t fn, void *userData);
npuError_t npuStreamAttachMemAsync(npuStream_t stream, void *devPtr, size_t length = 0,
                                   unsigned int flags = npuMemAttachSingle);

// ---- Event management (runtime/api/event.cpp) ----
npuError_t npuEventCreate(npuEvent_t *event);
npuError_t npuEventCreateWithFlags(npuEvent_t *event, unsigned int flags);
npuError_t npuEventRecord(npuEvent_t event, npuStream_t stream = 0);
npuError_t npuEventRecordWithFlags(npuEvent_t event, npuStream_t stream = 0,
                                   unsigned int flags = 0);
npuError_t npuEventQuery(npuEvent_t event);
npuError_t npuEventSynchronize(npuEvent_t event);
npuError_t npuEventDestroy(npuEvent_t event);
npuError_t npuEventElapsedTime(float *ms, npuEvent_t start, npuEvent_t end);

// ---- Execution control (runtime/api/launch.cpp); launches go through npu::launch ----
npuError_t npuFuncGetAttributes(struct npuFuncAttributes *attr, const void *func);
npuError_t npuFuncSetAttribute(const void *func, enum npuFuncAttribute attr, int value);
npuError_t npuFuncSetCacheConfig(const void *func, enum npuFuncCache cacheConfig);
npuError_t npuFuncSetSharedMemConfig(const void *func, enum npuSharedMemConfig config);
// `func` is a kernel handle (npurt/device/kernel_handle.h: what cu2npu writes for `(void *)k`);
// `args` points to one value per kernel parameter (runtime/api/launch_kernel.cpp).
npuError_t npuLaunchKernel(const void *func, dim3 gridDim, dim3 blockDim, void **args,
                           size_t sharedMem = 0, npuStream_t stream = 0);
// Every block at once, so grid_group::sync() may wait for all of them; at most the occupancy
// limit (blocks per multiprocessor x multiprocessors), else npuErrorCooperativeLaunchTooLarge.
npuError_t npuLaunchCooperativeKernel(const void *func, dim3 gridDim, dim3 blockDim, void **args,
                                      size_t sharedMem = 0, npuStream_t stream = 0);

// ---- Occupancy (runtime/api/occupancy.cpp) ----
npuError_t npuOccupancyMaxActiveBlocksPerMultiprocessor(int *numBlocks, const void *func,
                                                        int blockSize, size_t dynamicSMemSize);
npuError_t npuOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(int *numBlocks, const void *func,
                                                                 int blockSize,
                                                                 size_t dynamicSMemSize,
                                                                 unsigned int flags);
npuError_t npuOccupancyAvailableDynamicSMemPerBlock(size_t *dynamicSmemSize, const void *func,
                                                    int numBlocks, int blockSize);

// ---- Memory management (runtime/api/memory_*.cpp) ----
// Allocation (memory_alloc.cpp). Zero-byte requests succeed and return nullptr (what CUDA
// returns), except npuMallocManaged, which rejects size 0 with npuErrorInvalidValue as CUDA does.
npuError_t npuMalloc(void **devPtr, size_t size);
npuError_t npuFree(void *devPtr);
npuError_t npuMallocPitch(void **devPtr, size_t *pitch, size_t width, size_t height);
npuError_t npuMallocManaged(void **devPtr, size_t size, unsigned int flags = npuMemAttachGlobal);
npuError_t npuMallocAsync(void **devPtr, size_t size, npuStream_t stream);
npuError_t npuFreeAsync(void *devPtr, npuStream_t stream);
npuError_t npuMemGetInfo(size_t *free, size_t *total);
npuError_t npuMemPrefetchAsync(const void *devPtr, size_t count, int dstDevice,
                               npuStream_t stream = 0);
npuError_t npuMemAdvise(const void *devPtr, size_t count, enum npuMemoryAdvise advice, int device);
npuError_t npuPointerGetAttributes(struct npuPointerAttributes *attributes, const void *ptr);

// Page-locked host memory (memory_host.cpp).
npuError_t npuMallocHost(void **ptr, size_t size);
npuError_t npuHostAlloc(void **pHost, size_t size, unsigned int flags);
npuError_t npuFreeHost(void *ptr);
npuError_t npuHostGetDevicePointer(void **pDevice, void *pHost, unsigned int flags);
npuError_t npuHostGetFlags(unsigned int *pFlags, void *pHost);
npuError_t npuHostRegister(void *ptr, size_t size, unsigned int flags);
npuError_t npuHostUnregister(void *ptr);

// Copies and fills (memory_copy.cpp). The synchronous forms run in the default stream's order
// and return when done; npuMemset is synchronous too (CUDA may return early; waiting is safe).
npuError_t npuMemcpy(void *dst, const void *src, size_t count, enum npuMemcpyKind kind);
npuError_t npuMemcpyAsync(void *dst, const void *src, size_t count, enum npuMemcpyKind kind,
                          npuStream_t stream = 0);
npuError_t npuMemcpy2D(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                       size_t height, enum npuMemcpyKind kind);
npuError_t npuMemcpy2DAsync(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                            size_t height, enum npuMemcpyKind kind, npuStream_t stream = 0);
npuError_t npuMemset(void *devPtr, int value, size_t count);
npuError_t npuMemsetAsync(void *devPtr, int value, size_t count, npuStream_t stream = 0);
npuError_t npuMemset2D(void *devPtr, size_t pitch, int value, size_t width, size_t height);
npuError_t npuMemset2DAsync(void *devPtr, size_t pitch, int value, size_t width, size_t height,
                            npuStream_t stream = 0);

// Symbols (memory_symbol.cpp). `symbol` is the address of a __device__/__constant__ global.
// The template forms below register the symbol's extent on first use; these C forms accept an
// address already registered that way (or one inside the program's writable data segments).
npuError_t npuMemcpyToSymbol(const void *symbol, const void *src, size_t count, size_t offset = 0,
                             enum npuMemcpyKind kind = npuMemcpyHostToDevice);
npuError_t npuMemcpyFromSymbol(void *dst, const void *symbol, size_t count, size_t offset = 0,
                               enum npuMemcpyKind kind = npuMemcpyDeviceToHost);
npuError_t npuMemcpyToSymbolAsync(const void *symbol, const void *src, size_t count, size_t offset,
                                  enum npuMemcpyKind kind, npuStream_t stream = 0);
npuError_t npuMemcpyFromSymbolAsync(void *dst, const void *symbol, size_t count, size_t offset,
                                    enum npuMemcpyKind kind, npuStream_t stream = 0);
npuError_t npuGetSymbolAddress(void **devPtr, const void *symbol);
npuError_t npuGetSymbolSize(size_t *size, const void *symbol);

// ---- CUDA arrays (runtime/api/array_alloc.cpp, array_copy.cpp) ----
// An array is device memory with a channel format and an extent (in elements), stored densely
// (rows of width * element bytes, then rows of the next slice or layer), allocated and priced
// like npuMalloc memory. Layered and cubemap arrays need npuMalloc3DArray (a cubemap has 6
// layers of square faces, times the layer count when also layered).
struct npuChannelFormatDesc npuCreateChannelDesc(int x, int y, int z, int w,
                                                 enum npuChannelFormatKind f);
npuError_t npuMallocArray(npuArray_t *array, const struct npuChannelFormatDesc *desc, size_t width,
                          size_t height = 0, unsigned int flags = 0);
npuError_t npuMalloc3DArray(npuArray_t *array, const struct npuChannelFormatDesc *desc,
                            struct npuExtent extent, unsigned int flags = 0);
npuError_t npuFreeArray(npuArray_t array);
npuError_t npuArrayGetInfo(struct npuChannelFormatDesc *desc, struct npuExtent *extent,
                           unsigned int *flags, npuArray_t array);
npuError_t npuGetChannelDesc(struct npuChannelFormatDesc *desc, npuArray_const_t array);
// Copies into and out of arrays: wOffset/width in bytes, hOffset/height in rows, as CUDA's.
npuError_t npuMemcpy2DToArray(npuArray_t dst, size_t wOffset, size_t hOffset, const void *src,
                              size_t spitch, size_t width, size_t height, enum npuMemcpyKind kind);
npuError_t npuMemcpy2DToArrayAsync(npuArray_t dst, size_t wOffset, size_t hOffset, const void *src,
                                   size_t spitch, size_t width, size_t height,
                                   enum npuMemcpyKind kind, npuStream_t stream = 0);
npuError_t npuMemcpy2DFromArray(void *dst, size_t dpitch, npuArray_const_t src, size_t wOffset,
                                size_t hOffset, size_t width, size_t height,
                                enum npuMemcpyKind kind);
npuError_t npuMemcpy2DFromArrayAsync(void *dst, size_t dpitch, npuArray_const_t src, size_t wOffset,
                                     size_t hOffset, size_t width, size_t height,
                                     enum npuMemcpyKind kind, npuStream_t stream = 0);
npuError_t npuMemcpy2DArrayToArray(npuArray_t dst, size_t wOffsetDst, size_t hOffsetDst,
                                   npuArray_const_t src, size_t wOffsetSrc, size_t hOffsetSrc,
                                   size_t width, size_t height,
                                   enum npuMemcpyKind kind = npuMemcpyDeviceToDevice);
// Deprecated 1D forms: `count` bytes starting at (wOffset, hOffset), continuing row after row.
npuError_t npuMemcpyToArray(npuArray_t dst, size_t wOffset, size_t hOffset, const void *src,
                            size_t count, enum npuMemcpyKind kind);
npuError_t npuMemcpyFromArray(void *dst, npuArray_const_t src, size_t wOffset, size_t hOffset,
                              size_t count, enum npuMemcpyKind kind);
// 3D copies between arrays and pitched linear memory, either way (array_copy.cpp).
npuError_t npuMemcpy3D(const struct npuMemcpy3DParms *p);
npuError_t npuMemcpy3DAsync(const struct npuMemcpy3DParms *p, npuStream_t stream = 0);

// ---- Texture and surface objects (runtime/api/texture_object.cpp) ----
// A handle stays invalid after its destruction and after the memory it reads is freed: a
// kernel that fetches through it fails with npuErrorLaunchFailure (never a crash).
npuError_t npuCreateTextureObject(npuTextureObject_t *pTexObject,
                                  const struct npuResourceDesc *pResDesc,
                                  const struct npuTextureDesc *pTexDesc,
                                  const struct npuResourceViewDesc *pResViewDesc);
npuError_t npuDestroyTextureObject(npuTextureObject_t texObject);
npuError_t npuGetTextureObjectResourceDesc(struct npuResourceDesc *pResDesc,
                                           npuTextureObject_t texObject);
npuError_t npuGetTextureObjectTextureDesc(struct npuTextureDesc *pTexDesc,
                                          npuTextureObject_t texObject);
npuError_t npuCreateSurfaceObject(npuSurfaceObject_t *pSurfObject,
                                  const struct npuResourceDesc *pResDesc);
npuError_t npuDestroySurfaceObject(npuSurfaceObject_t surfObject);
npuError_t npuGetSurfaceObjectResourceDesc(struct npuResourceDesc *pResDesc,
                                           npuSurfaceObject_t surfObject);

} // extern "C"

namespace npu::detail {
// Registers [address, address + bytes) as a device symbol (idempotent) and returns `address`,
// or nullptr when the range conflicts with another registration or allocation.
const void *registerSymbol(const void *address, std::size_t bytes) noexcept;

using BlockSizeToDynamicSMem = std::size_t (*)(const void *context, int blockSize);
npuError_t occupancyMaxPotentialBlockSize(int *minGridSize, int *blockSize, const void *func,
                                          BlockSizeToDynamicSMem dynamicSMemOf, const void *context,
                                          int blockSizeLimit, unsigned int flags);
} // namespace npu::detail

// ---- C++ API: the overloads and templates of CUDA's cuda_runtime.h ----

inline npuError_t npuMallocHost(void **ptr, size_t size, unsigned int flags) {
  return npuHostAlloc(ptr, size, flags);
}
inline npuError_t npuEventCreate(npuEvent_t *event, unsigned int flags) {
  return npuEventCreateWithFlags(event, flags);
}

template <class T> inline npuError_t npuMalloc(T **devPtr, size_t size) {
  return ::npuMalloc(reinterpret_cast<void **>(devPtr), size);
}
template <class T> inline npuError_t npuMallocHost(T **ptr, size_t size, unsigned int flags = 0) {
  return ::npuHostAlloc(reinterpret_cast<void **>(ptr), size, flags);
}
template <class T> inline npuError_t npuHostAlloc(T **ptr, size_t size, unsigned int flags) {
  return ::npuHostAlloc(reinterpret_cast<void **>(ptr), size, flags);
}
template <class T>
inline npuError_t npuHostGetDevicePointer(T **pDevice, void *pHost, unsigned int flags) {
  return ::npuHostGetDevicePointer(reinterpret_cast<void **>(pDevice), pHost, flags);
}
template <class T>
inline npuError_t npuMallocManaged(T **devPtr, size_t size,
                                   unsigned int flags = npuMemAttachGlobal) {
  return ::npuMallocManaged(reinterpret_cast<void **>(devPtr), size, flags);
}
template <class T>
inline npuError_t npuMallocPitch(T **devPtr, size_t *pitch, size_t width, size_t height) {
  return ::npuMallocPitch(reinterpret_cast<void **>(devPtr), pitch, width, height);
}
template <class T> inline npuError_t npuMallocAsync(T **devPtr, size_t size, npuStream_t stream) {
  return ::npuMallocAsync(reinterpret_cast<void **>(devPtr), size, stream);
}
template <class T>
inline npuError_t npuStreamAttachMemAsync(npuStream_t stream, T *devPtr, size_t length = 0,
                                          unsigned int flags = npuMemAttachSingle) {
  return ::npuStreamAttachMemAsync(stream, static_cast<void *>(devPtr), length, flags);
}

// Symbols: `symbol` is the global itself (not its address), as in CUDA's C++ API.
template <class T>
inline npuError_t npuMemcpyToSymbol(const T &symbol, const void *src, size_t count,
                                    size_t offset = 0,
                                    enum npuMemcpyKind kind = npuMemcpyHostToDevice) {
  return ::npuMemcpyToSymbol(::npu::detail::registerSymbol(&symbol, sizeof(T)), src, count, offset,
                             kind);
}
template <class T>
inline npuError_t npuMemcpyFromSymbol(void *dst, const T &symbol, size_t count, size_t offset = 0,
                                      enum npuMemcpyKind kind = npuMemcpyDeviceToHost) {
  return ::npuMemcpyFromSymbol(dst, ::npu::detail::registerSymbol(&symbol, sizeof(T)), count,
                               offset, kind);
}
template <class T>
inline npuError_t
npuMemcpyToSymbolAsync(const T &symbol, const void *src, size_t count, size_t offset = 0,
                       enum npuMemcpyKind kind = npuMemcpyHostToDevice, npuStream_t stream = 0) {
  return ::npuMemcpyToSymbolAsync(::npu::detail::registerSymbol(&symbol, sizeof(T)), src, count,
                                  offset, kind, stream);
}
template <class T>
inline npuError_t
npuMemcpyFromSymbolAsync(void *dst, const T &symbol, size_t count, size_t offset = 0,
                         enum npuMemcpyKind kind = npuMemcpyDeviceToHost, npuStream_t stream = 0) {
  return ::npuMemcpyFromSymbolAsync(dst, ::npu::detail::registerSymbol(&symbol, sizeof(T)), count,
                                    offset, kind, stream);
}
template <class T> inline npuError_t npuGetSymbolAddress(void **devPtr, const T &symbol) {
  return ::npuGetSymbolAddress(devPtr, ::npu::detail::registerSymbol(&symbol, sizeof(T)));
}
template <class T> inline npuError_t npuGetSymbolSize(size_t *size, const T &symbol) {
  return ::npuGetSymbolSize(size, ::npu::detail::registerSymbol(&symbol, sizeof(T)));
}

// Kernels: `func` is the __global__ function (a function pointer), as in CUDA's C++ API.
template <class T> inline npuError_t npuFuncGetAttributes(struct npuFuncAttributes *attr, T *func) {
  return ::npuFuncGetAttributes(attr, reinterpret_cast<const void *>(func));
}
template <class T>
inline npuError_t npuFuncSetAttribute(T *func, enum npuFuncAttribute attr, int value) {
  return ::npuFuncSetAttribute(reinterpret_cast<const void *>(func), attr, value);
}
template <class T> inline npuError_t npuFuncSetCacheConfig(T *func, enum npuFuncCache config) {
  return ::npuFuncSetCacheConfig(reinterpret_cast<const void *>(func), config);
}
template <class T>
inline npuError_t npuOccupancyMaxActiveBlocksPerMultiprocessor(int *numBlocks, T func,
                                                               int blockSize,
                                                               size_t dynamicSMemSize) {
  return ::npuOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
      numBlocks, reinterpret_cast<const void *>(func), blockSize, dynamicSMemSize,
      npuOccupancyDefault);
}
template <class T>
inline npuError_t
npuOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(int *numBlocks, T func, int blockSize,
                                                      size_t dynamicSMemSize, unsigned int flags) {
  return ::npuOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
      numBlocks, reinterpret_cast<const void *>(func), blockSize, dynamicSMemSize, flags);
}
template <class T>
inline npuError_t npuOccupancyAvailableDynamicSMemPerBlock(size_t *dynamicSmemSize, T func,
                                                           int numBlocks, int blockSize) {
  return ::npuOccupancyAvailableDynamicSMemPerBlock(
      dynamicSmemSize, reinterpret_cast<const void *>(func), numBlocks, blockSize);
}
// Block size with the highest occupancy (CUDA's search: the largest such block size), and the
// grid size that fills every multiprocessor at that occupancy.
template <class UnaryFunction, class T>
inline npuError_t npuOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
    int *minGridSize, int *blockSize, T func, UnaryFunction blockSizeToDynamicSMemSize,
    int blockSizeLimit = 0, unsigned int flags = npuOccupancyDefault) {
  return ::npu::detail::occupancyMaxPotentialBlockSize(
      minGridSize, blockSize, reinterpret_cast<const void *>(func),
      [](const void *context, int size) -> std::size_t {
        return static_cast<std::size_t>((*static_cast<const UnaryFunction *>(context))(size));
      },
      &blockSizeToDynamicSMemSize, blockSizeLimit, flags);
}
template <class UnaryFunction, class T>
inline npuError_t
npuOccupancyMaxPotentialBlockSizeVariableSMem(int *minGridSize, int *blockSize, T func,
                                              UnaryFunction blockSizeToDynamicSMemSize,
                                              int blockSizeLimit = 0) {
  return npuOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
      minGridSize, blockSize, func, blockSizeToDynamicSMemSize, blockSizeLimit);
}
template <class T>
inline npuError_t npuOccupancyMaxPotentialBlockSizeWithFlags(int *minGridSize, int *blockSize,
                                                             T func, size_t dynamicSMemSize = 0,
                                                             int blockSizeLimit = 0,
                                                             unsigned int flags = 0) {
  return ::npu::detail::occupancyMaxPotentialBlockSize(
      minGridSize, blockSize, reinterpret_cast<const void *>(func),
      [](const void *context, int) -> std::size_t {
        return *static_cast<const std::size_t *>(context);
      },
      &dynamicSMemSize, blockSizeLimit, flags);
}
template <class T>
inline npuError_t npuOccupancyMaxPotentialBlockSize(int *minGridSize, int *blockSize, T func,
                                                    size_t dynamicSMemSize = 0,
                                                    int blockSizeLimit = 0) {
  return npuOccupancyMaxPotentialBlockSizeWithFlags(minGridSize, blockSize, func, dynamicSMemSize,
                                                    blockSizeLimit, npuOccupancyDefault);
}

#include "npurt/detail/texture_host.h"
