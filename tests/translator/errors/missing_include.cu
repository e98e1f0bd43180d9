// A missing include is a (fatal) compile error: exit code 1, output written with a marker.
// RC: 1
// DIAG: fatal error: 'does_not_exist.h' file not found
// CHECK: /* CU2NPU0001: translation incomplete here: the source does not compile: 'does_not_exist.h' file not found */ #include "does_not_exist.h"
#include "does_not_exist.h"
void f() { cudaDeviceSynchronize(); }
