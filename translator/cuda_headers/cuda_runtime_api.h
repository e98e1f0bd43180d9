// cu2npu CUDA declaration shim: host runtime API (CUDA 12 runtime API, declarations only).
// Common functions have their real prototypes; the long tail (mostly unsupported by npurt and
// diagnosed by cu2npu) is declared generically so that any call parses.
#pragma once
#define __CUDA_RUNTIME_API_H__ // as the CUDA header defines it (guards in user code test it)
#include "driver_types.h"

// The runtime version code sees at compile time (nvcc's cuda_runtime_api.h defines it): the
// CUDA 12.8 API that npurt mirrors, so version checks take the same branch as in the output,
// where cu2npu renames it to NPURT_CUDA_API_VERSION.
#define CUDART_VERSION 12080

// Device management
extern __host__ cudaError_t cudaChooseDevice(int *device, const struct cudaDeviceProp *prop);
extern __host__ __device__ cudaError_t cudaDeviceGetAttribute(int *value, enum cudaDeviceAttr attr,
                                                              int device);
extern __host__ cudaError_t cudaDeviceGetByPCIBusId(int *device, const char *pciBusId);
extern __host__ cudaError_t cudaDeviceGetCacheConfig(enum cudaFuncCache *pCacheConfig);
extern __host__ __device__ cudaError_t cudaDeviceGetLimit(size_t *pValue, enum cudaLimit limit);
extern __host__ cudaError_t cudaDeviceGetPCIBusId(char *pciBusId, int len, int device);
extern __host__ cudaError_t cudaDeviceGetSharedMemConfig(enum cudaSharedMemConfig *pConfig);
extern __host__ cudaError_t cudaDeviceGetStreamPriorityRange(int *leastPriority,
                                                             int *greatestPriority);
extern __host__ cudaError_t cudaDeviceReset(void);
extern __host__ cudaError_t cudaDeviceSetCacheConfig(enum cudaFuncCache cacheConfig);
extern __host__ cudaError_t cudaDeviceSetLimit(enum cudaLimit limit, size_t value);
extern __host__ cudaError_t cudaDeviceSetSharedMemConfig(enum cudaSharedMemConfig config);
extern __host__ __device__ cudaError_t cudaDeviceSynchronize(void);
extern __host__ __device__ cudaError_t cudaGetDevice(int *device);
extern __host__ __device__ cudaError_t cudaGetDeviceCount(int *count);
extern __host__ cudaError_t cudaGetDeviceFlags(unsigned int *flags);
extern __host__ cudaError_t cudaGetDeviceProperties(struct cudaDeviceProp *prop, int device);
extern __host__ cudaError_t cudaGetDeviceProperties_v2(struct cudaDeviceProp *prop, int device);
extern __host__ cudaError_t cudaInitDevice(int device, unsigned int deviceFlags,
                                           unsigned int flags);
extern __host__ cudaError_t cudaSetDevice(int device);
extern __host__ cudaError_t cudaSetDeviceFlags(unsigned int flags);
extern __host__ cudaError_t cudaSetValidDevices(int *device_arr, int len);
extern __host__ cudaError_t cudaThreadExit(void);
extern __host__ cudaError_t cudaThreadSynchronize(void);
extern __host__ cudaError_t cudaThreadGetLimit(size_t *pValue, enum cudaLimit limit);
extern __host__ cudaError_t cudaThreadSetLimit(enum cudaLimit limit, size_t value);
extern __host__ cudaError_t cudaThreadGetCacheConfig(enum cudaFuncCache *pCacheConfig);
extern __host__ cudaError_t cudaThreadSetCacheConfig(enum cudaFuncCache cacheConfig);
// Error handling
extern __host__ __device__ const char *cudaGetErrorName(cudaError_t error);
extern __host__ __device__ const char *cudaGetErrorString(cudaError_t error);
extern __host__ __device__ cudaError_t cudaGetLastError(void);
extern __host__ __device__ cudaError_t cudaPeekAtLastError(void);
// Streams
extern __host__ cudaError_t cudaStreamAddCallback(cudaStream_t stream,
                                                  cudaStreamCallback_t callback, void *userData,
                                                  unsigned int flags);
extern __host__ cudaError_t cudaStreamAttachMemAsync(cudaStream_t stream, void *devPtr,
                                                     size_t length = 0,
                                                     unsigned int flags = cudaMemAttachSingle);
