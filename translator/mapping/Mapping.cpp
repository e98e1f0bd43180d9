#include "mapping/Mapping.h"

#include <llvm/ADT/StringMap.h>

namespace cu2npu {
namespace {

const ApiRow Rows[] = {
#define CU2NPU_MAP(Cuda, Npu, K, Sec, St, Diag, Note)                                              \
  {#Cuda, #Npu, Kind::K, Section::Sec, Status::St, DiagId::Diag, Note},
#include "mapping/cooperative_groups.def"
#include "mapping/device_atomics.def"
#include "mapping/device_curand.def"
#include "mapping/device_intrinsics.def"
#include "mapping/device_math.def"
#include "mapping/device_sync.def"
#include "mapping/device_warp.def"
#include "mapping/half.def"
#include "mapping/lib_cub.def"
#include "mapping/lib_cublas.def"
#include "mapping/lib_cucomplex.def"
#include "mapping/lib_cufft.def"
#include "mapping/lib_curand_host.def"
#include "mapping/lib_thrust.def"
#include "mapping/runtime_device.def"
#include "mapping/runtime_error.def"
#include "mapping/runtime_event.def"
#include "mapping/runtime_exec.def"
#include "mapping/runtime_graph.def"
#include "mapping/runtime_interop.def"
#include "mapping/runtime_memory.def"
#include "mapping/runtime_peer.def"
#include "mapping/runtime_stream.def"
#include "mapping/runtime_texture.def"
#include "mapping/runtime_types.def"
#include "mapping/runtime_version.def"
#undef CU2NPU_MAP
};

const HeaderRow Headers[] = {
#define CU2NPU_HEADER(Cuda, Npu, St, Diag) {Cuda, Npu, Status::St, DiagId::Diag},
#include "mapping/headers.def"
#undef CU2NPU_HEADER
};

const SectionInfo Sections[] = {
#define CU2NPU_SECTION(S, Title, Group) {Section::S, #S, Title, Group},
#include "mapping/sections.def"
#undef CU2NPU_SECTION
};

const llvm::StringMap<const ApiRow *> &index() {
  static const llvm::StringMap<const ApiRow *> Index = [] {
    llvm::StringMap<const ApiRow *> M;
    for (const ApiRow &R : Rows)
      M.try_emplace(R.Cuda, &R);
    return M;
  }();
  return Index;
}

} // namespace

llvm::ArrayRef<ApiRow> allRows() { return Rows; }
llvm::ArrayRef<HeaderRow> allHeaders() { return Headers; }
llvm::ArrayRef<SectionInfo> allSections() { return Sections; }

const ApiRow *lookupApi(llvm::StringRef Name) {
  auto It = index().find(Name);
  return It == index().end() ? nullptr : It->second;
}

const HeaderRow *lookupHeader(llvm::StringRef Spelled) {
  for (const HeaderRow &H : Headers)
    if (Spelled == H.Cuda)
      return &H;
  return nullptr;
}

const char *kindName(Kind K) {
  switch (K) {
  case Kind::function:
    return "function";
  case Kind::type:
    return "type";
  case Kind::enumerator:
    return "enumerator";
  case Kind::macro:
    return "macro";
  case Kind::device_function:
    return "device-function";
  case Kind::member:
    return "member";
  }
  return "?";
}

const char *statusName(Status S) {
  switch (S) {
  case Status::supported:
    return "supported";
  case Status::partial:
    return "partial";
  case Status::unsupported:
    return "unsupported";
  }
  return "?";
}

const SectionInfo &sectionInfo(Section S) { return Sections[static_cast<int>(S)]; }

bool isSyncBuiltin(llvm::StringRef Name) {
  if (Name.starts_with("__syncthreads") || Name == "__syncwarp")
    return true;
  const ApiRow *R = lookupApi(Name);
  return R && R->Sec == Section::device_warp;
}

ApiFamily classifyCudaLike(llvm::StringRef N) {
  auto UpperAt = [&](size_t I) { return N.size() > I && N[I] >= 'A' && N[I] <= 'Z'; };
  if (N == "CUDA_VERSION" || N == "CUDART_VERSION")
    return ApiFamily::None;
  for (const char *Lib : {"cublas", "cufft", "curand", "cusparse", "cusolver", "cudnn", "nvrtc",
                          "nccl", "nvtx", "cutensor", "nvjpeg", "cupti"}) {
    llvm::StringRef L(Lib);
    if (N.starts_with(L) && (UpperAt(L.size()) || (N.size() > L.size() && N[L.size()] == '_')))
      return ApiFamily::Library;
  }
  if (N.starts_with("cuda") && UpperAt(4))
    return ApiFamily::Runtime;
  if (N.starts_with("cu") && UpperAt(2))
    return ApiFamily::Driver;
  if (N.starts_with("CU") && N.size() > 2 && N[2] >= 'a' && N[2] <= 'z')
    return ApiFamily::Driver;
  if (N.starts_with("CUDA_") || N.starts_with("CU_"))
    return ApiFamily::Driver;
  return ApiFamily::None;
}

} // namespace cu2npu
