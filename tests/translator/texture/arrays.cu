// CUDA arrays: allocation, channel descriptors, 2D and 3D copies and layered/cubemap flags are
// renamed onto npurt's; a kernel over a layered array and a cubemap stays on the fast path.
#include <cuda_runtime.h>
// NO-DIAG

__global__ void faces(cudaTextureObject_t cube, cudaTextureObject_t layers, float *out) {
  float a = texCubemap<float>(cube, 1.0f, 0.0f, 0.0f);
  float b = tex2DLayered<float>(layers, 0.5f, 0.5f, threadIdx.x);
  float c = tex2DLod<float>(layers, 0.5f, 0.5f, 0.0f);
  float4 g = tex2Dgather<float4>(layers, 0.5f, 0.5f, 0);
  out[threadIdx.x] = a + b + c + g.w;
}
// CHECK:   ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_THREAD_PARAMS) {
// CHECK:   float a = texCubemap<float>(cube, 1.0f, 0.0f, 0.0f);
// CHECK:   float4 g = tex2Dgather<float4>(layers, 0.5f, 0.5f, 0);

void arrays(const float *host, int w, int h) {
  cudaChannelFormatDesc desc = cudaCreateChannelDesc(32, 0, 0, 0, cudaChannelFormatKindFloat);
  // CHECK: npuChannelFormatDesc desc = npuCreateChannelDesc(32, 0, 0, 0, npuChannelFormatKindFloat);
  cudaArray_t plain;
  // CHECK: npuArray_t plain;
  cudaMallocArray(&plain, &desc, w, h, cudaArraySurfaceLoadStore);
  // CHECK: npuMallocArray(&plain, &desc, w, h, npuArraySurfaceLoadStore);
  cudaMemcpy2DToArray(plain, 0, 0, host, w * sizeof(float), w * sizeof(float), h,
                      cudaMemcpyHostToDevice);
  // CHECK: npuMemcpy2DToArray(plain, 0, 0, host, w * sizeof(float), w * sizeof(float), h,
  cudaArray *layered;
  // CHECK: npuArray *layered;
  cudaMalloc3DArray(&layered, &desc, make_cudaExtent(w, h, 6), cudaArrayCubemap | cudaArrayLayered);
  // CHECK: npuMalloc3DArray(&layered, &desc, make_npuExtent(w, h, 6), npuArrayCubemap | npuArrayLayered);
  cudaMemcpy3DParms p = {0};
  // CHECK: npuMemcpy3DParms p = {0};
  p.srcPtr = make_cudaPitchedPtr((void *)host, w * sizeof(float), w, h);
  // CHECK: p.srcPtr = make_npuPitchedPtr((void *)host, w * sizeof(float), w, h);
  p.dstArray = layered;
  p.dstPos = make_cudaPos(0, 0, 0);
  p.extent = make_cudaExtent(w, h, 6);
  p.kind = cudaMemcpyHostToDevice;
  cudaMemcpy3D(&p);
  // CHECK: npuMemcpy3D(&p);
  cudaFreeArray(layered);
  cudaFreeArray(plain);
  // CHECK: npuFreeArray(plain);
}
