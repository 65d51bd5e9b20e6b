#!/usr/bin/env bash
# libFuzzer over the targets in tests/fuzz (text cleaning, HTML cleaning,
# rule loading, the CLI's WARC reader, the native HTML parse against
# libxml2's), built with Clang, ASan and UBSan into build/fuzz.
#
#   scripts/fuzz.sh                # each target for 60 s (what CI runs)
#   scripts/fuzz.sh --time 600     # each target for 600 s
#   scripts/fuzz.sh --runs 1000000 # each target for 10^6 executions
#   scripts/fuzz.sh --time 60 clean_html   # one target
#   scripts/fuzz.sh --runs 1000000 --max-len 1024  # inputs of at most 1 KB
#   scripts/fuzz.sh --seed 1       # libFuzzer's random seed (CI: the same
#                                  # inputs in the same order on every run)
#
# Seed corpora: the test articles and seed texts (text), tests/fuzz/seeds/html
# (HTML), tests/fuzz/seeds/rules (rules), tests/fuzz/seeds/warc (WARC). What
# libFuzzer adds is kept in build/fuzz/corpus/TARGET between runs. A crash, a
# leak, a sanitizer report, an input slower than 10 s or over 2 GB of memory
# ends the run with non-zero exit and the input in build/fuzz/artifacts/.
# Needs clang (scripts/common.sh installs it).
source "$(dirname "$0")/common.sh"

limit=(-max_total_time=60)
max_len=()
seed=()
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2"); shift 2 ;;
    --max-len) max_len=(-max_len="$2"); shift 2 ;;
    --seed) seed=(-seed="$2"); shift 2 ;;
    -*) echo "usage: $0 [--time SECONDS | --runs N] [--max-len BYTES] [--seed N] [TARGET...]" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ "${#targets[@]}" -gt 0 ] || targets=(clean_text clean_html rules_load warc_read native_parse)

install_system_deps
install_fuzz_deps
FUZZ="${NEWSCLEAN_FUZZ_DIR:-$ROOT/build/fuzz}"
say "cmake build of the fuzz targets with clang in $FUZZ"
# -O1 -gline-tables-only: what libFuzzer's documentation builds with.
CXX=clang++ CC=clang cmake -S "$ROOT" -B "$FUZZ" -G Ninja -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
  -DNEWSCLEAN_FUZZ=ON -DNEWSCLEAN_BUILD_TESTS=OFF -DNEWSCLEAN_BUILD_CLI=OFF \
  -DNEWSCLEAN_INSTALL=OFF >/dev/null
cmake --build "$FUZZ" -j "$JOBS" --target "${targets[@]/%/_fuzz}" >&2

seeds_of() {
  case "$1" in
    clean_text) echo "$ROOT"/tests/data/articles/*.txt "$ROOT"/seeds/*.txt ;;
    clean_html | native_parse) echo "$ROOT"/tests/fuzz/seeds/html/* ;;
    rules_load) echo "$ROOT"/tests/fuzz/seeds/rules/* ;;
    warc_read) echo "$ROOT"/tests/fuzz/seeds/warc/* ;;
  esac
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p "$FUZZ/artifacts"
status=0
for t in "${targets[@]}"; do
  corpus="$FUZZ/corpus/$t"
  mkdir -p "$corpus"
  # shellcheck disable=SC2046
  cp $(seeds_of "$t") "$corpus/"
  say "fuzzing $t (${limit[*]})"
  start=$SECONDS
  log="$FUZZ/artifacts/$t.log"
  if "$FUZZ/tests/fuzz/${t}_fuzz" "${limit[@]}" "${max_len[@]}" "${seed[@]}" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$FUZZ/artifacts/$t-" "$corpus" 2>"$log"; then
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
    say "$t: $runs executions in $((SECONDS - start)) s, no crash (corpus: $(ls "$corpus" | wc -l) inputs)"
  else
    grep -E -A40 '^==[0-9]+==|runtime error|ERROR: libFuzzer' "$log" | head -60 >&2
    say "$t: FAILED after $((SECONDS - start)) s (log and input in $FUZZ/artifacts/)"
    status=1
  fi
done
exit "$status"
