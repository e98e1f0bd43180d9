#!/usr/bin/env bash
# Regenerates what is generated from the translator's mapping table:
# docs/support/*.md, and the support table in README.md (docs/support/summary.md
# spliced between the support-table markers). The test translator.cli.misc
# fails when they are stale.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CU2NPU_BUILD_DIR:-$root/build}
cmake --build "$build" --target cu2npu >/dev/null
"$build/bin/cu2npu" --gen-docs "$root/docs/support"
python3 - "$root/README.md" "$root/docs/support/summary.md" <<'PY'
import sys
readme_path, summary_path = sys.argv[1], sys.argv[2]
readme = open(readme_path).read()
begin, end = "<!-- support-table:begin -->\n", "<!-- support-table:end -->"
b, e = readme.index(begin) + len(begin), readme.index(end)
open(readme_path, "w").write(readme[:b] + open(summary_path).read() + readme[e:])
PY
echo "docs/support and README.md regenerated from translator/mapping"
