#include "core/Stream.h"

#include <algorithm>
#include <atomic>
#include <optional>

using npu::core::StreamOp;

npuStream_st::npuStream_st(npu::core::StreamKind kind_, unsigned int flags_, int priority_, int id_,
                           npu::core::OpRunner &runner)
    : kind(kind_), flags(flags_), priority(priority_), id(id_), runner_(runner) {}

npuStream_st::~npuStream_st() {
  close();
  if (worker_.joinable())
    worker_.join();
}

void npuStream_st::push(StreamOp op) {
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(op));
  // The service thread starts with the first operation: most programs create streams they
  // use little or not at all, and the legacy stream of a program that never launches anything
  // costs no thread.
  if (!worker_.joinable())
    worker_ = std::thread([this] { serve(); });
  else
    wake_.notify_one();
}

void npuStream_st::close() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  wake_.notify_one();
}

bool npuStream_st::exited() const {
  std::lock_guard lock(mutex_);
  return closing_ && (exited_ || !worker_.joinable());
}

void npuStream_st::serve() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return !queue_.empty() || closing_; });
    if (queue_.empty())
      break; // closing and drained
    StreamOp op = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    runner_.run(id, op);
    lock.lock();
  }
  exited_ = true;
}

namespace npu::core {

void OpRunner::run(int streamId, StreamOp &op) {
  double readyMs = op.issueMs;
  for (const auto &dependency : op.waitFor) {
    dependency->wait();
    readyMs = std::max(readyMs, dependency->endMs);
  }
  const double endMs = runPart(streamId, op.label, op.work, readyMs);
  op.work = nullptr; // release captures (the grid task, user data) before signalling
  op.done->endMs = endMs;
  op.done->signal();
}

double OpRunner::runPart(int streamId, const OpLabel &label, const TimedWork &work,
                         double readyMs) {
  OpTiming timing;
  timing.readyMs = readyMs;
  // Modelled: the op takes no device time unless the backend adds spans (an event record, a
  // wait), so it starts and ends when ready. Measured: the wall clock around it.
  const bool modelled = clock_.modelled();
  timing.startMs = timing.endMs = modelled ? timing.readyMs : clock_.wallMs();
  try {
    work(timing);
  } catch (...) {
    // Work items report errors through the sticky error; an exception escaping one (a
    // throwing host callback) is a failure of the stream's work, never a crash here.
    sticky_.set(npuErrorLaunchFailure);
  }
  if (!modelled)
    timing.endMs = clock_.wallMs();
  if (observer_ != nullptr && label.category != nullptr)
    observer_->operationRan(streamId, label, timing);
  return timing.endMs;
}

namespace {

// The registry whose per-thread streams are alive; a thread exiting after the runtime was torn
// down must not touch it.
std::atomic<StreamRegistry *> gLiveRegistry{nullptr};

struct PerThreadStreamHolder {
  StreamRegistry *owner = nullptr;
  std::shared_ptr<npuStream_st> stream;
  ~PerThreadStreamHolder() {
    if (stream && owner != nullptr && gLiveRegistry.load() == owner)
      owner->retire(stream);
  }
};
thread_local PerThreadStreamHolder tPerThreadStream;

void eraseFrom(std::vector<std::shared_ptr<npuStream_st>> &streams, const npuStream_st *stream) {
  streams.erase(std::remove_if(streams.begin(), streams.end(),
                               [&](const auto &s) { return s.get() == stream; }),
                streams.end());
}

} // namespace

StreamRegistry::StreamRegistry(bool perThreadDefaultStream, OpRunner &runner)
    : perThreadDefault_(perThreadDefaultStream), runner_(runner),
      legacy_(makeStream(StreamKind::Legacy, 0u, 0)) {
  gLiveRegistry.store(this);
}

std::shared_ptr<npuStream_st> StreamRegistry::makeStream(StreamKind kind, unsigned int flags,
                                                         int priority) {
  int id;
  {
    std::lock_guard lock(mutex_);
    id = nextStreamId_++;
  }
  return std::make_shared<npuStream_st>(kind, flags, priority, id, runner_);
}

StreamRegistry::~StreamRegistry() { shutdown(); }

std::shared_ptr<npuStream_st> StreamRegistry::perThreadStream() {
  PerThreadStreamHolder &holder = tPerThreadStream;
  if (holder.owner != this || !holder.stream) {
    holder.owner = this;
    holder.stream = makeStream(StreamKind::PerThread, 0u, 0);
    std::lock_guard lock(mutex_);
    perThread_.push_back(holder.stream);
  }
  return holder.stream;
}

std::shared_ptr<npuStream_st> StreamRegistry::resolve(npuStream_t handle) {
  if (handle == npuStreamPerThread || (handle == nullptr && perThreadDefault_))
    return perThreadStream();
  std::lock_guard lock(mutex_);
  if (handle == nullptr || handle == npuStreamLegacy)
    return legacy_;
  auto found = created_.find(handle);
  return found == created_.end() ? nullptr : found->second;
}

npuStream_t StreamRegistry::create(unsigned int flags, int priority) {
  auto stream = makeStream(StreamKind::Created, flags, priority);
  std::lock_guard lock(mutex_);
  reapLocked();
  created_.emplace(stream.get(), stream);
  return stream.get();
}

bool StreamRegistry::destroy(npuStream_t handle) {
  std::lock_guard lock(mutex_);
  auto found = created_.find(handle);
  if (found == created_.end())
    return false;
  found->second->close();
  retired_.push_back(std::move(found->second));
  created_.erase(found);
  reapLocked();
  return true;
}

void StreamRegistry::retire(const std::shared_ptr<npuStream_st> &stream) {
  std::lock_guard lock(mutex_);
  eraseFrom(perThread_, stream.get());
  stream->close();
  retired_.push_back(stream);
}

void StreamRegistry::addImplicitDependenciesLocked(
    npuStream_st &stream, std::vector<std::shared_ptr<const Completion>> &waitFor) {
  // Completed operations stay dependencies too: on a modelled device an operation starts no
  // earlier than the modelled end of what it follows, whenever that ran on the host.
  auto add = [&](const std::shared_ptr<Completion> &tail) {
    if (tail)
      waitFor.push_back(tail);
  };
  // The previous operation may have run on a host thread (runSynchronously) rather than in the
  // service thread's queue, so in-order execution is an explicit dependency too.
  add(stream.tail);
  if (stream.kind == StreamKind::Legacy) {
    for (const auto &other : allStreamsLocked())
      if (other->isBlocking())
        add(other->tail);
  } else if (stream.isBlocking()) {
    add(legacy_->tail);
  }
}

std::shared_ptr<Completion>
StreamRegistry::enqueue(npuStream_st &stream, TimedWork work, OpLabel label,
                        std::vector<std::shared_ptr<const Completion>> waitFor) {
  const double issueMs = runner_.clock().nowMs();
  std::lock_guard lock(mutex_);
  addImplicitDependenciesLocked(stream, waitFor);
  auto done = std::make_shared<Completion>();
  stream.tail = done;
  stream.push(StreamOp{std::move(waitFor), std::move(work), done, issueMs, std::move(label)});
  return done;
}

std::shared_ptr<Completion> StreamRegistry::runHereIfIdle(npuStream_st &stream, TimedWork &work,
                                                          OpLabel &label) {
  std::optional<StreamOp> here;
  {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<const Completion>> waitFor;
    addImplicitDependenciesLocked(stream, waitFor);
    if (!std::all_of(waitFor.begin(), waitFor.end(), [](const auto &c) { return c->isDone(); }))
      return nullptr;
    // Nothing to wait for: claim the stream's next position and run here.
    auto done = std::make_shared<Completion>();
    stream.tail = done;
    here = StreamOp{std::move(waitFor), nullptr, done, runner_.clock().nowMs(), {}};
  }
  here->work = std::move(work);
  here->label = std::move(label);
  runner_.run(stream.id, *here);
  return here->done;
}

void StreamRegistry::runSynchronously(npuStream_st &stream, TimedWork work, OpLabel label) {
  std::shared_ptr<Completion> done = runHereIfIdle(stream, work, label);
  hostWait(done ? *done : *enqueue(stream, std::move(work), std::move(label)));
}

void StreamRegistry::hostWait(const Completion &done) {
  done.wait();
  runner_.clock().hostWaitedUntil(done.endMs);
}

std::shared_ptr<Completion> StreamRegistry::tailOf(npuStream_st &stream) {
  std::lock_guard lock(mutex_);
  return stream.tail;
}

std::vector<std::shared_ptr<npuStream_st>> StreamRegistry::allStreamsLocked() const {
  std::vector<std::shared_ptr<npuStream_st>> all{legacy_};
  for (const auto &[handle, stream] : created_)
    all.push_back(stream);
  all.insert(all.end(), perThread_.begin(), perThread_.end());
  all.insert(all.end(), retired_.begin(), retired_.end());
  return all;
}

void StreamRegistry::synchronizeAll() {
  std::vector<std::shared_ptr<Completion>> tails;
  {
    std::lock_guard lock(mutex_);
    for (const auto &stream : allStreamsLocked())
      if (stream->tail)
        tails.push_back(stream->tail);
  }
  for (const auto &tail : tails)
    hostWait(*tail);
  std::lock_guard lock(mutex_);
  reapLocked();
}

void StreamRegistry::reapLocked() {
  // Only streams whose service thread has exited: joining is then immediate, and a stream is
  // never joined from its own service thread.
  retired_.erase(std::remove_if(retired_.begin(), retired_.end(),
                                [](const auto &stream) { return stream->exited(); }),
                 retired_.end());
}

void StreamRegistry::shutdown() {
  if (gLiveRegistry.load() != this)
    return;
  synchronizeAll();
  gLiveRegistry.store(nullptr);
  std::vector<std::shared_ptr<npuStream_st>> all;
  {
    std::lock_guard lock(mutex_);
    all = allStreamsLocked();
    created_.clear();
    perThread_.clear();
    retired_.clear();
    legacy_.reset();
  }
  for (const auto &stream : all)
    stream->close();
  all.clear(); // joins the service threads outside the lock
}

} // namespace npu::core
