#!/usr/bin/env bash
# Runs every test: GoogleTest through ctest, then pytest, then ctest again
# under AddressSanitizer + UndefinedBehaviorSanitizer (scripts/sanitize.sh
# --ctest) and each libFuzzer target for 60 s (scripts/fuzz.sh). Installs and
# builds first what is missing or out of date. Exits non-zero if any test
# fails. About 20 minutes on 2 cores from nothing, less with builds kept.
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
say "sanitizers"
bash "$ROOT/scripts/sanitize.sh" --ctest || status=1
say "fuzzing"
# A fixed seed: CI tries the same inputs on every run (a crash it finds is
# found again); longer, exploring runs: scripts/fuzz.sh --runs N.
bash "$ROOT/scripts/fuzz.sh" --time 60 --seed 1 || status=1
exit "$status"
