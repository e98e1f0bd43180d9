#!/usr/bin/env bash
# Configures and builds cuda2npu into build/ (kept between runs: incremental).
# Extra arguments are passed to the CMake configure step.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CU2NPU_BUILD_DIR:-$root/build}
jobs=${CU2NPU_JOBS:-$(nproc)}

"$root/scripts/setup.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" -j"$jobs"
