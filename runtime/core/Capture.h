// Stream capture (CUDA's cudaStreamBeginCapture .. cudaStreamEndCapture). While a stream
// captures, the work enqueued on it becomes nodes of the capture's graph instead of running:
// each new node depends on the stream's capture frontier (the nodes last added on it, or the
// event it last waited for) and becomes the frontier. The fork/join pattern of CUDA's docs
// works through events: a record on a capturing stream remembers the frontier (a capture
// position), and another stream that waits for it joins the capture with that frontier; every
// joined stream must be joined back into the origin stream before npuStreamEndCapture
// (npuErrorStreamCaptureUnjoined otherwise).
//
// Calls that would break the captured sequence are refused, as CUDA refuses them, and
// invalidate the capture (npuStreamEndCapture then fails with npuErrorStreamCaptureInvalidated
// and work on the stream fails the same way until then):
//  - synchronising with or querying a capturing stream: npuErrorStreamCaptureUnsupported;
//  - work on the legacy default stream while a blocking stream captures (the implicit
//    dependency would cross into the capture): npuErrorStreamCaptureImplicit;
//  - waiting for an event recorded outside the capture: npuErrorStreamCaptureIsolation;
//  - "potentially unsafe" calls (npuMalloc, npuFree, synchronous copies and fills,
//    npuDeviceSynchronize, ...), refused by the rules of the calling thread's capture mode
//    (npuThreadExchangeStreamCaptureMode): npuErrorStreamCaptureUnsupported.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/Graph.h"

namespace npu::core {

struct CaptureSequence {
  unsigned long long id = 0;
  npuStreamCaptureMode mode = npuStreamCaptureModeGlobal;
  std::thread::id thread; // the thread that began it
  const npuStream_st *origin = nullptr;
  std::unique_ptr<npuGraph_st> graph = std::make_unique<npuGraph_st>();
  bool invalidated = false;
  bool ended = false; // npuStreamEndCapture ran: positions recorded in it are stale
};

// Where an event was recorded in a capture.
struct CapturePosition {
  std::shared_ptr<CaptureSequence> sequence;
  std::vector<npuGraphNode_st *> frontier;
};

struct CaptureInfo {
  npuStreamCaptureStatus status = npuStreamCaptureStatusNone;
  unsigned long long id = 0;
  npuGraph_st *graph = nullptr;
  std::vector<npuGraphNode_st *> frontier;
};

class CaptureRegistry {
public:
  // npuErrorIllegalState when the stream already captures.
  npuError_t begin(const npuStream_st &stream, npuStreamCaptureMode mode);
  // Ends the capture `stream` began and hands over its graph (nullptr on an error).
  npuError_t end(const npuStream_st &stream, std::unique_ptr<npuGraph_st> &graph);
  CaptureInfo info(const npuStream_st &stream) const;
  bool capturing(const npuStream_st &stream) const;
  // Whether any stream captures (cheap: the launch path asks before anything else).
  bool any() const { return capturingStreams_.load(std::memory_order_acquire) != 0; }

  // While `stream` captures: appends `node` after the stream's frontier and returns the
  // result of the call (npuErrorStreamCaptureInvalidated once invalidated). nullopt (and
  // `node` untouched) when the stream does not capture.
  std::optional<npuError_t> capture(const npuStream_st &stream,
                                    std::unique_ptr<npuGraphNode_st> &node);
  // An event record on `stream`: its position, or nullopt when the stream does not capture.
  std::optional<CapturePosition> position(const npuStream_st &stream) const;
  // `stream` waits for an event recorded at `position`: it joins the capture (or, capturing
  // in it already, adds the position to its frontier).
  npuError_t join(const npuStream_st &stream, const CapturePosition &position);
  // The call synchronises with or queries `stream`; Unsupported (invalidating) if it captures.
  npuError_t checkSynchronize(const npuStream_st &stream);
  // Work enqueued on the legacy stream; Implicit (invalidating) while a blocking stream
  // captures.
  npuError_t checkLegacyWork(const npuStream_st &legacy);
  // A potentially unsafe call from this thread, under the thread's capture mode.
  npuError_t checkUnsafeCall();
  // `stream` is destroyed: it leaves its capture, which is invalidated (its address may name
  // another stream later).
  void forget(const npuStream_st &stream);

  // The calling thread's capture mode (npuThreadExchangeStreamCaptureMode).
  static npuStreamCaptureMode &threadMode();

private:
  struct StreamCapture {
    std::shared_ptr<CaptureSequence> sequence;
    std::vector<npuGraphNode_st *> frontier;
    bool blocking = false; // the stream takes part in the legacy stream's synchronisation
  };

  mutable std::mutex mutex_;
  std::unordered_map<const npuStream_st *, StreamCapture> streams_;
  unsigned long long nextId_ = 1;
  std::atomic<std::size_t> capturingStreams_{0}; // streams_.size(), for any()
};

} // namespace npu::core
