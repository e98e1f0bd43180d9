// The device timeline: kernels share the vector cores, copies have one engine per direction.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "backends/ascend/DeviceTimeline.h"

namespace {

using npu::backends::ascend::CopyEngine;
using npu::backends::ascend::copyEngineFor;
using npu::backends::ascend::DeviceTimeline;

TEST(Timeline, AKernelStartsWhenItIsReady) {
  DeviceTimeline timeline(40);
  EXPECT_EQ(timeline.scheduleKernel(5.0, 1.0, 40), 5.0);
  EXPECT_EQ(timeline.idleAt(), 6.0);
}

TEST(Timeline, KernelsThatTogetherFitOnTheCoresOverlap) {
  DeviceTimeline timeline(40);
  EXPECT_EQ(timeline.scheduleKernel(0.0, 10.0, 20), 0.0);
  EXPECT_EQ(timeline.scheduleKernel(1.0, 10.0, 20), 1.0);
  EXPECT_EQ(timeline.idleAt(), 11.0);
}

TEST(Timeline, KernelsThatDoNotFitWaitForEnoughCores) {
  DeviceTimeline timeline(40);
  EXPECT_EQ(timeline.scheduleKernel(0.0, 10.0, 30), 0.0);
  // 20 cores needed, 10 free: waits for the first kernel.
  EXPECT_EQ(timeline.scheduleKernel(1.0, 10.0, 20), 10.0);
  // 10 cores fit beside both.
  EXPECT_EQ(timeline.scheduleKernel(2.0, 5.0, 10), 2.0);
}

TEST(Timeline, AKernelWantingMoreThanTheDeviceTakesAllCores) {
  DeviceTimeline timeline(40);
  EXPECT_EQ(timeline.scheduleKernel(0.0, 10.0, 4000), 0.0); // a 4,000-block grid
  EXPECT_EQ(timeline.scheduleKernel(0.0, 1.0, 1), 10.0);
}

TEST(Timeline, KernelsOnOneStreamSerializeThroughTheirReadyTimes) {
  // A stream makes the next kernel ready when the previous one ends; the timeline does not.
  DeviceTimeline timeline(40);
  double ready = 0;
  for (int i = 0; i < 3; ++i) {
    const double start = timeline.scheduleKernel(ready, 2.0, 1);
    EXPECT_EQ(start, 2.0 * i);
    ready = start + 2.0;
  }
}

TEST(Timeline, ALaterKernelUsesTheCoresThatBecameFreeLast) {
  DeviceTimeline timeline(4);
  timeline.scheduleKernel(0.0, 1.0, 2);                 // cores free at 1
  timeline.scheduleKernel(0.0, 5.0, 2);                 // cores free at 5
  EXPECT_EQ(timeline.scheduleKernel(6.0, 1.0, 2), 6.0); // takes the cores free since 5
  // The cores free since 1 were kept: a kernel ready at 2 still runs there.
  EXPECT_EQ(timeline.scheduleKernel(2.0, 1.0, 2), 2.0);
}

TEST(Timeline, CopiesSerializeWithinADirectionAndOverlapAcrossDirections) {
  DeviceTimeline timeline(40);
  EXPECT_EQ(timeline.scheduleCopy(CopyEngine::HostToDevice, 0.0, 3.0), 0.0);
  EXPECT_EQ(timeline.scheduleCopy(CopyEngine::HostToDevice, 1.0, 3.0), 3.0);
  EXPECT_EQ(timeline.scheduleCopy(CopyEngine::DeviceToHost, 1.0, 3.0), 1.0);
  EXPECT_EQ(timeline.scheduleCopy(CopyEngine::DeviceToDevice, 1.0, 3.0), 1.0);
}

TEST(Timeline, CopiesOverlapKernels) {
  DeviceTimeline timeline(40);
  EXPECT_EQ(timeline.scheduleKernel(0.0, 10.0, 40), 0.0);
  EXPECT_EQ(timeline.scheduleCopy(CopyEngine::DeviceToHost, 1.0, 3.0), 1.0);
  EXPECT_EQ(timeline.idleAt(), 10.0);
}

TEST(Timeline, CopyKindsMapToTheirEngines) {
  EXPECT_EQ(copyEngineFor(npuMemcpyHostToDevice), CopyEngine::HostToDevice);
  EXPECT_EQ(copyEngineFor(npuMemcpyDeviceToHost), CopyEngine::DeviceToHost);
  EXPECT_EQ(copyEngineFor(npuMemcpyDeviceToDevice), CopyEngine::DeviceToDevice);
  EXPECT_FALSE(copyEngineFor(npuMemcpyHostToHost).has_value());
  EXPECT_FALSE(copyEngineFor(npuMemcpyDefault).has_value());
}

TEST(Timeline, ConcurrentStreamsNeverOvercommitTheCores) {
  // Streams schedule single-core kernels concurrently; whatever the interleaving, 8 cores run
  // 8 x 100 one-second kernels, all ready at 0, in exactly 100 seconds.
  DeviceTimeline timeline(8);
  std::vector<std::thread> streams;
  for (int stream = 0; stream < 8; ++stream)
    streams.emplace_back([&] {
      for (int i = 0; i < 100; ++i)
        timeline.scheduleKernel(0.0, 1.0, 1);
    });
  for (std::thread &stream : streams)
    stream.join();
  EXPECT_EQ(timeline.idleAt(), 100.0);
}

} // namespace
