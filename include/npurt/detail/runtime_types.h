// Types, enums and flag values of the host API, with CUDA's layouts and numbers so that
// translated code (cudaX -> npuX) keeps its meaning. Private: include <npurt/runtime.h>.
// The enums have `int` as their fixed underlying type (CUDA's are int-sized too), so an
// out-of-range value passed by a program is a well-defined value the API can reject.
#pragma once

#ifndef NPURT_RUNTIME_H
#error "include <npurt/runtime.h> instead of this header"
#endif

#include <cstddef>

typedef struct npuStream_st *npuStream_t;
typedef struct npuEvent_st *npuEvent_t;

// The version of the CUDA runtime API that npurt mirrors, in CUDA's encoding
// (1000 * major + 10 * minor): 12080 is CUDA 12.8.
#define NPURT_CUDA_API_VERSION 12080

// ---- Streams (CUDA: cudaStreamDefault ... cudaStreamPerThread) ----
#define npuStreamDefault 0x00u
#define npuStreamNonBlocking 0x01u
// Special handles: the legacy default stream and the calling thread's per-thread default stream.
#define npuStreamLegacy ((npuStream_t)0x1)
#define npuStreamPerThread ((npuStream_t)0x2)

// ---- Events ----
#define npuEventDefault 0x00u
#define npuEventBlockingSync 0x01u
#define npuEventDisableTiming 0x02u
#define npuEventInterprocess 0x04u
#define npuEventRecordDefault 0x00u
#define npuEventRecordExternal 0x01u
#define npuEventWaitDefault 0x00u
#define npuEventWaitExternal 0x01u

// ---- Host memory ----
#define npuHostAllocDefault 0x00u
#define npuHostAllocPortable 0x01u
#define npuHostAllocMapped 0x02u
#define npuHostAllocWriteCombined 0x04u
#define npuHostRegisterDefault 0x00u
#define npuHostRegisterPortable 0x01u
#define npuHostRegisterMapped 0x02u
#define npuHostRegisterIoMemory 0x04u
#define npuHostRegisterReadOnly 0x08u

// ---- Managed memory ----
#define npuMemAttachGlobal 0x01u
#define npuMemAttachHost 0x02u
#define npuMemAttachSingle 0x04u

// ---- Device flags ----
#define npuDeviceScheduleAuto 0x00u
#define npuDeviceScheduleSpin 0x01u
#define npuDeviceScheduleYield 0x02u
#define npuDeviceScheduleBlockingSync 0x04u
#define npuDeviceBlockingSync 0x04u
#define npuDeviceScheduleMask 0x07u
#define npuDeviceMapHost 0x08u
#define npuDeviceLmemResizeToMax 0x10u
#define npuDeviceSyncMemops 0x80u
#define npuDeviceMask 0xffu

#define npuPeerAccessDefault 0x00u
#define npuOccupancyDefault 0x00u
#define npuOccupancyDisableCachingOverride 0x01u
#define npuCpuDeviceId ((int)-1)
#define npuInvalidDeviceId ((int)-2)

enum npuMemcpyKind : int {
  npuMemcpyHostToHost = 0,
  npuMemcpyHostToDevice = 1,
  npuMemcpyDeviceToHost = 2,
  npuMemcpyDeviceToDevice = 3,
  npuMemcpyDefault = 4, // direction inferred from the pointers (unified addressing)
};

enum npuMemoryType : int {
  npuMemoryTypeUnregistered = 0,
  npuMemoryTypeHost = 1,
  npuMemoryTypeDevice = 2,
  npuMemoryTypeManaged = 3,
};

struct npuPointerAttributes {
  enum npuMemoryType type;
  int device;
  void *devicePointer;
  void *hostPointer;
};

enum npuLimit : int {
  npuLimitStackSize = 0x00,
  npuLimitPrintfFifoSize = 0x01,
  npuLimitMallocHeapSize = 0x02,
  npuLimitDevRuntimeSyncDepth = 0x03,
  npuLimitDevRuntimePendingLaunchCount = 0x04,
  npuLimitMaxL2FetchGranularity = 0x05,
  npuLimitPersistingL2CacheSize = 0x06,
};

enum npuFuncCache : int {
  npuFuncCachePreferNone = 0,
  npuFuncCachePreferShared = 1,
  npuFuncCachePreferL1 = 2,
  npuFuncCachePreferEqual = 3,
};

