// A compile error on the line after a preprocessor directive: the marker goes on the
// erroneous line, not on the directive.
// RC: 1
// DIAG: unknown type name 'missing_type'
// NO-COMPILE
#include <cuda_runtime.h>
#define TWICE(x) ((x) * 2)
// CHECK: /* CU2NPU0001: translation incomplete here: the source does not compile: unknown type name 'missing_type' */ missing_type value;
missing_type value;
// CHECK-NOT: /* CU2NPU0001: translation incomplete here: the source does not compile: unknown type name 'missing_type' */ #define
