// library_types.h: the element-type enumeration the CUDA libraries share (cuBLAS's GemmEx),
// under CUDA's names and values (CUDA Runtime API documentation, "cudaDataType").
#pragma once

#ifndef __LIBRARY_TYPES_H__
#define __LIBRARY_TYPES_H__
#endif

typedef enum cudaDataType_t : int {
  CUDA_R_16F = 2,
  CUDA_C_16F = 6,
  CUDA_R_16BF = 14,
  CUDA_C_16BF = 15,
  CUDA_R_32F = 0,
  CUDA_C_32F = 4,
  CUDA_R_64F = 1,
  CUDA_C_64F = 5,
  CUDA_R_8I = 3,
  CUDA_C_8I = 7,
  CUDA_R_8U = 8,
  CUDA_C_8U = 9,
  CUDA_R_32I = 10,
  CUDA_C_32I = 11
} cudaDataType;
