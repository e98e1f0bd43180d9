// npuError_t: CUDA 12's error codes with CUDA's numbers, one row per code.
// The table is the single source for the enum, npuGetErrorName and npuGetErrorString.
// Private: include <npurt/runtime.h>.
#pragma once

#ifndef NPURT_RUNTIME_H
#error "include <npurt/runtime.h> instead of this header"
#endif

// X(name, value, description). Descriptions follow cudaGetErrorString's wording.
#define NPURT_ERROR_TABLE(X)                                                                       \
  X(npuSuccess, 0, "no error")                                                                     \
  X(npuErrorInvalidValue, 1, "invalid argument")                                                   \
  X(npuErrorMemoryAllocation, 2, "out of memory")                                                  \
  X(npuErrorInitializationError, 3, "initialization error")                                        \
  X(npuErrorCudartUnloading, 4, "driver shutting down")                                            \
  X(npuErrorProfilerDisabled, 5, "profiler disabled while using external profiling tool")          \
  X(npuErrorProfilerNotInitialized, 6, "profiler not initialized")                                 \
  X(npuErrorProfilerAlreadyStarted, 7, "profiler already started")                                 \
  X(npuErrorProfilerAlreadyStopped, 8, "profiler already stopped")                                 \
  X(npuErrorInvalidConfiguration, 9, "invalid configuration argument")                             \
  X(npuErrorInvalidPitchValue, 12, "invalid pitch argument")                                       \
  X(npuErrorInvalidSymbol, 13, "invalid device symbol")                                            \
  X(npuErrorInvalidHostPointer, 16, "invalid host pointer")                                        \
  X(npuErrorInvalidDevicePointer, 17, "invalid device pointer")                                    \
  X(npuErrorInvalidTexture, 18, "invalid texture reference")                                       \
  X(npuErrorInvalidTextureBinding, 19, "texture is not bound to a pointer")                        \
  X(npuErrorInvalidChannelDescriptor, 20, "invalid channel descriptor")                            \
  X(npuErrorInvalidMemcpyDirection, 21, "invalid copy direction for memcpy")                       \
  X(npuErrorAddressOfConstant, 22, "invalid address of constant")                                  \
  X(npuErrorTextureFetchFailed, 23, "fetch from texture failed")                                   \
  X(npuErrorTextureNotBound, 24, "cannot fetch from a texture that is not bound")                  \
  X(npuErrorSynchronizationError, 25, "incorrect use of __syncthreads()")                          \
  X(npuErrorInvalidFilterSetting, 26, "linear filtering not supported for non-float type")         \
  X(npuErrorInvalidNormSetting, 27,                                                                \
    "read as normalized float not supported for 32-bit non float type")                            \
  X(npuErrorMixedDeviceExecution, 28, "mixing of device and device emulation code not allowed")    \
  X(npuErrorNotYetImplemented, 31, "feature not yet implemented")                                  \
  X(npuErrorMemoryValueTooLarge, 32, "memory size or pointer value too large to fit in 32 bit")    \
  X(npuErrorStubLibrary, 34, "driver is a stub library")                                           \
  X(npuErrorInsufficientDriver, 35, "driver version is insufficient for runtime version")          \
  X(npuErrorCallRequiresNewerDriver, 36, "API call is not supported in the installed driver")      \
  X(npuErrorInvalidSurface, 37, "invalid surface reference")                                       \
  X(npuErrorDuplicateVariableName, 43, "duplicate global variable looked up by string name")       \
  X(npuErrorDuplicateTextureName, 44, "duplicate texture looked up by string name")                \
  X(npuErrorDuplicateSurfaceName, 45, "duplicate surface looked up by string name")                \
  X(npuErrorDevicesUnavailable, 46, "all devices are busy or unavailable")                         \
  X(npuErrorIncompatibleDriverContext, 49, "incompatible driver context")                          \
  X(npuErrorMissingConfiguration, 52, "__global__ function call is not configured")                \
  X(npuErrorPriorLaunchFailure, 53, "unspecified launch failure in prior launch")                  \
  X(npuErrorLaunchMaxDepthExceeded, 65, "launch would exceed maximum depth of nested launches")    \
  X(npuErrorLaunchFileScopedTex, 66,                                                               \
    "launch failed because kernel uses unsupported, file-scoped textures")                         \
  X(npuErrorLaunchFileScopedSurf, 67,                                                              \
    "launch failed because kernel uses unsupported, file-scoped surfaces")                         \
  X(npuErrorSyncDepthExceeded, 68,                                                                 \
    "device synchronize failed because grid depth exceeds the sync depth limit")                   \
  X(npuErrorLaunchPendingCountExceeded, 69, "launch would exceed the pending launch count limit")  \
  X(npuErrorInvalidDeviceFunction, 98, "invalid device function")                                  \
  X(npuErrorNoDevice, 100, "no capable device is detected")                                        \
  X(npuErrorInvalidDevice, 101, "invalid device ordinal")                                          \
  X(npuErrorDeviceNotLicensed, 102, "device doesn't have valid Grid license")                      \
  X(npuErrorSoftwareValidityNotEstablished, 103, "integrity checks failed")                        \
  X(npuErrorStartupFailure, 127, "startup failure in runtime")                                     \
  X(npuErrorInvalidKernelImage, 200, "device kernel image is invalid")                             \
  X(npuErrorDeviceUninitialized, 201, "invalid device context")                                    \
  X(npuErrorMapBufferObjectFailed, 205, "mapping of buffer object failed")                         \
  X(npuErrorUnmapBufferObjectFailed, 206, "unmapping of buffer object failed")                     \
  X(npuErrorArrayIsMapped, 207, "array is mapped")                                                 \
  X(npuErrorAlreadyMapped, 208, "resource already mapped")                                         \
  X(npuErrorNoKernelImageForDevice, 209,                                                           \
    "no kernel image is available for execution on the device")                                    \
  X(npuErrorAlreadyAcquired, 210, "resource already acquired")                                     \
  X(npuErrorNotMapped, 211, "resource not mapped")                                                 \
  X(npuErrorNotMappedAsArray, 212, "resource not mapped as array")                                 \
  X(npuErrorNotMappedAsPointer, 213, "resource not mapped as pointer")                             \
  X(npuErrorECCUncorrectable, 214, "uncorrectable ECC error encountered")                          \
  X(npuErrorUnsupportedLimit, 215, "limit is not supported on this architecture")                  \
  X(npuErrorDeviceAlreadyInUse, 216,                                                               \
    "exclusive-thread device already in use by a different thread")                                \
  X(npuErrorPeerAccessUnsupported, 217, "peer access is not supported between these two devices")  \
  X(npuErrorInvalidPtx, 218, "a PTX JIT compilation failed")                                       \
  X(npuErrorInvalidGraphicsContext, 219, "invalid OpenGL or DirectX context")                      \
  X(npuErrorNvlinkUncorrectable, 220, "uncorrectable NVLink error detected during the execution")  \
  X(npuErrorJitCompilerNotFound, 221, "PTX JIT compiler library not found")                        \
  X(npuErrorUnsupportedPtxVersion, 222,                                                            \
    "the provided PTX was compiled with an unsupported toolchain")                                 \
  X(npuErrorJitCompilationDisabled, 223, "PTX JIT compilation was disabled")                       \
  X(npuErrorUnsupportedExecAffinity, 224, "the provided execution affinity is not supported")      \
  X(npuErrorUnsupportedDevSideSync, 225, "device-side synchronize is not supported")               \
  X(npuErrorInvalidSource, 300, "device kernel image is invalid")                                  \
  X(npuErrorFileNotFound, 301, "file not found")                                                   \
  X(npuErrorSharedObjectSymbolNotFound, 302, "shared object symbol not found")                     \
  X(npuErrorSharedObjectInitFailed, 303, "shared object initialization failed")                    \
  X(npuErrorOperatingSystem, 304, "OS call failed or operation not supported on this OS")          \
  X(npuErrorInvalidResourceHandle, 400, "invalid resource handle")                                 \
  X(npuErrorIllegalState, 401, "the operation cannot be performed in the present state")           \
  X(npuErrorLossyQuery, 402, "attempted introspection would be semantically lossy")                \
  X(npuErrorSymbolNotFound, 500, "named symbol not found")                                         \
  X(npuErrorNotReady, 600, "device not ready")                                                     \
  X(npuErrorIllegalAddress, 700, "an illegal memory access was encountered")                       \
  X(npuErrorLaunchOutOfResources, 701, "too many resources requested for launch")                  \
  X(npuErrorLaunchTimeout, 702, "the launch timed out and was terminated")                         \
  X(npuErrorLaunchIncompatibleTexturing, 703, "launch uses incompatible texturing mode")           \
  X(npuErrorPeerAccessAlreadyEnabled, 704, "peer access is already enabled")                       \
  X(npuErrorPeerAccessNotEnabled, 705, "peer access has not been enabled")                         \
  X(npuErrorSetOnActiveProcess, 708, "cannot set while device is active in this process")          \
  X(npuErrorContextIsDestroyed, 709, "context is destroyed")                                       \
  X(npuErrorAssert, 710, "device-side assert triggered")                                           \
  X(npuErrorTooManyPeers, 711, "peer mapping resources exhausted")                                 \
  X(npuErrorHostMemoryAlreadyRegistered, 712,                                                      \
    "part or all of the requested memory range is already mapped")                                 \
  X(npuErrorHostMemoryNotRegistered, 713,                                                          \
    "pointer does not correspond to a registered memory region")                                   \
  X(npuErrorHardwareStackError, 714, "hardware stack error")                                       \
  X(npuErrorIllegalInstruction, 715, "an illegal instruction was encountered")                     \
  X(npuErrorMisalignedAddress, 716, "misaligned address")                                          \
  X(npuErrorInvalidAddressSpace, 717, "operation not supported on global/shared address space")    \
  X(npuErrorInvalidPc, 718, "invalid program counter")                                             \
  X(npuErrorLaunchFailure, 719, "unspecified launch failure")                                      \
  X(npuErrorCooperativeLaunchTooLarge, 720, "too many blocks in cooperative launch")               \
  X(npuErrorNotPermitted, 800, "operation not permitted")                                          \
  X(npuErrorNotSupported, 801, "operation not supported")                                          \
  X(npuErrorSystemNotReady, 802, "system not yet initialized")                                     \
  X(npuErrorSystemDriverMismatch, 803,                                                             \
    "system has unsupported display driver / driver combination")                                  \
  X(npuErrorCompatNotSupportedOnDevice, 804,                                                       \
    "forward compatibility was attempted on non supported HW")                                     \
  X(npuErrorMpsConnectionFailed, 805,                                                              \
    "MPS client failed to connect to the MPS control daemon or the MPS server")                    \
  X(npuErrorMpsRpcFailure, 806,                                                                    \
    "the remote procedural call between the MPS server and the MPS client failed")                 \
  X(npuErrorMpsServerNotReady, 807, "MPS server is not ready to accept new MPS client requests")   \
  X(npuErrorMpsMaxClientsReached, 808,                                                             \
    "the hardware resources required to create MPS client have been exhausted")                    \
  X(npuErrorMpsMaxConnectionsReached, 809,                                                         \
    "the hardware resources required to support device connections have been exhausted")           \
  X(npuErrorMpsClientTerminated, 810, "the MPS client has been terminated by the server")          \
  X(npuErrorCdpNotSupported, 811, "is using dynamic parallelism which is not supported")           \
  X(npuErrorCdpVersionMismatch, 812, "dynamic parallelism version mismatch")                       \
  X(npuErrorStreamCaptureUnsupported, 900, "operation not permitted when stream is capturing")     \
  X(npuErrorStreamCaptureInvalidated, 901,                                                         \
    "operation failed due to a previous error during capture")                                     \
  X(npuErrorStreamCaptureMerge, 902,                                                               \
    "operation would result in a merge of separate capture sequences")                             \
  X(npuErrorStreamCaptureUnmatched, 903, "capture was not ended in the same stream as it began")   \
  X(npuErrorStreamCaptureUnjoined, 904, "capturing stream has unjoined work")                      \
  X(npuErrorStreamCaptureIsolation, 905,                                                           \
    "dependency created on uncaptured work in another stream")                                     \
  X(npuErrorStreamCaptureImplicit, 906,                                                            \
    "operation would make the legacy stream depend on a capturing blocking stream")                \
  X(npuErrorCapturedEvent, 907,                                                                    \
    "operation not permitted on an event last recorded in a capturing stream")                     \
  X(npuErrorStreamCaptureWrongThread, 908,                                                         \
    "attempt to terminate a thread-local capture sequence from another thread")                    \
  X(npuErrorTimeout, 909, "wait operation timed out")                                              \
  X(npuErrorGraphExecUpdateFailure, 910,                                                           \
    "the graph update was not performed because it included changes which violated constraints "   \
    "specific to instantiated graph update")                                                       \
  X(npuErrorExternalDevice, 911,                                                                   \
    "an async error has occurred in external entity outside of the runtime")                       \
  X(npuErrorInvalidClusterSize, 912,                                                               \
    "a kernel launch error has occurred due to cluster misconfiguration")                          \
  X(npuErrorFunctionNotLoaded, 913,                                                                \
    "the function handle is not loaded when calling an API that requires a loaded function")       \
  X(npuErrorInvalidResourceType, 914,                                                              \
    "one or more resources passed in are not valid resource types for the operation")              \
  X(npuErrorInvalidResourceConfiguration, 915,                                                     \
    "one or more resources are insufficient or non-applicable for the operation")                  \
  X(npuErrorKeyRotation, 916, "an error happened during the key rotation sequence")                \
  X(npuErrorUnknown, 999, "unknown error")                                                         \
  X(npuErrorApiFailureBase, 10000, "api failure base")

enum npuError : int {
#define NPURT_ERROR_ENUMERATOR(name, value, description) name = value,
  NPURT_ERROR_TABLE(NPURT_ERROR_ENUMERATOR)
#undef NPURT_ERROR_ENUMERATOR
};
typedef npuError npuError_t;
