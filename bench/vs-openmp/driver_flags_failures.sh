#!/usr/bin/env bash
# Test of run.sh: a program whose check fails must flag its row FAIL and make run.sh exit 1,
# so that a wrong fast kernel cannot win. Stand-in programs in a temporary build tree.
set -euo pipefail
fake=$(mktemp -d)
trap 'rm -rf "$fake"' EXIT
mkdir "$fake/bin"
printf '#!/bin/sh\necho "VSOMP kernel=triad size=9 ms=2.000 bytes=1000 check=FAIL"\nexit 1\n' \
  >"$fake/bin/vsomp_triad_translated"
printf '#!/bin/sh\necho "VSOMP kernel=triad size=9 ms=1.000 bytes=1000 check=PASS"\n' \
  >"$fake/bin/vsomp_triad_openmp"
chmod +x "$fake/bin/"*
rc=0
table=$(bash "$(dirname "$0")/run.sh" --build-dir "$fake" --no-build --reps 1 2>/dev/null) || rc=$?
[[ $rc -eq 1 ]] || { echo "run.sh exited $rc, not 1, on a failing check"; exit 1; }
grep -q '^| triad \*\*FAIL\*\* | 9 | 2.0 | 1.0 | 2.00 |' <<<"$table" ||
  { echo "no FAIL row in:"; echo "$table"; exit 1; }
echo PASS
