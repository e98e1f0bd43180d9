// npuDeviceGetAttribute's table: each attribute read from the cached npuDeviceProp.
#pragma once

#include <optional>

#include "npurt/runtime.h"

namespace npu::api {

// The attribute's value, or nullopt for an attribute npurt does not know.
std::optional<int> deviceAttribute(const npuDeviceProp &prop, npuDeviceAttr attr);

} // namespace npu::api
