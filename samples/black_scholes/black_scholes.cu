// Black-Scholes pricing of European call and put options, in single and in
// double precision.
//
// For each option (stock price S, strike X, years to expiry T) with a fixed
// riskless rate R and volatility V:
//   d1 = (ln(S/X) + (R + V^2/2) T) / (V sqrt(T)),  d2 = d1 - V sqrt(T)
//   call = S CND(d1) - X e^{-RT} CND(d2),  put = X e^{-RT} CND(-d2) - S CND(-d1)
// where CND is the cumulative normal distribution, approximated by the
// Abramowitz & Stegun 5th-degree polynomial (as in NVIDIA's classic sample).
// The float kernel uses the single-precision intrinsics-free math library
// (expf, logf, sqrtf, fabsf); the double kernel the double overloads. Both are
// compared with a double-precision CPU reference (L1 relative error and the
// largest absolute error), and put-call parity is checked.
//
// CUDA features: __device__ inline functions, float and double math library
// (expf/logf/sqrtf/fabsf, exp/log/sqrt/fabs), grid-stride loops, several
// output arrays, cudaEvent timing, options/s report.
//
// Usage: black_scholes [n]   (default 1<<20 options)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t err_ = (call);                                               \
    if (err_ != cudaSuccess) {                                               \
      fprintf(stderr, "%s:%d: CUDA error %s: %s\n", __FILE__, __LINE__,      \
              cudaGetErrorName(err_), cudaGetErrorString(err_));             \
      exit(EXIT_FAILURE);                                                    \
    }                                                                        \
  } while (0)

#define RISKFREE 0.02f
#define VOLATILITY 0.30f
constexpr int kThreads = 128;

// ------------------------------------------------------------------ float
__device__ inline float cndf(float d) {
  const float A1 = 0.31938153f, A2 = -0.356563782f, A3 = 1.781477937f,
              A4 = -1.821255978f, A5 = 1.330274429f;
  const float RSQRT2PI = 0.39894228040143267793994605993438f;
  float K = 1.0f / (1.0f + 0.2316419f * fabsf(d));
  float cnd = RSQRT2PI * expf(-0.5f * d * d) *
              (K * (A1 + K * (A2 + K * (A3 + K * (A4 + K * A5)))));
  if (d > 0) cnd = 1.0f - cnd;
  return cnd;
}

__global__ void blackScholesFloat(float *__restrict__ call, float *__restrict__ put,
                                  const float *__restrict__ S,
                                  const float *__restrict__ X,
                                  const float *__restrict__ T, float R, float V,
                                  int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x) {
    float s = S[i], x = X[i], t = T[i];
    float sqrtT = sqrtf(t);
    float d1 = (logf(s / x) + (R + 0.5f * V * V) * t) / (V * sqrtT);
    float d2 = d1 - V * sqrtT;
    float cndD1 = cndf(d1), cndD2 = cndf(d2);
    float expRT = expf(-R * t);
    call[i] = s * cndD1 - x * expRT * cndD2;
    put[i] = x * expRT * (1.0f - cndD2) - s * (1.0f - cndD1);
  }
}

// ------------------------------------------------------------------ double
__host__ __device__ inline double cnd(double d) {
  const double A1 = 0.31938153, A2 = -0.356563782, A3 = 1.781477937,
               A4 = -1.821255978, A5 = 1.330274429;
  const double RSQRT2PI = 0.39894228040143267793994605993438;
  double K = 1.0 / (1.0 + 0.2316419 * fabs(d));
  double c = RSQRT2PI * exp(-0.5 * d * d) *
             (K * (A1 + K * (A2 + K * (A3 + K * (A4 + K * A5)))));
  if (d > 0) c = 1.0 - c;
  return c;
}

__global__ void blackScholesDouble(double *__restrict__ call, double *__restrict__ put,
                                   const float *__restrict__ S,
                                   const float *__restrict__ X,
                                   const float *__restrict__ T, double R,
                                   double V, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x) {
    double s = S[i], x = X[i], t = T[i];
    double sqrtT = sqrt(t);
    double d1 = (log(s / x) + (R + 0.5 * V * V) * t) / (V * sqrtT);
    double d2 = d1 - V * sqrtT;
    double cndD1 = cnd(d1), cndD2 = cnd(d2);
    double expRT = exp(-R * t);
    call[i] = s * cndD1 - x * expRT * cndD2;
    put[i] = x * expRT * (1.0 - cndD2) - s * (1.0 - cndD1);
  }
}

static void blackScholesCpu(double &call, double &put, double s, double x,
                            double t, double R, double V) {
  double sqrtT = std::sqrt(t);
  double d1 = (std::log(s / x) + (R + 0.5 * V * V) * t) / (V * sqrtT);
  double d2 = d1 - V * sqrtT;
  double cndD1 = cnd(d1), cndD2 = cnd(d2);
  double expRT = std::exp(-R * t);
  call = s * cndD1 - x * expRT * cndD2;
  put = x * expRT * (1.0 - cndD2) - s * (1.0 - cndD1);
}

