// cu2npu CUDA declaration shim: cuda.h (CUDA driver API). npurt has no driver API: cu2npu diagnoses
// every cu* use (CU2NPU1002). Declared generically so that code parses.
#pragma once
#define __cuda_cuda_h__ // as the CUDA header defines it (guards in user code test it)
#include "cuda_runtime_api.h"
#define CUDA_VERSION 12080 // see CUDART_VERSION
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef struct CUctx_st *CUcontext;
typedef struct CUmod_st *CUmodule;
typedef struct CUfunc_st *CUfunction;
typedef struct CUstream_st *CUstream;
typedef struct CUevent_st *CUevent;
typedef struct CUarray_st *CUarray;
typedef unsigned long long CUtexObject;
typedef enum cu2npu_CUresult_enum {
  CUDA_SUCCESS = 0,
  CUDA_ERROR_INVALID_VALUE = 1,
  CUDA_ERROR_OUT_OF_MEMORY = 2,
  CUDA_ERROR_NOT_INITIALIZED = 3,
  CUDA_ERROR_NO_DEVICE = 100,
  CUDA_ERROR_INVALID_DEVICE = 101,
  CUDA_ERROR_NOT_FOUND = 500,
  CUDA_ERROR_NOT_READY = 600,
  CUDA_ERROR_UNKNOWN = 999
} CUresult;
typedef enum CUdevice_attribute_enum {
  CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 1,
  CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16
} CUdevice_attribute;
#define CU2NPU_GENERIC_DRV(name) template <class... cu2npu_A> CUresult name(cu2npu_A &&...)
CU2NPU_GENERIC_DRV(cuInit);
CU2NPU_GENERIC_DRV(cuDeviceGet);
CU2NPU_GENERIC_DRV(cuDeviceGetCount);
CU2NPU_GENERIC_DRV(cuDeviceGetName);
CU2NPU_GENERIC_DRV(cuDeviceGetAttribute);
CU2NPU_GENERIC_DRV(cuDeviceTotalMem);
CU2NPU_GENERIC_DRV(cuCtxCreate);
CU2NPU_GENERIC_DRV(cuCtxDestroy);
CU2NPU_GENERIC_DRV(cuCtxSynchronize);
CU2NPU_GENERIC_DRV(cuCtxGetCurrent);
CU2NPU_GENERIC_DRV(cuCtxSetCurrent);
CU2NPU_GENERIC_DRV(cuDevicePrimaryCtxRetain);
CU2NPU_GENERIC_DRV(cuModuleLoad);
CU2NPU_GENERIC_DRV(cuModuleLoadData);
CU2NPU_GENERIC_DRV(cuModuleGetFunction);
CU2NPU_GENERIC_DRV(cuModuleUnload);
CU2NPU_GENERIC_DRV(cuLaunchKernel);
CU2NPU_GENERIC_DRV(cuMemAlloc);
CU2NPU_GENERIC_DRV(cuMemFree);
CU2NPU_GENERIC_DRV(cuMemcpyHtoD);
CU2NPU_GENERIC_DRV(cuMemcpyDtoH);
CU2NPU_GENERIC_DRV(cuMemcpyDtoD);
CU2NPU_GENERIC_DRV(cuMemsetD32);
CU2NPU_GENERIC_DRV(cuMemsetD8);
CU2NPU_GENERIC_DRV(cuStreamCreate);
CU2NPU_GENERIC_DRV(cuStreamDestroy);
CU2NPU_GENERIC_DRV(cuStreamSynchronize);
CU2NPU_GENERIC_DRV(cuEventCreate);
CU2NPU_GENERIC_DRV(cuEventRecord);
CU2NPU_GENERIC_DRV(cuEventSynchronize);
CU2NPU_GENERIC_DRV(cuEventElapsedTime);
CU2NPU_GENERIC_DRV(cuGetErrorString);
CU2NPU_GENERIC_DRV(cuGetErrorName);
CU2NPU_GENERIC_DRV(cuDriverGetVersion);
CU2NPU_GENERIC_DRV(cuMemGetInfo);
CU2NPU_GENERIC_DRV(cuPointerGetAttribute);
