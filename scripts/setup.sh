#!/usr/bin/env bash
# Installs what cuda2npu needs from Debian's packages, only what is missing.
# Idempotent; silent and fast (one dpkg-query) when everything is there.
set -euo pipefail

packages=(cmake make g++ pkg-config libtbb-dev libgtest-dev libcli11-dev
          clang-19 libclang-19-dev llvm-19-dev
          libthrust-dev libopenblas-dev libfftw3-dev) # CUDA libraries for translated code

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "setup: installing ${missing[*]}" >&2
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done" >&2
