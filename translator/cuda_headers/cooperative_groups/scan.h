// cu2npu CUDA declaration shim: cooperative_groups/scan.h - declarations only.
#pragma once
#include "../cooperative_groups.h"