extern __host__ cudaError_t cudaStreamCreate(cudaStream_t *pStream);
extern __host__ __device__ cudaError_t cudaStreamCreateWithFlags(cudaStream_t *pStream,
                                                                 unsigned int flags);
extern __host__ cudaError_t cudaStreamCreateWithPriority(cudaStream_t *pStream, unsigned int flags,
                                                         int priority);
extern __host__ __device__ cudaError_t cudaStreamDestroy(cudaStream_t stream);
extern __host__ cudaError_t cudaStreamGetFlags(cudaStream_t hStream, unsigned int *flags);
extern __host__ cudaError_t cudaStreamGetPriority(cudaStream_t hStream, int *priority);
extern __host__ cudaError_t cudaStreamGetDevice(cudaStream_t hStream, int *device);
extern __host__ cudaError_t cudaStreamGetId(cudaStream_t hStream, unsigned long long *streamId);
extern __host__ cudaError_t cudaStreamQuery(cudaStream_t stream);
extern __host__ cudaError_t cudaStreamSynchronize(cudaStream_t stream);
extern __host__ __device__ cudaError_t cudaStreamWaitEvent(cudaStream_t stream, cudaEvent_t event,
                                                           unsigned int flags = 0);
// Events
extern __host__ cudaError_t cudaEventCreate(cudaEvent_t *event);
extern __host__ __device__ cudaError_t cudaEventCreateWithFlags(cudaEvent_t *event,
                                                                unsigned int flags);
extern __host__ __device__ cudaError_t cudaEventDestroy(cudaEvent_t event);
extern __host__ cudaError_t cudaEventElapsedTime(float *ms, cudaEvent_t start, cudaEvent_t end);
extern __host__ cudaError_t cudaEventElapsedTime_v2(float *ms, cudaEvent_t start, cudaEvent_t end);
extern __host__ cudaError_t cudaEventQuery(cudaEvent_t event);
extern __host__ __device__ cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t stream = 0);
extern __host__ cudaError_t cudaEventRecordWithFlags(cudaEvent_t event, cudaStream_t stream = 0,
                                                     unsigned int flags = 0);
extern __host__ cudaError_t cudaEventSynchronize(cudaEvent_t event);
// Execution control
extern __host__ cudaError_t cudaFuncGetAttributes(struct cudaFuncAttributes *attr,
                                                  const void *func);
extern __host__ cudaError_t cudaFuncSetAttribute(const void *func, enum cudaFuncAttribute attr,
                                                 int value);
extern __host__ cudaError_t cudaFuncSetCacheConfig(const void *func,
                                                   enum cudaFuncCache cacheConfig);
extern __host__ cudaError_t cudaFuncSetSharedMemConfig(const void *func,
                                                       enum cudaSharedMemConfig config);
extern __host__ cudaError_t cudaFuncGetName(const char **name, const void *func);
extern __host__ cudaError_t cudaLaunchHostFunc(cudaStream_t stream, cudaHostFn_t fn,
                                               void *userData);
extern __host__ cudaError_t cudaLaunchKernel(const void *func, dim3 gridDim, dim3 blockDim,
                                             void **args, size_t sharedMem, cudaStream_t stream);
extern __host__ cudaError_t cudaLaunchCooperativeKernel(const void *func, dim3 gridDim,
                                                        dim3 blockDim, void **args,
                                                        size_t sharedMem, cudaStream_t stream);
extern __host__ cudaError_t cudaSetDoubleForDevice(double *d);
extern __host__ cudaError_t cudaSetDoubleForHost(double *d);
extern __host__ __device__ cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(
    int *numBlocks, const void *func, int blockSize, size_t dynamicSMemSize);
extern __host__ cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
    int *numBlocks, const void *func, int blockSize, size_t dynamicSMemSize, unsigned int flags);
extern __host__ cudaError_t cudaOccupancyAvailableDynamicSMemPerBlock(size_t *dynamicSmemSize,
                                                                      const void *func,
                                                                      int numBlocks, int blockSize);
