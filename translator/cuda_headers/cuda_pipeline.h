// cu2npu CUDA declaration shim: cuda_pipeline.h - declarations only.
#pragma once
#include "cuda/pipeline"
#include "cuda_pipeline_primitives.h"