// npuDeviceProp::computeMode values (CUDA's numbering).
enum npuComputeMode : int {
  npuComputeModeDefault = 0,
  npuComputeModeExclusive = 1,
  npuComputeModeProhibited = 2,
  npuComputeModeExclusiveProcess = 3,
};

enum npuSharedMemConfig : int {
  npuSharedMemBankSizeDefault = 0,
  npuSharedMemBankSizeFourByte = 1,
  npuSharedMemBankSizeEightByte = 2,
};

enum npuMemoryAdvise : int {
  npuMemAdviseSetReadMostly = 1,
  npuMemAdviseUnsetReadMostly = 2,
  npuMemAdviseSetPreferredLocation = 3,
  npuMemAdviseUnsetPreferredLocation = 4,
  npuMemAdviseSetAccessedBy = 5,
  npuMemAdviseUnsetAccessedBy = 6,
};

enum npuFuncAttribute : int {
  npuFuncAttributeMaxDynamicSharedMemorySize = 8,
  npuFuncAttributePreferredSharedMemoryCarveout = 9,
  npuFuncAttributeClusterDimMustBeSet = 10,
  npuFuncAttributeRequiredClusterWidth = 11,
  npuFuncAttributeRequiredClusterHeight = 12,
  npuFuncAttributeRequiredClusterDepth = 13,
  npuFuncAttributeNonPortableClusterSizeAllowed = 14,
  npuFuncAttributeClusterSchedulingPolicyPreference = 15,
  npuFuncAttributeMax
};

// cudaFuncAttributes' layout.
struct npuFuncAttributes {
  size_t sharedSizeBytes;
  size_t constSizeBytes;
  size_t localSizeBytes;
  int maxThreadsPerBlock;
  int numRegs;
  int ptxVersion;
  int binaryVersion;
  int cacheModeCA;
  int maxDynamicSharedSizeBytes;
  int preferredShmemCarveout;
  int clusterDimMustBeSet;
  int requiredClusterWidth;
  int requiredClusterHeight;
  int requiredClusterDepth;
  int clusterSchedulingPolicyPreference;
  int nonPortableClusterSizeAllowed;
  int reserved[16];
};

