// Events: recording, querying, synchronising, timing (a steady clock read when the stream
// reaches the event), and their error paths.
#include <chrono>
#include <thread>

#include "RuntimeTestSupport.h"

using namespace std::chrono_literals;
using npu::test::Gate;
using npu::test::onStream;
using npu::test::RuntimeTest;

namespace {

using EventTest = RuntimeTest;

TEST_F(EventTest, NeverRecordedEventIsComplete) {
  npuEvent_t event;
  ASSERT_EQ(npuEventCreate(&event), npuSuccess);
  EXPECT_EQ(npuEventQuery(event), npuSuccess);
  EXPECT_EQ(npuEventSynchronize(event), npuSuccess);
  EXPECT_EQ(npuEventDestroy(event), npuSuccess);
  EXPECT_EQ(npuEventQuery(event), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuEventSynchronize(event), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuEventRecord(event, nullptr), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuEventDestroy(event), npuErrorInvalidResourceHandle);
}

TEST_F(EventTest, CreateFlags) {
  npuEvent_t event;
  EXPECT_EQ(npuEventCreateWithFlags(&event, npuEventBlockingSync | npuEventDisableTiming),
            npuSuccess);
  EXPECT_EQ(npuEventDestroy(event), npuSuccess);
  EXPECT_EQ(npuEventCreate(&event, npuEventDefault), npuSuccess); // C++ overload
  EXPECT_EQ(npuEventDestroy(event), npuSuccess);
  EXPECT_EQ(npuEventCreateWithFlags(&event, 0x10), npuErrorInvalidValue);
  EXPECT_EQ(npuEventCreateWithFlags(&event, npuEventInterprocess), npuErrorInvalidValue);
  EXPECT_EQ(npuEventCreate(nullptr), npuErrorInvalidValue);
}

TEST_F(EventTest, ElapsedTimeCoversWorkBetweenTheEvents) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  npuEvent_t start, stop;
  ASSERT_EQ(npuEventCreate(&start), npuSuccess);
  ASSERT_EQ(npuEventCreate(&stop), npuSuccess);
  ASSERT_EQ(npuEventRecord(start, stream), npuSuccess);
  ASSERT_EQ(onStream(stream, [] { std::this_thread::sleep_for(40ms); }), npuSuccess);
  ASSERT_EQ(npuEventRecord(stop, stream), npuSuccess);
  ASSERT_EQ(npuEventSynchronize(stop), npuSuccess);
  EXPECT_EQ(npuEventQuery(stop), npuSuccess);
  float ms = 0;
  ASSERT_EQ(npuEventElapsedTime(&ms, start, stop), npuSuccess);
  EXPECT_GE(ms, 40.f);
  EXPECT_LT(ms, 5000.f);
  float reversed = 0;
  ASSERT_EQ(npuEventElapsedTime(&reversed, stop, start), npuSuccess);
  EXPECT_EQ(reversed, -ms);
  EXPECT_EQ(npuEventDestroy(start), npuSuccess);
  EXPECT_EQ(npuEventDestroy(stop), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

TEST_F(EventTest, PendingEventIsNotReady) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  npuEvent_t start, stop;
  ASSERT_EQ(npuEventCreate(&start), npuSuccess);
  ASSERT_EQ(npuEventCreate(&stop), npuSuccess);
  Gate gate;
  ASSERT_EQ(npuEventRecord(start, stream), npuSuccess);
  ASSERT_EQ(onStream(stream, [&] { gate.wait(); }), npuSuccess);
  ASSERT_EQ(npuEventRecord(stop, stream), npuSuccess);
  EXPECT_EQ(npuEventQuery(stop), npuErrorNotReady);
  float ms = 0;
  EXPECT_EQ(npuEventElapsedTime(&ms, start, stop), npuErrorNotReady);
  EXPECT_EQ(npuGetLastError(), npuSuccess); // "not ready" is not recorded as an error
  gate.open();
  EXPECT_EQ(npuEventSynchronize(stop), npuSuccess);
  EXPECT_EQ(npuEventElapsedTime(&ms, start, stop), npuSuccess);
  EXPECT_EQ(npuEventDestroy(start), npuSuccess);
  EXPECT_EQ(npuEventDestroy(stop), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

TEST_F(EventTest, ElapsedTimeErrors) {
  npuEvent_t timed, untimed, unrecorded;
  ASSERT_EQ(npuEventCreate(&timed), npuSuccess);
  ASSERT_EQ(npuEventCreateWithFlags(&untimed, npuEventDisableTiming), npuSuccess);
  ASSERT_EQ(npuEventCreate(&unrecorded), npuSuccess);
  ASSERT_EQ(npuEventRecord(timed), npuSuccess);
  ASSERT_EQ(npuEventRecord(untimed), npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  float ms = 0;
  EXPECT_EQ(npuEventElapsedTime(&ms, timed, untimed), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuEventElapsedTime(&ms, untimed, timed), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuEventElapsedTime(&ms, timed, unrecorded), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuEventElapsedTime(nullptr, timed, timed), npuErrorInvalidValue);
  EXPECT_EQ(npuEventElapsedTime(&ms, timed, timed), npuSuccess);
  EXPECT_EQ(ms, 0.f);
  EXPECT_EQ(npuEventDestroy(timed), npuSuccess);
  EXPECT_EQ(npuEventDestroy(untimed), npuSuccess);
  EXPECT_EQ(npuEventDestroy(unrecorded), npuSuccess);
  EXPECT_EQ(npuEventElapsedTime(&ms, timed, timed), npuErrorInvalidResourceHandle);
}

TEST_F(EventTest, ReRecordingMovesTheEvent) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  npuEvent_t event;
  ASSERT_EQ(npuEventCreate(&event), npuSuccess);
  ASSERT_EQ(npuEventRecord(event, stream), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(npuEventQuery(event), npuSuccess);
  Gate gate;
  ASSERT_EQ(onStream(stream, [&] { gate.wait(); }), npuSuccess);
  ASSERT_EQ(npuEventRecord(event, stream), npuSuccess);
  EXPECT_EQ(npuEventQuery(event), npuErrorNotReady); // the new record is pending
  gate.open();
  EXPECT_EQ(npuEventSynchronize(event), npuSuccess);
  EXPECT_EQ(npuEventDestroy(event), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

TEST_F(EventTest, DestroyWhilePendingIsSafe) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  npuEvent_t event;
  ASSERT_EQ(npuEventCreate(&event), npuSuccess);
  Gate gate;
  ASSERT_EQ(onStream(stream, [&] { gate.wait(); }), npuSuccess);
  ASSERT_EQ(npuEventRecord(event, stream), npuSuccess);
  EXPECT_EQ(npuEventDestroy(event), npuSuccess);
  gate.open();
  EXPECT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

TEST_F(EventTest, RecordOnTheDefaultStreamOrdersWithBlockingStreams) {
  npuStream_t blocking;
  ASSERT_EQ(npuStreamCreate(&blocking), npuSuccess);
  npuEvent_t event;
  ASSERT_EQ(npuEventCreate(&event), npuSuccess);
  Gate gate;
  ASSERT_EQ(onStream(blocking, [&] { gate.wait(); }), npuSuccess);
  ASSERT_EQ(npuEventRecord(event, nullptr), npuSuccess); // legacy: after the blocking work
  EXPECT_EQ(npuEventQuery(event), npuErrorNotReady);
  gate.open();
  EXPECT_EQ(npuEventSynchronize(event), npuSuccess);
  EXPECT_EQ(npuEventRecordWithFlags(event, nullptr, 5), npuErrorInvalidValue);
  EXPECT_EQ(npuEventDestroy(event), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(blocking), npuSuccess);
}

} // namespace
