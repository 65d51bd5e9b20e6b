# Shared by scripts/setup.sh and scripts/test.sh: install what is missing and
# build. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${NEWSCLEAN_BUILD_DIR:-$ROOT/build/cmake}"
PYTHON="${PYTHON:-python3}"
JOBS="${NEWSCLEAN_JOBS:-$(nproc 2>/dev/null || echo 2)}"  # NEWSCLEAN_JOBS=1 on a shared machine

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages for the C++ build; only the missing ones are installed.
install_system_deps() {
  local pkgs=(pkg-config libxml2-dev libre2-dev libyaml-cpp-dev libgtest-dev libgmock-dev
              libcli11-dev nlohmann-json3-dev libuchardet-dev zlib1g-dev)
  command -v g++ >/dev/null || pkgs+=(g++)
  command -v cmake >/dev/null || pkgs+=(cmake)
  command -v ninja >/dev/null || pkgs+=(ninja-build)
  command -v java >/dev/null || pkgs+=(openjdk-17-jre-headless)  # Spark integration tests
  command -v chromium >/dev/null || pkgs+=(chromium)  # the explain report, opened in a browser
  "$PYTHON" -c 'import sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
    || pkgs+=(python3-dev)
  local missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# clang and its libFuzzer / sanitizer runtimes, for scripts/fuzz.sh. Debian
# ships the runtimes apart from clang (libclang-rt-N-dev, N clang's major).
install_fuzz_deps() {
  local pkgs=()
  command -v clang++ >/dev/null || pkgs+=(clang)
  if [ "${#pkgs[@]}" -gt 0 ]; then
    say "apt-get install ${pkgs[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  fi
  local major rt
  major="$(clang++ -dumpversion | cut -d. -f1)"
  rt="libclang-rt-$major-dev"
  if [ ! -f "$(clang++ -print-resource-dir)/lib/linux/libclang_rt.fuzzer-$(uname -m).a" ] &&
     apt-cache show "$rt" >/dev/null 2>&1; then
    say "apt-get install $rt"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$rt" >/dev/null
  fi
}

pip_install() {
  # Debian's own Python refuses pip installs outside a venv (PEP 668); this
  # project installs into whatever python3 is first on PATH, as asked.
  if compgen -G "$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')/EXTERNALLY-MANAGED" >/dev/null; then
    export PIP_BREAK_SYSTEM_PACKAGES=1
  fi
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "$@"
  if command -v pyenv >/dev/null; then pyenv rehash; fi
}

build_cpp() {
  say "cmake build in $BUILD"
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEWSCLEAN_BUILD_TESTS=ON >/dev/null
  cmake --build "$BUILD" -j "$JOBS" >&2  # stdout is for the cleaned seed
}

install_python_package() {
  say "pip install $ROOT"
  pip_install "$ROOT[test,scrapy,spark,datatrove,wet]"
}

# The `newsclean` command pip installed (it may not be on PATH under pyenv).
newsclean_command() {
  local scripts
  scripts="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
  if [ -x "$scripts/newsclean" ]; then echo "$scripts/newsclean"; else command -v newsclean; fi
}
