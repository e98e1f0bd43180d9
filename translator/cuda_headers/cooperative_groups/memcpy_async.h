// cu2npu CUDA declaration shim: cooperative_groups/memcpy_async.h - declarations only.
#pragma once
#include "../cooperative_groups.h"
