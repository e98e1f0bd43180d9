// The host's view of the kernels: plain C++ declarations.
#pragma once
void scaleOnDevice(float *d, float s, int n);