// Memory
extern __host__ __device__ cudaError_t cudaFree(void *devPtr);
extern __host__ cudaError_t cudaFreeHost(void *ptr);
extern __host__ cudaError_t cudaFreeAsync(void *devPtr, cudaStream_t hStream);
extern __host__ cudaError_t cudaGetSymbolAddress(void **devPtr, const void *symbol);
extern __host__ cudaError_t cudaGetSymbolSize(size_t *size, const void *symbol);
extern __host__ cudaError_t cudaHostAlloc(void **pHost, size_t size, unsigned int flags);
extern __host__ cudaError_t cudaHostGetDevicePointer(void **pDevice, void *pHost,
                                                     unsigned int flags);
extern __host__ cudaError_t cudaHostGetFlags(unsigned int *pFlags, void *pHost);
extern __host__ cudaError_t cudaHostRegister(void *ptr, size_t size, unsigned int flags);
extern __host__ cudaError_t cudaHostUnregister(void *ptr);
extern __host__ __device__ cudaError_t cudaMalloc(void **devPtr, size_t size);
extern __host__ cudaError_t cudaMalloc3D(struct cudaPitchedPtr *pitchedDevPtr,
                                         struct cudaExtent extent);
extern __host__ cudaError_t cudaMallocAsync(void **devPtr, size_t size, cudaStream_t hStream);
extern __host__ cudaError_t cudaMallocHost(void **ptr, size_t size);
extern __host__ cudaError_t cudaMallocManaged(void **devPtr, size_t size,
                                              unsigned int flags = cudaMemAttachGlobal);
extern __host__ cudaError_t cudaMallocPitch(void **devPtr, size_t *pitch, size_t width,
                                            size_t height);
extern __host__ cudaError_t cudaMemAdvise(const void *devPtr, size_t count,
                                          enum cudaMemoryAdvise advice, int device);
extern __host__ cudaError_t cudaMemGetInfo(size_t *free, size_t *total);
extern __host__ cudaError_t cudaMemPrefetchAsync(const void *devPtr, size_t count, int dstDevice,
                                                 cudaStream_t stream = 0);
extern __host__ cudaError_t cudaMemcpy(void *dst, const void *src, size_t count,
                                       enum cudaMemcpyKind kind);
extern __host__ cudaError_t cudaMemcpy2D(void *dst, size_t dpitch, const void *src, size_t spitch,
                                         size_t width, size_t height, enum cudaMemcpyKind kind);
extern __host__ __device__ cudaError_t cudaMemcpy2DAsync(void *dst, size_t dpitch, const void *src,
                                                         size_t spitch, size_t width, size_t height,
                                                         enum cudaMemcpyKind kind,
                                                         cudaStream_t stream = 0);
extern __host__ cudaError_t cudaMemcpy3D(const struct cudaMemcpy3DParms *p);
extern __host__ __device__ cudaError_t cudaMemcpy3DAsync(const struct cudaMemcpy3DParms *p,
                                                         cudaStream_t stream = 0);
extern __host__ __device__ cudaError_t cudaMemcpyAsync(void *dst, const void *src, size_t count,
                                                       enum cudaMemcpyKind kind,
                                                       cudaStream_t stream = 0);
extern __host__ cudaError_t cudaMemcpyFromSymbol(void *dst, const void *symbol, size_t count,
                                                 size_t offset = 0,
                                                 enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost);
extern __host__ cudaError_t cudaMemcpyFromSymbolAsync(void *dst, const void *symbol, size_t count,
                                                      size_t offset, enum cudaMemcpyKind kind,
                                                      cudaStream_t stream = 0);
extern __host__ cudaError_t cudaMemcpyPeer(void *dst, int dstDevice, const void *src, int srcDevice,
                                           size_t count);
extern __host__ cudaError_t cudaMemcpyPeerAsync(void *dst, int dstDevice, const void *src,
                                                int srcDevice, size_t count,
                                                cudaStream_t stream = 0);
extern __host__ cudaError_t cudaMemcpyToSymbol(const void *symbol, const void *src, size_t count,
                                               size_t offset = 0,
                                               enum cudaMemcpyKind kind = cudaMemcpyHostToDevice);
extern __host__ cudaError_t cudaMemcpyToSymbolAsync(const void *symbol, const void *src,
                                                    size_t count, size_t offset,
                                                    enum cudaMemcpyKind kind,
                                                    cudaStream_t stream = 0);
