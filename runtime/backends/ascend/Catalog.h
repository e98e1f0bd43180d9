// Loading the device catalog (DeviceModel.h declares the lookups). Separate from them so tests
// can load a catalog text without touching the process-wide one.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backends/ascend/DeviceModel.h"

namespace npu::backends::ascend {

// The catalog compiled into the library (catalog/ascend-devices.json, embedded at build time).
std::string_view embeddedCatalogText();

// Parses and checks a catalog: the schema tag, every DeviceModel field of every model present as
// {"value": number, "source": "tag"}, a "note" for "D" and "assumed" values, no unknown members,
// unique ids. On failure returns nullopt and sets `error` to "ORIGIN:LINE:COLUMN: what".
std::optional<std::map<std::string, DeviceModel>>
loadCatalog(std::string_view text, const std::string &origin, std::string &error);

// The catalog's name of a DeviceModel value ("vectorSfuOps" for &model.vectorSfuOps), or nullptr
// when `value` is not one of `model`'s fields.
const char *catalogFieldName(const DeviceModel &model, const Sourced &value);
// The field called `name` of `model`, or nullptr.
Sourced *catalogField(DeviceModel &model, std::string_view name);
// Every field name, in catalog order.
std::vector<std::string_view> catalogFieldNames();

// Where the process-wide catalog came from: "built-in" or the NPURT_ASCEND_CATALOG path.
std::string catalogOrigin();

} // namespace npu::backends::ascend
