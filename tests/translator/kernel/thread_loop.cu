// The fast path's loop plan (rules/kernel/ThreadLoop.h): ThreadIdxGlobal::Unused when nothing
// called reads the global threadIdx; ThreadDims, the dimensions the body reads, when duplicates
// may run once (no atomic, output, heap, asm or unknown call).
#include <cstdio>
#include <cuda_runtime.h>

__device__ float square(float v) { return v * v; }
__device__ unsigned lane() { return threadIdx.x & 31; }
__device__ float opaque(float v); // defined elsewhere

// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_THREAD_PARAMS) {
__global__ void onlyX(float *y) { y[threadIdx.x] = square(y[threadIdx.x]); }
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::YZ>([&](NPU_THREAD_PARAMS) {
__global__ void yAndZ(float *y) { y[threadIdx.z * blockDim.y + threadIdx.y] = 1; }
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::None>([&](NPU_THREAD_PARAMS) {
__global__ void perBlock(float *y) { y[blockIdx.x] = 2; }
// The whole uint3: every dimension.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_THREAD_PARAMS) {
__global__ void whole(uint3 *t) { t[0] = threadIdx; }
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_THREAD_PARAMS) {
__global__ void atomics(int *c) { atomicAdd(c, 1); }
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused>([&](NPU_THREAD_PARAMS) {
__global__ void prints() { printf("block %d\n", blockIdx.x); }
// A callee reads the global threadIdx: the loop keeps it current, no collapse.
// CHECK: ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
__global__ void callsLane(unsigned *o) { o[blockIdx.x] = lane(); }
// An unknown call may synchronise: fibers.
// CHECK: ::npu::for_each_thread_sync([&](NPU_THREAD_PARAMS) {
__global__ void callsOpaque(float *y) { y[threadIdx.x] = opaque(y[threadIdx.x]); }
// A body that computes the global x index (in either operand order) runs its SIMD loop over it.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X, ::npu::RowIndex::GlobalOnly>([&](NPU_THREAD_PARAMS) {
__global__ void globalIndex(float *y) { y[threadIdx.x + blockDim.x * blockIdx.x] = 1.0f; }
// A constant block width is not blockDim.x: the plain loop.
// CHECK: ::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>([&](NPU_THREAD_PARAMS) {
__global__ void constantWidth(float *y) { y[blockIdx.x * 64 + threadIdx.x] = 1.0f; }