static float randRange(unsigned int &seed, float lo, float hi) {
  seed = seed * 1664525u + 1013904223u;
  return lo + (hi - lo) * (static_cast<float>(seed >> 8) / 16777216.0f);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1 << 20;
  if (n <= 0) {
    fprintf(stderr, "usage: %s [n > 0]\n", argv[0]);
    return EXIT_FAILURE;
  }
  std::vector<float> S(n), X(n), T(n);
  unsigned int seed = 5347u;
  for (int i = 0; i < n; ++i) {
    S[i] = randRange(seed, 5.0f, 30.0f);
    X[i] = randRange(seed, 1.0f, 100.0f);
    T[i] = randRange(seed, 0.25f, 10.0f);
  }

  size_t fBytes = n * sizeof(float), dBytes = n * sizeof(double);
  float *dS, *dX, *dT, *dCallF, *dPutF;
  double *dCallD, *dPutD;
  CHECK(cudaMalloc(&dS, fBytes));
  CHECK(cudaMalloc(&dX, fBytes));
  CHECK(cudaMalloc(&dT, fBytes));
  CHECK(cudaMalloc(&dCallF, fBytes));
  CHECK(cudaMalloc(&dPutF, fBytes));
  CHECK(cudaMalloc(&dCallD, dBytes));
  CHECK(cudaMalloc(&dPutD, dBytes));
  CHECK(cudaMemcpy(dS, S.data(), fBytes, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dX, X.data(), fBytes, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dT, T.data(), fBytes, cudaMemcpyHostToDevice));

  int blocks = (n + kThreads - 1) / kThreads;
  if (blocks > 2048) blocks = 2048;
  cudaEvent_t start, mid, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&mid));
  CHECK(cudaEventCreate(&stop));
  CHECK(cudaEventRecord(start));
  blackScholesFloat<<<blocks, kThreads>>>(dCallF, dPutF, dS, dX, dT, RISKFREE,
                                          VOLATILITY, n);
  CHECK(cudaGetLastError());
  CHECK(cudaEventRecord(mid));
  blackScholesDouble<<<blocks, kThreads>>>(dCallD, dPutD, dS, dX, dT, RISKFREE,
                                           VOLATILITY, n);
  CHECK(cudaGetLastError());
  CHECK(cudaEventRecord(stop));
  CHECK(cudaEventSynchronize(stop));
  float msF = 0.0f, msD = 0.0f;
  CHECK(cudaEventElapsedTime(&msF, start, mid));
  CHECK(cudaEventElapsedTime(&msD, mid, stop));

  std::vector<float> callF(n), putF(n);
  std::vector<double> callD(n), putD(n);
  CHECK(cudaMemcpy(callF.data(), dCallF, fBytes, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(putF.data(), dPutF, fBytes, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(callD.data(), dCallD, dBytes, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(putD.data(), dPutD, dBytes, cudaMemcpyDeviceToHost));

  // The CPU reference uses the same parameters the GPU saw (float R and V).
  const double R = RISKFREE, V = VOLATILITY;
  double sumRef = 0.0, sumErrF = 0.0, maxErrF = 0.0, maxErrD = 0.0, maxParity = 0.0;
  for (int i = 0; i < n; ++i) {
    double c, p;
    blackScholesCpu(c, p, S[i], X[i], T[i], R, V);
    sumRef += std::fabs(c) + std::fabs(p);
    double eF = std::fabs(callF[i] - c) + std::fabs(putF[i] - p);
    sumErrF += eF;
    maxErrF = eF > maxErrF ? eF : maxErrF;
    double eD = std::fabs(callD[i] - c) + std::fabs(putD[i] - p);
    maxErrD = eD > maxErrD ? eD : maxErrD;
    // put-call parity: C - P = S - X e^{-RT}
    double parity = std::fabs((callD[i] - putD[i]) - (S[i] - X[i] * std::exp(-R * T[i])));
    maxParity = parity > maxParity ? parity : maxParity;
  }
  double l1F = sumErrF / sumRef;

  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(mid));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaFree(dS));
  CHECK(cudaFree(dX));
  CHECK(cudaFree(dT));
  CHECK(cudaFree(dCallF));
  CHECK(cudaFree(dPutF));
  CHECK(cudaFree(dCallD));
  CHECK(cudaFree(dPutD));

  bool ok = l1F < 1e-5 && maxErrF < 5e-3 && maxErrD < 1e-9 && maxParity < 1e-9;
  printf("black_scholes: %d options\n", n);
  printf("  float : %.3f ms (%.2f Goptions/s), L1 rel err %.2e, max abs err %.2e\n",
         msF, msF > 0.0f ? n / (msF * 1e6) : 0.0, l1F, maxErrF);
  printf("  double: %.3f ms (%.2f Goptions/s), max abs err %.2e, max parity err %.2e\n",
         msD, msD > 0.0f ? n / (msD * 1e6) : 0.0, maxErrD, maxParity);
  printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
