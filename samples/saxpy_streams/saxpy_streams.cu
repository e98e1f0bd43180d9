// SAXPY (y = a*x + y) pipelined over several CUDA streams.
//
// The input is split into chunks; chunk k goes to stream k % NUM_STREAMS and
// is copied host->device, computed and copied back with cudaMemcpyAsync, so
// the copies of one chunk can overlap the kernel of another. The host buffers
// are page-locked (cudaMallocHost / cudaHostAlloc), which asynchronous copies
// need to really be asynchronous. Events time the whole pipeline and the
// result is checked against a CPU reference.
//
// CUDA features: cudaStreamCreate/Destroy, cudaMemcpyAsync, kernel launches
// on a stream, cudaMallocHost, cudaHostAlloc, cudaFreeHost, cudaEventCreate,
// cudaEventRecord, cudaEventSynchronize, cudaEventElapsedTime,
// cudaStreamSynchronize, cudaGetDeviceProperties, grid-stride loop.
//
// Usage: saxpy_streams [n]   (default 1<<21 elements)
#include <cmath>
#include <cstdio>
#include <cstdlib>
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

#define NUM_STREAMS 4
#define CHUNKS_PER_STREAM 4
constexpr int kThreads = 256;

__global__ void saxpy(int n, float a, const float *__restrict__ x,
                      float *__restrict__ y) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    y[i] = a * x[i] + y[i];
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1 << 21;
  if (n <= 0) {
    fprintf(stderr, "usage: %s [n > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }
  const float a = 2.5f;

  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, 0));
  printf("device: %s, %d SMs, asyncEngineCount=%d\n", prop.name,
         prop.multiProcessorCount, prop.asyncEngineCount);

  size_t bytes = static_cast<size_t>(n) * sizeof(float);
  float *hx, *hy, *href;
  CHECK(cudaMallocHost(&hx, bytes));                          // pinned
  CHECK(cudaHostAlloc(&hy, bytes, cudaHostAllocDefault));     // pinned too
  href = static_cast<float *>(malloc(bytes));
  if (!href) {
    fprintf(stderr, "out of host memory\n");
    return EXIT_FAILURE;
  }

  unsigned int seed = 12345u;  // fixed-seed LCG: reproducible input
  for (int i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    hx[i] = static_cast<float>(seed >> 8) / 16777216.0f - 0.5f;
    seed = seed * 1664525u + 1013904223u;
    hy[i] = static_cast<float>(seed >> 8) / 16777216.0f * 4.0f;
    href[i] = a * hx[i] + hy[i];
  }

  float *dx, *dy;
  CHECK(cudaMalloc(&dx, bytes));
  CHECK(cudaMalloc(&dy, bytes));

  cudaStream_t streams[NUM_STREAMS];
  for (int s = 0; s < NUM_STREAMS; ++s) CHECK(cudaStreamCreate(&streams[s]));
  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));

  const int numChunks = NUM_STREAMS * CHUNKS_PER_STREAM;
  const int chunk = (n + numChunks - 1) / numChunks;

  CHECK(cudaEventRecord(start, 0));
  for (int c = 0; c < numChunks; ++c) {
    int offset = c * chunk;
    if (offset >= n) break;
    int count = n - offset < chunk ? n - offset : chunk;
    size_t chunkBytes = static_cast<size_t>(count) * sizeof(float);
    cudaStream_t s = streams[c % NUM_STREAMS];
    CHECK(cudaMemcpyAsync(dx + offset, hx + offset, chunkBytes,
                          cudaMemcpyHostToDevice, s));
    CHECK(cudaMemcpyAsync(dy + offset, hy + offset, chunkBytes,
                          cudaMemcpyHostToDevice, s));
    int blocks = (count + kThreads - 1) / kThreads;
    if (blocks > 1024) blocks = 1024;
    saxpy<<<blocks, kThreads, 0, s>>>(count, a, dx + offset, dy + offset);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpyAsync(hy + offset, dy + offset, chunkBytes,
                          cudaMemcpyDeviceToHost, s));
  }
  CHECK(cudaEventRecord(stop, 0));
  CHECK(cudaEventSynchronize(stop));
  for (int s = 0; s < NUM_STREAMS; ++s) CHECK(cudaStreamSynchronize(streams[s]));

  float ms = 0.0f;
  CHECK(cudaEventElapsedTime(&ms, start, stop));

  int errors = 0;
  for (int i = 0; i < n; ++i) {
    float diff = std::fabs(hy[i] - href[i]);
    if (diff > 1e-5f * std::fabs(href[i]) + 1e-6f) {
      if (errors < 5)
        fprintf(stderr, "mismatch at %d: got %f, expected %f\n", i, hy[i],
                href[i]);
      ++errors;
    }
  }

  for (int s = 0; s < NUM_STREAMS; ++s) CHECK(cudaStreamDestroy(streams[s]));
  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaFree(dx));
  CHECK(cudaFree(dy));
  CHECK(cudaFreeHost(hx));
  CHECK(cudaFreeHost(hy));
  free(href);

  double gbps = ms > 0.0f ? 3.0 * bytes / (ms * 1e6) : 0.0;
  printf("saxpy_streams: n=%d, %d streams x %d chunks, %.3f ms (%.2f GB/s), "
         "%d errors\n", n, NUM_STREAMS, CHUNKS_PER_STREAM, ms, gbps, errors);
  printf("%s\n", errors == 0 ? "PASS" : "FAIL");
  return errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
