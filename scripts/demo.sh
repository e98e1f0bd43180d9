#!/usr/bin/env bash
# The main job, end to end: set up, build, translate a bundled CUDA sample
# with cu2npu, compile the result with the host compiler against npurt, run it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CU2NPU_BUILD_DIR:-$root/build}
sample=${1:-$root/samples/vector_add/vector_add.cu}

jobs=${CU2NPU_JOBS:-$(nproc)}

"$root/scripts/setup.sh"
# Only what the demo needs (the translator and the runtime); scripts/test.sh builds the rest.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$jobs" --target cu2npu npurt

name=$(basename "$sample" .cu)
out=$build/demo
mkdir -p "$out"
echo "== translate: cu2npu $sample -o $out/$name.npu.cpp"
"$build/bin/cu2npu" "$sample" -o "$out/$name.npu.cpp"
echo "== compile:   c++ $name.npu.cpp -> $out/$name (links npurt, no CUDA toolkit)"
c++ -std=c++17 -O2 -I"$root/include" "$out/$name.npu.cpp" \
    "$build/lib/libnpurt.a" -ltbb -lpthread -o "$out/$name"
echo "== run:       NPURT_BACKEND=${NPURT_BACKEND:-cpu} $out/$name"
"$out/$name"
