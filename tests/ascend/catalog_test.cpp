// The built-in device catalog: every model, every value sourced, the values consistent with one
// another and with the facts they come from; the checks a replacement catalog must pass.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "backends/ascend/Catalog.h"
#include "backends/ascend/Json.h"

namespace {

using namespace npu::backends::ascend;

constexpr double GiB = 1024.0 * 1024 * 1024, MiB = 1024.0 * 1024, KiB = 1024;

// The source tags of the device facts file (its section 6), plus "D" (derived, with a note) and
// "assumed" (with a note).
const std::set<std::string> kTags = {
    "R1",       "R2",       "M1",       "CM",        "W950",    "HC25",    "HC25p",    "HOT19",
    "HPCA21",   "CSET",     "SA",       "OBS",       "NV",      "MIND",    "UBM",      "DAC-arch",
    "DAC-351x", "DAC-simt", "DAC-kern", "DAC-idx",   "DAC-buf", "DAC-vec", "DAC-sync", "DAC-cpu",
    "DAC-attr", "CAM",      "KPP",      "PROF",      "PROF-op", "ADV",     "HCCL",     "CD",
    "AIB",      "ARS",      "PUM",      "PUM-press", "PU",      "TH",      "AS",       "AS-iss",
    "JAIN",     "LLMC",     "PPT",      "SYN",       "MLS",     "PTO",     "D",        "assumed"};

const std::map<std::string, DeviceModel> &builtIn() {
  static const std::map<std::string, DeviceModel> catalog = [] {
    std::string error;
    auto loaded = loadCatalog(embeddedCatalogText(), "built-in", error);
    EXPECT_TRUE(loaded.has_value()) << error;
    return loaded ? *loaded : std::map<std::string, DeviceModel>{};
  }();
  return catalog;
}

const DeviceModel &model(const std::string &id) {
  static const DeviceModel none;
  auto found = builtIn().find(id);
  EXPECT_NE(found, builtIn().end()) << id;
  return found == builtIn().end() ? none : found->second;
}

TEST(Catalog, EveryModelIsPresent) {
  std::set<std::string> ids;
  for (const auto &[id, device] : builtIn()) {
    ids.insert(id);
    EXPECT_EQ(device.id, id);
    EXPECT_NE(device.displayName.find("(modeled)"), std::string::npos) << id;
  }
  EXPECT_EQ(ids,
            (std::set<std::string>{"910B1", "910B2", "910B3", "910B4", "910C", "950PR", "950DT"}));
  EXPECT_EQ(model("910B3").displayName, "Ascend 910B3 (modeled)");
  EXPECT_EQ(model("910C").generation, "910C");
  EXPECT_EQ(model("950DT").generation, "950");
}

// Walks the JSON itself, so a value the loader would not read is checked too.
TEST(Catalog, EveryValueHasAKnownSourceAndDerivedOrAssumedOnesANote) {
  std::string error;
  auto root = json::parse(embeddedCatalogText(), error);
  ASSERT_TRUE(root) << error;
  const json::Value *models = root->find("models");
  ASSERT_TRUE(models && models->isArray());
  int values = 0;
  for (const json::Value &entry : models->array) {
    const std::string id = entry.find("id")->string;
    for (const auto &[field, value] : entry.object) {
      if (!value.isObject())
        continue; // id, displayName, generation, note
      ++values;
      const json::Value *source = value.find("source");
      ASSERT_TRUE(source && source->isString()) << id << "." << field;
      EXPECT_TRUE(kTags.count(source->string)) << id << "." << field << ": " << source->string;
      if (source->string == "D" || source->string == "assumed") {
        const json::Value *note = value.find("note");
        EXPECT_TRUE(note && note->isString() && !note->string.empty()) << id << "." << field;
      }
    }
  }
  EXPECT_EQ(values, 7 * 41);
}

TEST(Catalog, ValuesFromTheFactsTable) {
  struct Expected {
    const char *id;
    int aic, aiv;
    double clock, hbm, bandwidth, l2;
  };
  const Expected table[] = {
      {"910B1", 24, 48, 1.85e9, 64 * GiB, 1.6e12, 192 * MiB},
      {"910B2", 24, 48, 1.80e9, 64 * GiB, 1.6e12, 192 * MiB},
      {"910B3", 20, 40, 1.80e9, 64 * GiB, 1.6e12, 192 * MiB},
      {"910B4", 20, 40, 1.50e9, 32 * GiB, 0.8e12, 96 * MiB},
      {"910C", 24, 48, 1.80e9, 64 * GiB, 1.6e12, 192 * MiB}, // one die
      {"950PR", 32, 64, 1.65e9, 128 * GiB, 1.6e12, 128 * MiB},
      {"950DT", 36, 72, 1.65e9, 144 * GiB, 4.0e12, 128 * MiB},
  };
  for (const Expected &e : table) {
    const DeviceModel &m = model(e.id);
    SCOPED_TRACE(e.id);
    EXPECT_EQ(m.cubeCores.value, e.aic);
    EXPECT_EQ(m.vectorCores.value, e.aiv);
    EXPECT_EQ(m.clockHz.value, e.clock);
    EXPECT_EQ(m.hbmBytes.value, e.hbm);
    EXPECT_EQ(m.hbmBandwidth.value, e.bandwidth);
    EXPECT_EQ(m.l2Bytes.value, e.l2);
    EXPECT_EQ(m.allocationAlignment.value, 32);
    EXPECT_EQ(m.allocationPadding.value, 32);
    EXPECT_EQ(m.maxBlocksPerLaunch.value, 65535);
  }
  EXPECT_EQ(model("910B3").unifiedBufferBytes.value, 192 * KiB);
  EXPECT_EQ(model("950DT").unifiedBufferBytes.value, 248 * KiB);
  EXPECT_EQ(model("950DT").cubeBf16Flops.value, 486e12);
  EXPECT_EQ(model("950PR").cubeBf16Flops.value, 432e12);
  EXPECT_EQ(model("910C").memoryEfficiency.value, 0.84);
  EXPECT_EQ(model("910C").memoryEfficiency.source, "CM");
  EXPECT_EQ(model("950DT").memoryEfficiency.value, 0.8);
  EXPECT_EQ(model("950DT").computeEfficiency.value, 0.9);
  EXPECT_EQ(model("910B3").computeEfficiency.value, 0.7);
}

TEST(Catalog, ValuesAreConsistent) {
  for (const auto &[id, m] : builtIn()) {
    SCOPED_TRACE(id);
    // The cube does 16x16x16 MACs = 8192 bf16 flops per cycle per AIC (facts note 2).
    EXPECT_NEAR(m.cubeBf16Flops.value / (m.cubeCores.value * 8192 * m.clockHz.value), 1.0, 0.01);
    EXPECT_GE(m.cubeFp16Flops.value, m.cubeBf16Flops.value);
    EXPECT_LT(m.cubeFp32Flops.value, m.cubeBf16Flops.value);
    EXPECT_NEAR(m.cubeInt8Ops.value / m.cubeBf16Flops.value, 2.0, 0.01);
    EXPECT_EQ(m.vectorCores.value, 2 * m.cubeCores.value); // two AIVs per AIC
    EXPECT_NEAR(m.vectorFp16Flops.value / m.vectorFp32Flops.value, 2.0, 0.01);
    // Vector fp32 = AIV x lanes x 2 (FMA) x clock, within the published figures' rounding.
    EXPECT_NEAR(m.vectorFp32Flops.value /
                    (m.vectorCores.value * m.vectorLanesFp32.value * 2 * m.clockHz.value),
                1.0, 0.02);
    EXPECT_GT(m.computeEfficiency.value, 0);
    EXPECT_LE(m.computeEfficiency.value, 1);
    EXPECT_GT(m.memoryEfficiency.value, 0);
    EXPECT_LE(m.memoryEfficiency.value, 1);
    EXPECT_GT(m.launchOverhead.value, 0);
    EXPECT_LT(m.launchOverhead.value, 1e-4);
    EXPECT_GT(m.l2Bandwidth.value, m.hbmBandwidth.value);
    EXPECT_GT(m.fp64EmulationFactor.value, 1);
    // SIMT exists only on the 950 generation.
    EXPECT_EQ(m.hasSimt(), m.generation == "950");
    if (m.hasSimt()) {
      EXPECT_EQ(m.simtWarpSize.value, 32);
      EXPECT_EQ(m.simtWarpSchedulers.value, 4);
      EXPECT_EQ(m.simtMaxThreadsPerBlock.value, 2048);
    } else {
      EXPECT_EQ(m.simtWarpSchedulers.value, 0);
      EXPECT_EQ(m.simtMaxThreadsPerBlock.value, 0);
      EXPECT_EQ(m.vectorLanesFp32.value, 64);
    }
  }
}

TEST(Catalog, ProcessCatalogIsTheBuiltInOneWithoutTheVariable) {
  if (std::getenv("NPURT_ASCEND_CATALOG"))
    GTEST_SKIP() << "NPURT_ASCEND_CATALOG is set";
  EXPECT_EQ(deviceCatalog().size(), 7u);
  std::string error;
  const DeviceModel *found = findDeviceModel("950DT", error);
  ASSERT_NE(found, nullptr) << error;
  EXPECT_EQ(found->vectorCores.value, 72);
  EXPECT_EQ(findDeviceModel("910B9", error), nullptr);
  EXPECT_EQ(error, "unknown Ascend model '910B9' (ascend:<model>, models: 910B1, 910B2, 910B3, "
                   "910B4, 910C, 950DT, 950PR)");
  EXPECT_EQ(findDeviceModel("", error), nullptr);
  EXPECT_NE(error.find("the ascend backend needs a model"), std::string::npos);
}

// A catalog text with one model: the built-in 910B3 entry with `edit` applied to its JSON.
std::string editedCatalog(const std::string &from, const std::string &to) {
  std::string text(embeddedCatalogText());
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos)
    text.replace(at, from.size(), to);
  return text;
}

