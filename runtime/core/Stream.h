// Streams: in-order queues of operations executed asynchronously to the host.
//
// Each stream has one service thread, started on its first operation, that pops operations in
// order, blocks (condition variable) until the operation's cross-stream dependencies are done,
// runs it and signals its Completion. Different streams therefore overlap, and an operation
// may block (a long kernel, a host function) without holding up other streams.
//
// CUDA's implicit synchronisation is expressed as dependencies computed when an operation is
// enqueued (StreamRegistry::enqueue, under one lock so the order is well defined):
//  - an operation on the legacy default stream waits for everything enqueued before it on every
//    blocking stream (created without npuStreamNonBlocking, per-thread default streams included);
//  - an operation on a blocking stream waits for everything enqueued before it on the legacy
//    default stream;
//  - npuStreamNonBlocking streams have no implicit dependencies.
// Explicit dependencies (npuStreamWaitEvent) are the same mechanism.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/Backend.h"
#include "core/Completion.h"
#include "core/ErrorState.h"
#include "core/RunClock.h"
#include "npurt/runtime.h"

namespace npu::core {

enum class StreamKind { Legacy, PerThread, Created };

// What an operation is, for the profile. A null category: not shown (event records, waits).
struct OpLabel {
  const char *category = nullptr; // "kernel", "memcpy", "memset", "host"
  std::string name;               // the kernel's name, "memcpy HtoD", ...
};

// The work of one operation: runs it and, on a modelled device, fills its timing.
using TimedWork = std::function<void(OpTiming &)>;

struct StreamOp {
  std::vector<std::shared_ptr<const Completion>> waitFor;
  TimedWork work; // must not throw; errors go to the sticky error
  std::shared_ptr<Completion> done;
  double issueMs = 0; // when the host issued it, on the run's clock
  OpLabel label;
};

// Told about every operation a stream ran (the profiler).
class OpObserver {
public:
  virtual ~OpObserver() = default;
  virtual void operationRan(int streamId, const OpLabel &label, const OpTiming &timing) = 0;
};

// Runs one operation of a stream: waits for its dependencies, times it on the run's clock,
// records its end in its completion, tells the observer, and signals the completion.
class OpRunner {
public:
  OpRunner(RunClock &clock, StickyError &sticky) : clock_(clock), sticky_(sticky) {}
  // Set once, before the first operation is enqueued.
  void setObserver(OpObserver *observer) { observer_ = observer; }
  RunClock &clock() { return clock_; }
  void run(int streamId, StreamOp &op);
  // Runs `work` as one part of an operation (the nodes of a graph launch): timed like an
  // operation that became ready at `readyMs`, shown to the observer; returns when it ended.
  double runPart(int streamId, const OpLabel &label, const TimedWork &work, double readyMs);

private:
  RunClock &clock_;
  StickyError &sticky_;
  OpObserver *observer_ = nullptr;
};

} // namespace npu::core

struct npuStream_st {
  npuStream_st(npu::core::StreamKind kind, unsigned int flags, int priority, int id,
               npu::core::OpRunner &runner);
  ~npuStream_st(); // closes the queue and joins the service thread (pending work completes)
  npuStream_st(const npuStream_st &) = delete;
  npuStream_st &operator=(const npuStream_st &) = delete;

  const npu::core::StreamKind kind;
  const unsigned int flags;
  const int priority;
  const int id; // 0: the legacy default stream; others numbered in order of creation

  // Takes part in the legacy default stream's implicit synchronisation.
  bool isBlocking() const {
    return kind != npu::core::StreamKind::Legacy && (flags & npuStreamNonBlocking) == 0;
  }

  void push(npu::core::StreamOp op);
  void close();        // no more operations; the service thread exits once the queue is empty
  bool exited() const; // the service thread has finished (or never started) after close()

  // Completion of the last operation enqueued (guarded by the StreamRegistry's lock).
  std::shared_ptr<npu::core::Completion> tail;

private:
  void serve();

  npu::core::OpRunner &runner_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<npu::core::StreamOp> queue_;
  bool closing_ = false;
  bool exited_ = false;
  std::thread worker_;
};

namespace npu::core {

class StreamRegistry {
public:
  StreamRegistry(bool perThreadDefaultStream, OpRunner &runner);
  ~StreamRegistry();

  // The stream a handle names: 0 is the default stream (legacy, or the calling thread's
  // per-thread stream in per-thread mode), npuStreamLegacy, npuStreamPerThread, or a created
  // stream. nullptr for a destroyed or unknown handle.
  std::shared_ptr<npuStream_st> resolve(npuStream_t handle);
  npuStream_t create(unsigned int flags, int priority);
  // False when `handle` is not a created stream. Pending work still completes.
  bool destroy(npuStream_t handle);

  // Enqueues `work` after the stream's earlier operations, the implicit dependencies above and
  // `waitFor`; returns the operation's completion.
  std::shared_ptr<Completion> enqueue(npuStream_st &stream, TimedWork work, OpLabel label = {},
                                      std::vector<std::shared_ptr<const Completion>> waitFor = {});
  // Runs `work` in the stream's order and returns once it ran (the synchronous API forms).
  // When nothing it must wait for is pending, it runs on the calling thread: a synchronous
  // copy then costs no hand-off to the service thread. Later operations wait for it as usual.
  void runSynchronously(npuStream_st &stream, TimedWork work, OpLabel label = {});
  // When nothing an operation on `stream` must wait for is pending, runs `work` on the calling
  // thread in the stream's order and returns its completion (the host's clock does not wait
  // for it); otherwise returns nullptr and leaves `work` and `label` as they were.
  std::shared_ptr<Completion> runHereIfIdle(npuStream_st &stream, TimedWork &work, OpLabel &label);
  // Waits for `done` as the host: the host's modelled time moves to its end.
  void hostWait(const Completion &done);
  // Completion of the last operation enqueued on the stream (nullptr if none).
  std::shared_ptr<Completion> tailOf(npuStream_st &stream);
  // Waits for every operation enqueued so far on every stream.
  void synchronizeAll();
  // Waits for all work and stops every service thread (process exit).
  void shutdown();

  bool perThreadDefault() const { return perThreadDefault_; }
  OpRunner &runner() { return runner_; }
  // Called at host-thread exit for that thread's per-thread default stream.
  void retire(const std::shared_ptr<npuStream_st> &stream);

private:
  std::shared_ptr<npuStream_st> perThreadStream();
  // The operations a new operation on `stream` must wait for: the stream's previous operation
  // and the implicit legacy-stream dependencies.
  void addImplicitDependenciesLocked(npuStream_st &stream,
                                     std::vector<std::shared_ptr<const Completion>> &waitFor);
  std::vector<std::shared_ptr<npuStream_st>> allStreamsLocked() const;
  void reapLocked();

  std::shared_ptr<npuStream_st> makeStream(StreamKind kind, unsigned int flags, int priority);

  const bool perThreadDefault_;
  OpRunner &runner_;
  int nextStreamId_ = 0; // guarded by mutex_
  mutable std::mutex mutex_;
  std::shared_ptr<npuStream_st> legacy_;
  std::unordered_map<npuStream_st *, std::shared_ptr<npuStream_st>> created_;
  std::vector<std::shared_ptr<npuStream_st>> perThread_;
  std::vector<std::shared_ptr<npuStream_st>> retired_; // destroyed, possibly still draining
};

} // namespace npu::core
