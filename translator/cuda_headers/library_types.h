// cu2npu's library_types.h: npurt's own header (include/npurt/lib/, copied beside these
// declarations at build time), so the parse and the translated program see one set of names. Its
// npurt includes resolve to the parse stubs, which spell npurt's names as CUDA's.
#pragma once
#include "npurt/lib/library_types.h"
