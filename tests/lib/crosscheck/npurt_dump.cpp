// lib.curand.crosscheck's npurt side (dump_main.h).
#include "npurt/lib/curand.h"

#include "dump_main.h"

int main(int argc, char **argv) { return dumpGenerations(argc, argv); }
