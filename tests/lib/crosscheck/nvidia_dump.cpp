// lib.curand.crosscheck's NVIDIA side (dump_main.h), built only where a CUDA toolkit happens to
// be installed; nothing else uses it.
#include <curand.h>

#include "dump_main.h"

int main(int argc, char **argv) { return dumpGenerations(argc, argv); }
