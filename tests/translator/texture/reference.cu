// Legacy texture references (CUDA < 12): the type is spelled ::npu::texture, everything else
// keeps its shape (fields, the bind overloads on the reference, tex2D(ref, x, y) in kernels);
// the program's own names `texture` are left alone.
#include <cuda_runtime.h>
// NO-DIAG

texture<float, 2, cudaReadModeElementType> image;
// CHECK: ::npu::texture<float, 2, npuReadModeElementType> image;
static texture<uchar4, cudaTextureType1D, cudaReadModeNormalizedFloat> colors;
// CHECK: static ::npu::texture<uchar4, npuTextureType1D, npuReadModeNormalizedFloat> colors;

struct Material {
  int texture; // a member called texture
};
// CHECK:   int texture; // a member called texture

__global__ void sample(float *out, int w, const Material *m) {
  int x = threadIdx.x;
  float4 c = tex1Dfetch(colors, x);
  out[x] = tex2D(image, x + 0.5f, 0.5f) + c.x + m->texture;
}
// CHECK:   float4 c = tex1Dfetch(colors, x);
// CHECK:   out[x] = tex2D(image, x + 0.5f, 0.5f) + c.x + m->texture;

void bind(float *d, uchar4 *bytes, size_t pitch, int w, int h, float *out, Material *m) {
  image.filterMode = cudaFilterModeLinear;
  // CHECK: image.filterMode = npuFilterModeLinear;
  image.addressMode[0] = cudaAddressModeClamp;
  image.normalized = false;
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<float>();
  cudaBindTexture2D(0, image, d, desc, w, h, pitch);
  // CHECK: npuBindTexture2D(0, image, d, desc, w, h, pitch);
  size_t offset = 0;
  cudaBindTexture(&offset, colors, bytes, w * sizeof(uchar4));
  // CHECK: npuBindTexture(&offset, colors, bytes, w * sizeof(uchar4));
  sample<<<1, w>>>(out, w, m);
  cudaUnbindTexture(image);
  // CHECK: npuUnbindTexture(image);
  cudaUnbindTexture(colors);
}
