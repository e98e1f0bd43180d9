// Streams: in-order execution asynchronous to the host, overlap between streams, the legacy
// default stream's implicit synchronisation, callbacks, queries, waits on events, destruction
// with pending work, per-thread default streams. Orderings are checked with gates and
// rendezvous (a broken ordering times out and fails), never with timing alone.
#include <chrono>
#include <thread>
#include <vector>

#include "RuntimeTestSupport.h"

using namespace std::chrono_literals;
using npu::test::Gate;
using npu::test::onStream;
using npu::test::Rendezvous;
using npu::test::RuntimeTest;

namespace {

using StreamTest = RuntimeTest;

TEST_F(StreamTest, CreateQueryDestroy) {
  npuStream_t stream = nullptr;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  ASSERT_NE(stream, nullptr);
  EXPECT_EQ(npuStreamQuery(stream), npuSuccess); // empty
  unsigned int flags = 99;
  int priority = 99;
  EXPECT_EQ(npuStreamGetFlags(stream, &flags), npuSuccess);
  EXPECT_EQ(flags, npuStreamDefault);
  EXPECT_EQ(npuStreamGetPriority(stream, &priority), npuSuccess);
  EXPECT_EQ(priority, 0);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
  EXPECT_EQ(npuStreamQuery(stream), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuStreamSynchronize(stream), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuStreamDestroy(stream), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuStreamDestroy(nullptr), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuStreamDestroy(npuStreamLegacy), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuStreamCreate(nullptr), npuErrorInvalidValue);
  EXPECT_EQ(npuStreamCreateWithFlags(&stream, 0x4), npuErrorInvalidValue);
}

TEST_F(StreamTest, PrioritiesAreClampedToTheRange) {
  npuStream_t urgent, lax;
  ASSERT_EQ(npuStreamCreateWithPriority(&urgent, npuStreamNonBlocking, -100), npuSuccess);
  ASSERT_EQ(npuStreamCreateWithPriority(&lax, npuStreamDefault, 7), npuSuccess);
  int priority = 0;
  unsigned int flags = 0;
  EXPECT_EQ(npuStreamGetPriority(urgent, &priority), npuSuccess);
  EXPECT_EQ(priority, -5);
  EXPECT_EQ(npuStreamGetFlags(urgent, &flags), npuSuccess);
  EXPECT_EQ(flags, npuStreamNonBlocking);
  EXPECT_EQ(npuStreamGetPriority(lax, &priority), npuSuccess);
  EXPECT_EQ(priority, 0);
  EXPECT_EQ(npuStreamDestroy(urgent), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(lax), npuSuccess);
}

TEST_F(StreamTest, WorkIsAsynchronousAndQueryReportsNotReady) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  Gate gate;
  bool released = false;
  ASSERT_EQ(onStream(stream, [&] { released = gate.wait(); }), npuSuccess); // returns at once
  EXPECT_EQ(npuStreamQuery(stream), npuErrorNotReady);
  EXPECT_EQ(npuGetLastError(), npuSuccess); // "not ready" is a status, not an error
  gate.open();
  EXPECT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_TRUE(released);
  EXPECT_EQ(npuStreamQuery(stream), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

TEST_F(StreamTest, OperationsRunInOrder) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  int *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, sizeof(int)), npuSuccess);
  int result = 0;
  // A slow producer, then a dependent copy: the copy must see the producer's write.
  ASSERT_EQ(onStream(stream,
                     [&] {
                       std::this_thread::sleep_for(30ms);
                       *device = 7;
                     }),
            npuSuccess);
  ASSERT_EQ(npuMemcpyAsync(&result, device, sizeof(int), npuMemcpyDeviceToHost, stream),
            npuSuccess);
  std::vector<int> order;
  for (int i = 0; i < 50; ++i)
    ASSERT_EQ(onStream(stream, [&order, i] { order.push_back(i); }), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(result, 7);
  ASSERT_EQ(order.size(), 50u);
  for (int i = 0; i < 50; ++i)
    EXPECT_EQ(order[i], i);
  EXPECT_EQ(npuFree(device), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

TEST_F(StreamTest, NonBlockingStreamsOverlap) {
  npuStream_t a, b;
  ASSERT_EQ(npuStreamCreateWithFlags(&a, npuStreamNonBlocking), npuSuccess);
  ASSERT_EQ(npuStreamCreateWithFlags(&b, npuStreamNonBlocking), npuSuccess);
  // Each host function waits until both run at once: serialised streams would time out.
  Rendezvous both(2);
  std::atomic<int> met{0};
  ASSERT_EQ(onStream(a, [&] { met += both.arriveAndWait() ? 1 : 0; }), npuSuccess);
  ASSERT_EQ(onStream(b, [&] { met += both.arriveAndWait() ? 1 : 0; }), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(a), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(b), npuSuccess);
  EXPECT_EQ(met.load(), 2);
  EXPECT_EQ(npuStreamDestroy(a), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(b), npuSuccess);
}

TEST_F(StreamTest, BlockingStreamsOverlapEachOther) {
  npuStream_t a, b;
  ASSERT_EQ(npuStreamCreate(&a), npuSuccess);
  ASSERT_EQ(npuStreamCreate(&b), npuSuccess);
  Rendezvous both(2);
  std::atomic<int> met{0};
  ASSERT_EQ(onStream(a, [&] { met += both.arriveAndWait() ? 1 : 0; }), npuSuccess);
  ASSERT_EQ(onStream(b, [&] { met += both.arriveAndWait() ? 1 : 0; }), npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(met.load(), 2);
  EXPECT_EQ(npuStreamDestroy(a), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(b), npuSuccess);
}

TEST_F(StreamTest, LegacyStreamWaitsForBlockingStreams) {
  npuStream_t blocking;
  ASSERT_EQ(npuStreamCreate(&blocking), npuSuccess);
  std::atomic<int> value{0};
  ASSERT_EQ(onStream(blocking,
                     [&] {
                       std::this_thread::sleep_for(30ms);
                       value = 1;
                     }),
            npuSuccess);
  int seenOnLegacy = -1;
  ASSERT_EQ(onStream(npuStreamLegacy, [&] { seenOnLegacy = value.load(); }), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(npuStreamLegacy), npuSuccess);
  EXPECT_EQ(seenOnLegacy, 1);
  EXPECT_EQ(npuStreamDestroy(blocking), npuSuccess);
}

TEST_F(StreamTest, BlockingStreamsWaitForTheLegacyStream) {
  npuStream_t blocking;
  ASSERT_EQ(npuStreamCreate(&blocking), npuSuccess);
  std::atomic<int> value{0};
  ASSERT_EQ(onStream(nullptr,
                     [&] {
                       std::this_thread::sleep_for(30ms);
                       value = 1;
                     }),
            npuSuccess);
  int seen = -1;
  ASSERT_EQ(onStream(blocking, [&] { seen = value.load(); }), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(blocking), npuSuccess);
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(npuStreamDestroy(blocking), npuSuccess);
}

TEST_F(StreamTest, NonBlockingStreamsIgnoreTheLegacyStream) {
  npuStream_t nonBlocking;
  ASSERT_EQ(npuStreamCreateWithFlags(&nonBlocking, npuStreamNonBlocking), npuSuccess);
  // The legacy stream waits for a gate only the non-blocking stream opens: if the non-blocking
  // stream waited for the legacy stream, neither would proceed.
  Gate gate;
  bool legacyReleased = false;
  ASSERT_EQ(onStream(nullptr, [&] { legacyReleased = gate.wait(); }), npuSuccess);
  ASSERT_EQ(onStream(nonBlocking, [&] { gate.open(); }), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(nonBlocking), npuSuccess);
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_TRUE(legacyReleased);
  // Nor does legacy work wait for a non-blocking stream.
  Gate second;
  bool nonBlockingReleased = false;
  ASSERT_EQ(onStream(nonBlocking, [&] { nonBlockingReleased = second.wait(); }), npuSuccess);
  ASSERT_EQ(onStream(nullptr, [&] { second.open(); }), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(nullptr), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(nonBlocking), npuSuccess);
  EXPECT_TRUE(nonBlockingReleased);
  EXPECT_EQ(npuStreamDestroy(nonBlocking), npuSuccess);
}

TEST_F(StreamTest, SynchronousMemcpyWaitsForBlockingStreams) {
  npuStream_t blocking;
  ASSERT_EQ(npuStreamCreate(&blocking), npuSuccess);
  int *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, sizeof(int)), npuSuccess);
  ASSERT_EQ(npuMemset(device, 0, sizeof(int)), npuSuccess);
  ASSERT_EQ(onStream(blocking,
                     [&] {
                       std::this_thread::sleep_for(30ms);
                       *device = 42;
                     }),
            npuSuccess);
  int host = 0;
  ASSERT_EQ(npuMemcpy(&host, device, sizeof(int), npuMemcpyDeviceToHost), npuSuccess);
  EXPECT_EQ(host, 42);
  EXPECT_EQ(npuFree(device), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(blocking), npuSuccess);
}

TEST_F(StreamTest, AsyncCopiesAndFills) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreateWithFlags(&stream, npuStreamNonBlocking), npuSuccess);
  constexpr size_t n = 1 << 20; // large enough for the parallel copy path
  unsigned char *device = nullptr, *pinned = nullptr;
  ASSERT_EQ(npuMalloc(&device, 8 * n), npuSuccess);
  ASSERT_EQ(npuMallocHost(&pinned, 8 * n), npuSuccess);
  ASSERT_EQ(npuMemsetAsync(device, 0x5a, 8 * n, stream), npuSuccess);
  ASSERT_EQ(npuMemsetAsync(device + n, 0x11, 16, stream), npuSuccess);
  ASSERT_EQ(npuMemcpyAsync(pinned, device, 8 * n, npuMemcpyDeviceToHost, stream), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(pinned[0], 0x5a);
  EXPECT_EQ(pinned[n], 0x11);
  EXPECT_EQ(pinned[n + 15], 0x11);
  EXPECT_EQ(pinned[n + 16], 0x5a);
  EXPECT_EQ(pinned[8 * n - 1], 0x5a);
  // 2D forms on a stream.
  void *pitched = nullptr;
  size_t pitch = 0;
  ASSERT_EQ(npuMallocPitch(&pitched, &pitch, 64, 8), npuSuccess);
  ASSERT_EQ(npuMemset2DAsync(pitched, pitch, 3, 64, 8, stream), npuSuccess);
  ASSERT_EQ(npuMemcpy2DAsync(pinned, 64, pitched, pitch, 64, 8, npuMemcpyDeviceToHost, stream),
            npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(pinned[0], 3);
  EXPECT_EQ(pinned[64 * 8 - 1], 3);
  EXPECT_EQ(pinned[64 * 8], 0x5a);
  // Errors are reported when the call is made.
  EXPECT_EQ(npuMemsetAsync(device, 0, 8 * n + 1, stream), npuErrorInvalidValue);
  npuStream_t gone;
  ASSERT_EQ(npuStreamCreate(&gone), npuSuccess);
  ASSERT_EQ(npuStreamDestroy(gone), npuSuccess);
  EXPECT_EQ(npuMemcpyAsync(pinned, device, 16, npuMemcpyDeviceToHost, gone),
            npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuFree(device), npuSuccess);
  EXPECT_EQ(npuFree(pitched), npuSuccess);
  EXPECT_EQ(npuFreeHost(pinned), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

struct CallbackLog {
  std::vector<int> order;
  std::vector<npuStream_t> streams;
  std::vector<npuError_t> statuses;
};

TEST_F(StreamTest, CallbacksRunInOrderWithStreamAndStatus) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  CallbackLog log;
  static int ids[3] = {1, 2, 3};
  static CallbackLog *current = nullptr;
  current = &log;
  for (int &id : ids)
    ASSERT_EQ(npuStreamAddCallback(
                  stream,
                  [](npuStream_t s, npuError_t status, void *data) {
                    current->order.push_back(*static_cast<int *>(data));
                    current->streams.push_back(s);
                    current->statuses.push_back(status);
                  },
                  &id, 0),
              npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(log.order, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(log.streams, (std::vector<npuStream_t>{stream, stream, stream}));
  EXPECT_EQ(log.statuses, (std::vector<npuError_t>{npuSuccess, npuSuccess, npuSuccess}));
  auto noop = [](npuStream_t, npuError_t, void *) {};
  EXPECT_EQ(npuStreamAddCallback(stream, noop, nullptr, 1), npuErrorInvalidValue);
  EXPECT_EQ(npuStreamAddCallback(stream, nullptr, nullptr, 0), npuErrorInvalidValue);
  EXPECT_EQ(npuLaunchHostFunc(stream, nullptr, nullptr), npuErrorInvalidValue);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
  EXPECT_EQ(npuStreamAddCallback(stream, noop, nullptr, 0), npuErrorInvalidResourceHandle);
}

TEST_F(StreamTest, DestroyReturnsAtOnceAndPendingWorkCompletes) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  Gate gate;
  std::atomic<bool> ran{false};
  ASSERT_EQ(onStream(stream, [&] { ran = gate.wait(); }), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess); // does not wait for the gate
  EXPECT_FALSE(ran.load());
  gate.open();
  EXPECT_EQ(npuDeviceSynchronize(), npuSuccess); // waits for destroyed streams' work too
  EXPECT_TRUE(ran.load());
}

TEST_F(StreamTest, WaitEventOrdersAcrossStreams) {
  npuStream_t producer, consumer;
  ASSERT_EQ(npuStreamCreateWithFlags(&producer, npuStreamNonBlocking), npuSuccess);
  ASSERT_EQ(npuStreamCreateWithFlags(&consumer, npuStreamNonBlocking), npuSuccess);
  npuEvent_t produced;
  ASSERT_EQ(npuEventCreateWithFlags(&produced, npuEventDisableTiming), npuSuccess);
  Gate gate;
  std::atomic<int> value{0};
  ASSERT_EQ(onStream(producer,
                     [&] {
                       gate.wait();
                       value = 5;
                     }),
            npuSuccess);
  ASSERT_EQ(npuEventRecord(produced, producer), npuSuccess);
  ASSERT_EQ(npuStreamWaitEvent(consumer, produced, 0), npuSuccess);
  int seen = -1;
  ASSERT_EQ(onStream(consumer, [&] { seen = value.load(); }), npuSuccess);
  std::this_thread::sleep_for(20ms);
  EXPECT_EQ(npuStreamQuery(consumer), npuErrorNotReady); // held back by the event
  gate.open();
  ASSERT_EQ(npuStreamSynchronize(consumer), npuSuccess);
  EXPECT_EQ(seen, 5);
  // Waiting on a never-recorded event is a no-op; bad handles and flags are errors.
  npuEvent_t fresh;
  ASSERT_EQ(npuEventCreate(&fresh), npuSuccess);
  EXPECT_EQ(npuStreamWaitEvent(consumer, fresh, 0), npuSuccess);
  EXPECT_EQ(npuStreamWaitEvent(consumer, fresh, 8), npuErrorInvalidValue);
  EXPECT_EQ(npuEventDestroy(fresh), npuSuccess);
  EXPECT_EQ(npuStreamWaitEvent(consumer, fresh, 0), npuErrorInvalidResourceHandle);
  EXPECT_EQ(npuEventDestroy(produced), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(producer), npuSuccess);
  EXPECT_EQ(npuStreamDestroy(consumer), npuSuccess);
}

TEST_F(StreamTest, PerThreadDefaultStreamsAreIndependentOfEachOther) {
  Gate gate;
  std::atomic<bool> firstReleased{false};
  std::thread first([&] {
    ASSERT_EQ(onStream(npuStreamPerThread, [&] { firstReleased = gate.wait(); }), npuSuccess);
    ASSERT_EQ(npuStreamSynchronize(npuStreamPerThread), npuSuccess);
  });
  // Another thread's per-thread stream is not held up by the first one's blocked work.
  std::thread second([&] {
    std::atomic<int> ran{0};
    ASSERT_EQ(onStream(npuStreamPerThread, [&] { ran = 1; }), npuSuccess);
    ASSERT_EQ(npuStreamSynchronize(npuStreamPerThread), npuSuccess);
    EXPECT_EQ(ran.load(), 1);
    gate.open();
  });
  second.join();
  first.join();
  EXPECT_TRUE(firstReleased.load());
}

TEST_F(StreamTest, PerThreadStreamSynchronizesWithTheLegacyStream) {
  std::atomic<int> value{0};
  ASSERT_EQ(onStream(npuStreamPerThread,
                     [&] {
                       std::this_thread::sleep_for(30ms);
                       value = 1;
                     }),
            npuSuccess);
  int seen = -1;
  ASSERT_EQ(onStream(npuStreamLegacy, [&] { seen = value.load(); }), npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(npuStreamLegacy), npuSuccess);
  EXPECT_EQ(seen, 1);
}

TEST_F(StreamTest, ManyStreamsCreatedAndDestroyed) {
  std::atomic<int> ran{0};
  for (int round = 0; round < 20; ++round) {
    std::vector<npuStream_t> streams(8);
    for (auto &s : streams) {
      ASSERT_EQ(npuStreamCreate(&s), npuSuccess);
      ASSERT_EQ(onStream(s, [&] { ++ran; }), npuSuccess);
    }
    for (auto s : streams)
      ASSERT_EQ(npuStreamDestroy(s), npuSuccess);
  }
  ASSERT_EQ(npuDeviceSynchronize(), npuSuccess);
  EXPECT_EQ(ran.load(), 160);
}

} // namespace
