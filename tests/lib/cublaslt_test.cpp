// cublasLtMatmul's plain case against cublasSgemm's semantics: D = alpha op(A) op(B) + beta C.
#include "LibTestSupport.h"
#include "npurt/lib/cublasLt.h"

namespace {

using npu::libtest::DeviceBuffer;
using npu::libtest::randomFloats;
using LibCublasLt = npu::libtest::LibTest;

TEST_F(LibCublasLt, MatmulWritesDFromCAndLeavesCAlone) {
  const int m = 5, n = 4, k = 3;
  const std::vector<float> A = randomFloats(k * m, 1), B = randomFloats(k * n, 2),
                           C = randomFloats(m * n, 3);
  DeviceBuffer<float> dA(A), dB(B), dC(C), dD(m * n);
  cublasLtHandle_t lt;
  ASSERT_EQ(cublasLtCreate(&lt), CUBLAS_STATUS_SUCCESS);
  cublasLtMatmulDesc_t desc;
  ASSERT_EQ(cublasLtMatmulDescCreate(&desc, CUBLAS_COMPUTE_32F, CUDA_R_32F), CUBLAS_STATUS_SUCCESS);
  const int32_t trans = CUBLAS_OP_T;
  ASSERT_EQ(cublasLtMatmulDescSetAttribute(desc, CUBLASLT_MATMUL_DESC_TRANSA, &trans, sizeof trans),
            CUBLAS_STATUS_SUCCESS);
  cublasLtMatrixLayout_t la, lb, lc;
  ASSERT_EQ(cublasLtMatrixLayoutCreate(&la, CUDA_R_32F, k, m, k), CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(cublasLtMatrixLayoutCreate(&lb, CUDA_R_32F, k, n, k), CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(cublasLtMatrixLayoutCreate(&lc, CUDA_R_32F, m, n, m), CUBLAS_STATUS_SUCCESS);
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  const float alpha = 2, beta = -1;
  ASSERT_EQ(cublasLtMatmul(lt, desc, &alpha, dA.get(), la, dB.get(), lb, &beta, dC.get(), lc,
                           dD.get(), lc, nullptr, nullptr, 0, stream),
            CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  const std::vector<float> D = dD.read();
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i) {
      float sum = 0;
      for (int p = 0; p < k; ++p)
        sum += A[p + i * k] * B[p + j * k];
      ASSERT_NEAR(D[i + j * m], alpha * sum + beta * C[i + j * m], 1e-5f) << i << " " << j;
    }
  EXPECT_EQ(dC.read(), C);

  const int32_t relu = 2; // CUBLASLT_EPILOGUE_RELU: not provided
  EXPECT_EQ(cublasLtMatmulDescSetAttribute(desc, CUBLASLT_MATMUL_DESC_EPILOGUE, &relu, sizeof relu),
            CUBLAS_STATUS_NOT_SUPPORTED);
  cublasLtMatrixLayout_t wrong;
  ASSERT_EQ(cublasLtMatrixLayoutCreate(&wrong, CUDA_R_32F, m + 1, n, m + 1), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(cublasLtMatmul(lt, desc, &alpha, dA.get(), la, dB.get(), lb, &beta, dC.get(), lc,
                           dD.get(), wrong, nullptr, nullptr, 0, stream),
            CUBLAS_STATUS_INVALID_VALUE); // D is not m x n
  EXPECT_EQ(cublasLtMatmul(nullptr, desc, &alpha, dA.get(), la, dB.get(), lb, &beta, dC.get(), lc,
                           dD.get(), lc, nullptr, nullptr, 0, stream),
            CUBLAS_STATUS_NOT_INITIALIZED);
  for (cublasLtMatrixLayout_t l : {la, lb, lc, wrong})
    EXPECT_EQ(cublasLtMatrixLayoutDestroy(l), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(cublasLtMatmulDescDestroy(desc), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(cublasLtDestroy(lt), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

} // namespace
