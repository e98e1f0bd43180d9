// Portability warnings checked directly (no launch): each code fires once per kernel for the
// shape or counters that should raise it, and not for a clean launch.
#include <gtest/gtest.h>

#include <cstdio>

#include "backends/ascend/Catalog.h"
#include "backends/ascend/PortabilityWarnings.h"

namespace {

using namespace npu::backends::ascend;

const DeviceModel &model(const std::string &id) {
  static const std::map<std::string, DeviceModel> catalog = [] {
    std::string error;
    return *loadCatalog(embeddedCatalogText(), "built-in", error);
  }();
  return catalog.at(id);
}

struct FakeTask : npu::detail::GridTask {
  FakeTask(const char *kernel, dim3 g, dim3 b, std::size_t shared = 0) {
    name = kernel;
    grid = g;
    block = b;
    dynamicSharedBytes = shared;
  }
  void runBlock() override {}
};

// A registry printing into a temporary file, and what it printed.
class Captured {
public:
  Captured() : file_(std::tmpfile()), registry_(file_) {}
  ~Captured() { std::fclose(file_); }
  WarningRegistry &registry() { return registry_; }
  std::string printed() {
    std::fflush(file_);
    std::rewind(file_);
    std::string text;
    for (int c; (c = std::fgetc(file_)) != EOF;)
      text += char(c);
    return text;
  }

private:
  std::FILE *file_;
  WarningRegistry registry_;
};

int count(const std::string &text, const std::string &what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(Warnings, CodesAreStable) {
  EXPECT_STREQ(warningCode(Warning::BlockLanesWasted), "NPUW001");
  EXPECT_STREQ(warningCode(Warning::BlockAboveSimtLimit), "NPUW002");
  EXPECT_STREQ(warningCode(Warning::SharedAboveUb), "NPUW003");
  EXPECT_STREQ(warningCode(Warning::GridAboveBlockLimit), "NPUW004");
  EXPECT_STREQ(warningCode(Warning::Fp64Emulated), "NPUW005");
  EXPECT_STREQ(warningCode(Warning::WarpOpsEmulated), "NPUW006");
  EXPECT_STREQ(warningCode(Warning::WarpSizeDiffers), "NPUW007");
  EXPECT_NE(std::string(warningSummary(Warning::Fp64Emulated)).find("fp64"), std::string::npos);
}

TEST(Warnings, CleanLaunchesWarnNothing) {
  Captured out;
  for (const char *id : {"910B3", "910C", "950DT"}) {
    checkLaunchShape(model(id), FakeTask("clean", dim3(1024), dim3(256), 4096), out.registry());
    npu::detail::CostTally tally;
    tally.fp32 = 100;
    tally.gread = 800;
    checkLaunchCounters(model(id), "clean", tally, out.registry());
  }
  EXPECT_EQ(out.printed(), "");
  EXPECT_TRUE(out.registry().seen().empty());
}

TEST(Warnings, BlockNotAWholeNumberOfVectorsOnlyWithoutSimt) {
  Captured out;
  for (int launch = 0; launch < 3; ++launch)
    checkLaunchShape(model("910B3"), FakeTask("odd", dim3(4), dim3(100)), out.registry());
  checkLaunchShape(model("910B3"), FakeTask("odd2", dim3(4), dim3(10, 10)), out.registry());
  checkLaunchShape(model("950DT"), FakeTask("odd3", dim3(4), dim3(100)), out.registry());
  const std::string text = out.printed();
  EXPECT_EQ(count(text, "[NPUW001]"), 2) << text;
  EXPECT_NE(text.find("npurt: warning: kernel 'odd': block of 100 threads runs as a vectorised "
                      "loop on one vector core of 910B3 in 64-lane fp32 vectors; 28 lanes of its "
                      "last vector idle (use a multiple of 64) [NPUW001]\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("odd3"), std::string::npos);
  auto seen = out.registry().seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].kernel, "odd");
  EXPECT_EQ(seen[0].count, 3u);
  EXPECT_EQ(seen[1].kernel, "odd2");
  EXPECT_EQ(seen[1].count, 1u);
  const std::string notes = formatWarningNotes(seen);
  EXPECT_NE(notes.find("portability warning NPUW001 kernel 'odd': 3 launches: block of 100"),
            std::string::npos)
      << notes;
}

TEST(Warnings, BlockAboveTheSimtLimit) {
  DeviceModel small = model("950DT");
  small.simtMaxThreadsPerBlock.value = 512;
  Captured out;
  checkLaunchShape(small, FakeTask("big", dim3(1), dim3(1024)), out.registry());
  checkLaunchShape(small, FakeTask("fits", dim3(1), dim3(512)), out.registry());
  const std::string text = out.printed();
  EXPECT_NE(text.find("kernel 'big': block of 1024 threads exceeds 950DT's SIMT limit of 512 "
                      "threads per block [NPUW002]"),
            std::string::npos)
      << text;
  EXPECT_EQ(count(text, "NPUW"), 1);
}

TEST(Warnings, DynamicSharedMemoryAboveTheUnifiedBuffer) {
  Captured out;
  checkLaunchShape(model("910B3"), FakeTask("ub", dim3(1), dim3(64), 192 * 1024 + 1),
                   out.registry());
  checkLaunchShape(model("910B3"), FakeTask("ubOk", dim3(1), dim3(64), 192 * 1024), out.registry());
  checkLaunchShape(model("950DT"), FakeTask("ub950", dim3(1), dim3(64), 200 * 1024),
                   out.registry());
  const std::string text = out.printed();
  EXPECT_NE(text.find("kernel 'ub': 196609 bytes of dynamic shared memory per block exceed the "
                      "196608-byte unified buffer of one vector core of 910B3 [NPUW003]"),
            std::string::npos)
      << text;
  EXPECT_EQ(count(text, "NPUW"), 1);
}

TEST(Warnings, GridAboveTheBlockLimit) {
  Captured out;
  checkLaunchShape(model("950DT"), FakeTask("huge", dim3(65536), dim3(64)), out.registry());
  checkLaunchShape(model("950DT"), FakeTask("huge2d", dim3(256, 257), dim3(64)), out.registry());
  checkLaunchShape(model("950DT"), FakeTask("limit", dim3(65535), dim3(64)), out.registry());
  const std::string text = out.printed();
  EXPECT_NE(text.find("kernel 'huge': grid of 65536 blocks exceeds the 65535 blocks one launch "
                      "may have on 950DT (executed anyway; split the launch) [NPUW004]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("kernel 'huge2d': grid of 65792 blocks"), std::string::npos) << text;
  EXPECT_EQ(count(text, "NPUW"), 2);
}

TEST(Warnings, Fp64AndWarpOperations) {
  Captured out;
  npu::detail::CostTally fp64;
  fp64.fp64 = 12;
  npu::detail::CostTally warp;
  warp.warpOps = 5;
  checkLaunchCounters(model("910B3"), "dbl", fp64, out.registry());
  checkLaunchCounters(model("910B3"), "dbl", fp64, out.registry());
  checkLaunchCounters(model("950DT"), "dbl950", fp64, out.registry());
  checkLaunchCounters(model("910C"), "shfl", warp, out.registry());
  checkLaunchCounters(model("950DT"), "shfl950", warp, out.registry()); // 32-lane SIMT: fine
  DeviceModel narrow = model("950DT");
  narrow.simtWarpSize.value = 16;
  checkLaunchCounters(narrow, "shfl16", warp, out.registry());
  const std::string text = out.printed();
  EXPECT_NE(text.find("kernel 'dbl': 12 fp64 operations: 910B3 has no FP64 units; each is "
                      "emulated at about 16 fp32 operations [NPUW005]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("kernel 'dbl950': 12 fp64 operations"), std::string::npos) << text;
  EXPECT_NE(text.find("kernel 'shfl': 5 warp operations: 910C has no SIMT warps"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("[NPUW006]"), std::string::npos);
  EXPECT_EQ(text.find("shfl950"), std::string::npos) << text;
  EXPECT_NE(text.find("kernel 'shfl16': warp operations written for 32-lane warps; 950DT's SIMT "
                      "warp has 16 lanes (npurt keeps CUDA's 32) [NPUW007]"),
            std::string::npos)
      << text;
  EXPECT_EQ(count(text, "NPUW"), 4);
}

} // namespace
