#!/usr/bin/env bash
# Sanitizer runs, each into a build folder of its own:
#
#   scripts/sanitize.sh           AddressSanitizer + UndefinedBehaviorSanitizer (leak
#                                 detection on) in build/asan: ctest, then the CLI over
#                                 every page of the development sets in ../shared/eval
#                                 (HTML, and each page's truth as text) on two threads.
#                                 About 10 minutes on 2 cores.
#   scripts/sanitize.sh --ctest   the same build, ctest only (what CI runs).
#   scripts/sanitize.sh --tsan [--pages N]
#                                 ThreadSanitizer in build/tsan: the threaded tests
#                                 (clean_many, one Cleaner shared by threads, the XML
#                                 arenas) and the CLI on 4 threads over the first N
#                                 development pages (default 500).
#
# Exits non-zero on any report. Honours NEWSCLEAN_JOBS (build and test jobs).
source "$(dirname "$0")/common.sh"

mode=asan
pages=500
while [ $# -gt 0 ]; do
  case "$1" in
    --ctest) mode=ctest; shift ;;
    --tsan) mode=tsan; shift ;;
    --pages) pages="$2"; shift 2 ;;
    *) echo "usage: $0 [--ctest | --tsan [--pages N]]" >&2; exit 2 ;;
  esac
done

install_system_deps

# build FOLDER SANITIZER-FLAGS [CLI: ON|OFF]: the library, the GoogleTests and
# the CLI. -O1 -g1: reports keep file:line, and the build takes half the time
# of -O2 -g (it is most of CI's time).
build() {
  say "cmake build with $2 in $1"
  cmake -S "$ROOT" -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=None -DNEWSCLEAN_BUILD_TESTS=ON \
    -DNEWSCLEAN_BUILD_CLI="${3:-ON}" -DCMAKE_CXX_FLAGS="$2 -O1 -g1 -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="$2" >/dev/null
  cmake --build "$1" -j "$JOBS" >&2
}

# The development pages as one JSONL file, in $pages_file (removed on exit).
EVAL="$ROOT/../shared/eval"
dev_pages() {
  pages_file="$(mktemp)"
  trap 'rm -f "$pages_file" "$pages_file.out"' EXIT
  for set in scrapinghub wcxb-dev trafilatura-eval; do
    [ -f "$EVAL/$set.jsonl.gz" ] && zcat "$EVAL/$set.jsonl.gz" >>"$pages_file"
  done
  if [ -n "${1:-}" ]; then
    head -n "$1" "$pages_file" >"$pages_file.head" && mv "$pages_file.head" "$pages_file"
  fi
}

if [ "$mode" = tsan ]; then
  TSAN="$ROOT/build/tsan"
  build "$TSAN" "-fsanitize=thread"
  export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
  say "threaded GoogleTests under ThreadSanitizer"
  "$TSAN/tests/newsclean_tests" --gtest_brief=1 \
    --gtest_filter='Cleaner.CleanMany*:Cleaner.SharedAcrossThreads:XmlArenaTest.Threads*'
  if [ -d "$EVAL" ]; then
    dev_pages "$pages"
    say "CLI on 4 threads over $(wc -l <"$pages_file") development pages, HTML"
    "$TSAN/cleaner/newsclean" clean "$pages_file" --input-format jsonl --text-field html \
      --url-field url --format html --json -j 4 -q -o "$pages_file.out"
  else
    say "no ../shared/eval: development pages skipped"
  fi
  say "no ThreadSanitizer report"
  exit 0
fi

ASAN="$ROOT/build/asan"
build "$ASAN" "-fsanitize=address,undefined" "$([ "$mode" = ctest ] && echo OFF || echo ON)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

say "ctest under AddressSanitizer + UndefinedBehaviorSanitizer"
# The clean_many death test limits the address space, which ASan's shadow memory
# cannot live in; install.find_package builds a project without the sanitizers,
# which cannot link this sanitized library.
ctest --test-dir "$ASAN" --output-on-failure -j "$JOBS" \
  -E 'CleanerDeathTest|install\.find_package'
[ "$mode" = ctest ] && { say "no sanitizer report"; exit 0; }

if [ -d "$EVAL" ]; then
  dev_pages
  say "CLI over $(wc -l <"$pages_file") development pages, HTML"
  "$ASAN/cleaner/newsclean" clean "$pages_file" --input-format jsonl --text-field html \
    --url-field url --format html --json -j 2 -o "$pages_file.out"
  say "CLI over the same pages' truth, text (records without a truth fail, as they should)"
  rc=0
  "$ASAN/cleaner/newsclean" clean "$pages_file" --input-format jsonl --text-field truth \
    --url-field url --format text --json -j 2 -o "$pages_file.out" \
    2> >(grep -v 'is a null, not a string' >&2) || rc=$?
  [ "$rc" -le 1 ] || { say "the CLI ended with $rc"; exit 1; }  # 1: some records failed
else
  say "no ../shared/eval: development pages skipped"
fi
say "no sanitizer report"
