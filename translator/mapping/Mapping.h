// The mapping table (translator/mapping/*.def): one row per CUDA name. It drives renames,
// diagnostics for unsupported names, --query-api and the generated docs/support tables.
#pragma once

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>

#include "diag/Diagnostics.h"

namespace cu2npu {

enum class Kind { function, type, enumerator, macro, device_function, member };
enum class Status { supported, partial, unsupported };
enum class Section {
#define CU2NPU_SECTION(S, Title, Group) S,
#include "mapping/sections.def"
#undef CU2NPU_SECTION
};

struct ApiRow {
  const char *Cuda;
  const char *Npu;
  Kind K;
  Section Sec;
  Status St;
  DiagId Diag;
  const char *Note;
};

struct HeaderRow {
  const char *Cuda;
  const char *Npu;
  Status St;
  DiagId Diag;
};

struct SectionInfo {
  Section Sec;
  const char *Name;  // file stem, e.g. runtime_memory
  const char *Title; // CUDA manual section
  const char *Group; // "runtime", "device" or "library"
};

llvm::ArrayRef<ApiRow> allRows();
llvm::ArrayRef<HeaderRow> allHeaders();
llvm::ArrayRef<SectionInfo> allSections();
const ApiRow *lookupApi(llvm::StringRef CudaName);
const HeaderRow *lookupHeader(llvm::StringRef Spelled);
const char *kindName(Kind K);
const char *statusName(Status S);
const SectionInfo &sectionInfo(Section S);

// Device builtins whose use forces the fiber path (block barrier, warp collective).
bool isSyncBuiltin(llvm::StringRef Name);

// Name classes that are CUDA API by their spelling (used when a name is not in the table).
enum class ApiFamily { None, Runtime, Driver, Library };
ApiFamily classifyCudaLike(llvm::StringRef Name);

} // namespace cu2npu
