#pragma once
cudaError_t cudaFancyNewThing(int);
