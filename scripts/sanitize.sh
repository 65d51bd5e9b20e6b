#!/usr/bin/env bash
# AddressSanitizer + UndefinedBehaviorSanitizer (leak detection on): builds the
# library, CLI and GoogleTests into build/asan, runs the tests, then the CLI over
# every page of the development sets in ../shared/eval (HTML, and each page's
# truth as text) on two threads. Exits non-zero on any report. About 10 minutes
# on 2 cores; not part of CI (scripts/test.sh).
source "$(dirname "$0")/common.sh"

install_system_deps
ASAN="$ROOT/build/asan"
say "cmake build with -fsanitize=address,undefined in $ASAN"
cmake -S "$ROOT" -B "$ASAN" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSCLEAN_BUILD_TESTS=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$ASAN" -j "$JOBS" >&2

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

say "GoogleTests under the sanitizers"
# The clean_many death test limits the address space, which ASan's shadow memory cannot live in.
"$ASAN/tests/newsclean_tests" --gtest_filter='-CleanerDeathTest.*' --gtest_brief=1

EVAL="$ROOT/../shared/eval"
if [ -d "$EVAL" ]; then
  pages="$(mktemp)"
  trap 'rm -f "$pages" "$pages.out"' EXIT
  for set in scrapinghub wcxb-dev trafilatura-eval; do
    [ -f "$EVAL/$set.jsonl.gz" ] && zcat "$EVAL/$set.jsonl.gz" >>"$pages"
  done
  say "CLI over $(wc -l <"$pages") development pages, HTML"
  "$ASAN/cleaner/newsclean" clean "$pages" --input-format jsonl --text-field html --url-field url \
    --format html --json -j 2 -o "$pages.out"
  say "CLI over the same pages' truth, text (records without a truth fail, as they should)"
  rc=0
  "$ASAN/cleaner/newsclean" clean "$pages" --input-format jsonl --text-field truth --url-field url \
    --format text --json -j 2 -o "$pages.out" 2> >(grep -v 'is a null, not a string' >&2) || rc=$?
  [ "$rc" -le 1 ] || { say "the CLI ended with $rc"; exit 1; }  # 1: some records failed
else
  say "no ../shared/eval: development pages skipped"
fi
say "no sanitizer report"