// CUDA's numbering (cudaDeviceAttr); every attribute up to 121 exists so values line up.
enum npuDeviceAttr : int {
  npuDevAttrMaxThreadsPerBlock = 1,
  npuDevAttrMaxBlockDimX = 2,
  npuDevAttrMaxBlockDimY = 3,
  npuDevAttrMaxBlockDimZ = 4,
  npuDevAttrMaxGridDimX = 5,
  npuDevAttrMaxGridDimY = 6,
  npuDevAttrMaxGridDimZ = 7,
  npuDevAttrMaxSharedMemoryPerBlock = 8,
  npuDevAttrTotalConstantMemory = 9,
  npuDevAttrWarpSize = 10,
  npuDevAttrMaxPitch = 11,
  npuDevAttrMaxRegistersPerBlock = 12,
  npuDevAttrClockRate = 13,
  npuDevAttrTextureAlignment = 14,
  npuDevAttrGpuOverlap = 15,
  npuDevAttrMultiProcessorCount = 16,
  npuDevAttrKernelExecTimeout = 17,
  npuDevAttrIntegrated = 18,
  npuDevAttrCanMapHostMemory = 19,
  npuDevAttrComputeMode = 20,
  npuDevAttrMaxTexture1DWidth = 21,
  npuDevAttrMaxTexture2DWidth = 22,
  npuDevAttrMaxTexture2DHeight = 23,
  npuDevAttrMaxTexture3DWidth = 24,
  npuDevAttrMaxTexture3DHeight = 25,
  npuDevAttrMaxTexture3DDepth = 26,
  npuDevAttrMaxTexture2DLayeredWidth = 27,
  npuDevAttrMaxTexture2DLayeredHeight = 28,
  npuDevAttrMaxTexture2DLayeredLayers = 29,
  npuDevAttrSurfaceAlignment = 30,
  npuDevAttrConcurrentKernels = 31,
  npuDevAttrEccEnabled = 32,
  npuDevAttrPciBusId = 33,
  npuDevAttrPciDeviceId = 34,
  npuDevAttrTccDriver = 35,
  npuDevAttrMemoryClockRate = 36,
  npuDevAttrGlobalMemoryBusWidth = 37,
  npuDevAttrL2CacheSize = 38,
  npuDevAttrMaxThreadsPerMultiProcessor = 39,
  npuDevAttrAsyncEngineCount = 40,
  npuDevAttrUnifiedAddressing = 41,
  npuDevAttrMaxTexture1DLayeredWidth = 42,
  npuDevAttrMaxTexture1DLayeredLayers = 43,
  npuDevAttrMaxTexture2DGatherWidth = 45,
  npuDevAttrMaxTexture2DGatherHeight = 46,
  npuDevAttrMaxTexture3DWidthAlt = 47,
  npuDevAttrMaxTexture3DHeightAlt = 48,
  npuDevAttrMaxTexture3DDepthAlt = 49,
  npuDevAttrPciDomainId = 50,
  npuDevAttrTexturePitchAlignment = 51,
  npuDevAttrMaxTextureCubemapWidth = 52,
  npuDevAttrMaxTextureCubemapLayeredWidth = 53,
  npuDevAttrMaxTextureCubemapLayeredLayers = 54,
  npuDevAttrMaxSurface1DWidth = 55,
  npuDevAttrMaxSurface2DWidth = 56,
  npuDevAttrMaxSurface2DHeight = 57,
  npuDevAttrMaxSurface3DWidth = 58,
  npuDevAttrMaxSurface3DHeight = 59,
  npuDevAttrMaxSurface3DDepth = 60,
  npuDevAttrMaxSurface1DLayeredWidth = 61,
  npuDevAttrMaxSurface1DLayeredLayers = 62,
  npuDevAttrMaxSurface2DLayeredWidth = 63,
  npuDevAttrMaxSurface2DLayeredHeight = 64,
  npuDevAttrMaxSurface2DLayeredLayers = 65,
  npuDevAttrMaxSurfaceCubemapWidth = 66,
  npuDevAttrMaxSurfaceCubemapLayeredWidth = 67,
  npuDevAttrMaxSurfaceCubemapLayeredLayers = 68,
  npuDevAttrMaxTexture1DLinearWidth = 69,
  npuDevAttrMaxTexture2DLinearWidth = 70,
  npuDevAttrMaxTexture2DLinearHeight = 71,
  npuDevAttrMaxTexture2DLinearPitch = 72,
  npuDevAttrMaxTexture2DMipmappedWidth = 73,
  npuDevAttrMaxTexture2DMipmappedHeight = 74,
  npuDevAttrComputeCapabilityMajor = 75,
  npuDevAttrComputeCapabilityMinor = 76,
  npuDevAttrMaxTexture1DMipmappedWidth = 77,
  npuDevAttrStreamPrioritiesSupported = 78,
  npuDevAttrGlobalL1CacheSupported = 79,
  npuDevAttrLocalL1CacheSupported = 80,
  npuDevAttrMaxSharedMemoryPerMultiprocessor = 81,
  npuDevAttrMaxRegistersPerMultiprocessor = 82,
  npuDevAttrManagedMemory = 83,
  npuDevAttrIsMultiGpuBoard = 84,
  npuDevAttrMultiGpuBoardGroupID = 85,
  npuDevAttrHostNativeAtomicSupported = 86,
  npuDevAttrSingleToDoublePrecisionPerfRatio = 87,
  npuDevAttrPageableMemoryAccess = 88,
  npuDevAttrConcurrentManagedAccess = 89,
  npuDevAttrComputePreemptionSupported = 90,
  npuDevAttrCanUseHostPointerForRegisteredMem = 91,
  npuDevAttrCooperativeLaunch = 95,
  npuDevAttrCooperativeMultiDeviceLaunch = 96,
  npuDevAttrMaxSharedMemoryPerBlockOptin = 97,
  npuDevAttrCanFlushRemoteWrites = 98,
  npuDevAttrHostRegisterSupported = 99,
  npuDevAttrPageableMemoryAccessUsesHostPageTables = 100,
  npuDevAttrDirectManagedMemAccessFromHost = 101,
  npuDevAttrMaxBlocksPerMultiprocessor = 106,
  npuDevAttrMaxPersistingL2CacheSize = 108,
  npuDevAttrMaxAccessPolicyWindowSize = 109,
  npuDevAttrReservedSharedMemoryPerBlock = 111,
  npuDevAttrSparseCudaArraySupported = 112,
  npuDevAttrHostRegisterReadOnlySupported = 113,
  npuDevAttrTimelineSemaphoreInteropSupported = 114,
  npuDevAttrMemoryPoolsSupported = 115,
  npuDevAttrGPUDirectRDMASupported = 116,
  npuDevAttrGPUDirectRDMAFlushWritesOptions = 117,
  npuDevAttrGPUDirectRDMAWritesOrdering = 118,
  npuDevAttrMemoryPoolSupportedHandleTypes = 119,
  npuDevAttrClusterLaunch = 120,
  npuDevAttrDeferredMappingCudaArraySupported = 121,
};

