// A compile error: clang's message is printed, the output is still written with a marker, and
// the exit code is 1. Translation goes on after the error.
// RC: 1
// DIAG: error: use of undeclared identifier 'undeclared_thing'
// CHECK: /* CU2NPU0001: translation incomplete here: the source does not compile: use of undeclared identifier 'undeclared_thing' */ undeclared_thing = 3;
// CHECK: npuMalloc(&p, 4);
#include <cuda_runtime.h>
void f() {
  undeclared_thing = 3;
  float *p;
  cudaMalloc(&p, 4);
}
