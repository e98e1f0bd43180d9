// Error handling (CUDA runtime manual: "Error Handling").
#include "api/ApiCall.h"

namespace {

const char *const kUnrecognized = "unrecognized error code";

} // namespace

extern "C" {

npuError_t npuGetLastError(void) {
  // A sticky error cannot be cleared: it is returned again until npuDeviceReset.
  if (auto *runtime = npu::core::Runtime::instance())
    if (npuError_t sticky = runtime->sticky.get(); sticky != npuSuccess) {
      npu::core::takeLastError();
      return sticky;
    }
  return npu::core::takeLastError();
}

npuError_t npuPeekAtLastError(void) {
  if (auto *runtime = npu::core::Runtime::instance())
    if (npuError_t sticky = runtime->sticky.get(); sticky != npuSuccess)
      return sticky;
  return npu::core::peekLastError();
}

const char *npuGetErrorName(npuError_t error) {
  switch (error) {
#define NPURT_ERROR_NAME_CASE(name, value, description)                                            \
  case name:                                                                                       \
    return #name;
    NPURT_ERROR_TABLE(NPURT_ERROR_NAME_CASE)
#undef NPURT_ERROR_NAME_CASE
  }
  return kUnrecognized;
}

const char *npuGetErrorString(npuError_t error) {
  switch (error) {
#define NPURT_ERROR_STRING_CASE(name, value, description)                                          \
  case name:                                                                                       \
    return description;
    NPURT_ERROR_TABLE(NPURT_ERROR_STRING_CASE)
#undef NPURT_ERROR_STRING_CASE
  }
  return kUnrecognized;
}

} // extern "C"
