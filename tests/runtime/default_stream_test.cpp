// Run with NPURT_DEFAULT_STREAM=per-thread (see CMakeLists.txt), npurt's counterpart of nvcc's
// --default-stream per-thread: stream 0 is then each host thread's own default stream, which
// does not wait for other threads' default streams but still synchronises with the legacy
// stream.
#include <thread>

#include "RuntimeTestSupport.h"

using npu::test::Gate;
using npu::test::onStream;

namespace {

TEST(PerThreadDefaultStream, StreamZeroIsPerThread) {
  Gate gate;
  std::atomic<bool> blockedWorkRan{false};
  ASSERT_EQ(onStream(nullptr, [&] { blockedWorkRan = gate.wait(); }), npuSuccess);
  std::thread other([&] {
    // Stream 0 of this thread is not held up by the main thread's stream 0.
    std::atomic<int> ran{0};
    ASSERT_EQ(onStream(nullptr, [&] { ran = 1; }), npuSuccess);
    ASSERT_EQ(npuStreamSynchronize(nullptr), npuSuccess);
    EXPECT_EQ(ran.load(), 1);
    gate.open();
  });
  other.join();
  ASSERT_EQ(npuStreamSynchronize(nullptr), npuSuccess);
  EXPECT_TRUE(blockedWorkRan.load());
}

TEST(PerThreadDefaultStream, LegacyStreamStillSynchronizes) {
  Gate gate;
  std::atomic<int> value{0};
  ASSERT_EQ(onStream(nullptr,
                     [&] {
                       gate.wait();
                       value = 1;
                     }),
            npuSuccess);
  int seen = -1;
  ASSERT_EQ(onStream(npuStreamLegacy, [&] { seen = value.load(); }), npuSuccess);
  EXPECT_EQ(npuStreamQuery(npuStreamLegacy), npuErrorNotReady);
  gate.open();
  ASSERT_EQ(npuStreamSynchronize(npuStreamLegacy), npuSuccess);
  EXPECT_EQ(seen, 1);
}

} // namespace
