#!/usr/bin/env bash
# Installs the real outside clients the integration tests drive, from Debian's archive:
#   blender + python3-numpy  (tests/test_blender.py: import our GLB with Blender's glTF importer)
#   chromium                 (tests/test_viewer.py: screenshot the three.js viewer headless)
#   libegl1 + Mesa (llvmpipe) (compiler.render perspective pictures through VTK's EGL window)
# Safe to run again: a package already installed is skipped, and nothing is fetched when all are.
# Needs root (or sudo) for apt-get; without either it says what is missing and exits 0 so the
# integration tests skip with their own reason.
set -euo pipefail

packages=(blender python3-numpy chromium libegl1 libegl-mesa0 libgl1-mesa-dri)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup_clients: all present (${packages[*]})"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "setup_clients: not root and no sudo; missing: ${missing[*]} (integration tests will skip)" >&2
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup_clients: apt-get not found; missing: ${missing[*]} (integration tests will skip)" >&2
  exit 0
fi

echo "setup_clients: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup_clients: done"
