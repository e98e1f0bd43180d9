#include "core/Capture.h"

#include <algorithm>

namespace npu::core {

npuStreamCaptureMode &CaptureRegistry::threadMode() {
  thread_local npuStreamCaptureMode mode = npuStreamCaptureModeGlobal;
  return mode;
}

npuError_t CaptureRegistry::begin(const npuStream_st &stream, npuStreamCaptureMode mode) {
  if (stream.kind == StreamKind::Legacy)
    return npuErrorStreamCaptureUnsupported; // CUDA: capture may not begin on the legacy stream
  std::lock_guard lock(mutex_);
  if (streams_.count(&stream) != 0)
    return npuErrorIllegalState;
  auto sequence = std::make_shared<CaptureSequence>();
  sequence->id = nextId_++;
  sequence->mode = mode;
  sequence->thread = std::this_thread::get_id();
  sequence->origin = &stream;
  streams_[&stream] = StreamCapture{std::move(sequence), {}, stream.isBlocking()};
  capturingStreams_.store(streams_.size(), std::memory_order_release);
  return npuSuccess;
}

npuError_t CaptureRegistry::end(const npuStream_st &stream, std::unique_ptr<npuGraph_st> &graph) {
  graph.reset();
  std::lock_guard lock(mutex_);
  auto found = streams_.find(&stream);
  if (found == streams_.end())
    return npuErrorIllegalState;
  std::shared_ptr<CaptureSequence> sequence = found->second.sequence;
  if (sequence->origin != &stream) {
    sequence->invalidated = true;
    return npuErrorStreamCaptureUnmatched;
  }
  if (sequence->mode != npuStreamCaptureModeRelaxed &&
      sequence->thread != std::this_thread::get_id())
    return npuErrorStreamCaptureWrongThread;
  const std::vector<npuGraphNode_st *> originFrontier = found->second.frontier;
  bool unjoined = false;
  for (auto member = streams_.begin(); member != streams_.end();) {
    if (member->second.sequence != sequence) {
      ++member;
      continue;
    }
    // A forked stream is joined when the origin's frontier depends on all of its work.
    for (const npuGraphNode_st *node : member->second.frontier)
      unjoined |= std::none_of(originFrontier.begin(), originFrontier.end(),
                               [&](const npuGraphNode_st *last) { return reaches(node, last); });
    member = streams_.erase(member);
  }
  capturingStreams_.store(streams_.size(), std::memory_order_release);
  sequence->ended = true;
  if (sequence->invalidated)
    return npuErrorStreamCaptureInvalidated;
  if (unjoined)
    return npuErrorStreamCaptureUnjoined;
  graph = std::move(sequence->graph);
  return npuSuccess;
}

CaptureInfo CaptureRegistry::info(const npuStream_st &stream) const {
  std::lock_guard lock(mutex_);
  auto found = streams_.find(&stream);
  if (found == streams_.end())
    return {};
  const CaptureSequence &sequence = *found->second.sequence;
  return {sequence.invalidated ? npuStreamCaptureStatusInvalidated : npuStreamCaptureStatusActive,
          sequence.id, sequence.graph.get(), found->second.frontier};
}

bool CaptureRegistry::capturing(const npuStream_st &stream) const {
  std::lock_guard lock(mutex_);
  return streams_.count(&stream) != 0;
}

std::optional<npuError_t> CaptureRegistry::capture(const npuStream_st &stream,
                                                   std::unique_ptr<npuGraphNode_st> &node) {
  std::lock_guard lock(mutex_);
  auto found = streams_.find(&stream);
  if (found == streams_.end())
    return std::nullopt;
  StreamCapture &state = found->second;
  if (state.sequence->invalidated)
    return npuErrorStreamCaptureInvalidated;
  state.frontier = {addNode(*state.sequence->graph, std::move(node), state.frontier)};
  return npuSuccess;
}

std::optional<CapturePosition> CaptureRegistry::position(const npuStream_st &stream) const {
  std::lock_guard lock(mutex_);
  auto found = streams_.find(&stream);
  if (found == streams_.end())
    return std::nullopt;
  return CapturePosition{found->second.sequence, found->second.frontier};
}

npuError_t CaptureRegistry::join(const npuStream_st &stream, const CapturePosition &position) {
  std::lock_guard lock(mutex_);
  auto found = streams_.find(&stream);
  if (position.sequence->ended) // nothing of an ended capture ever runs: nothing to wait for
    return npuSuccess;
  if (found == streams_.end()) {
    streams_[&stream] = StreamCapture{position.sequence, position.frontier, stream.isBlocking()};
    capturingStreams_.store(streams_.size(), std::memory_order_release);
    return npuSuccess;
  }
  StreamCapture &state = found->second;
  if (state.sequence != position.sequence) {
    state.sequence->invalidated = true;
    return npuErrorStreamCaptureIsolation; // two captures never merge
  }
  for (npuGraphNode_st *node : position.frontier)
    if (std::find(state.frontier.begin(), state.frontier.end(), node) == state.frontier.end())
      state.frontier.push_back(node);
  return npuSuccess;
}

npuError_t CaptureRegistry::checkSynchronize(const npuStream_st &stream) {
  std::lock_guard lock(mutex_);
  auto found = streams_.find(&stream);
  if (found == streams_.end())
    return npuSuccess;
  found->second.sequence->invalidated = true;
  return npuErrorStreamCaptureUnsupported;
}

npuError_t CaptureRegistry::checkLegacyWork(const npuStream_st &legacy) {
  if (legacy.kind != StreamKind::Legacy)
    return npuSuccess;
  std::lock_guard lock(mutex_);
  npuError_t result = npuSuccess;
  for (auto &[stream, state] : streams_)
    if (state.blocking) {
      state.sequence->invalidated = true;
      result = npuErrorStreamCaptureImplicit;
    }
  return result;
}

void CaptureRegistry::forget(const npuStream_st &stream) {
  std::lock_guard lock(mutex_);
  auto found = streams_.find(&stream);
  if (found == streams_.end())
    return;
  found->second.sequence->invalidated = true;
  streams_.erase(found);
  capturingStreams_.store(streams_.size(), std::memory_order_release);
}

npuError_t CaptureRegistry::checkUnsafeCall() {
  const npuStreamCaptureMode mode = threadMode();
  if (mode == npuStreamCaptureModeRelaxed)
    return npuSuccess;
  const std::thread::id me = std::this_thread::get_id();
  std::lock_guard lock(mutex_);
  npuError_t result = npuSuccess;
  for (auto &[stream, state] : streams_) {
    CaptureSequence &sequence = *state.sequence;
    bool ownStrict = sequence.thread == me && sequence.mode != npuStreamCaptureModeRelaxed;
    bool otherGlobal = mode == npuStreamCaptureModeGlobal && sequence.thread != me &&
                       sequence.mode == npuStreamCaptureModeGlobal;
    if (ownStrict || otherGlobal) {
      sequence.invalidated = true;
      result = npuErrorStreamCaptureUnsupported;
    }
  }
  return result;
}

} // namespace npu::core
