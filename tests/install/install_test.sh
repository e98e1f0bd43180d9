#!/usr/bin/env bash
# Installs the build tree into a scratch prefix, then builds, outside the tree:
#   - an application using npurt directly: with find_package(npurt) and with pkg-config;
#   - a CUDA project translated at build time by the installed cu2npu_add_executable().
set -euo pipefail
build=$1; app=$2; work=$3; cuda_app=$4
rm -rf "$work"; mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" >/dev/null

cmake -S "$app" -B "$work/app-build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/app-build" >/dev/null
"$work/app-build/consumer" | grep -qx PASS
echo "find_package(npurt): PASS"

export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
c++ -std=c++17 "$app/main.cpp" $(pkg-config --cflags --libs --static npurt) -o "$work/consumer-pc"
"$work/consumer-pc" | grep -qx PASS
echo "pkg-config npurt: PASS"

cmake -S "$cuda_app" -B "$work/cuda-app-build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/cuda-app-build" >/dev/null
"$work/cuda-app-build/saxpy" | grep -qx PASS
echo "cu2npu_add_executable (installed cu2npu): PASS"
