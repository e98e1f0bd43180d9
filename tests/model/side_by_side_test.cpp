// docs/ascend-model.md's side-by-side comparison with Huawei's msmodeling (Ascend/msmodeling,
// tensor_cast): the doc records, in a fenced `side-by-side` block, msmodeling's parameters per chip
// and each operation as both models see it. This test recomputes msmodeling's time by its formula
// from those parameters, ours by calling our cost model on the catalog's device, and checks the
// doc's tables (results and parameters) against both, so the comparison cannot drift from either
// model.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ModelTestSupport.h"

namespace model_test {
namespace {

using npu::backends::ascend::estimateKernel;
using npu::backends::ascend::estimateLibrary;
using npu::core::LibraryWork;

using Fields = std::map<std::string, std::string>;

struct Block {
  std::map<std::string, Fields> chips; // msmodeling's parameters by our model id
  std::map<std::string, Fields> ops;   // by operation name
  std::vector<std::string> opOrder;
};

std::string docText() {
  std::ifstream file(NPURT_DOCS_DIR "/ascend-model.md");
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// `word key=value key=value ...` lines between "```side-by-side" and the closing fence.
Block readBlock(const std::string &doc) {
  Block block;
  const std::size_t open = doc.find("```side-by-side\n");
  if (open == std::string::npos)
    return block;
  const std::size_t begin = doc.find('\n', open) + 1;
  std::istringstream lines(doc.substr(begin, doc.find("```", begin) - begin));
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string kind, name, pair;
    if (!(words >> kind >> name) || kind[0] == '#')
      continue;
    Fields fields;
    while (words >> pair) {
      const std::size_t equals = pair.find('=');
      EXPECT_NE(equals, std::string::npos) << line;
      fields[pair.substr(0, equals)] = pair.substr(equals + 1);
    }
    if (kind == "chip") {
      block.chips[name] = fields;
    } else {
      EXPECT_EQ(kind, "op") << line;
      block.ops[name] = fields;
      block.opOrder.push_back(name);
    }
  }
  return block;
}

double number(const Fields &fields, const std::string &key) {
  auto found = fields.find(key);
  return found == fields.end() ? 0 : std::stod(found->second);
}

// msmodeling's default operator estimate (tensor_cast/performance_model, _estimate_default):
//   static + max(mma / (mma peak x eta) + gp / (gp peak x eta), bytes / (bandwidth x eta_m))
// where static is the matmul cost when the op has matrix work and the vector cost otherwise, and
// an op with no work at all (views, no-op copies) costs 0.
double theirSeconds(const Fields &chip, const Fields &op) {
  const std::string dtype = op.at("theirs.dtype");
  const double mma = number(op, "theirs.mma"), gp = number(op, "theirs.gp");
  const double bytes = number(op, "theirs.bytes");
  if (mma == 0 && gp == 0 && bytes == 0)
    return 0;
  const double eta = number(chip, "computeEfficiency");
  double compute = 0;
  if (mma > 0)
    compute += mma / (number(chip, "mma." + dtype) * eta);
  if (gp > 0)
    compute += gp / (number(chip, "gp." + dtype) * eta);
  const double memory = bytes / (number(chip, "bandwidth") * number(chip, "memoryEfficiency"));
  const double fixed = number(chip, mma > 0 ? "static.mma" : "static.gp");
  return fixed + std::max(compute, memory);
}

// Our estimate: a kernel of `ours.grid` blocks of `ours.block` threads, each thread doing the
// `ours.<counter>` operations, or a library routine; "kernel+sync" adds the host's wait.
double ourSeconds(const DeviceModel &device, const Fields &op) {
  const std::string kind = op.at("ours.kind");
  if (kind == "library") {
    const LibraryWork work{LibraryWork::Unit::Matrix,
                           op.at("ours.precision") == "fp16" ? LibraryWork::Precision::Fp16
                                                             : LibraryWork::Precision::Fp32,
                           number(op, "ours.flops"), number(op, "ours.bytes")};
    return estimateLibrary(device, work).seconds;
  }
  CostTally perThread;
  perThread.fp32 = std::uint64_t(number(op, "ours.fp32"));
  perThread.fp16 = std::uint64_t(number(op, "ours.fp16"));
  perThread.intOps = std::uint64_t(number(op, "ours.intOps"));
  perThread.sfu = std::uint64_t(number(op, "ours.sfu"));
  perThread.gread = std::uint64_t(number(op, "ours.gread"));
  perThread.gwrite = std::uint64_t(number(op, "ours.gwrite"));
  perThread.shared = std::uint64_t(number(op, "ours.shared"));
  perThread.barriers = std::uint64_t(number(op, "ours.barriers"));
  LaunchProfile launch = uniformLaunch(device, dim3(unsigned(number(op, "ours.grid"))),
                                       dim3(unsigned(number(op, "ours.block"))), perThread);
  launch.footprintBytes = number(op, "ours.footprint");
  launch.counted = !launch.total.empty(); // an empty kernel is priced as uncounted, as at run time
  const double device_seconds = estimateKernel(device, launch).seconds;
  EXPECT_TRUE(kind == "kernel" || kind == "kernel+sync") << kind;
  return device_seconds + (kind == "kernel+sync" ? device.hostSyncLatency.value : 0);
}

// The cells of a markdown table row, trimmed; empty for a line that is not one.
std::vector<std::string> cells(const std::string &line) {
  std::vector<std::string> result;
  if (line.size() < 2 || line[0] != '|')
    return result;
  std::istringstream row(line.substr(1));
  std::string cell;
  while (std::getline(row, cell, '|')) {
    const std::size_t first = cell.find_first_not_of(' '), last = cell.find_last_not_of(' ');
    result.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
  }
  return result;
}

// Printed values carry 4 significant digits (or 0.1 us).
void expectPrinted(const std::string &cell, double expected, const std::string &what) {
  const double printed = std::stod(cell);
  EXPECT_NEAR(printed, expected, std::max(0.06, 1e-3 * std::fabs(expected))) << what;
}

TEST(SideBySide, TheDocsTableIsWhatBothModelsGiveForItsParameters) {
  const std::string doc = docText();
  ASSERT_FALSE(doc.empty()) << NPURT_DOCS_DIR "/ascend-model.md";
  const Block block = readBlock(doc);
  ASSERT_EQ(block.chips.size(), 3u);
  ASSERT_GE(block.ops.size(), 8u);

  std::istringstream lines(doc);
  std::string line;
  std::map<std::string, int> rowsSeen;
  while (std::getline(lines, line)) {
    const std::vector<std::string> row = cells(line);
    if (row.size() < 5 || !block.ops.count(row[0]) || !block.chips.count(row[1]))
      continue;
    const Fields &op = block.ops.at(row[0]);
    const std::string what = row[0] + " on " + row[1];
    const double ours = ourSeconds(catalogDevice(row[1]), op) * 1e6;
    const double theirs = theirSeconds(block.chips.at(row[1]), op) * 1e6;
    std::printf("[side-by-side] %-14s %-6s ours %10.1f us  msmodeling %10.1f us  ratio %.3f\n",
                row[0].c_str(), row[1].c_str(), ours, theirs, theirs > 0 ? ours / theirs : 0.0);
    expectPrinted(row[2], ours, what + ", ours");
    expectPrinted(row[3], theirs, what + ", msmodeling");
    if (theirs > 0) {
      EXPECT_NEAR(std::stod(row[4]), ours / theirs, 0.006) << what << ", ratio";
    } else {
      EXPECT_EQ(row[4], "-") << what << ": msmodeling prices it at 0";
    }
    // More than 20% apart: the last cell must say why.
    if (theirs == 0 || std::fabs(ours / theirs - 1) > 0.2) {
      EXPECT_GE(row.size() > 5 ? row[5].size() : 0, 5u) << what << ": no cause given";
    }
    ++rowsSeen[row[0]];
  }
  for (const std::string &name : block.opOrder)
    EXPECT_EQ(rowsSeen[name], 3) << name << ": one row per chip";
}

// The parameter table: our column is the catalog's, msmodeling's the block's.
TEST(SideBySide, TheDocsParameterTableIsTheCatalogsAndTheBlocks) {
  const std::string doc = docText();
  const Block block = readBlock(doc);
  ASSERT_EQ(block.chips.size(), 3u);
  struct Parameter {
    const char *label;
    Sourced DeviceModel::*ours;
    const char *theirs; // key in the block's chip line; "" when msmodeling has none
  };
  const Parameter parameters[] = {
      {"HBM bandwidth, B/s", &DeviceModel::hbmBandwidth, "bandwidth"},
      {"memory efficiency", &DeviceModel::memoryEfficiency, "memoryEfficiency"},
      {"vector fp32, flop/s", &DeviceModel::vectorFp32Flops, "gp.fp32"},
      {"vector fp16, flop/s", &DeviceModel::vectorFp16Flops, "gp.fp16"},
      {"cube fp16, flop/s", &DeviceModel::cubeFp16Flops, "mma.fp16"},
      {"vector compute efficiency", &DeviceModel::computeEfficiency, "computeEfficiency"},
      {"cube efficiency", &DeviceModel::cubeEfficiency, "computeEfficiency"},
      {"launch, vector op, s", &DeviceModel::launchOverhead, "static.gp"},
      {"launch, cube op, s", &DeviceModel::launchOverhead, "static.mma"},
      {"host wait after the work, s", &DeviceModel::hostSyncLatency, ""},
  };
  std::vector<std::string> chips; // from the header: | parameter | 910B3 ours | 910B3 msmodeling |
  std::istringstream lines(doc);
  std::string line;
  int checked = 0;
  while (std::getline(lines, line)) {
    const std::vector<std::string> row = cells(line);
    if (row.size() == 7 && row[0] == "parameter") {
      chips.clear();
      for (std::size_t i = 1; i < row.size(); i += 2)
        chips.push_back(row[i].substr(0, row[i].find(' ')));
      continue;
    }
    for (const Parameter &parameter : parameters) {
      if (row.size() != 7 || row[0] != parameter.label || chips.size() != 3)
        continue;
      for (std::size_t c = 0; c < 3; ++c) {
        const std::string what = std::string(parameter.label) + " on " + chips[c];
        const double ours = (catalogDevice(chips[c]).*parameter.ours).value;
        EXPECT_NEAR(std::stod(row[1 + 2 * c]), ours, 1e-3 * ours) << what << ", ours";
        if (*parameter.theirs == '\0') {
          EXPECT_EQ(row[2 + 2 * c], "-") << what;
        } else {
          const double theirs = number(block.chips.at(chips[c]), parameter.theirs);
          EXPECT_NEAR(std::stod(row[2 + 2 * c]), theirs, 1e-3 * theirs) << what << ", msmodeling";
        }
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, int(std::size(parameters)));
}

} // namespace
} // namespace model_test