std::string loadError(const std::string &text) {
  std::string error;
  auto loaded = loadCatalog(text, "test.json", error);
  EXPECT_FALSE(loaded.has_value());
  return error;
}

TEST(Catalog, ReplacementCatalogsAreChecked) {
  // The 910B1 entry starts on line 6; its fields follow one per line.
  EXPECT_EQ(loadError(editedCatalog(
                "\"cubeCores\": {\"value\": 24, \"source\": \"R1\", \"unit\": \"count\"},\n", "")),
            "test.json:5:5: model 910B1 lacks field \"cubeCores\"");
  EXPECT_EQ(loadError(editedCatalog(
                "\"cubeCores\": {\"value\": 24, \"source\": \"R1\", \"unit\": \"count\"}",
                "\"cubeCores\": {\"value\": 24, \"unit\": \"count\"}")),
            "test.json:9:20: model 910B1.cubeCores has no \"source\" (a facts tag, \"D\" or "
            "\"assumed\")");
  EXPECT_EQ(loadError(editedCatalog(
                "\"cubeCores\": {\"value\": 24, \"source\": \"R1\", \"unit\": \"count\"}",
                "\"cubeCores\": {\"value\": 24, \"source\": \"\", \"unit\": \"count\"}")),
            "test.json:9:44: model 910B1.cubeCores.source must be a non-empty string");
  EXPECT_EQ(loadError(editedCatalog(
                "\"cubeCores\": {\"value\": 24, \"source\": \"R1\", \"unit\": \"count\"}",
                "\"cubeCores\": {\"value\": 24, \"source\": \"D\", \"unit\": \"count\"}")),
            "test.json:9:20: model 910B1.cubeCores is \"D\" and needs a \"note\" saying how it "
            "was obtained");
  EXPECT_EQ(loadError(editedCatalog(
                "\"cubeCores\": {\"value\": 24, \"source\": \"R1\", \"unit\": \"count\"}",
                "\"cubeCores\": {\"value\": 24.5, \"source\": \"R1\", \"unit\": \"count\"}")),
            "test.json:9:30: model 910B1.cubeCores.value must be a whole number");
  EXPECT_EQ(loadError(editedCatalog(
                "\"cubeCores\": {\"value\": 24, \"source\": \"R1\", \"unit\": \"count\"}",
                "\"cubeCores\": {\"value\": \"24\", \"source\": \"R1\", \"unit\": \"count\"}")),
            "test.json:9:30: model 910B1.cubeCores.value must be a number");
  EXPECT_EQ(loadError(editedCatalog(
                "\"cubeCores\": {\"value\": 24, \"source\": \"R1\", \"unit\": \"count\"}",
                "\"cubeCores\": {\"value\": 24, \"source\": \"R1\", \"unit\": \"count\"},\n"
                "      \"cubeCorez\": {\"value\": 24, \"source\": \"R1\", \"unit\": \"count\"}")),
            "test.json:10:20: model 910B1: unknown field \"cubeCorez\"");
  EXPECT_EQ(loadError(editedCatalog("\"id\": \"910B2\"", "\"id\": \"910B1\"")),
            "test.json:51:5: model 910B1 appears twice");
  EXPECT_EQ(loadError(editedCatalog("npurt-ascend-devices/1", "npurt-ascend-devices/2")),
            "test.json:2:13: \"schema\" must be \"npurt-ascend-devices/1\"");
  EXPECT_EQ(loadError(editedCatalog("\"id\": \"910B1\",", "\"id\": \"910B1\",,")),
            "test.json:6:21: expected a member name in double quotes, found ','");
  EXPECT_EQ(loadError("[]"), "test.json:1:1: the catalog must be a JSON object");
}

