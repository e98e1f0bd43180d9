// The cuRAND host-API calls of lib.curand.crosscheck, shared by the program built against
// NVIDIA's libcurand and the one built against npurt: a host generator of <type> with seed 1234
// and <offset>, then curandGenerate(<bits>), curandGenerateNormal(<normals>) and
// curandGenerateUniformDouble(<doubles>); the values go to stdout, raw.
// Usage: <program> type offset bits normals doubles
#include <cstdio>
#include <cstdlib>
#include <vector>

inline int dumpGenerations(int argc, char **argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s type offset bits normals doubles\n", argv[0]);
    return 2;
  }
  const auto type = curandRngType_t(std::atoi(argv[1]));
  const unsigned long long offset = std::strtoull(argv[2], nullptr, 10);
  const size_t bits = std::strtoul(argv[3], nullptr, 10),
               normals = std::strtoul(argv[4], nullptr, 10),
               doubles = std::strtoul(argv[5], nullptr, 10);
  curandGenerator_t g;
  if (curandCreateGeneratorHost(&g, type) != CURAND_STATUS_SUCCESS ||
      curandSetPseudoRandomGeneratorSeed(g, 1234) != CURAND_STATUS_SUCCESS ||
      curandSetGeneratorOffset(g, offset) != CURAND_STATUS_SUCCESS)
    return 1;
  std::vector<unsigned> b(bits);
  std::vector<float> z(normals);
  std::vector<double> d(doubles);
  if ((bits && curandGenerate(g, b.data(), bits) != CURAND_STATUS_SUCCESS) ||
      (normals && curandGenerateNormal(g, z.data(), normals, 0, 1) != CURAND_STATUS_SUCCESS) ||
      (doubles && curandGenerateUniformDouble(g, d.data(), doubles) != CURAND_STATUS_SUCCESS))
    return 1;
  // An empty vector's data() may be null, which fwrite must not be given even for no elements.
  if (bits)
    std::fwrite(b.data(), sizeof(unsigned), bits, stdout);
  if (normals)
    std::fwrite(z.data(), sizeof(float), normals, stdout);
  if (doubles)
    std::fwrite(d.data(), sizeof(double), doubles, stdout);
  curandDestroyGenerator(g);
  return 0;
}
