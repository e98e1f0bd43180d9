#pragma once
#ifdef __cplusplus
extern "C" {
#endif
double checksum(const float *x, int n);
#ifdef __cplusplus
}
#endif
