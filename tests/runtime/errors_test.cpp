// Error handling: names and strings for every code, last-error semantics, sticky errors.
#include <thread>
#include <vector>

#include "RuntimeTestSupport.h"

using npu::test::RuntimeTest;

namespace {

struct Code {
  npuError value;
  int number;
  const char *name;
  const char *description;
};

const std::vector<Code> kAllCodes = {
#define NPURT_TEST_CODE(name, value, description) {name, value, #name, description},
    NPURT_ERROR_TABLE(NPURT_TEST_CODE)
#undef NPURT_TEST_CODE
};

TEST(ErrorNames, EveryCodeHasItsNameAndDescription) {
  EXPECT_GE(kAllCodes.size(), 120u);
  for (const Code &code : kAllCodes) {
    EXPECT_STREQ(npuGetErrorName(code.value), code.name);
    EXPECT_STREQ(npuGetErrorString(code.value), code.description);
    EXPECT_STRNE(npuGetErrorString(code.value), "unrecognized error code") << code.name;
  }
}

TEST(ErrorNames, NumbersAreCudas) {
  EXPECT_EQ(npuSuccess, 0);
  EXPECT_EQ(npuErrorInvalidValue, 1);
  EXPECT_EQ(npuErrorMemoryAllocation, 2);
  EXPECT_EQ(npuErrorInitializationError, 3);
  EXPECT_EQ(npuErrorCudartUnloading, 4);
  EXPECT_EQ(npuErrorInvalidConfiguration, 9);
  EXPECT_EQ(npuErrorInvalidPitchValue, 12);
  EXPECT_EQ(npuErrorInvalidSymbol, 13);
  EXPECT_EQ(npuErrorInvalidHostPointer, 16);
  EXPECT_EQ(npuErrorInvalidDevicePointer, 17);
  EXPECT_EQ(npuErrorInvalidMemcpyDirection, 21);
  EXPECT_EQ(npuErrorInvalidDeviceFunction, 98);
  EXPECT_EQ(npuErrorNoDevice, 100);
  EXPECT_EQ(npuErrorInvalidDevice, 101);
  EXPECT_EQ(npuErrorUnsupportedLimit, 215);
  EXPECT_EQ(npuErrorInvalidResourceHandle, 400);
  EXPECT_EQ(npuErrorNotReady, 600);
  EXPECT_EQ(npuErrorIllegalAddress, 700);
  EXPECT_EQ(npuErrorLaunchOutOfResources, 701);
  EXPECT_EQ(npuErrorAssert, 710);
  EXPECT_EQ(npuErrorHostMemoryAlreadyRegistered, 712);
  EXPECT_EQ(npuErrorHostMemoryNotRegistered, 713);
  EXPECT_EQ(npuErrorLaunchFailure, 719);
  EXPECT_EQ(npuErrorNotPermitted, 800);
  EXPECT_EQ(npuErrorNotSupported, 801);
  EXPECT_EQ(npuErrorInvalidResourceConfiguration, 915);
  EXPECT_EQ(npuErrorUnknown, 999);
}

TEST(ErrorNames, UnknownCodeIsUnrecognized) {
  EXPECT_STREQ(npuGetErrorName(static_cast<npuError>(12345)), "unrecognized error code");
  EXPECT_STREQ(npuGetErrorString(static_cast<npuError>(-1)), "unrecognized error code");
  EXPECT_STREQ(npuGetErrorString(npuErrorInvalidValue), "invalid argument");
  EXPECT_STREQ(npuGetErrorString(npuSuccess), "no error");
}

TEST_F(RuntimeTest, GetLastErrorReturnsAndClears) {
  EXPECT_EQ(npuMalloc(static_cast<void **>(nullptr), 16), npuErrorInvalidValue);
  EXPECT_EQ(npuPeekAtLastError(), npuErrorInvalidValue);
  EXPECT_EQ(npuPeekAtLastError(), npuErrorInvalidValue); // peek does not clear
  EXPECT_EQ(npuGetLastError(), npuErrorInvalidValue);
  EXPECT_EQ(npuGetLastError(), npuSuccess);
  EXPECT_EQ(npuPeekAtLastError(), npuSuccess);
}

TEST_F(RuntimeTest, SuccessDoesNotClearTheLastError) {
  EXPECT_EQ(npuSetDevice(7), npuErrorInvalidDevice);
  int count = 0;
  EXPECT_EQ(npuGetDeviceCount(&count), npuSuccess);
  EXPECT_EQ(npuGetLastError(), npuErrorInvalidDevice);
}

TEST_F(RuntimeTest, LastErrorIsPerThread) {
  EXPECT_EQ(npuSetDevice(-1), npuErrorInvalidDevice);
  npuError seenByOtherThread = npuErrorUnknown;
  std::thread other([&] { seenByOtherThread = npuGetLastError(); });
  other.join();
  EXPECT_EQ(seenByOtherThread, npuSuccess);
  EXPECT_EQ(npuGetLastError(), npuErrorInvalidDevice);
}

TEST_F(RuntimeTest, KernelFailureIsStickyUntilReset) {
  testing::internal::CaptureStderr(); // the engine reports the failure once on stderr
  ASSERT_EQ(npu::detail::enqueueGrid(std::make_unique<npu::test::ThrowingGrid>(), nullptr),
            npuSuccess); // the launch itself is valid
  // The next synchronizing call reports it, and so does every later call, from any thread.
  EXPECT_EQ(npuDeviceSynchronize(), npuErrorLaunchFailure);
  testing::internal::GetCapturedStderr();
  void *memory = nullptr;
  EXPECT_EQ(npuMalloc(&memory, 64), npuErrorLaunchFailure);
  EXPECT_EQ(memory, nullptr);
  EXPECT_EQ(npuGetLastError(), npuErrorLaunchFailure);
  EXPECT_EQ(npuGetLastError(), npuErrorLaunchFailure); // cannot be cleared
  EXPECT_EQ(npuPeekAtLastError(), npuErrorLaunchFailure);
  npuError inOtherThread = npuSuccess;
  std::thread other([&] { inOtherThread = npuStreamQuery(nullptr); });
  other.join();
  EXPECT_EQ(inOtherThread, npuErrorLaunchFailure);
  // Later work is not run on a faulted device.
  std::atomic<int> blocks{0};
  EXPECT_EQ(npu::test::launchCounting(blocks, 4, 32), npuErrorLaunchFailure);

  EXPECT_EQ(npuDeviceReset(), npuSuccess);
  EXPECT_EQ(npuGetLastError(), npuSuccess);
  EXPECT_EQ(npuMalloc(&memory, 64), npuSuccess);
  EXPECT_EQ(npuFree(memory), npuSuccess);
  EXPECT_EQ(npu::test::launchCounting(blocks, 4, 32), npuSuccess);
  EXPECT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(blocks.load(), 4);
}

TEST_F(RuntimeTest, StickyErrorIsReportedByStreamAndEventSync) {
  npuStream_t stream;
  npuEvent_t event;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  ASSERT_EQ(npuEventCreate(&event), npuSuccess);
  // Hold the stream until everything is enqueued: once the grid failed, every call would
  // return the sticky error, npuEventRecord included.
  npu::test::Gate gate;
  ASSERT_EQ(npu::test::onStream(stream, [&] { gate.wait(); }), npuSuccess);
  testing::internal::CaptureStderr();
  ASSERT_EQ(npu::detail::enqueueGrid(std::make_unique<npu::test::ThrowingGrid>(), stream),
            npuSuccess);
  ASSERT_EQ(npuEventRecord(event, stream), npuSuccess);
  gate.open();
  EXPECT_EQ(npuEventSynchronize(event), npuErrorLaunchFailure);
  testing::internal::GetCapturedStderr();
  EXPECT_EQ(npuStreamSynchronize(stream), npuErrorLaunchFailure);
  EXPECT_EQ(npuDeviceReset(), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
  EXPECT_EQ(npuEventDestroy(event), npuSuccess);
}

TEST(Versions, ReportTheMirroredCudaVersion) {
  int driver = 0, runtime = 0;
  EXPECT_EQ(npuDriverGetVersion(&driver), npuSuccess);
  EXPECT_EQ(npuRuntimeGetVersion(&runtime), npuSuccess);
  EXPECT_EQ(driver, NPURT_CUDA_API_VERSION);
  EXPECT_EQ(runtime, 12080);
  EXPECT_EQ(npuDriverGetVersion(nullptr), npuErrorInvalidValue);
  EXPECT_EQ(npuGetLastError(), npuErrorInvalidValue);
}

} // namespace
