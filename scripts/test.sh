#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite:
#   1. the main build (translator, runtime, samples) and all its tests;
#   2. the runtime and kernel tests again under AddressSanitizer + UBSan;
#   3. the stream, event and fiber tests under ThreadSanitizer.
# Build directories are kept between runs (incremental). Ends with one
# summary line over all three runs.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CU2NPU_BUILD_DIR:-$root/build}
jobs=${CU2NPU_JOBS:-$(nproc)}
"$root/scripts/setup.sh" || exit 1

passed=0; failed=0; status=0
run_ctest() {  # <build dir> [ctest args...]
  local dir=$1; shift
  local log; log=$(mktemp)
  ctest --test-dir "$dir" --output-on-failure -j"$jobs" "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local line; line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1)
  if [[ -z "$line" ]]; then echo "test.sh: ctest in $dir ran no tests" >&2; status=1; rm -f "$log"; return; fi
  local total fail
  total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
  fail=$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$line")
  passed=$((passed + total - fail)); failed=$((failed + fail))
  [[ $rc -eq 0 ]] || status=1
  rm -f "$log"
}
build_dir() {  # <build dir> [cmake args...]
  local dir=$1; shift
  cmake -S "$root" -B "$dir" "$@" >/dev/null && cmake --build "$dir" -j"$jobs"
}

echo "== main build and tests ($build)"
if build_dir "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo; then run_ctest "$build"; else status=1; failed=$((failed + 1)); fi

sanitized=(-DCMAKE_BUILD_TYPE=Debug -DCU2NPU_BUILD_TRANSLATOR=OFF -DCU2NPU_BUILD_SAMPLES=OFF -DCU2NPU_BUILD_BENCH=OFF)
echo "== runtime and kernel tests under ASan+UBSan ($build-asan)"
if build_dir "$build-asan" "${sanitized[@]}" -DNPURT_SANITIZE=address,undefined; then
  ASAN_OPTIONS=detect_leaks=1 run_ctest "$build-asan"
else status=1; failed=$((failed + 1)); fi

echo "== stream, event and fiber tests under TSan ($build-tsan)"
if build_dir "$build-tsan" "${sanitized[@]}" -DNPURT_SANITIZE=thread; then
  TSAN_OPTIONS=halt_on_error=1 run_ctest "$build-tsan" -L tsan
else status=1; failed=$((failed + 1)); fi

echo "total: $passed passed, $failed failed"
exit $status
