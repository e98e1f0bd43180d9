#!/usr/bin/env bash
# Times every kernel of bench/vs-openmp -- the CUDA program translated by cu2npu, on npurt's cpu
# backend, against its hand-written OpenMP twin -- and prints a Markdown table: medians of
# alternating runs (translated, OpenMP, translated, ...), their ratio, and for memory-bound
# kernels the translated GB/s against the STREAM triad (the OpenMP triad) of the same run.
#
# Usage: bench/vs-openmp/run.sh [--build-dir DIR] [--reps N] [--tiny] [--no-build] [kernel...]
#   --build-dir DIR  the project's build tree (default: build/ at the top of the repository);
#                    configured and built (target bench-vs-openmp-programs) unless --no-build
#   --reps N         runs of each side (default 7)
#   --tiny           the ctest sizes (checks the suite runs, times nothing worth reading)
#   kernel...        a subset (default: all); the triad always runs, as the bandwidth reference
# Exits 1 when a program fails or a result check fails (its row says FAIL).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
all_kernels=(triad gemm_naive gemm_tiled stencil2d stencil3d transpose reduce_tree reduce_shfl reduce_cub
             scan histogram matvec_col matvec_col_2d conv2d nbody softmax spmv_csr bitonic_sort)

usage() { sed -n '7,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

build="$root/build"
reps=7
size_args=()
build_first=1
selected=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build-dir) build="${2:?--build-dir needs a directory}"; shift 2 ;;
    --reps) reps="${2:?--reps needs a number}"; shift 2 ;;
    --tiny) size_args=(--tiny); shift ;;
    --no-build) build_first=0; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    *) selected+=("$1"); shift ;;
  esac
done
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --reps needs a positive number, not '$reps'" >&2; exit 2; }
for k in "${selected[@]}"; do
  [[ " ${all_kernels[*]} " == *" $k "* ]] ||
    { echo "run.sh: unknown kernel '$k'; the kernels are: ${all_kernels[*]}" >&2; exit 2; }
done

kernels=(triad)
for k in "${selected[@]:-${all_kernels[@]}}"; do
  [[ "$k" == triad ]] || kernels+=("$k")
done

if [[ $build_first -eq 1 ]]; then
  [[ -f "$build/CMakeCache.txt" ]] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
  cmake --build "$build" --target bench-vs-openmp-programs -j2 >&2
fi

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for ((rep = 1; rep <= reps; ++rep)); do
  echo "run.sh: repetition $rep of $reps" >&2
  for k in "${kernels[@]}"; do
    for side in translated openmp; do
      program="$build/bin/vsomp_${k}_${side}"
      rc=0
      output=$(NPURT_BACKEND=cpu "$program" "${size_args[@]}" 2>&1) || rc=$?
      line=$(grep -m1 '^VSOMP ' <<<"$output" || true)
      status=PASS
      if [[ $rc -ne 0 || "$line" != *" check=PASS"* ]]; then
        status=FAIL
        echo "run.sh: $k ($side) failed, exit status $rc:" >&2
        tail -n 5 <<<"$output" >&2
      fi
      ms=0 bytes=0 size=?
      if [[ -n "$line" ]]; then
        ms=${line#* ms=} && ms=${ms%% *}
        bytes=${line#* bytes=} && bytes=${bytes%% *}
        size=${line#* size=} && size=${size%% ms=*}
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$k" "$side" "$status" "$ms" "$bytes" "$size" >>"$results"
    done
  done
done

echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), median of $reps alternating runs, NPURT_BACKEND=cpu."
echo
awk -F '\t' -v reps="$reps" '
  function median(key, side,   count, i, j, t, a) {
    count = runs[key, side]
    for (i = 1; i <= count; ++i) {
      a[i] = ms[key, side, i] + 0
      for (j = i; j > 1 && a[j - 1] > a[j]; --j) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    }
    return count % 2 ? a[(count + 1) / 2] : (a[count / 2] + a[count / 2 + 1]) / 2
  }
  {
    if (!($1 in size)) order[++kernels] = $1
    ms[$1, $2, ++runs[$1, $2]] = $4
    bytes[$1] = $5 + 0
    size[$1] = $6
    if ($3 == "FAIL") failed[$1] = 1
  }
  END {
    floor_ms = 0.001 # a tiny run can report 0.000 ms: ratios and rates stay finite
    triad_gbs = bytes["triad"] / (median("triad", "openmp") + floor_ms) / 1e6
    printf "STREAM triad (the OpenMP triad): %.1f GB/s.\n\n", triad_gbs
    print "| kernel | size | translated ms | OpenMP ms | translated / OpenMP | translated GB/s | % of triad |"
    print "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
    for (i = 1; i <= kernels; ++i) {
      k = order[i]
      t = median(k, "translated")
      o = median(k, "openmp")
      ratio = (t + floor_ms) / (o + floor_ms)
      log_sum += log(ratio)
      if (ratio > 2) above2 = above2 " " k
      gbs = pct = ""
      if (bytes[k] > 0) {
        gbs = sprintf("%.1f", bytes[k] / (t + floor_ms) / 1e6)
        pct = sprintf("%.0f %%", 100 * bytes[k] / (t + floor_ms) / 1e6 / triad_gbs)
      }
      printf "| %s%s | %s | %.1f | %.1f | %.2f | %s | %s |\n", k, (k in failed) ? " **FAIL**" : "",
             size[k], t, o, ratio, gbs, pct
      if (k in failed) any_failed = 1
    }
    printf "\nGeometric mean of translated / OpenMP over %d kernels: %.2f", kernels, exp(log_sum / kernels)
    printf "; above 2x:%s.\n", above2 == "" ? " none" : above2
    exit any_failed
  }' "$results"
