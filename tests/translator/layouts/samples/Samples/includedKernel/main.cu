#include <helper_cuda.h>
#include "reduce_kernel.cu"

int main() {
  const int n = 100;
  int h[n], sum = 0, *din, *dout;
  for (int i = 0; i < n; ++i)
    h[i] = i;
  checkCudaErrors(cudaMalloc(&din, sizeof(h)));
  checkCudaErrors(cudaMalloc(&dout, sizeof(int)));
  checkCudaErrors(cudaMemcpy(din, h, sizeof(h), cudaMemcpyHostToDevice));
  sumBlock<< <1, 128>> >(din, dout, n); // spaced, as in the included launcher
  getLastCudaError("sumBlock");
  checkCudaErrors(cudaMemcpy(&sum, dout, sizeof(int), cudaMemcpyDeviceToHost));
  if (sum != n * (n - 1) / 2) {
    printf("FAIL: sum %d\n", sum);
    return 1;
  }
  checkCudaErrors(cudaMemset(dout, 0, sizeof(int)));
  launchSumBlock(din, dout, n / 2);
  checkCudaErrors(cudaMemcpy(&sum, dout, sizeof(int), cudaMemcpyDeviceToHost));
  if (sum != (n / 2) * (n / 2 - 1) / 2) {
    printf("FAIL: launcher sum %d\n", sum);
    return 1;
  }
  printf("PASS: includedKernel\n");
  return 0;
}
