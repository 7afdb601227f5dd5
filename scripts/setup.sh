#!/usr/bin/env bash
# One command sets everything up: the Python package with its test extras and the
# Node tools (the Khronos glTF validator, three.js for the viewer) and the Debian programs
# the integration tests drive (Blender, Chromium). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --upgrade pip
python3 -m pip install --quiet torch==2.13.0   # first: the pinned CPU wheel, never a CUDA download
python3 -m pip install --quiet -e ".[dev,ml]"
if command -v npm >/dev/null 2>&1; then
  npm install --silent --no-audit --no-fund
else
  echo "setup: npm not found; install Node.js to run the glTF validator tests" >&2
fi
# Real clients the integration tests drive: Blender (glTF import) and Chromium (viewer).
bash scripts/setup_clients.sh
echo "setup: done. Try: sgram --help"
