#include "backends/ascend/AssumedValues.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "backends/ascend/Catalog.h"

namespace npu::backends::ascend {
namespace {

constexpr const char *kVariable = "NPURT_ASCEND_ASSUME";

bool isAssumed(const Sourced &value) { return value.source == "assumed"; }

// A finite non-negative number filling all of `text`.
std::optional<double> parseNumber(std::string_view text) {
  const std::string copy(text);
  if (copy.empty())
    return std::nullopt;
  char *end = nullptr;
  errno = 0;
  const double number = std::strtod(copy.c_str(), &end);
  if (errno != 0 || end != copy.c_str() + copy.size() || !std::isfinite(number) || number < 0)
    return std::nullopt;
  return number;
}

} // namespace

std::string assumedFieldNames(const DeviceModel &model) {
  DeviceModel copy = model;
  std::string names;
  for (std::string_view name : catalogFieldNames())
    if (isAssumed(*catalogField(copy, name)))
      names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

std::optional<DeviceModel> withAssumedValues(const DeviceModel &model, std::string_view spec,
                                             std::string &error) {
  DeviceModel result = model;
  while (!spec.empty()) {
    const std::size_t comma = spec.find(',');
    const std::string_view item = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
    const std::size_t equals = item.find('=');
    const std::string_view name = item.substr(0, equals);
    Sourced *field = catalogField(result, name);
    if (equals == std::string_view::npos || field == nullptr || !isAssumed(*field)) {
      error = std::string(kVariable) + ": '" + std::string(item) +
              "' does not set an assumed value of " + model.id +
              " (name=value, names: " + assumedFieldNames(model) + ")";
      return std::nullopt;
    }
    const std::optional<double> number = parseNumber(item.substr(equals + 1));
    if (!number || (field->unit == "count" && *number != std::floor(*number))) {
      error = std::string(kVariable) + ": '" + std::string(item.substr(equals + 1)) + "' for " +
              std::string(name) + " is not a non-negative number (unit " + field->unit + ")";
      return std::nullopt;
    }
    char previous[32];
    std::snprintf(previous, sizeof previous, "%g", field->value);
    field->note =
        "set by " + std::string(kVariable) + " (the catalog's assumed value is " + previous + ")";
    field->value = *number;
  }
  return result;
}

} // namespace npu::backends::ascend
