// cuFFT (cuFFT library documentation, "cuFFT API Reference") over FFTW (fftw3, fftw3f).
// A plan records the transform's shape; each execution plans FFTW for the actual arrays with
// FFTW_ESTIMATE (which never touches them and is cheap) and runs that plan in stream order. FFTW's
// sign convention and lack of normalisation are cuFFT's, and FFTW's advanced layout (n, inembed,
// stride, dist) is cuFFT's advanced data layout.
#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <type_traits>
#include <vector>

#include "lib/LibraryCall.h"
#include "npurt/lib/cufft.h"

namespace {

struct Layout {
  std::vector<int> embed; // empty: the basic layout
  int stride = 1, dist = 0;
};

struct Plan {
  bool made = false;
  cufftType type = CUFFT_C2C;
  std::vector<int> n;
  Layout in, out;
  int batch = 1;
  npuStream_t stream = nullptr;
  // cufftSetAutoAllocation's flag and cufftSetWorkArea's pointer, recorded so a program can
  // set them: FFTW's plans allocate whatever scratch they need themselves, so the work size is
  // always 0 and a plan runs with or without a caller's work area.
  bool autoAllocate = true;
  void *workArea = nullptr;
};

class PlanRegistry {
public:
  cufftHandle create() {
    std::lock_guard lock(mutex_);
    plans_[next_] = Plan{};
    return next_++;
  }
  bool destroy(cufftHandle h) {
    std::lock_guard lock(mutex_);
    return plans_.erase(h) == 1;
  }
  // Runs `use` on the plan under the lock; false when there is no such plan.
  template <class Use> bool with(cufftHandle h, Use use) {
    std::lock_guard lock(mutex_);
    auto it = plans_.find(h);
    if (it == plans_.end())
      return false;
    use(it->second);
    return true;
  }

private:
  std::mutex mutex_;
  std::map<cufftHandle, Plan> plans_;
  cufftHandle next_ = 1;
};

PlanRegistry &registry() {
  static PlanRegistry plans;
  return plans;
}

// FFTW's planner is not thread-safe (FFTW manual, "Thread safety"); its execute is. Never
// destroyed: a transform still queued at exit destroys its plan while the runtime drains the
// streams, after this file's statics may be gone.
std::mutex &plannerMutex() {
  static std::mutex *const m = new std::mutex;
  return *m;
}

bool isReal(cufftType t) { return t != CUFFT_C2C && t != CUFFT_Z2Z; }
bool isDouble(cufftType t) { return t == CUFFT_Z2Z || t == CUFFT_D2Z || t == CUFFT_Z2D; }
bool validType(cufftType t) {
  return t == CUFFT_C2C || t == CUFFT_R2C || t == CUFFT_C2R || t == CUFFT_Z2Z || t == CUFFT_D2Z ||
         t == CUFFT_Z2D;
}

// A transform shape's checks, as cuFFT orders them: sizes, then type, then the layout.
cufftResult checkShape(int rank, const int *n, const int *inembed, int istride, int idist,
                       const int *onembed, int ostride, int odist, cufftType type, int batch) {
  if (rank < 1 || rank > 3 || n == nullptr)
    return CUFFT_INVALID_SIZE;
  for (int d = 0; d < rank; ++d)
    if (n[d] <= 0)
      return CUFFT_INVALID_SIZE;
  if (batch <= 0)
    return CUFFT_INVALID_SIZE;
  if (!validType(type))
    return CUFFT_INVALID_TYPE;
  // cuFFT takes both embeddings or neither: one alone is the basic layout too.
  const bool advanced = inembed != nullptr && onembed != nullptr;
  if (advanced && (istride <= 0 || ostride <= 0 || idist <= 0 || odist <= 0))
    return CUFFT_INVALID_VALUE;
  return CUFFT_SUCCESS;
}

// The work area a transform of this shape needs: none (FFTW's plans hold their own scratch).
cufftResult workSizeOf(int rank, const int *n, const int *inembed, int istride, int idist,
                       const int *onembed, int ostride, int odist, cufftType type, int batch,
                       size_t *workSize) {
  if (cufftResult r =
          checkShape(rank, n, inembed, istride, idist, onembed, ostride, odist, type, batch);
      r != CUFFT_SUCCESS)
    return r;
  if (workSize == nullptr)
    return CUFFT_INVALID_VALUE;
  *workSize = 0;
  return CUFFT_SUCCESS;
}

// cufftGetSize*: the plan must exist; the answer is the shape's (0).
cufftResult planWorkSize(cufftHandle handle, int rank, const int *n, const int *inembed,
                         int istride, int idist, const int *onembed, int ostride, int odist,
                         cufftType type, int batch, size_t *workSize) {
  if (!registry().with(handle, [](Plan &) {}))
    return CUFFT_INVALID_PLAN;
  return workSizeOf(rank, n, inembed, istride, idist, onembed, ostride, odist, type, batch,
                    workSize);
}

cufftResult makePlan(cufftHandle handle, int rank, const int *n, const int *inembed, int istride,
                     int idist, const int *onembed, int ostride, int odist, cufftType type,
                     int batch, size_t *workSize) {
  if (cufftResult r =
          checkShape(rank, n, inembed, istride, idist, onembed, ostride, odist, type, batch);
      r != CUFFT_SUCCESS)
    return r;
  const bool advanced = inembed != nullptr && onembed != nullptr;
  Plan plan;
  plan.made = true;
  plan.type = type;
  plan.n.assign(n, n + rank);
  plan.batch = batch;
  if (advanced) {
    plan.in = {std::vector<int>(inembed, inembed + rank), istride, idist};
    plan.out = {std::vector<int>(onembed, onembed + rank), ostride, odist};
  }
  if (!registry().with(handle, [&](Plan &p) {
        plan.stream = p.stream; // set on the plan before it was made: kept
        plan.autoAllocate = p.autoAllocate;
        plan.workArea = p.workArea;
        p = plan;
      }))
    return CUFFT_INVALID_PLAN;
  if (workSize)
    *workSize = 0;
  return CUFFT_SUCCESS;
}

cufftResult createAndMake(cufftHandle *plan, int rank, const int *n, cufftType type, int batch) {
  if (plan == nullptr)
    return CUFFT_INVALID_VALUE;
  if (npuFree(nullptr) != npuSuccess) // cuFFT initialises the runtime too
    return CUFFT_SETUP_FAILED;
  const cufftHandle h = registry().create();
  if (cufftResult r = makePlan(h, rank, n, nullptr, 1, 0, nullptr, 1, 0, type, batch, nullptr);
      r != CUFFT_SUCCESS) {
    registry().destroy(h);
    return r;
  }
  *plan = h;
  return CUFFT_SUCCESS;
}

// The layout FFTW is given for one side of a transform: the plan's advanced layout, or the
// basic one (contiguous; the real side of an in-place real transform padded to
// 2 * (n_last / 2 + 1) per row, as cuFFT lays it out).
struct Side {
  std::vector<int> embed;
  int stride = 1, dist = 1;
};
Side sideFor(const Plan &p, const Layout &given, bool complexSide, bool inPlace) {
  if (!given.embed.empty())
    return {given.embed, given.stride, given.dist};
  std::vector<int> embed = p.n;
  if (isReal(p.type)) {
    const int half = p.n.back() / 2 + 1;
    embed.back() = complexSide ? half : inPlace ? 2 * half : p.n.back();
  }
  int dist = 1;
  for (int e : embed)
    dist *= e;
  return {embed, 1, dist};
}

double transformSize(const Plan &p) {
  double size = 1;
  for (int e : p.n)
    size *= e;
  return size;
}

// The vector-unit work of the plan: 5 N log2 N flops per complex transform of N points (the
// usual FFT operation count, FFTW's benchFFT convention), half of it for a real transform.
npu::core::LibraryWork fftWork(const Plan &p) {
  const double size = transformSize(p), element = isDouble(p.type) ? 8 : 4;
  const double flops = 5 * size * std::log2(std::max(2.0, size)) * p.batch;
  const double bytes = size * p.batch * element * (isReal(p.type) ? 3 : 4); // in + out
  return {npu::core::LibraryWork::Unit::Vector,
          isDouble(p.type) ? npu::core::LibraryWork::Precision::Fp64
                           : npu::core::LibraryWork::Precision::Fp32,
          isReal(p.type) ? flops / 2 : flops, bytes};
}

template <class Real, class Complex> struct Fftw;
template <> struct Fftw<float, fftwf_complex> {
  using Plan = fftwf_plan;
  static Plan dft(int rank, const int *n, int howmany, fftwf_complex *in, const int *inembed,
                  int istride, int idist, fftwf_complex *out, const int *onembed, int ostride,
                  int odist, int sign) {
    return fftwf_plan_many_dft(rank, n, howmany, in, inembed, istride, idist, out, onembed, ostride,
                               odist, sign, FFTW_ESTIMATE);
  }
  static Plan r2c(int rank, const int *n, int howmany, float *in, const int *inembed, int istride,
                  int idist, fftwf_complex *out, const int *onembed, int ostride, int odist) {
    return fftwf_plan_many_dft_r2c(rank, n, howmany, in, inembed, istride, idist, out, onembed,
                                   ostride, odist, FFTW_ESTIMATE);
  }
  static Plan c2r(int rank, const int *n, int howmany, fftwf_complex *in, const int *inembed,
                  int istride, int idist, float *out, const int *onembed, int ostride, int odist) {
    return fftwf_plan_many_dft_c2r(rank, n, howmany, in, inembed, istride, idist, out, onembed,
                                   ostride, odist, FFTW_ESTIMATE);
  }
  static void execute(Plan p) { fftwf_execute(p); }
  static void destroy(Plan p) { fftwf_destroy_plan(p); }
};
template <> struct Fftw<double, fftw_complex> {
  using Plan = fftw_plan;
  static Plan dft(int rank, const int *n, int howmany, fftw_complex *in, const int *inembed,
                  int istride, int idist, fftw_complex *out, const int *onembed, int ostride,
                  int odist, int sign) {
    return fftw_plan_many_dft(rank, n, howmany, in, inembed, istride, idist, out, onembed, ostride,
                              odist, sign, FFTW_ESTIMATE);
  }
  static Plan r2c(int rank, const int *n, int howmany, double *in, const int *inembed, int istride,
                  int idist, fftw_complex *out, const int *onembed, int ostride, int odist) {
    return fftw_plan_many_dft_r2c(rank, n, howmany, in, inembed, istride, idist, out, onembed,
                                  ostride, odist, FFTW_ESTIMATE);
  }
  static Plan c2r(int rank, const int *n, int howmany, fftw_complex *in, const int *inembed,
                  int istride, int idist, double *out, const int *onembed, int ostride, int odist) {
    return fftw_plan_many_dft_c2r(rank, n, howmany, in, inembed, istride, idist, out, onembed,
                                  ostride, odist, FFTW_ESTIMATE);
  }
  static void execute(Plan p) { fftw_execute(p); }
  static void destroy(Plan p) { fftw_destroy_plan(p); }
};

enum class Kind { Complex, RealToComplex, ComplexToReal };

// Runs the plan `handle` (of type `expected`) on idata -> odata in its stream's order.
template <class Real, class Complex, class In, class Out>
cufftResult execute(cufftHandle handle, cufftType expected, Kind kind, const char *name, In *idata,
                    Out *odata, int direction) {
  Plan plan;
  if (!registry().with(handle, [&](Plan &p) { plan = p; }) || !plan.made)
    return CUFFT_INVALID_PLAN;
  if (plan.type != expected)
    return CUFFT_INVALID_PLAN;
  if (idata == nullptr || odata == nullptr ||
      (kind == Kind::Complex && direction != CUFFT_FORWARD && direction != CUFFT_INVERSE))
    return CUFFT_INVALID_VALUE;
  const bool inPlace = static_cast<void *>(idata) == static_cast<void *>(odata);
  const Side in = sideFor(plan, plan.in, kind != Kind::RealToComplex, inPlace);
  const Side out = sideFor(plan, plan.out, kind != Kind::ComplexToReal, inPlace);
  using F = Fftw<Real, Complex>;
  // Planned now, on the actual arrays (FFTW_ESTIMATE reads neither), so a layout FFTW cannot
  // do fails the call rather than the stream.
  std::shared_ptr<std::remove_pointer_t<typename F::Plan>> fftwPlan;
  {
    std::lock_guard lock(plannerMutex());
    const int rank = int(plan.n.size());
    auto *i = reinterpret_cast<void *>(idata);
    auto *o = reinterpret_cast<void *>(odata);
    typename F::Plan p;
    if (kind == Kind::Complex)
      p = F::dft(rank, plan.n.data(), plan.batch, static_cast<Complex *>(i), in.embed.data(),
                 in.stride, in.dist, static_cast<Complex *>(o), out.embed.data(), out.stride,
                 out.dist, direction);
    else if (kind == Kind::RealToComplex)
      p = F::r2c(rank, plan.n.data(), plan.batch, static_cast<Real *>(i), in.embed.data(),
                 in.stride, in.dist, static_cast<Complex *>(o), out.embed.data(), out.stride,
                 out.dist);
    else
      p = F::c2r(rank, plan.n.data(), plan.batch, static_cast<Complex *>(i), in.embed.data(),
                 in.stride, in.dist, static_cast<Real *>(o), out.embed.data(), out.stride,
                 out.dist);
    if (p == nullptr)
      return CUFFT_INVALID_VALUE;
    fftwPlan.reset(p, [](typename F::Plan done) {
      std::lock_guard destroying(plannerMutex());
      F::destroy(done);
    });
  }
  auto compute = [fftwPlan] { F::execute(fftwPlan.get()); };
  return npu::lib::runLibraryCall(plan.stream, name, fftWork(plan), compute, false) == npuSuccess
             ? CUFFT_SUCCESS
             : CUFFT_EXEC_FAILED;
}

} // namespace

