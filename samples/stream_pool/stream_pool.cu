// A batched transform whose scratch buffers come from the stream-ordered allocator.
//
// The input is processed in chunks alternating over two streams; each chunk allocates its
// device buffers with cudaMallocAsync, copies in, runs two kernels, copies out and frees the
// buffers with cudaFreeAsync, all in stream order. With the default pool's release threshold
// raised, freed blocks are reused in stream order instead of going back to the device, so the
// pool's reserved memory stays at a few chunks however many chunks run; cudaMemPoolTrimTo
// then returns it. A second, explicitly created pool with a size limit serves one stream
// through cudaMallocFromPoolAsync. Results are checked against a CPU reference.
//
// CUDA features: cudaDeviceGetDefaultMemPool, cudaMemPoolSetAttribute /
// cudaMemPoolGetAttribute (release threshold, reserved and used memory), cudaMallocAsync,
// cudaFreeAsync, cudaMemPoolTrimTo, cudaMemPoolCreate with cudaMemPoolProps,
// cudaMallocFromPoolAsync, cudaMemPoolDestroy, cudaStreamCreateWithFlags.
//
// Usage: stream_pool [n] [chunk]   (default 1<<20 elements, chunks of 1<<14)
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t err_ = (call);                                               \
    if (err_ != cudaSuccess) {                                               \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__,      \
              cudaGetErrorName(err_), cudaGetErrorString(err_));             \
      exit(EXIT_FAILURE);                                                    \
    }                                                                        \
  } while (0)

constexpr int kThreads = 256;

__global__ void square(const float *in, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = in[i] * in[i];
}

__global__ void addHalf(float *x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    x[i] += 0.5f;
}

static float expected(float x) { return x * x + 0.5f; }

int main(int argc, char **argv) {
  const int n = argc > 1 ? atoi(argv[1]) : 1 << 20;
  const int chunk = argc > 2 ? atoi(argv[2]) : 1 << 14;
  if (n <= 0 || chunk <= 0) {
    fprintf(stderr, "usage: %s [n > 0] [chunk > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }
  std::vector<float> input(n), output(n, -1.0f);
  for (int i = 0; i < n; ++i)
    input[i] = float(i % 1000) / 100.0f;

  cudaMemPool_t pool;
  CHECK(cudaDeviceGetDefaultMemPool(&pool, 0));
  uint64_t threshold = UINT64_MAX; // keep freed blocks for reuse
  CHECK(cudaMemPoolSetAttribute(pool, cudaMemPoolAttrReleaseThreshold, &threshold));

  cudaStream_t streams[2];
  for (cudaStream_t &s : streams)
    CHECK(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking));
  const size_t chunkBytes = size_t(chunk) * sizeof(float);
  int chunks = 0;
  for (int start = 0; start < n; start += chunk, ++chunks) {
    cudaStream_t s = streams[chunks % 2];
    const int count = start + chunk <= n ? chunk : n - start;
    float *in = nullptr, *out = nullptr;
    CHECK(cudaMallocAsync(&in, chunkBytes, s));
    CHECK(cudaMallocAsync(&out, chunkBytes, s));
    CHECK(cudaMemcpyAsync(in, input.data() + start, count * sizeof(float),
                          cudaMemcpyHostToDevice, s));
    square<<<(count + kThreads - 1) / kThreads, kThreads, 0, s>>>(in, out, count);
    addHalf<<<(count + kThreads - 1) / kThreads, kThreads, 0, s>>>(out, count);
    CHECK(cudaMemcpyAsync(output.data() + start, out, count * sizeof(float),
                          cudaMemcpyDeviceToHost, s));
    CHECK(cudaFreeAsync(in, s));
    CHECK(cudaFreeAsync(out, s));
  }
  CHECK(cudaDeviceSynchronize());
  uint64_t reserved = 0, used = 0, high = 0;
  CHECK(cudaMemPoolGetAttribute(pool, cudaMemPoolAttrReservedMemCurrent, &reserved));
  CHECK(cudaMemPoolGetAttribute(pool, cudaMemPoolAttrUsedMemCurrent, &used));
  CHECK(cudaMemPoolGetAttribute(pool, cudaMemPoolAttrReservedMemHigh, &high));
  int failures = 0;
  for (int i = 0; i < n; ++i)
    if (std::fabs(output[i] - expected(input[i])) > 1e-4f * (1.0f + expected(input[i])))
      ++failures;
  // Each stream reuses its own freed blocks: at most two buffers per stream ever exist.
  const bool bounded = reserved <= 4 * chunkBytes && high <= 4 * chunkBytes && used == 0;
  printf("%d chunks over 2 streams: pool reserved %llu bytes (high %llu, %zu per buffer)\n",
         chunks, (unsigned long long)reserved, (unsigned long long)high, chunkBytes);
  CHECK(cudaMemPoolTrimTo(pool, 0));
  CHECK(cudaMemPoolGetAttribute(pool, cudaMemPoolAttrReservedMemCurrent, &reserved));
  const bool trimmed = reserved == 0;

  // A pool of its own, limited to two buffers.
  cudaMemPoolProps props = {};
  props.allocType = cudaMemAllocationTypePinned;
  props.location.type = cudaMemLocationTypeDevice;
  props.location.id = 0;
  props.maxSize = 2 * chunkBytes;
  cudaMemPool_t limited;
  CHECK(cudaMemPoolCreate(&limited, &props));
  float *a = nullptr, *b = nullptr, *c = nullptr;
  CHECK(cudaMallocFromPoolAsync(&a, chunkBytes, limited, streams[0]));
  CHECK(cudaMallocFromPoolAsync(&b, chunkBytes, limited, streams[0]));
  const bool refused =
      cudaMallocFromPoolAsync(&c, chunkBytes, limited, streams[0]) == cudaErrorMemoryAllocation;
  (void)cudaGetLastError();
  CHECK(cudaMemcpyAsync(a, input.data(), chunkBytes, cudaMemcpyHostToDevice, streams[0]));
  square<<<(chunk + kThreads - 1) / kThreads, kThreads, 0, streams[0]>>>(a, b, chunk);
  CHECK(cudaMemcpyAsync(output.data(), b, chunkBytes, cudaMemcpyDeviceToHost, streams[0]));
  CHECK(cudaFreeAsync(a, streams[0]));
  CHECK(cudaFreeAsync(b, streams[0]));
  CHECK(cudaStreamSynchronize(streams[0]));
  for (int i = 0; i < chunk && i < n; ++i)
    if (std::fabs(output[i] - input[i] * input[i]) > 1e-4f * (1.0f + output[i]))
      ++failures;
  CHECK(cudaMemPoolDestroy(limited));
  for (cudaStream_t s : streams)
    CHECK(cudaStreamDestroy(s));
  if (failures != 0 || !bounded || !trimmed || !refused) {
    printf("FAIL: %d mismatches, bounded %d, trimmed %d, limit enforced %d\n", failures, bounded,
           trimmed, refused);
    return EXIT_FAILURE;
  }
  printf("PASS\n");
  return EXIT_SUCCESS;
}
