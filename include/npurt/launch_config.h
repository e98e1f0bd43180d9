// npurt host API, the extensible launch (CUDA runtime manual, "Execution Control":
// cudaLaunchKernelEx / cudaLaunchKernelExC with a cudaLaunchConfig_t). Included by
// npurt/runtime.h; the typed C++ form is in npurt/device/kernel_handle.h. Which attributes are
// honoured is said at npuLaunchAttributeID; semantics in runtime/api/launch_kernel.cpp.
#pragma once

#include <cstddef>

#include "npurt/detail/dim3.h"
#include "npurt/detail/runtime_errors.h"
#include "npurt/detail/runtime_types.h"

// Accepted as hints (no effect on the host): AccessPolicyWindow, SynchronizationPolicy,
// ProgrammaticStreamSerialization, Priority, MemSyncDomainMap, MemSyncDomain,
// PreferredSharedMemoryCarveout, ClusterSchedulingPolicyPreference, NvlinkUtilCentricScheduling.
// ClusterDimension: only 1x1x1 (clusters need compute capability 9.0), Cooperative: only 0
// (grid-wide synchronisation is not provided); the others are npuErrorNotSupported.
typedef enum npuLaunchAttributeID {
  npuLaunchAttributeIgnore = 0,
  npuLaunchAttributeAccessPolicyWindow = 1,
  npuLaunchAttributeCooperative = 2,
  npuLaunchAttributeSynchronizationPolicy = 3,
  npuLaunchAttributeClusterDimension = 4,
  npuLaunchAttributeClusterSchedulingPolicyPreference = 5,
  npuLaunchAttributeProgrammaticStreamSerialization = 6,
  npuLaunchAttributeProgrammaticEvent = 7,
  npuLaunchAttributePriority = 8,
  npuLaunchAttributeMemSyncDomainMap = 9,
  npuLaunchAttributeMemSyncDomain = 10,
  npuLaunchAttributePreferredClusterDimension = 11,
  npuLaunchAttributeLaunchCompletionEvent = 12,
  npuLaunchAttributeDeviceUpdatableKernelNode = 13,
  npuLaunchAttributePreferredSharedMemoryCarveout = 14,
  npuLaunchAttributeNvlinkUtilCentricScheduling = 16
} npuLaunchAttributeID;

// The members npurt reads; pad keeps CUDA's 64-byte size for the others.
union npuLaunchAttributeValue {
  char pad[64];
  int cooperative;
  int priority;
  struct {
    unsigned int x, y, z;
  } clusterDim;
};

typedef struct npuLaunchAttribute {
  npuLaunchAttributeID id;
  char pad[4];
  union npuLaunchAttributeValue val;
} npuLaunchAttribute;

typedef struct npuLaunchConfig_st {
  dim3 gridDim;
  dim3 blockDim;
  size_t dynamicSmemBytes;
  npuStream_t stream;
  npuLaunchAttribute *attrs;
  unsigned int numAttrs;
} npuLaunchConfig_t;

extern "C" {
// `func` is a kernel handle (npurt/device/kernel_handle.h), `args` one pointer per parameter.
npuError_t npuLaunchKernelExC(const npuLaunchConfig_t *config, const void *func, void **args);
} // extern "C"

namespace npu::detail {
// npuErrorInvalidValue for a null config or attribute list, npuErrorNotSupported for an
// attribute npurt cannot honour; success otherwise (recorded as the last error on failure).
// `cooperative`: whether the attributes ask for a cooperative launch.
npuError_t checkLaunchConfig(const npuLaunchConfig_t *config, bool &cooperative);
} // namespace npu::detail
