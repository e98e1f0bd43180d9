// thrust runs on the calling host thread (its TBB device system), while npurt's launches and
// copies run on stream threads. On a GPU thrust's work is ordered after what the program enqueued
// before it (the default stream), so a host statement that uses thrust (an algorithm, a container
// or pointer of thrust's) first waits for the device: `::npu::lib::wait_for_device();` before it.
#pragma once
#include "rules/Rule.h"

namespace cu2npu {

class ThrustOrderRule : public Rule {
public:
  llvm::StringRef name() const override;
  void onFunction(Context &C, const clang::FunctionDecl &FD) override;
};

} // namespace cu2npu
