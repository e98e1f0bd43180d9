#include "common.cuh"
void run_other(float *x) { twice<<<1, N, 0, 0>>>(x); cudaDeviceSynchronize(); }
