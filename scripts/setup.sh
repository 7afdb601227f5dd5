#!/usr/bin/env bash
# One command sets everything up: the Python package with its test extras and the
# Node tools the tests use (the Khronos glTF validator). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --upgrade pip
python3 -m pip install --quiet -e ".[dev]"
if command -v npm >/dev/null 2>&1; then
  npm install --silent --no-audit --no-fund
else
  echo "setup: npm not found; install Node.js to run the glTF validator tests" >&2
fi
echo "setup: done. Try: sgram --help"
