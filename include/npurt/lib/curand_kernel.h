// cuRAND's device API for translated code (cu2npu maps curand_kernel.h here): the XORWOW,
// Philox4x32-10 and MRG32k3a generators with cuRAND's seeding, subsequences and offsets, and
// its distributions. Names keep their CUDA spelling; every function is inline and usable in a
// kernel (a state is a per-thread local like any other) and in host code. docs/ARCHITECTURE.md
// ("cuRAND") says which results are NVIDIA's bit for bit.
#pragma once

#include "npurt/kernel.h"
#include "npurt/lib/curand/distributions.h"

// The CUDA header's identity macro (guards in user code test it).
#ifndef CURAND_KERNEL_H_
#define CURAND_KERNEL_H_
#endif