struct npuUUID_t {
  char bytes[16];
};

// cudaDeviceProp's layout (CUDA 12.x), so code that reads any field compiles and code that
// memsets or copies the struct keeps working. Fields meaningless here are zero.
struct npuDeviceProp {
  char name[256];
  npuUUID_t uuid;
  char luid[8];
  unsigned int luidDeviceNodeMask;
  size_t totalGlobalMem;
  size_t sharedMemPerBlock;
  int regsPerBlock;
  int warpSize;
  size_t memPitch;
  int maxThreadsPerBlock;
  int maxThreadsDim[3];
  int maxGridSize[3];
  int clockRate; // kHz
  size_t totalConstMem;
  int major;
  int minor;
  size_t textureAlignment;
  size_t texturePitchAlignment;
  int deviceOverlap;
  int multiProcessorCount;
  int kernelExecTimeoutEnabled;
  int integrated;
  int canMapHostMemory;
  int computeMode;
  int maxTexture1D;
  int maxTexture1DMipmap;
  int maxTexture1DLinear;
  int maxTexture2D[2];
  int maxTexture2DMipmap[2];
  int maxTexture2DLinear[3];
  int maxTexture2DGather[2];
  int maxTexture3D[3];
  int maxTexture3DAlt[3];
  int maxTextureCubemap;
  int maxTexture1DLayered[2];
  int maxTexture2DLayered[3];
  int maxTextureCubemapLayered[2];
  int maxSurface1D;
  int maxSurface2D[2];
  int maxSurface3D[3];
  int maxSurface1DLayered[2];
  int maxSurface2DLayered[3];
  int maxSurfaceCubemap;
  int maxSurfaceCubemapLayered[2];
  size_t surfaceAlignment;
  int concurrentKernels;
  int ECCEnabled;
  int pciBusID;
  int pciDeviceID;
  int pciDomainID;
  int tccDriver;
  int asyncEngineCount;
  int unifiedAddressing;
  int memoryClockRate; // kHz
  int memoryBusWidth;  // bits
  int l2CacheSize;     // bytes
  int persistingL2CacheMaxSize;
  int maxThreadsPerMultiProcessor;
  int streamPrioritiesSupported;
  int globalL1CacheSupported;
  int localL1CacheSupported;
  size_t sharedMemPerMultiprocessor;
  int regsPerMultiprocessor;
  int managedMemory;
  int isMultiGpuBoard;
  int multiGpuBoardGroupID;
  int hostNativeAtomicSupported;
  int singleToDoublePrecisionPerfRatio;
  int pageableMemoryAccess;
  int concurrentManagedAccess;
  int computePreemptionSupported;
  int canUseHostPointerForRegisteredMem;
  int cooperativeLaunch;
  int cooperativeMultiDeviceLaunch;
  size_t sharedMemPerBlockOptin;
  int pageableMemoryAccessUsesHostPageTables;
  int directManagedMemAccessFromHost;
  int maxBlocksPerMultiProcessor;
  int accessPolicyMaxWindowSize;
  size_t reservedSharedMemPerBlock;
  int hostRegisterSupported;
  int sparseCudaArraySupported;
  int hostRegisterReadOnlySupported;
  int timelineSemaphoreInteropSupported;
  int memoryPoolsSupported;
  int gpuDirectRDMASupported;
  unsigned int gpuDirectRDMAFlushWritesOptions;
  int gpuDirectRDMAWritesOrdering;
  unsigned int memoryPoolSupportedHandleTypes;
  int deferredMappingCudaArraySupported;
  int ipcEventSupported;
  int clusterLaunch;
  int unifiedFunctionPointers;
  int reserved2[2];
  int reserved1[1];
  int reserved[60];
};

typedef void (*npuHostFn_t)(void *userData);
typedef void (*npuStreamCallback_t)(npuStream_t stream, npuError_t status, void *userData);
