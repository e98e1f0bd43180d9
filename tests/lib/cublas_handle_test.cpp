// cuBLAS handles, modes, status strings and the matrix/vector transfers.
#include <cstring>

#include "LibTestSupport.h"
#include "npurt/lib/cublas_v2.h"

namespace {

using npu::libtest::DeviceBuffer;
using LibCublasHandle = npu::libtest::LibTest;

TEST_F(LibCublasHandle, CreateSetAndGetStreamAndModes) {
  cublasHandle_t h = nullptr;
  ASSERT_EQ(cublasCreate(&h), CUBLAS_STATUS_SUCCESS);
  npuStream_t s = nullptr, got = reinterpret_cast<npuStream_t>(1);
  ASSERT_EQ(npuStreamCreate(&s), npuSuccess);
  EXPECT_EQ(cublasGetStream(h, &got), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(got, nullptr); // the default stream until set
  EXPECT_EQ(cublasSetStream(h, s), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(cublasGetStream(h, &got), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(got, s);
  cublasPointerMode_t mode;
  EXPECT_EQ(cublasGetPointerMode(h, &mode), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(mode, CUBLAS_POINTER_MODE_HOST);
  EXPECT_EQ(cublasSetPointerMode(h, CUBLAS_POINTER_MODE_DEVICE), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(cublasGetPointerMode(h, &mode), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(mode, CUBLAS_POINTER_MODE_DEVICE);
  EXPECT_EQ(cublasSetPointerMode(h, cublasPointerMode_t(7)), CUBLAS_STATUS_INVALID_VALUE);
  cublasMath_t math;
  EXPECT_EQ(cublasSetMathMode(h, CUBLAS_TF32_TENSOR_OP_MATH), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(cublasGetMathMode(h, &math), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(math, CUBLAS_TF32_TENSOR_OP_MATH);
  EXPECT_EQ(cublasDestroy(h), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(npuStreamDestroy(s), npuSuccess);
}

TEST_F(LibCublasHandle, NullHandleIsNotInitialized) {
  float x = 1, r = 0;
  EXPECT_EQ(cublasCreate(nullptr), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasDestroy(nullptr), CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasSetStream(nullptr, nullptr), CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasSetPointerMode(nullptr, CUBLAS_POINTER_MODE_HOST), CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasSnrm2(nullptr, 1, &x, 1, &r), CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasSgemm(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &x, &x, 1, &x, 1, &x, &r, 1),
            CUBLAS_STATUS_NOT_INITIALIZED);
}

TEST_F(LibCublasHandle, StatusNamesAndStrings) {
  EXPECT_STREQ(cublasGetStatusName(CUBLAS_STATUS_INVALID_VALUE), "CUBLAS_STATUS_INVALID_VALUE");
  EXPECT_STREQ(cublasGetStatusName(CUBLAS_STATUS_SUCCESS), "CUBLAS_STATUS_SUCCESS");
  EXPECT_STREQ(cublasGetStatusString(CUBLAS_STATUS_NOT_INITIALIZED),
               "the library was not initialized");
  EXPECT_EQ(int(CUBLAS_STATUS_EXECUTION_FAILED), 13); // cuBLAS's numbering
}

TEST_F(LibCublasHandle, SetAndGetMatrixHonourLeadingDimensions) {
  // A 3 x 2 column-major matrix inside a host array with lda 4, to a device one with ldb 5.
  const std::vector<float> host = {1, 2, 3, -1, 4, 5, 6, -1};
  DeviceBuffer<float> device(std::vector<float>(10, 0.0f));
  ASSERT_EQ(cublasSetMatrix(3, 2, sizeof(float), host.data(), 4, device.get(), 5),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(device.read(), (std::vector<float>{1, 2, 3, 0, 0, 4, 5, 6, 0, 0}));
  std::vector<float> back(6, 0.0f);
  ASSERT_EQ(cublasGetMatrix(3, 2, sizeof(float), device.get(), 5, back.data(), 3),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(back, (std::vector<float>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(cublasSetMatrix(3, 2, sizeof(float), host.data(), 2, device.get(), 5),
            CUBLAS_STATUS_INVALID_VALUE); // lda < rows
  EXPECT_EQ(cublasSetMatrix(3, 2, 0, host.data(), 4, device.get(), 5), CUBLAS_STATUS_INVALID_VALUE);
}

TEST_F(LibCublasHandle, SetAndGetVectorWithIncrementsAndOnAStream) {
  const std::vector<double> host = {1, 9, 2, 9, 3, 9};
  DeviceBuffer<double> device(std::vector<double>(3, 0.0));
  ASSERT_EQ(cublasSetVector(3, sizeof(double), host.data(), 2, device.get(), 1),
            CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(device.read(), (std::vector<double>{1, 2, 3}));
  npuStream_t s;
  ASSERT_EQ(npuStreamCreate(&s), npuSuccess);
  std::vector<double> back(6, 0.0);
  ASSERT_EQ(cublasGetVectorAsync(3, sizeof(double), device.get(), 1, back.data(), 2, s),
            CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(npuStreamSynchronize(s), npuSuccess);
  EXPECT_EQ(back, (std::vector<double>{1, 0, 2, 0, 3, 0}));
  EXPECT_EQ(cublasSetVector(3, sizeof(double), host.data(), 0, device.get(), 1),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(npuStreamDestroy(s), npuSuccess);
}

} // namespace
