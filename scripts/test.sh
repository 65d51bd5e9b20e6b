#!/usr/bin/env bash
# Runs every test: GoogleTest through ctest, then pytest. Installs and builds
# first what is missing or out of date. Exits non-zero if any test fails.
source "$(dirname "$0")/common.sh"

install_system_deps
build_cpp
install_python_package

status=0
say "ctest"
ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS" || status=1
say "pytest"
cd "$ROOT"
NEWSCLEAN_CLI="${NEWSCLEAN_CLI:-$BUILD/cleaner/newsclean}" "$PYTHON" -m pytest || status=1
exit "$status"