// Units: every value states the field's unit; byte quantities the figure they were read from, with
// a decimal or binary prefix that must give the value (a binary reading of a decimal label fails).
TEST(Catalog, UnitsAndPublishedFiguresAreChecked) {
  const std::string cubeCores =
      "\"cubeCores\": {\"value\": 24, \"source\": \"R1\", \"unit\": \"count\"}";
  const std::string hbm = "\"hbmBandwidth\": {\"value\": 1600000000000, \"source\": \"M1\", "
                          "\"unit\": \"B/s\", \"published\": \"1.6 TB/s\"";
  const std::string hbmAs = "\"hbmBandwidth\": {\"value\": 1600000000000, \"source\": \"M1\", "
                            "\"unit\": \"B/s\"";
  EXPECT_EQ(
      loadError(editedCatalog(cubeCores, "\"cubeCores\": {\"value\": 24, \"source\": \"R1\"}")),
      "test.json:9:20: model 910B1.cubeCores has no \"unit\" (it is \"count\")");
  EXPECT_EQ(loadError(editedCatalog(
                cubeCores, "\"cubeCores\": {\"value\": 24, \"source\": \"R1\", \"unit\": \"Hz\"}")),
            "test.json:9:58: model 910B1.cubeCores.unit is \"Hz\"; the field's unit is \"count\"");
  EXPECT_NE(
      loadError(editedCatalog(hbm, "\"hbmBandwidth\": {\"value\": 1759218604441.6, "
                                   "\"source\": \"M1\", \"unit\": \"B/s\", "
                                   "\"published\": \"1.6 TB/s\""))
          .find("model 910B1.hbmBandwidth.published \"1.6 TB/s\" is not the value 1.75922e+12"),
      std::string::npos);
  EXPECT_NE(loadError(editedCatalog(hbm, hbmAs + ", \"published\": \"1.6 TiB/s\""))
                .find("\"1.6 TiB/s\" is not the value 1.6e+12"),
            std::string::npos);
  EXPECT_NE(
      loadError(editedCatalog(hbm, hbmAs)).find("model 910B1.hbmBandwidth needs \"published\""),
      std::string::npos);
  EXPECT_NE(loadError(editedCatalog(hbm, hbmAs + ", \"published\": \"1.6 TB\""))
                .find("published \"1.6 TB\" is not \"<number> <prefix>B/s\""),
            std::string::npos);
  EXPECT_NE(
      loadError(editedCatalog(cubeCores, "\"cubeCores\": {\"value\": 24, \"source\": "
                                         "\"R1\", \"unit\": \"count\", \"published\": \"24\"}"))
          .find("model 910B1.cubeCores.published is only for byte quantities"),
      std::string::npos);
}

// The disagreements between sources that the catalog settles (docs/ascend-model.md, "Units and
// disagreements between sources"): decimal HBM bandwidth, binary capacities, grounded cube peaks.
TEST(Catalog, DisagreementsAreSettledAsDocumented) {
  EXPECT_EQ(model("910B3").hbmBandwidth.published, "1.6 TB/s");
  EXPECT_EQ(model("910B3").hbmBandwidth.value, 1.6e12);
  EXPECT_EQ(model("910B3").hbmBytes.published, "64 GiB");
  EXPECT_EQ(model("910B3").cubeFp16Flops.value, 20 * 8192 * 1.8e9); // not msmodeling's 313 T
  EXPECT_EQ(model("950PR").cubeFp16Flops.value, 432e12);            // the 32/64 SKU, not 378 T
  for (const auto &[id, device] : builtIn())
    EXPECT_NE(device.hbmBandwidth.note.find("decimal"), std::string::npos) << id;
}

} // namespace
