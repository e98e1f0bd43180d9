#include "api/device_attributes.h"

#include <algorithm>
#include <climits>

namespace npu::api {
namespace {
int clampToInt(std::size_t value) { return int(std::min<std::size_t>(value, INT_MAX)); }
} // namespace

std::optional<int> deviceAttribute(const npuDeviceProp &p, npuDeviceAttr attr) {
  // clang-format off
  switch (attr) {
  case npuDevAttrMaxThreadsPerBlock: return p.maxThreadsPerBlock;
  case npuDevAttrMaxBlockDimX: return p.maxThreadsDim[0];
  case npuDevAttrMaxBlockDimY: return p.maxThreadsDim[1];
  case npuDevAttrMaxBlockDimZ: return p.maxThreadsDim[2];
  case npuDevAttrMaxGridDimX: return p.maxGridSize[0];
  case npuDevAttrMaxGridDimY: return p.maxGridSize[1];
  case npuDevAttrMaxGridDimZ: return p.maxGridSize[2];
  case npuDevAttrMaxSharedMemoryPerBlock: return clampToInt(p.sharedMemPerBlock);
  case npuDevAttrTotalConstantMemory: return clampToInt(p.totalConstMem);
  case npuDevAttrWarpSize: return p.warpSize;
  case npuDevAttrMaxPitch: return clampToInt(p.memPitch);
  case npuDevAttrMaxRegistersPerBlock: return p.regsPerBlock;
  case npuDevAttrClockRate: return p.clockRate;
  case npuDevAttrTextureAlignment: return clampToInt(p.textureAlignment);
  case npuDevAttrGpuOverlap: return p.deviceOverlap;
  case npuDevAttrMultiProcessorCount: return p.multiProcessorCount;
  case npuDevAttrKernelExecTimeout: return p.kernelExecTimeoutEnabled;
  case npuDevAttrIntegrated: return p.integrated;
  case npuDevAttrCanMapHostMemory: return p.canMapHostMemory;
  case npuDevAttrComputeMode: return p.computeMode;
  case npuDevAttrSurfaceAlignment: return clampToInt(p.surfaceAlignment);
  case npuDevAttrConcurrentKernels: return p.concurrentKernels;
  case npuDevAttrEccEnabled: return p.ECCEnabled;
  case npuDevAttrPciBusId: return p.pciBusID;
  case npuDevAttrPciDeviceId: return p.pciDeviceID;
  case npuDevAttrPciDomainId: return p.pciDomainID;
  case npuDevAttrTccDriver: return p.tccDriver;
  case npuDevAttrMemoryClockRate: return p.memoryClockRate;
  case npuDevAttrGlobalMemoryBusWidth: return p.memoryBusWidth;
  case npuDevAttrL2CacheSize: return p.l2CacheSize;
  case npuDevAttrMaxThreadsPerMultiProcessor: return p.maxThreadsPerMultiProcessor;
  case npuDevAttrAsyncEngineCount: return p.asyncEngineCount;
  case npuDevAttrUnifiedAddressing: return p.unifiedAddressing;
  case npuDevAttrTexturePitchAlignment: return clampToInt(p.texturePitchAlignment);
  case npuDevAttrComputeCapabilityMajor: return p.major;
  case npuDevAttrComputeCapabilityMinor: return p.minor;
  case npuDevAttrStreamPrioritiesSupported: return p.streamPrioritiesSupported;
  case npuDevAttrGlobalL1CacheSupported: return p.globalL1CacheSupported;
  case npuDevAttrLocalL1CacheSupported: return p.localL1CacheSupported;
  case npuDevAttrMaxSharedMemoryPerMultiprocessor: return clampToInt(p.sharedMemPerMultiprocessor);
  case npuDevAttrMaxRegistersPerMultiprocessor: return p.regsPerMultiprocessor;
  case npuDevAttrManagedMemory: return p.managedMemory;
  case npuDevAttrIsMultiGpuBoard: return p.isMultiGpuBoard;
  case npuDevAttrMultiGpuBoardGroupID: return p.multiGpuBoardGroupID;
  case npuDevAttrHostNativeAtomicSupported: return p.hostNativeAtomicSupported;
  case npuDevAttrSingleToDoublePrecisionPerfRatio: return p.singleToDoublePrecisionPerfRatio;
  case npuDevAttrPageableMemoryAccess: return p.pageableMemoryAccess;
  case npuDevAttrConcurrentManagedAccess: return p.concurrentManagedAccess;
  case npuDevAttrComputePreemptionSupported: return p.computePreemptionSupported;
  case npuDevAttrCanUseHostPointerForRegisteredMem: return p.canUseHostPointerForRegisteredMem;
  case npuDevAttrCooperativeLaunch: return p.cooperativeLaunch;
  case npuDevAttrCooperativeMultiDeviceLaunch: return p.cooperativeMultiDeviceLaunch;
  case npuDevAttrMaxSharedMemoryPerBlockOptin: return clampToInt(p.sharedMemPerBlockOptin);
  case npuDevAttrCanFlushRemoteWrites: return 0;
  case npuDevAttrHostRegisterSupported: return p.hostRegisterSupported;
  case npuDevAttrPageableMemoryAccessUsesHostPageTables: return p.pageableMemoryAccessUsesHostPageTables;
  case npuDevAttrDirectManagedMemAccessFromHost: return p.directManagedMemAccessFromHost;
  case npuDevAttrMaxBlocksPerMultiprocessor: return p.maxBlocksPerMultiProcessor;
  case npuDevAttrMaxPersistingL2CacheSize: return p.persistingL2CacheMaxSize;
  case npuDevAttrMaxAccessPolicyWindowSize: return p.accessPolicyMaxWindowSize;
  case npuDevAttrReservedSharedMemoryPerBlock: return clampToInt(p.reservedSharedMemPerBlock);
  case npuDevAttrSparseCudaArraySupported: return p.sparseCudaArraySupported;
  case npuDevAttrHostRegisterReadOnlySupported: return p.hostRegisterReadOnlySupported;
  case npuDevAttrTimelineSemaphoreInteropSupported: return p.timelineSemaphoreInteropSupported;
  case npuDevAttrMemoryPoolsSupported: return p.memoryPoolsSupported;
  case npuDevAttrGPUDirectRDMASupported: return p.gpuDirectRDMASupported;
  case npuDevAttrGPUDirectRDMAFlushWritesOptions: return int(p.gpuDirectRDMAFlushWritesOptions);
  case npuDevAttrGPUDirectRDMAWritesOrdering: return p.gpuDirectRDMAWritesOrdering;
  case npuDevAttrMemoryPoolSupportedHandleTypes: return int(p.memoryPoolSupportedHandleTypes);
  case npuDevAttrClusterLaunch: return p.clusterLaunch;
  case npuDevAttrDeferredMappingCudaArraySupported: return p.deferredMappingCudaArraySupported;
  default:
    // Texture and surface extents: npurt has no texture units.
    if (attr >= npuDevAttrMaxTexture1DWidth && attr <= npuDevAttrMaxTexture1DMipmappedWidth)
      return 0;
    return std::nullopt;
  }
  // clang-format on
}

} // namespace npu::api
