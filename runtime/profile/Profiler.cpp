#include "profile/Profiler.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

namespace npu::profile {

std::string jsonEscape(const std::string &text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '"':
      escaped += "\\\"";
      break;
    case '\\':
      escaped += "\\\\";
      break;
    case '\n':
      escaped += "\\n";
      break;
    case '\t':
      escaped += "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        char code[8];
        std::snprintf(code, sizeof code, "\\u%04x", static_cast<unsigned>(c));
        escaped += code;
      } else {
        escaped += c;
      }
    }
  }
  return escaped;
}

namespace {

// A FILE* for `path` that closes itself; standard error for "-" (as shared/conventions.md names
// it: the program's own output stays on stdout, untouched). Errors are reported once on
// stderr: a profile that cannot be written must not go unnoticed, nor fail the program.
struct OutputFile {
  explicit OutputFile(const std::string &path)
      : file(path == "-" ? stderr : std::fopen(path.c_str(), "w")), owned(path != "-") {
    if (file == nullptr)
      std::fprintf(stderr, "npurt: cannot write '%s': %s\n", path.c_str(), std::strerror(errno));
  }
  ~OutputFile() {
    if (file != nullptr && owned)
      std::fclose(file);
    else if (file != nullptr)
      std::fflush(file);
  }
  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;
  std::FILE *file;
  bool owned;
};

std::string rowName(int row) {
  if (row == 0)
    return "host API calls";
  const int stream = row - 1;
  return stream == 0 ? "stream 0 (default)" : "stream " + std::to_string(stream);
}

} // namespace

Profiler::Profiler(std::string tracePath, std::string reportPath, std::string deviceName,
                   bool modelled)
    : tracePath_(std::move(tracePath)), reportPath_(std::move(reportPath)),
      deviceName_(std::move(deviceName)), modelled_(modelled) {}

void Profiler::addTraceEvent(TraceEvent event) {
  if (tracePath_.empty())
    return;
  if (trace_.size() >= kMaxTraceEvents) {
    ++droppedTraceEvents_;
    return;
  }
  trace_.push_back(std::move(event));
}

void Profiler::operationRan(int streamId, const core::OpLabel &label,
                            const core::OpTiming &timing) {
  std::lock_guard lock(mutex_);
  ++streamOperations_[streamId];
  OperationTotals &totals = operations_[label.name];
  totals.category = label.category;
  ++totals.count;
  totals.totalMs += timing.endMs - timing.startMs;
  if (timing.bound != nullptr)
    ++totals.bounds[timing.bound];
  if (timing.peakFraction >= 0) {
    totals.peakFractionSum += timing.peakFraction;
    ++totals.peakFractionCount;
  }
  addTraceEvent(
      {streamId + 1, label.name, label.category, timing.startMs, timing.endMs, timing.traceArgs});
}

void Profiler::hostCall(const char *api, double startMs, double endMs) {
  std::lock_guard lock(mutex_);
  addTraceEvent({0, api, "api", startMs, endMs, {}});
}

void Profiler::finish(const std::string &notes) {
  std::lock_guard lock(mutex_);
  if (!tracePath_.empty())
    writeTrace();
  if (!reportPath_.empty())
    writeReport(notes);
}

// Chrome trace-event format: complete events ("X", microseconds) on one process, one thread
// row per stream plus the host row, named by metadata events.
void Profiler::writeTrace() const {
  OutputFile out(tracePath_);
  if (out.file == nullptr)
    return;
  std::FILE *f = out.file;
  std::fprintf(f,
               "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"device\":\"%s\",\"clock\":\"%s\","
               "\"droppedEvents\":%zu},\n\"traceEvents\":[\n",
               jsonEscape(deviceName_).c_str(), modelled_ ? "modelled" : "measured",
               droppedTraceEvents_);
  std::fprintf(f,
               "{\"ph\":\"M\",\"pid\":1,\"name\":\"process_name\",\"args\":{\"name\":\"npurt: "
               "%s\"}}",
               jsonEscape(deviceName_).c_str());
  std::vector<int> rows{0};
  for (const auto &[stream, count] : streamOperations_)
    rows.push_back(stream + 1);
  for (int row : rows)
    std::fprintf(f,
                 ",\n{\"ph\":\"M\",\"pid\":1,\"tid\":%d,\"name\":\"thread_name\",\"args\":{"
                 "\"name\":\"%s\"}},\n{\"ph\":\"M\",\"pid\":1,\"tid\":%d,\"name\":"
                 "\"thread_sort_index\",\"args\":{\"sort_index\":%d}}",
                 row, rowName(row).c_str(), row, row);
  for (const TraceEvent &event : trace_) {
    const double startUs = event.startMs * 1000.0;
    const double durationUs = std::max(0.0, (event.endMs - event.startMs) * 1000.0);
    std::fprintf(f,
                 ",\n{\"ph\":\"X\",\"pid\":1,\"tid\":%d,\"name\":\"%s\",\"cat\":\"%s\","
                 "\"ts\":%.3f,\"dur\":%.3f,\"args\":{%s}}",
                 event.row, jsonEscape(event.name).c_str(), event.category, startUs, durationUs,
                 event.args.c_str());
  }
  std::fprintf(f, "\n]}\n");
}

void Profiler::writeReport(const std::string &notes) const {
  OutputFile out(reportPath_);
  if (out.file == nullptr)
    return;
  std::FILE *f = out.file;
  double runMs = 0;
  for (const auto &[name, totals] : operations_)
    runMs += totals.totalMs;
  std::vector<std::pair<std::string, const OperationTotals *>> rows;
  for (const auto &[name, totals] : operations_)
    rows.emplace_back(name, &totals);
  std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
    return a.second->totalMs > b.second->totalMs;
  });
  std::size_t nameWidth = 24;
  for (const auto &row : rows)
    nameWidth = std::max(nameWidth, row.first.size());
  std::fprintf(f, "npurt report: %s, %s device time\n", deviceName_.c_str(),
               modelled_ ? "modelled" : "measured");
  std::fprintf(f, "%-8s %-*s %9s %12s %12s %7s %-8s %8s\n", "type", int(nameWidth), "name",
               "launches", "total ms", "mean us", "share", "bound", "of peak");
  for (const auto &[name, totals] : rows) {
    std::string bound = "-";
    std::size_t most = 0;
    for (const auto &[kind, launches] : totals->bounds)
      if (launches > most)
        bound = kind, most = launches;
    char peak[16] = "-";
    if (totals->peakFractionCount > 0)
      std::snprintf(peak, sizeof peak, "%.0f%%",
                    100.0 * totals->peakFractionSum / double(totals->peakFractionCount));
    std::fprintf(f, "%-8s %-*s %9zu %12.4f %12.3f %6.1f%% %-8s %8s\n", totals->category,
                 int(nameWidth), name.c_str(), totals->count, totals->totalMs,
                 1000.0 * totals->totalMs / double(totals->count),
                 runMs > 0 ? 100.0 * totals->totalMs / runMs : 0.0, bound.c_str(), peak);
  }
  std::fprintf(f, "total device time: %.4f ms\n", runMs);
  if (!notes.empty())
    std::fprintf(f, "%s", notes.c_str());
}

} // namespace npu::profile
