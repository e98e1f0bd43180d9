// Texture and surface objects: host setup renamed cudaX -> npuX, fetches keep CUDA's device
// names, and kernels that only fetch stay on the fast path (a fetch is a pure read).
#include <cuda_runtime.h>
// DIAG: cudaCreateTextureObject is partially supported: no resource views

__global__ void upscale(cudaTextureObject_t tex, float *out, int w, int h, float scale) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < w && y < h)
    out[y * w + x] = tex2D<float>(tex, (x + 0.5f) / scale, (y + 0.5f) / scale);
}
// CHECK: __global__ void upscale(npuTextureObject_t tex, float *out, int w, int h, float scale) {
// CHECK:   ::npu::for_each_thread_monotone<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::XY, ::npu::RowIndex::GlobalOnly>([&](const auto npu_guard, NPU_THREAD_PARAMS) {
// CHECK:     { NPU_COST(fp32(2), intops(4), sfu(2), gwrite(4)); out[y * w + x] = tex2D<float>(tex, (x + 0.5f) / scale, (y + 0.5f) / scale); }

__global__ void gather(cudaTextureObject_t lin, cudaSurfaceObject_t surf, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float4 v;
  tex1Dfetch(&v, lin, i);
  surf2Dwrite(v.x + v.w, surf, i * (int)sizeof(float), 0, cudaBoundaryModeZero);
}
// CHECK:   tex1Dfetch(&v, lin, i);
// CHECK:   surf2Dwrite(v.x + v.w, surf, i * (int)sizeof(float), 0, npuBoundaryModeZero);

void setup(float *d, size_t pitch, int w, int h) {
  cudaResourceDesc res = {};
  // CHECK: npuResourceDesc res = {};
  res.resType = cudaResourceTypePitch2D;
  // CHECK: res.resType = npuResourceTypePitch2D;
  res.res.pitch2D.devPtr = d;
  res.res.pitch2D.desc = cudaCreateChannelDesc<float>();
  // CHECK: res.res.pitch2D.desc = npuCreateChannelDesc<float>();
  res.res.pitch2D.width = w;
  res.res.pitch2D.height = h;
  res.res.pitch2D.pitchInBytes = pitch;
  cudaTextureDesc td = {};
  td.addressMode[0] = cudaAddressModeMirror;
  // CHECK: td.addressMode[0] = npuAddressModeMirror;
  td.filterMode = cudaFilterModeLinear;
  td.readMode = cudaReadModeElementType;
  td.normalizedCoords = 1;
  cudaTextureObject_t tex = 0;
  cudaCreateTextureObject(&tex, &res, &td, nullptr);
  // CHECK: npuCreateTextureObject(&tex, &res, &td, nullptr);
  // CHECK: ::npu::launch(::npu::never_waits, "upscale", upscale, dim3(4, 4), dim3(16, 16), 0, 0, tex, d, w, h, 2.0f);
  upscale<<<dim3(4, 4), dim3(16, 16)>>>(tex, d, w, h, 2.0f);
  cudaDestroyTextureObject(tex);
  // CHECK: npuDestroyTextureObject(tex);
}