extern __host__ cudaError_t cudaMemset(void *devPtr, int value, size_t count);
extern __host__ cudaError_t cudaMemset2D(void *devPtr, size_t pitch, int value, size_t width,
                                         size_t height);
extern __host__ cudaError_t cudaMemset2DAsync(void *devPtr, size_t pitch, int value, size_t width,
                                              size_t height, cudaStream_t stream = 0);
extern __host__ cudaError_t cudaMemset3D(struct cudaPitchedPtr pitchedDevPtr, int value,
                                         struct cudaExtent extent);
extern __host__ cudaError_t cudaMemset3DAsync(struct cudaPitchedPtr pitchedDevPtr, int value,
                                              struct cudaExtent extent, cudaStream_t stream = 0);
extern __host__ __device__ cudaError_t cudaMemsetAsync(void *devPtr, int value, size_t count,
                                                       cudaStream_t stream = 0);
extern __host__ cudaError_t cudaPointerGetAttributes(struct cudaPointerAttributes *attributes,
                                                     const void *ptr);
extern __host__ cudaError_t cudaDeviceCanAccessPeer(int *canAccessPeer, int device, int peerDevice);
extern __host__ cudaError_t cudaDeviceEnablePeerAccess(int peerDevice, unsigned int flags);
extern __host__ cudaError_t cudaDeviceDisablePeerAccess(int peerDevice);
extern __host__ cudaError_t cudaCreateTextureObject(
    cudaTextureObject_t *pTexObject, const struct cudaResourceDesc *pResDesc,
    const struct cudaTextureDesc *pTexDesc, const struct cudaResourceViewDesc *pResViewDesc);
extern __host__ cudaError_t cudaDestroyTextureObject(cudaTextureObject_t texObject);
extern __host__ struct cudaChannelFormatDesc cudaCreateChannelDesc(int x, int y, int z, int w,
                                                                   enum cudaChannelFormatKind f);
extern __host__ cudaError_t cudaMallocArray(cudaArray_t *array,
                                            const struct cudaChannelFormatDesc *desc, size_t width,
                                            size_t height = 0, unsigned int flags = 0);
extern __host__ cudaError_t cudaFreeArray(cudaArray_t array);
extern __host__ cudaError_t cudaGraphCreate(cudaGraph_t *pGraph, unsigned int flags);
extern __host__ cudaError_t cudaGraphInstantiate(cudaGraphExec_t *pGraphExec, cudaGraph_t graph,
                                                 unsigned long long flags = 0);
extern __host__ cudaError_t cudaGraphInstantiate(cudaGraphExec_t *pGraphExec, cudaGraph_t graph,
                                                 cudaGraphNode_t *pErrorNode, char *pLogBuffer,
                                                 size_t bufferSize);
extern __host__ cudaError_t cudaGraphLaunch(cudaGraphExec_t graphExec, cudaStream_t stream);
extern __host__ cudaError_t cudaGraphExecDestroy(cudaGraphExec_t graphExec);
extern __host__ cudaError_t cudaGraphDestroy(cudaGraph_t graph);
extern __host__ cudaError_t cudaStreamBeginCapture(cudaStream_t stream,
                                                   enum cudaStreamCaptureMode mode);
extern __host__ cudaError_t cudaStreamEndCapture(cudaStream_t stream, cudaGraph_t *pGraph);
extern __host__ cudaError_t cudaIpcGetMemHandle(cudaIpcMemHandle_t *handle, void *devPtr);
extern __host__ cudaError_t cudaIpcOpenMemHandle(void **devPtr, cudaIpcMemHandle_t handle,
                                                 unsigned int flags);
extern __host__ cudaError_t cudaIpcCloseMemHandle(void *devPtr);
// Version, profiler
extern __host__ cudaError_t cudaDriverGetVersion(int *driverVersion);
extern __host__ __device__ cudaError_t cudaRuntimeGetVersion(int *runtimeVersion);
extern __host__ cudaError_t cudaProfilerStart(void);
extern __host__ cudaError_t cudaProfilerStop(void);

// Generic declarations: any argument list is accepted.
#define CU2NPU_GENERIC_API(name)                                                                   \
  template <class... cu2npu_A> extern __host__ cudaError_t name(cu2npu_A &&...)
