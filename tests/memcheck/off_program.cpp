// Without NPURT_MEMCHECK=1 the checker is off (and prints nothing unless the value is not 0
// or 1). Exit status 0 when enabled() is false.
#include "memcheck/Memcheck.h"

int main() { return npu::memcheck::enabled() ? 1 : 0; }
