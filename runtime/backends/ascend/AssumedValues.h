// NPURT_ASCEND_ASSUME: replaces catalog values that no source gives (source "assumed": special
// function and integer rates, UB bandwidth, atomic and barrier cycles, fp64 emulation, ...) for one
// run, so a user can see how much a modelled time rests on them:
//   NPURT_ASCEND_ASSUME=vectorSfuOps=2.3e12,atomicCycles=32
// Values are in the catalog's unit of the field (docs/ascend-model.md, "Assumed values").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "backends/ascend/DeviceModel.h"

namespace npu::backends::ascend {

// `model` with the `name=value` pairs of `spec` (comma-separated) applied. Only fields whose
// source is "assumed" in `model` may be named; on a bad name or value returns nullopt and `error`
// names the accepted fields. An empty spec returns `model` unchanged.
std::optional<DeviceModel> withAssumedValues(const DeviceModel &model, std::string_view spec,
                                             std::string &error);

// The names of `model`'s assumed fields, comma-separated, in catalog order.
std::string assumedFieldNames(const DeviceModel &model);

} // namespace npu::backends::ascend