extern "C" {

cufftResult cufftCreate(cufftHandle *plan) {
  if (plan == nullptr)
    return CUFFT_INVALID_VALUE;
  if (npuFree(nullptr) != npuSuccess)
    return CUFFT_SETUP_FAILED;
  *plan = registry().create();
  return CUFFT_SUCCESS;
}

// Queued transforms own their FFTW plans: destroying the cuFFT plan does not wait for them.
cufftResult cufftDestroy(cufftHandle plan) {
  return registry().destroy(plan) ? CUFFT_SUCCESS : CUFFT_INVALID_PLAN;
}

cufftResult cufftGetVersion(int *version) {
  if (version == nullptr)
    return CUFFT_INVALID_VALUE;
  *version = 11000; // CUFFT_VERSION of cuFFT 11.0 (CUDA 12.0), whose API this implements
  return CUFFT_SUCCESS;
}

cufftResult cufftSetStream(cufftHandle plan, npuStream_t stream) {
  return registry().with(plan, [&](Plan &p) { p.stream = stream; }) ? CUFFT_SUCCESS
                                                                    : CUFFT_INVALID_PLAN;
}

cufftResult cufftPlan1d(cufftHandle *plan, int nx, cufftType type, int batch) {
  return createAndMake(plan, 1, &nx, type, batch);
}
cufftResult cufftPlan2d(cufftHandle *plan, int nx, int ny, cufftType type) {
  const int n[] = {nx, ny};
  return createAndMake(plan, 2, n, type, 1);
}
cufftResult cufftPlan3d(cufftHandle *plan, int nx, int ny, int nz, cufftType type) {
  const int n[] = {nx, ny, nz};
  return createAndMake(plan, 3, n, type, 1);
}
cufftResult cufftPlanMany(cufftHandle *plan, int rank, int *n, int *inembed, int istride, int idist,
                          int *onembed, int ostride, int odist, cufftType type, int batch) {
  if (plan == nullptr)
    return CUFFT_INVALID_VALUE;
  cufftHandle h;
  if (cufftResult r = cufftCreate(&h); r != CUFFT_SUCCESS)
    return r;
  if (cufftResult r = makePlan(h, rank, n, inembed, istride, idist, onembed, ostride, odist, type,
                               batch, nullptr);
      r != CUFFT_SUCCESS) {
    registry().destroy(h);
    return r;
  }
  *plan = h;
  return CUFFT_SUCCESS;
}

cufftResult cufftMakePlan1d(cufftHandle plan, int nx, cufftType type, int batch, size_t *workSize) {
  return makePlan(plan, 1, &nx, nullptr, 1, 0, nullptr, 1, 0, type, batch, workSize);
}
cufftResult cufftMakePlan2d(cufftHandle plan, int nx, int ny, cufftType type, size_t *workSize) {
  const int n[] = {nx, ny};
  return makePlan(plan, 2, n, nullptr, 1, 0, nullptr, 1, 0, type, 1, workSize);
}
cufftResult cufftMakePlan3d(cufftHandle plan, int nx, int ny, int nz, cufftType type,
                            size_t *workSize) {
  const int n[] = {nx, ny, nz};
  return makePlan(plan, 3, n, nullptr, 1, 0, nullptr, 1, 0, type, 1, workSize);
}
cufftResult cufftMakePlanMany(cufftHandle plan, int rank, int *n, int *inembed, int istride,
                              int idist, int *onembed, int ostride, int odist, cufftType type,
                              int batch, size_t *workSize) {
  return makePlan(plan, rank, n, inembed, istride, idist, onembed, ostride, odist, type, batch,
                  workSize);
}

cufftResult cufftGetSize(cufftHandle plan, size_t *workSize) {
  if (workSize == nullptr)
    return CUFFT_INVALID_VALUE;
  if (!registry().with(plan, [](Plan &) {}))
    return CUFFT_INVALID_PLAN;
  *workSize = 0;
  return CUFFT_SUCCESS;
}

cufftResult cufftGetSize1d(cufftHandle plan, int nx, cufftType type, int batch, size_t *workSize) {
  return planWorkSize(plan, 1, &nx, nullptr, 1, 0, nullptr, 1, 0, type, batch, workSize);
}
cufftResult cufftGetSize2d(cufftHandle plan, int nx, int ny, cufftType type, size_t *workSize) {
  const int n[] = {nx, ny};
  return planWorkSize(plan, 2, n, nullptr, 1, 0, nullptr, 1, 0, type, 1, workSize);
}
cufftResult cufftGetSize3d(cufftHandle plan, int nx, int ny, int nz, cufftType type,
                           size_t *workSize) {
  const int n[] = {nx, ny, nz};
  return planWorkSize(plan, 3, n, nullptr, 1, 0, nullptr, 1, 0, type, 1, workSize);
}
cufftResult cufftGetSizeMany(cufftHandle plan, int rank, int *n, int *inembed, int istride,
                             int idist, int *onembed, int ostride, int odist, cufftType type,
                             int batch, size_t *workSize) {
  return planWorkSize(plan, rank, n, inembed, istride, idist, onembed, ostride, odist, type, batch,
                      workSize);
}

cufftResult cufftEstimate1d(int nx, cufftType type, int batch, size_t *workSize) {
  return workSizeOf(1, &nx, nullptr, 1, 0, nullptr, 1, 0, type, batch, workSize);
}
cufftResult cufftEstimate2d(int nx, int ny, cufftType type, size_t *workSize) {
  const int n[] = {nx, ny};
  return workSizeOf(2, n, nullptr, 1, 0, nullptr, 1, 0, type, 1, workSize);
}
cufftResult cufftEstimate3d(int nx, int ny, int nz, cufftType type, size_t *workSize) {
  const int n[] = {nx, ny, nz};
  return workSizeOf(3, n, nullptr, 1, 0, nullptr, 1, 0, type, 1, workSize);
}
cufftResult cufftEstimateMany(int rank, int *n, int *inembed, int istride, int idist, int *onembed,
                              int ostride, int odist, cufftType type, int batch, size_t *workSize) {
  return workSizeOf(rank, n, inembed, istride, idist, onembed, ostride, odist, type, batch,
                    workSize);
}

// Recorded only (see Plan): with automatic allocation off and no work area, a plan still runs,
// since its work size is 0.
cufftResult cufftSetAutoAllocation(cufftHandle plan, int autoAllocate) {
  return registry().with(plan, [&](Plan &p) { p.autoAllocate = autoAllocate != 0; })
             ? CUFFT_SUCCESS
             : CUFFT_INVALID_PLAN;
}
cufftResult cufftSetWorkArea(cufftHandle plan, void *workArea) {
  return registry().with(plan, [&](Plan &p) { p.workArea = workArea; }) ? CUFFT_SUCCESS
                                                                        : CUFFT_INVALID_PLAN;
}

cufftResult cufftExecC2C(cufftHandle plan, cufftComplex *idata, cufftComplex *odata,
                         int direction) {
  return execute<float, fftwf_complex>(plan, CUFFT_C2C, Kind::Complex, "cufftExecC2C", idata, odata,
                                       direction);
}
cufftResult cufftExecR2C(cufftHandle plan, cufftReal *idata, cufftComplex *odata) {
  return execute<float, fftwf_complex>(plan, CUFFT_R2C, Kind::RealToComplex, "cufftExecR2C", idata,
                                       odata, CUFFT_FORWARD);
}
cufftResult cufftExecC2R(cufftHandle plan, cufftComplex *idata, cufftReal *odata) {
  return execute<float, fftwf_complex>(plan, CUFFT_C2R, Kind::ComplexToReal, "cufftExecC2R", idata,
                                       odata, CUFFT_INVERSE);
}
cufftResult cufftExecZ2Z(cufftHandle plan, cufftDoubleComplex *idata, cufftDoubleComplex *odata,
                         int direction) {
  return execute<double, fftw_complex>(plan, CUFFT_Z2Z, Kind::Complex, "cufftExecZ2Z", idata, odata,
                                       direction);
}
cufftResult cufftExecD2Z(cufftHandle plan, cufftDoubleReal *idata, cufftDoubleComplex *odata) {
  return execute<double, fftw_complex>(plan, CUFFT_D2Z, Kind::RealToComplex, "cufftExecD2Z", idata,
                                       odata, CUFFT_FORWARD);
}
cufftResult cufftExecZ2D(cufftHandle plan, cufftDoubleComplex *idata, cufftDoubleReal *odata) {
  return execute<double, fftw_complex>(plan, CUFFT_Z2D, Kind::ComplexToReal, "cufftExecZ2D", idata,
                                       odata, CUFFT_INVERSE);
}

} // extern "C"
