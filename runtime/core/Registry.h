// The backends npurt can run on, selected by NPURT_BACKEND.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/Backend.h"

namespace npu::core {

// Creates the backend named by `spec` ("cpu", or "<name>:<options>"). On an unknown name or
// bad options returns nullptr and sets `error` to a message listing the accepted values.
std::unique_ptr<Backend> createBackend(std::string_view spec, std::string &error);

// "cpu" (and later "ascend:<model>"), for messages and documentation.
std::string acceptedBackends();

} // namespace npu::core
