// cuRAND's host API (npurt/lib/curand.h). A device generator's call is one stream operation:
// it runs the generation as a kernel through the backend, one CUDA thread per state of the
// generator (the cpu backend's workers; the Ascend model times it), so consecutive calls
// continue in stream order. Seed and offset changes take effect at the next call, which starts
// the states again, as in cuRAND.
#include <memory>
#include <new>

#include "api/ApiCall.h"
#include "core/Runtime.h"
#include "lib/curand/Generation.h"
#include "npurt/kernel.h"
#include "npurt/runtime.h"

using npu::curand_host::Distribution;
using npu::curand_host::Generation;

struct curandGenerator_st {
  curandRngType_t type;
  bool onHost;
  unsigned long long seed = 0;
  unsigned long long offset = 0;
  npuStream_t stream = nullptr;
  bool restart = true; // the next call starts the states again (host side, at call time)
  // Read and written only by the generator's work, in order.
  npu::curand_host::GeneratorStates states;
};

namespace {

// The modeled device's operation counts for a thread's part (npurt/device/cost.h).
template <class Counting>
void countCost(Counting npu_cost_counting, const Generation &generation, std::uint64_t elements) {
  const npu::curand_host::Cost cost = npu::curand_host::costOf(generation, elements);
  NPU_COST(intops(cost.intOps), fp32(cost.fp32), fp64(cost.fp64), sfu(cost.sfu),
           gwrite(cost.bytesWritten));
}

// One CUDA thread per tile of the generator's states.
__global__ void curandGenerateKernel(Generation generation) {
  ::npu::for_each_thread([&](NPU_THREAD_PARAMS) {
    const std::uint64_t tile = blockIdx.x * blockDim.x + threadIdx.x;
    countCost(npu_cost_counting, generation, npu::curand_host::generateTile(generation, tile));
  });
}

// A whole vector of the modelled Ascend cores' lanes (64 fp32 lanes on 910B): the generators' own
// launches must not raise the idle-lane warning (NPUW001) a user cannot act on. Every layout's
// tile count is a multiple of it (256, 4096, 5120).
constexpr unsigned ThreadsPerBlock = 64;

std::uint64_t tilesOf(curandRngType_t type) {
  return npu::curand_host::layoutOf(type).threads / npu::curand_host::StatesPerTile;
}

const char *kernelName(Distribution distribution) {
  switch (distribution) {
  case Distribution::Bits:
    return "curandGenerate";
  case Distribution::Uniform:
    return "curandGenerateUniform";
  case Distribution::UniformDouble:
    return "curandGenerateUniformDouble";
  case Distribution::Normal:
    return "curandGenerateNormal";
  case Distribution::NormalDouble:
    return "curandGenerateNormalDouble";
  case Distribution::LogNormal:
    return "curandGenerateLogNormal";
  case Distribution::LogNormalDouble:
    return "curandGenerateLogNormalDouble";
  case Distribution::Poisson:
    return "curandGeneratePoisson";
  }
  return "curandGenerate";
}

// Runs the call as the generator's next operation: restarts the states if the seed or offset
// changed, generates through `runGrid` (the host generators: thread by thread here), and counts
// the elements dealt.
template <class RunGrid>
void runCall(curandGenerator_st &generator, Generation generation, bool restart,
             unsigned long long seed, unsigned long long offset, RunGrid &&runGrid) {
  if (restart)
    npu::curand_host::restart(generator.states, generator.type, seed, offset);
  generation.states = &generator.states;
  generation.firstElement = generator.states.element;
  runGrid(generation);
  generator.states.element += npu::curand_host::elementsOf(generation, generator.type);
}

bool isProvided(curandRngType_t type) {
  return type == CURAND_RNG_PSEUDO_DEFAULT || type == CURAND_RNG_PSEUDO_XORWOW ||
         type == CURAND_RNG_PSEUDO_PHILOX4_32_10 || type == CURAND_RNG_PSEUDO_MRG32K3A;
}

curandStatus_t create(curandGenerator_t *generator, curandRngType_t type, bool onHost) {
  if (generator == nullptr)
    return CURAND_STATUS_NOT_INITIALIZED;
  if (!isProvided(type))
    return CURAND_STATUS_TYPE_ERROR;
  auto *created = new (std::nothrow) curandGenerator_st{};
  if (created == nullptr)
    return CURAND_STATUS_ALLOCATION_FAILED;
  created->type = type == CURAND_RNG_PSEUDO_DEFAULT ? CURAND_RNG_PSEUDO_XORWOW : type;
  created->onHost = onHost;
  *generator = created;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t generate(curandGenerator_t generator, Distribution distribution, void *output,
                        std::size_t count, double mean = 0, double stddev = 1) {
  if (generator == nullptr)
    return CURAND_STATUS_NOT_INITIALIZED;
  const bool pairs =
      distribution == Distribution::Normal || distribution == Distribution::NormalDouble ||
      distribution == Distribution::LogNormal || distribution == Distribution::LogNormalDouble;
  if (pairs && count % 2 != 0)
    return CURAND_STATUS_LENGTH_NOT_MULTIPLE;
  if (distribution == Distribution::Poisson && !(mean > 0))
    return CURAND_STATUS_OUT_OF_RANGE;
  if (count == 0)
    return CURAND_STATUS_SUCCESS;
  if (output == nullptr)
    return CURAND_STATUS_LAUNCH_FAILURE;
  const Generation generation{distribution, output, count, mean, stddev, nullptr, 0};
  const bool restart = generator->restart;
  const unsigned long long seed = generator->seed, offset = generator->offset;
  generator->restart = false;
  if (generator->onHost) {
    runCall(*generator, generation, restart, seed, offset, [](const Generation &g) {
      for (std::uint64_t tile = 0; tile < tilesOf(g.states->type); ++tile)
        npu::curand_host::generateTile(g, tile);
    });
    return CURAND_STATUS_SUCCESS;
  }
  const npuError_t enqueued = npu::api::call([&](npu::core::Runtime &runtime) {
    auto target = runtime.streams().resolve(generator->stream);
    if (!target)
      return npuErrorInvalidResourceHandle;
    runtime.streams().enqueue(
        *target,
        [&runtime, generator, generation, restart, seed, offset](npu::core::OpTiming &timing) {
          if (runtime.sticky.get() != npuSuccess)
            return; // a faulted device runs nothing more
          runCall(*generator, generation, restart, seed, offset, [&](const Generation &g) {
            auto task =
                npu::detail::makeGridTask(kernelName(g.distribution), curandGenerateKernel,
                                          dim3(unsigned(tilesOf(g.states->type) / ThreadsPerBlock)),
                                          dim3(ThreadsPerBlock), 0, g);
            if (npuError_t error = runtime.backend().runGrid(*task, timing); error != npuSuccess)
              runtime.sticky.set(error);
          });
        },
        {"kernel", kernelName(distribution)});
    return npuSuccess;
  });
  if (enqueued == npuSuccess)
    return CURAND_STATUS_SUCCESS;
  return enqueued == npuErrorInvalidResourceHandle ? CURAND_STATUS_LAUNCH_FAILURE
                                                   : CURAND_STATUS_PREEXISTING_FAILURE;
}

} // namespace

extern "C" {

curandStatus_t curandCreateGenerator(curandGenerator_t *generator, curandRngType_t rng_type) {
  return create(generator, rng_type, false);
}

curandStatus_t curandCreateGeneratorHost(curandGenerator_t *generator, curandRngType_t rng_type) {
  return create(generator, rng_type, true);
}

curandStatus_t curandDestroyGenerator(curandGenerator_t generator) {
  if (generator == nullptr)
    return CURAND_STATUS_NOT_INITIALIZED;
  if (!generator->onHost)
    npuStreamSynchronize(generator->stream); // its work reads the generator
  delete generator;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandGetVersion(int *version) {
  if (version == nullptr)
    return CURAND_STATUS_OUT_OF_RANGE;
  *version = 10303; // the cuRAND of CUDA 12.2, whose API this mirrors
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandSetStream(curandGenerator_t generator, npuStream_t stream) {
  if (generator == nullptr)
    return CURAND_STATUS_NOT_INITIALIZED;
  generator->stream = stream;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandSetPseudoRandomGeneratorSeed(curandGenerator_t generator,
                                                  unsigned long long seed) {
  if (generator == nullptr)
    return CURAND_STATUS_NOT_INITIALIZED;
  generator->seed = seed;
  generator->restart = true;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandSetGeneratorOffset(curandGenerator_t generator, unsigned long long offset) {
  if (generator == nullptr)
    return CURAND_STATUS_NOT_INITIALIZED;
  generator->offset = offset;
  generator->restart = true;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandSetGeneratorOrdering(curandGenerator_t generator, curandOrdering_t order) {
  if (generator == nullptr)
    return CURAND_STATUS_NOT_INITIALIZED;
  if (order < CURAND_ORDERING_PSEUDO_BEST || order > CURAND_ORDERING_PSEUDO_DYNAMIC)
    return CURAND_STATUS_OUT_OF_RANGE;
  generator->restart = true;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandGenerate(curandGenerator_t generator, unsigned int *outputPtr, size_t num) {
  return generate(generator, Distribution::Bits, outputPtr, num);
}

curandStatus_t curandGenerateUniform(curandGenerator_t generator, float *outputPtr, size_t num) {
  return generate(generator, Distribution::Uniform, outputPtr, num);
}

curandStatus_t curandGenerateUniformDouble(curandGenerator_t generator, double *outputPtr,
                                           size_t num) {
  return generate(generator, Distribution::UniformDouble, outputPtr, num);
}

curandStatus_t curandGenerateNormal(curandGenerator_t generator, float *outputPtr, size_t n,
                                    float mean, float stddev) {
  return generate(generator, Distribution::Normal, outputPtr, n, mean, stddev);
}

curandStatus_t curandGenerateNormalDouble(curandGenerator_t generator, double *outputPtr, size_t n,
                                          double mean, double stddev) {
  return generate(generator, Distribution::NormalDouble, outputPtr, n, mean, stddev);
}

curandStatus_t curandGenerateLogNormal(curandGenerator_t generator, float *outputPtr, size_t n,
                                       float mean, float stddev) {
  return generate(generator, Distribution::LogNormal, outputPtr, n, mean, stddev);
}

curandStatus_t curandGenerateLogNormalDouble(curandGenerator_t generator, double *outputPtr,
                                             size_t n, double mean, double stddev) {
  return generate(generator, Distribution::LogNormalDouble, outputPtr, n, mean, stddev);
}

curandStatus_t curandGeneratePoisson(curandGenerator_t generator, unsigned int *outputPtr, size_t n,
                                     double lambda) {
  return generate(generator, Distribution::Poisson, outputPtr, n, lambda);
}

} // extern "C"
