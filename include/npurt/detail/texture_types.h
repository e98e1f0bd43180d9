// Types of CUDA arrays, texture and surface objects and the legacy texture references, with
// CUDA's layouts and numbers (cudaX -> npuX). Private: include <npurt/runtime.h>.
#pragma once

#ifndef NPURT_RUNTIME_H
#error "include <npurt/runtime.h> instead of this header"
#endif

#include <cstddef>

// ---- CUDA arrays ----
typedef struct npuArray *npuArray_t;
typedef const struct npuArray *npuArray_const_t;
#define npuArrayDefault 0x00u
#define npuArrayLayered 0x01u
#define npuArraySurfaceLoadStore 0x02u
#define npuArrayCubemap 0x04u
#define npuArrayTextureGather 0x08u

enum npuChannelFormatKind : int {
  npuChannelFormatKindSigned = 0,
  npuChannelFormatKindUnsigned = 1,
  npuChannelFormatKindFloat = 2,
  npuChannelFormatKindNone = 3,
  npuChannelFormatKindNV12 = 4,
  npuChannelFormatKindUnsignedNormalized8X1 = 5,
  npuChannelFormatKindUnsignedNormalized8X2 = 6,
  npuChannelFormatKindUnsignedNormalized8X4 = 7,
  npuChannelFormatKindUnsignedNormalized16X1 = 8,
  npuChannelFormatKindUnsignedNormalized16X2 = 9,
  npuChannelFormatKindUnsignedNormalized16X4 = 10,
  npuChannelFormatKindSignedNormalized8X1 = 11,
  npuChannelFormatKindSignedNormalized8X2 = 12,
  npuChannelFormatKindSignedNormalized8X4 = 13,
  npuChannelFormatKindSignedNormalized16X1 = 14,
  npuChannelFormatKindSignedNormalized16X2 = 15,
  npuChannelFormatKindSignedNormalized16X4 = 16,
};

// Bits per channel (0: channel absent) and the kind of every channel.
struct npuChannelFormatDesc {
  int x, y, z, w;
  enum npuChannelFormatKind f;
};

struct npuExtent {
  size_t width, height, depth;
};
struct npuPos {
  size_t x, y, z;
};
struct npuPitchedPtr {
  void *ptr;
  size_t pitch, xsize, ysize;
};
inline npuExtent make_npuExtent(size_t w, size_t h, size_t d) { return npuExtent{w, h, d}; }
inline npuPos make_npuPos(size_t x, size_t y, size_t z) { return npuPos{x, y, z}; }
inline npuPitchedPtr make_npuPitchedPtr(void *d, size_t p, size_t xsz, size_t ysz) {
  return npuPitchedPtr{d, p, xsz, ysz};
}

// npuMemcpy3D: exactly one of srcArray/srcPtr and one of dstArray/dstPtr is set; extent is in
// elements for an array side, in bytes (width) for linear memory on both sides.
struct npuMemcpy3DParms {
  npuArray_t srcArray;
  struct npuPos srcPos;
  struct npuPitchedPtr srcPtr;
  npuArray_t dstArray;
  struct npuPos dstPos;
  struct npuPitchedPtr dstPtr;
  struct npuExtent extent;
  enum npuMemcpyKind kind;
};

// ---- Texture and surface objects ----
typedef unsigned long long npuTextureObject_t;
typedef unsigned long long npuSurfaceObject_t;

enum npuResourceType : int {
  npuResourceTypeArray = 0x00,
  npuResourceTypeMipmappedArray = 0x01,
  npuResourceTypeLinear = 0x02,
  npuResourceTypePitch2D = 0x03,
};

typedef struct npuMipmappedArray *npuMipmappedArray_t;

struct npuResourceDesc {
  enum npuResourceType resType;
  union {
    struct {
      npuArray_t array;
    } array;
    struct {
      npuMipmappedArray_t mipmap;
    } mipmap;
    struct {
      void *devPtr;
      struct npuChannelFormatDesc desc;
      size_t sizeInBytes;
    } linear;
    struct {
      void *devPtr;
      struct npuChannelFormatDesc desc;
      size_t width, height, pitchInBytes;
    } pitch2D;
  } res;
};

// Resource views reinterpret an array's format; npurt accepts only a null view.
struct npuResourceViewDesc {
  int format;
  size_t width, height, depth;
  unsigned int firstMipmapLevel, lastMipmapLevel, firstLayer, lastLayer;
};

enum npuTextureAddressMode : int {
  npuAddressModeWrap = 0,
  npuAddressModeClamp = 1,
  npuAddressModeMirror = 2,
  npuAddressModeBorder = 3,
};
enum npuTextureFilterMode : int { npuFilterModePoint = 0, npuFilterModeLinear = 1 };
enum npuTextureReadMode : int { npuReadModeElementType = 0, npuReadModeNormalizedFloat = 1 };
enum npuSurfaceBoundaryMode : int {
  npuBoundaryModeZero = 0,
  npuBoundaryModeClamp = 1,
  npuBoundaryModeTrap = 2,
};
enum npuSurfaceFormatMode : int { npuFormatModeForced = 0, npuFormatModeAuto = 1 };

struct npuTextureDesc {
  enum npuTextureAddressMode addressMode[3];
  enum npuTextureFilterMode filterMode;
  enum npuTextureReadMode readMode;
  int sRGB;
  float borderColor[4];
  int normalizedCoords;
  unsigned int maxAnisotropy;
  enum npuTextureFilterMode mipmapFilterMode;
  float mipmapLevelBias, minMipmapLevelClamp, maxMipmapLevelClamp;
  int disableTrilinearOptimization, seamlessCubemap;
};

// Texture types of the legacy references (texture<T, npuTextureType2D, ...>).
#define npuTextureType1D 0x01
#define npuTextureType2D 0x02
#define npuTextureType3D 0x03
#define npuTextureTypeCubemap 0x0C
#define npuTextureType1DLayered 0xF1
#define npuTextureType2DLayered 0xF2
#define npuTextureTypeCubemapLayered 0xFC
