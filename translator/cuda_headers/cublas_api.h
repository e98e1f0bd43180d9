// cu2npu's cublas_api.h: the v2 API's declarations, as cublas_v2.h has them.
#pragma once
#include "cublas_v2.h"
