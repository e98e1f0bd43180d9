#!/usr/bin/env bash
# The modeled Ascend device's own cost: every built sample runs on the cpu backend and under the
# model (NPURT_BACKEND=ascend:<model>), best of N runs each, in the same session; prints the
# wall-time ratio model/cpu per sample and their geometric mean. The goal (issue #6) is at most
# 2x. Usage: bench/ascend/model_overhead.sh [build-dir] [model] [runs]
set -euo pipefail
build=${1:-build}
model=${2:-910B3}
runs=${3:-5}
samples_dir="$build/bin"
[[ -d $samples_dir ]] || { echo "no $samples_dir: build the samples first (scripts/demo.sh or cmake --build $build)" >&2; exit 1; }

best_seconds() { # best wall time of $runs runs of "$@" with NPURT_BACKEND=$backend
  local best=
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s.%N)
    NPURT_BACKEND=$backend "$@" >/dev/null 2>&1 || { echo "FAILED: NPURT_BACKEND=$backend $*" >&2; return 1; }
    end=$(date +%s.%N)
    best=$(awk -v a="$best" -v s="$start" -v e="$end" 'BEGIN { t = e - s; print (a == "" || t < a) ? t : a }')
  done
  echo "$best"
}

printf '%-24s %10s %10s %8s\n' sample "cpu s" "ascend s" ratio
log_sum=0 count=0
for app in "$samples_dir"/sample_*; do
  [[ -x $app && -f $app ]] || continue
  name=${app##*/sample_}
  backend=cpu
  cpu=$(best_seconds "$app")
  backend=ascend:$model
  ascend=$(best_seconds "$app")
  ratio=$(awk -v a="$ascend" -v c="$cpu" 'BEGIN { printf "%.2f", a / c }')
  printf '%-24s %10.4f %10.4f %8s\n' "$name" "$cpu" "$ascend" "$ratio"
  log_sum=$(awk -v s="$log_sum" -v r="$ratio" 'BEGIN { print s + log(r) }')
  count=$((count + 1))
done
((count > 0)) || { echo "no sample binaries in $samples_dir" >&2; exit 1; }
awk -v s="$log_sum" -v n="$count" -v m="$model" 'BEGIN { printf "geometric mean ascend:%s / cpu: %.2f over %d samples (goal: <= 2)\n", m, exp(s / n), n }'