CU2NPU_GENERIC_API(cudaArrayGetInfo);
CU2NPU_GENERIC_API(cudaArrayGetMemoryRequirements);
CU2NPU_GENERIC_API(cudaArrayGetPlane);
CU2NPU_GENERIC_API(cudaArrayGetSparseProperties);
CU2NPU_GENERIC_API(cudaBindSurfaceToArray);
CU2NPU_GENERIC_API(cudaBindTexture);
CU2NPU_GENERIC_API(cudaBindTexture2D);
CU2NPU_GENERIC_API(cudaBindTextureToArray);
CU2NPU_GENERIC_API(cudaBindTextureToMipmappedArray);
CU2NPU_GENERIC_API(cudaConfigureCall);
CU2NPU_GENERIC_API(cudaCreateSurfaceObject);
CU2NPU_GENERIC_API(cudaCtxResetPersistingL2Cache);
CU2NPU_GENERIC_API(cudaDestroyExternalMemory);
CU2NPU_GENERIC_API(cudaDestroyExternalSemaphore);
CU2NPU_GENERIC_API(cudaDestroySurfaceObject);
CU2NPU_GENERIC_API(cudaDeviceFlushGPUDirectRDMAWrites);
CU2NPU_GENERIC_API(cudaDeviceGetDefaultMemPool);
CU2NPU_GENERIC_API(cudaDeviceGetGraphMemAttribute);
CU2NPU_GENERIC_API(cudaDeviceGetHostAtomicCapabilities);
CU2NPU_GENERIC_API(cudaDeviceGetMemPool);
CU2NPU_GENERIC_API(cudaDeviceGetNvSciSyncAttributes);
CU2NPU_GENERIC_API(cudaDeviceGetP2PAtomicCapabilities);
CU2NPU_GENERIC_API(cudaDeviceGetP2PAttribute);
CU2NPU_GENERIC_API(cudaDeviceGetTexture1DLinearMaxWidth);
CU2NPU_GENERIC_API(cudaDeviceGraphMemTrim);
CU2NPU_GENERIC_API(cudaDeviceRegisterAsyncNotification);
CU2NPU_GENERIC_API(cudaDeviceSetGraphMemAttribute);
CU2NPU_GENERIC_API(cudaDeviceSetMemPool);
CU2NPU_GENERIC_API(cudaDeviceUnregisterAsyncNotification);
CU2NPU_GENERIC_API(cudaExternalMemoryGetMappedBuffer);
CU2NPU_GENERIC_API(cudaExternalMemoryGetMappedMipmappedArray);
CU2NPU_GENERIC_API(cudaFreeMipmappedArray);
CU2NPU_GENERIC_API(cudaFuncGetParamInfo);
CU2NPU_GENERIC_API(cudaGLSetGLDevice);
CU2NPU_GENERIC_API(cudaGetChannelDesc);
CU2NPU_GENERIC_API(cudaGetDriverEntryPoint);
CU2NPU_GENERIC_API(cudaGetDriverEntryPointByVersion);
CU2NPU_GENERIC_API(cudaGetExportTable);
CU2NPU_GENERIC_API(cudaGetFuncBySymbol);
CU2NPU_GENERIC_API(cudaGetKernel);
CU2NPU_GENERIC_API(cudaGetMipmappedArrayLevel);
CU2NPU_GENERIC_API(cudaGetParameterBuffer);
CU2NPU_GENERIC_API(cudaGetSurfaceObjectResourceDesc);
CU2NPU_GENERIC_API(cudaGetSurfaceReference);
CU2NPU_GENERIC_API(cudaGetTextureAlignmentOffset);
CU2NPU_GENERIC_API(cudaGetTextureObjectResourceDesc);
CU2NPU_GENERIC_API(cudaGetTextureObjectResourceViewDesc);
CU2NPU_GENERIC_API(cudaGetTextureObjectTextureDesc);
CU2NPU_GENERIC_API(cudaGetTextureReference);
CU2NPU_GENERIC_API(cudaGraphAddChildGraphNode);
CU2NPU_GENERIC_API(cudaGraphAddDependencies);
CU2NPU_GENERIC_API(cudaGraphAddDependencies_v2);
CU2NPU_GENERIC_API(cudaGraphAddEmptyNode);
CU2NPU_GENERIC_API(cudaGraphAddEventRecordNode);
CU2NPU_GENERIC_API(cudaGraphAddEventWaitNode);
CU2NPU_GENERIC_API(cudaGraphAddExternalSemaphoresSignalNode);
CU2NPU_GENERIC_API(cudaGraphAddExternalSemaphoresWaitNode);
CU2NPU_GENERIC_API(cudaGraphAddHostNode);
CU2NPU_GENERIC_API(cudaGraphAddKernelNode);
CU2NPU_GENERIC_API(cudaGraphAddMemAllocNode);
CU2NPU_GENERIC_API(cudaGraphAddMemFreeNode);
CU2NPU_GENERIC_API(cudaGraphAddMemcpyNode);
CU2NPU_GENERIC_API(cudaGraphAddMemcpyNode1D);
CU2NPU_GENERIC_API(cudaGraphAddMemcpyNodeFromSymbol);
CU2NPU_GENERIC_API(cudaGraphAddMemcpyNodeToSymbol);
CU2NPU_GENERIC_API(cudaGraphAddMemsetNode);
CU2NPU_GENERIC_API(cudaGraphAddNode);
CU2NPU_GENERIC_API(cudaGraphAddNode_v2);
CU2NPU_GENERIC_API(cudaGraphChildGraphNodeGetGraph);
CU2NPU_GENERIC_API(cudaGraphClone);
CU2NPU_GENERIC_API(cudaGraphConditionalHandleCreate);
CU2NPU_GENERIC_API(cudaGraphDebugDotPrint);
CU2NPU_GENERIC_API(cudaGraphDestroyNode);
CU2NPU_GENERIC_API(cudaGraphEventRecordNodeGetEvent);
CU2NPU_GENERIC_API(cudaGraphEventRecordNodeSetEvent);
CU2NPU_GENERIC_API(cudaGraphEventWaitNodeGetEvent);
CU2NPU_GENERIC_API(cudaGraphEventWaitNodeSetEvent);
CU2NPU_GENERIC_API(cudaGraphExecChildGraphNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphExecEventRecordNodeSetEvent);
CU2NPU_GENERIC_API(cudaGraphExecEventWaitNodeSetEvent);
CU2NPU_GENERIC_API(cudaGraphExecExternalSemaphoresSignalNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphExecExternalSemaphoresWaitNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphExecGetFlags);
CU2NPU_GENERIC_API(cudaGraphExecHostNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphExecKernelNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphExecMemcpyNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphExecMemcpyNodeSetParams1D);
CU2NPU_GENERIC_API(cudaGraphExecMemcpyNodeSetParamsFromSymbol);
CU2NPU_GENERIC_API(cudaGraphExecMemcpyNodeSetParamsToSymbol);
CU2NPU_GENERIC_API(cudaGraphExecMemsetNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphExecNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphExecUpdate);
CU2NPU_GENERIC_API(cudaGraphExternalSemaphoresSignalNodeGetParams);
CU2NPU_GENERIC_API(cudaGraphExternalSemaphoresSignalNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphExternalSemaphoresWaitNodeGetParams);
CU2NPU_GENERIC_API(cudaGraphExternalSemaphoresWaitNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphGetEdges);
CU2NPU_GENERIC_API(cudaGraphGetEdges_v2);
CU2NPU_GENERIC_API(cudaGraphGetNodes);
CU2NPU_GENERIC_API(cudaGraphGetRootNodes);
CU2NPU_GENERIC_API(cudaGraphHostNodeGetParams);
CU2NPU_GENERIC_API(cudaGraphHostNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphInstantiateWithFlags);
CU2NPU_GENERIC_API(cudaGraphInstantiateWithParams);
CU2NPU_GENERIC_API(cudaGraphKernelNodeCopyAttributes);
CU2NPU_GENERIC_API(cudaGraphKernelNodeGetAttribute);
CU2NPU_GENERIC_API(cudaGraphKernelNodeGetParams);
CU2NPU_GENERIC_API(cudaGraphKernelNodeSetAttribute);
CU2NPU_GENERIC_API(cudaGraphKernelNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphMemAllocNodeGetParams);
CU2NPU_GENERIC_API(cudaGraphMemFreeNodeGetParams);
CU2NPU_GENERIC_API(cudaGraphMemcpyNodeGetParams);
CU2NPU_GENERIC_API(cudaGraphMemcpyNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphMemcpyNodeSetParams1D);
CU2NPU_GENERIC_API(cudaGraphMemcpyNodeSetParamsFromSymbol);
CU2NPU_GENERIC_API(cudaGraphMemcpyNodeSetParamsToSymbol);
CU2NPU_GENERIC_API(cudaGraphMemsetNodeGetParams);
CU2NPU_GENERIC_API(cudaGraphMemsetNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphNodeFindInClone);
CU2NPU_GENERIC_API(cudaGraphNodeGetDependencies);
CU2NPU_GENERIC_API(cudaGraphNodeGetDependencies_v2);
CU2NPU_GENERIC_API(cudaGraphNodeGetDependentNodes);
CU2NPU_GENERIC_API(cudaGraphNodeGetDependentNodes_v2);
CU2NPU_GENERIC_API(cudaGraphNodeGetEnabled);
CU2NPU_GENERIC_API(cudaGraphNodeGetType);
CU2NPU_GENERIC_API(cudaGraphNodeSetEnabled);
CU2NPU_GENERIC_API(cudaGraphNodeSetParams);
CU2NPU_GENERIC_API(cudaGraphReleaseUserObject);
CU2NPU_GENERIC_API(cudaGraphRemoveDependencies);
CU2NPU_GENERIC_API(cudaGraphRemoveDependencies_v2);
CU2NPU_GENERIC_API(cudaGraphRetainUserObject);
CU2NPU_GENERIC_API(cudaGraphUpload);
CU2NPU_GENERIC_API(cudaGraphicsGLRegisterBuffer);
CU2NPU_GENERIC_API(cudaGraphicsGLRegisterImage);
CU2NPU_GENERIC_API(cudaGraphicsMapResources);
CU2NPU_GENERIC_API(cudaGraphicsResourceGetMappedMipmappedArray);
CU2NPU_GENERIC_API(cudaGraphicsResourceGetMappedPointer);
CU2NPU_GENERIC_API(cudaGraphicsResourceSetMapFlags);
CU2NPU_GENERIC_API(cudaGraphicsSubResourceGetMappedArray);
CU2NPU_GENERIC_API(cudaGraphicsUnmapResources);
CU2NPU_GENERIC_API(cudaGraphicsUnregisterResource);
CU2NPU_GENERIC_API(cudaImportExternalMemory);
CU2NPU_GENERIC_API(cudaImportExternalSemaphore);
CU2NPU_GENERIC_API(cudaIpcGetEventHandle);
CU2NPU_GENERIC_API(cudaIpcOpenEventHandle);
CU2NPU_GENERIC_API(cudaKernelSetAttributeForDevice);
CU2NPU_GENERIC_API(cudaLaunch);
CU2NPU_GENERIC_API(cudaLaunchDevice);
CU2NPU_GENERIC_API(cudaLaunchKernelExC);
CU2NPU_GENERIC_API(cudaLibraryEnumerateKernels);
CU2NPU_GENERIC_API(cudaLibraryGetGlobal);
CU2NPU_GENERIC_API(cudaLibraryGetKernel);
CU2NPU_GENERIC_API(cudaLibraryGetKernelCount);
CU2NPU_GENERIC_API(cudaLibraryGetManaged);
CU2NPU_GENERIC_API(cudaLibraryGetUnifiedFunction);
CU2NPU_GENERIC_API(cudaLibraryLoadData);
CU2NPU_GENERIC_API(cudaLibraryLoadFromFile);
CU2NPU_GENERIC_API(cudaLibraryUnload);
CU2NPU_GENERIC_API(cudaLogsCurrent);
CU2NPU_GENERIC_API(cudaLogsDumpToFile);
CU2NPU_GENERIC_API(cudaLogsDumpToMemory);
CU2NPU_GENERIC_API(cudaLogsRegisterCallback);
CU2NPU_GENERIC_API(cudaLogsUnregisterCallback);
CU2NPU_GENERIC_API(cudaMalloc3DArray);
CU2NPU_GENERIC_API(cudaMallocFromPoolAsync);
CU2NPU_GENERIC_API(cudaMallocMipmappedArray);
CU2NPU_GENERIC_API(cudaMemAdvise_v2);
CU2NPU_GENERIC_API(cudaMemDiscardAndPrefetchBatchAsync);
CU2NPU_GENERIC_API(cudaMemDiscardBatchAsync);
CU2NPU_GENERIC_API(cudaMemGetDefaultMemPool);
CU2NPU_GENERIC_API(cudaMemGetMemPool);
CU2NPU_GENERIC_API(cudaMemPoolCreate);
CU2NPU_GENERIC_API(cudaMemPoolDestroy);
CU2NPU_GENERIC_API(cudaMemPoolExportPointer);
CU2NPU_GENERIC_API(cudaMemPoolExportToShareableHandle);
CU2NPU_GENERIC_API(cudaMemPoolGetAccess);
CU2NPU_GENERIC_API(cudaMemPoolGetAttribute);
CU2NPU_GENERIC_API(cudaMemPoolImportFromShareableHandle);
CU2NPU_GENERIC_API(cudaMemPoolImportPointer);
CU2NPU_GENERIC_API(cudaMemPoolSetAccess);
CU2NPU_GENERIC_API(cudaMemPoolSetAttribute);
CU2NPU_GENERIC_API(cudaMemPoolTrimTo);
CU2NPU_GENERIC_API(cudaMemPrefetchAsync_v2);
CU2NPU_GENERIC_API(cudaMemPrefetchBatchAsync);
CU2NPU_GENERIC_API(cudaMemRangeGetAttribute);
CU2NPU_GENERIC_API(cudaMemRangeGetAttributes);
CU2NPU_GENERIC_API(cudaMemSetMemPool);
CU2NPU_GENERIC_API(cudaMemcpy2DArrayToArray);
CU2NPU_GENERIC_API(cudaMemcpy2DFromArray);
CU2NPU_GENERIC_API(cudaMemcpy2DFromArrayAsync);
CU2NPU_GENERIC_API(cudaMemcpy2DToArray);
CU2NPU_GENERIC_API(cudaMemcpy2DToArrayAsync);
CU2NPU_GENERIC_API(cudaMemcpy3DBatchAsync);
CU2NPU_GENERIC_API(cudaMemcpy3DPeer);
CU2NPU_GENERIC_API(cudaMemcpy3DPeerAsync);
CU2NPU_GENERIC_API(cudaMemcpyArrayToArray);
CU2NPU_GENERIC_API(cudaMemcpyBatchAsync);
CU2NPU_GENERIC_API(cudaMemcpyFromArray);
CU2NPU_GENERIC_API(cudaMemcpyFromArrayAsync);
CU2NPU_GENERIC_API(cudaMemcpyToArray);
CU2NPU_GENERIC_API(cudaMemcpyToArrayAsync);
CU2NPU_GENERIC_API(cudaMipmappedArrayGetMemoryRequirements);
CU2NPU_GENERIC_API(cudaMipmappedArrayGetSparseProperties);
CU2NPU_GENERIC_API(cudaOccupancyMaxActiveClusters);
CU2NPU_GENERIC_API(cudaOccupancyMaxPotentialClusterSize);
CU2NPU_GENERIC_API(cudaSetupArgument);
CU2NPU_GENERIC_API(cudaSignalExternalSemaphoresAsync);
CU2NPU_GENERIC_API(cudaStreamBeginCaptureToGraph);
CU2NPU_GENERIC_API(cudaStreamCopyAttributes);
CU2NPU_GENERIC_API(cudaStreamGetAttribute);
CU2NPU_GENERIC_API(cudaStreamGetCaptureInfo);
CU2NPU_GENERIC_API(cudaStreamGetCaptureInfo_v2);
CU2NPU_GENERIC_API(cudaStreamGetCaptureInfo_v3);
CU2NPU_GENERIC_API(cudaStreamIsCapturing);
CU2NPU_GENERIC_API(cudaStreamSetAttribute);
CU2NPU_GENERIC_API(cudaStreamUpdateCaptureDependencies);
CU2NPU_GENERIC_API(cudaStreamUpdateCaptureDependencies_v2);
CU2NPU_GENERIC_API(cudaThreadExchangeStreamCaptureMode);
CU2NPU_GENERIC_API(cudaUnbindTexture);
CU2NPU_GENERIC_API(cudaUserObjectCreate);
CU2NPU_GENERIC_API(cudaUserObjectRelease);
CU2NPU_GENERIC_API(cudaUserObjectRetain);
CU2NPU_GENERIC_API(cudaWaitExternalSemaphoresAsync);
