// Command-line helpers: plain C++, no CUDA (copied unchanged).
#ifndef COMMON_HELPER_STRING_H
#define COMMON_HELPER_STRING_H
#include <stdlib.h>
#include <string.h>
inline int getCmdLineArgumentInt(int argc, const char **argv, const char *name) {
  size_t n = strlen(name);
  for (int i = 1; i < argc; ++i)
    if (argv[i][0] == '-' && strncmp(argv[i] + 1, name, n) == 0 && argv[i][1 + n] == '=')
      return atoi(argv[i] + 2 + n);
  return 0;
}
#endif
