// Error handling the way production CUDA code does it, plus deliberate
// misuse to check that the runtime reports the right errors and recovers.
//
// Every runtime call is wrapped in CHECK(...) (abort with file, line, error
// name and message); launches are followed by CHECK(cudaGetLastError()).
// Then the program provokes recoverable (non-sticky) errors and checks each
// one is the documented error code:
//   * launch with twice maxThreadsPerBlock threads -> cudaErrorInvalidConfiguration
//     (seen by cudaPeekAtLastError without clearing, then cleared by
//     cudaGetLastError, after which cudaGetLastError returns cudaSuccess);
//   * grid.y above maxGridSize[1]                   -> cudaErrorInvalidConfiguration;
//   * cudaMalloc of 1 PiB                           -> cudaErrorMemoryAllocation
//     (and the same error is reported once by cudaGetLastError);
//   * cudaFree of a pointer from malloc()           -> cudaErrorInvalidValue;
//   * cudaMemcpy past the end of an allocation      -> cudaErrorInvalidValue;
//   * cudaSetDevice(deviceCount)                    -> cudaErrorInvalidDevice;
//   * cudaGetErrorName / cudaGetErrorString on known codes.
// Finally valid work still runs and is verified: the errors above must not
// have poisoned the context. PASS only if every check holds.
//
// CUDA features: cudaError_t, cudaGetErrorName, cudaGetErrorString,
// cudaGetLastError, cudaPeekAtLastError, cudaGetDeviceCount, cudaSetDevice,
// cudaGetDevice, cudaGetDeviceProperties (maxThreadsPerBlock, maxGridSize),
// invalid launch configurations, failing cudaMalloc/cudaFree/cudaMemcpy,
// cudaDeviceSynchronize.
//
// Usage: error_handling [n]   (default 1<<20 elements for the valid work)
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

// After a launch: catch configuration errors now, execution errors in debug.
#define CHECK_LAUNCH()                                                       \
  do {                                                                       \
    CHECK(cudaGetLastError());                                               \
    CHECK(cudaDeviceSynchronize());                                          \
  } while (0)

static int g_failures = 0;

static bool endsWith(const char *text, const char *suffix) {
  size_t lt = strlen(text), ls = strlen(suffix);
  return lt >= ls && strcmp(text + lt - ls, suffix) == 0;
}

static void expectError(cudaError_t got, cudaError_t expected, const char *what) {
  if (got == expected) {
    printf("  ok    %-44s -> %s (\"%s\")\n", what, cudaGetErrorName(got),
           cudaGetErrorString(got));
  } else {
    printf("  WRONG %-44s -> %s, expected %s\n", what, cudaGetErrorName(got),
           cudaGetErrorName(expected));
    ++g_failures;
  }
}

