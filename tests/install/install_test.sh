#!/usr/bin/env bash
# Installs the build tree's npurt into a scratch prefix, then builds the
# out-of-tree app twice: with find_package(npurt) and with pkg-config.
set -euo pipefail
build=$1; app=$2; work=$3
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
