// The thrust device system translated code uses: thrust's TBB system (thrust's CUDA backend
// needs nvcc and the toolkit), unless the build already chose one
// (-DTHRUST_DEVICE_SYSTEM=THRUST_DEVICE_SYSTEM_OMP, ...). Included before the first thrust header.
#pragma once

#ifndef THRUST_DEVICE_SYSTEM
#define THRUST_DEVICE_SYSTEM THRUST_DEVICE_SYSTEM_TBB
#endif