__global__ void scaleKernel(float *data, float factor, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    data[i] *= factor;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1 << 20;
  if (n <= 0) {
    fprintf(stderr, "usage: %s [n > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }

  int deviceCount = 0, device = -1;
  CHECK(cudaGetDeviceCount(&deviceCount));
  CHECK(cudaSetDevice(0));
  CHECK(cudaGetDevice(&device));
  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, device));
  printf("device %d of %d: %s, maxThreadsPerBlock=%d, maxGridSize=(%d,%d,%d)\n",
         device, deviceCount, prop.name, prop.maxThreadsPerBlock,
         prop.maxGridSize[0], prop.maxGridSize[1], prop.maxGridSize[2]);

  // --- 1. names and strings
  // Compare the part after the API prefix: a ported runtime may name its
  // codes with its own prefix ("hipSuccess", ...), the meaning must match.
  if (!endsWith(cudaGetErrorName(cudaSuccess), "Success")) ++g_failures;
  if (!endsWith(cudaGetErrorName(cudaErrorInvalidConfiguration),
                "ErrorInvalidConfiguration")) ++g_failures;
  if (!endsWith(cudaGetErrorName(cudaErrorMemoryAllocation),
                "ErrorMemoryAllocation")) ++g_failures;
  const char *msg = cudaGetErrorString(cudaErrorInvalidValue);
  if (msg == nullptr || msg[0] == '\0' ||
      strcmp(msg, cudaGetErrorName(cudaErrorInvalidValue)) == 0) ++g_failures;
  printf("  names/strings checked (%s: \"%s\")\n",
         cudaGetErrorName(cudaErrorInvalidValue), msg ? msg : "(null)");

  float *d_data;
  size_t bytes = static_cast<size_t>(n) * sizeof(float);
  CHECK(cudaMalloc(&d_data, bytes));
  CHECK(cudaMemset(d_data, 0, bytes));

  // --- 2. too many threads per block
  int tooManyThreads = 2 * prop.maxThreadsPerBlock;  // 2048 on current GPUs
  scaleKernel<<<1, tooManyThreads>>>(d_data, 2.0f, n);
  expectError(cudaPeekAtLastError(), cudaErrorInvalidConfiguration,
              "launch <<<1, 2*maxThreadsPerBlock>>> (peek)");
  expectError(cudaGetLastError(), cudaErrorInvalidConfiguration,
              "same error via cudaGetLastError");
  expectError(cudaGetLastError(), cudaSuccess, "last error cleared afterwards");

  // --- 3. grid too large in y
  dim3 badGrid(1, static_cast<unsigned int>(prop.maxGridSize[1]) + 1u, 1);
  scaleKernel<<<badGrid, 128>>>(d_data, 2.0f, n);
  expectError(cudaGetLastError(), cudaErrorInvalidConfiguration,
              "launch with grid.y = maxGridSize[1] + 1");

  // --- 4. impossible allocation
  void *huge = nullptr;
  expectError(cudaMalloc(&huge, static_cast<size_t>(1) << 50),
              cudaErrorMemoryAllocation, "cudaMalloc(1 PiB)");
  expectError(cudaGetLastError(), cudaErrorMemoryAllocation,
              "allocation failure seen by cudaGetLastError");
  expectError(cudaGetLastError(), cudaSuccess, "last error cleared afterwards");

  // --- 5. freeing memory the runtime did not allocate
  float *hostBuffer = static_cast<float *>(malloc(1024 * sizeof(float)));
  expectError(cudaFree(hostBuffer), cudaErrorInvalidValue, "cudaFree(malloc'd host pointer)");
  free(hostBuffer);
  (void)cudaGetLastError();  // an API error is also recorded as the last error: clear it
  CHECK(cudaFree(nullptr));  // freeing null is explicitly allowed

  // --- 6. copy past the end of an allocation
  float *d_small;
  const size_t smallBytes = 4096;
  CHECK(cudaMalloc(&d_small, smallBytes));
  size_t overBytes = bytes > 16 * smallBytes ? bytes : 16 * smallBytes;
  float *d_big;
  CHECK(cudaMalloc(&d_big, overBytes));
  expectError(cudaMemcpy(d_small, d_big, overBytes, cudaMemcpyDeviceToDevice),
              cudaErrorInvalidValue, "cudaMemcpy past the end of a 4 KiB buffer");
  (void)cudaGetLastError();
  CHECK(cudaFree(d_big));
  CHECK(cudaFree(d_small));

  // --- 7. nonexistent device
  expectError(cudaSetDevice(deviceCount), cudaErrorInvalidDevice,
              "cudaSetDevice(deviceCount)");
  (void)cudaGetLastError();
  int current = -1;
  CHECK(cudaGetDevice(&current));
  if (current != device) {
    printf("  WRONG current device changed to %d\n", current);
    ++g_failures;
  }

  // --- 8. valid work still succeeds after all of the above
  std::vector<float> h(n);
  for (int i = 0; i < n; ++i) h[i] = static_cast<float>(i % 1000) * 0.25f;
  CHECK(cudaMemcpy(d_data, h.data(), bytes, cudaMemcpyHostToDevice));
  int threads = 256;
  int blocks = (n + threads - 1) / threads;
  if (blocks > prop.maxGridSize[0]) blocks = prop.maxGridSize[0];
  if (blocks > 4096) blocks = 4096;
  scaleKernel<<<blocks, threads>>>(d_data, 4.0f, n);
  CHECK_LAUNCH();
  std::vector<float> out(n);
  CHECK(cudaMemcpy(out.data(), d_data, bytes, cudaMemcpyDeviceToHost));
  int wrong = 0;
  for (int i = 0; i < n; ++i)
    if (out[i] != h[i] * 4.0f) ++wrong;  // exact: scaling by a power of two
  printf("  valid launch after the errors: %d wrong elements\n", wrong);
  if (wrong) ++g_failures;
  expectError(cudaGetLastError(), cudaSuccess, "no error left pending at the end");
  CHECK(cudaFree(d_data));

  printf("error_handling: %d failed checks\n", g_failures);
  printf("%s\n", g_failures == 0 ? "PASS" : "FAIL");
  return g_failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
