#!/usr/bin/env bash
# Proves a wheel from scripts/build_wheel.sh works on a bare Debian: a minimal
# bookworm root made with debootstrap (python3 and python3-venv only: no
# compiler, no libxml2, RE2, yaml-cpp, uchardet or ICU), a fresh venv in it,
# the wheel installed with no index (it has no dependencies), then: import,
# clean the seed article (must equal seeds/*.expected.txt), run the CLI on it.
#
#   bash scripts/check_wheel_bare.sh dist/newsclean-X-cp311-cp311-manylinux_2_36_x86_64.whl [ROOT]
#
# Root only (debootstrap, chroot, mount); for running by hand, not in CI: the
# first run downloads and unpacks the root (minutes; ROOT is kept for the next
# run, default build/bare-root). The root's Python is Debian 12's 3.11, so the
# wheel must be a cp311 one.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "$0")/.." && pwd)"
WHEEL="$(realpath "${1:?usage: check_wheel_bare.sh WHEEL [ROOT]}")"
BARE="$(realpath -m "${2:-$ROOT_DIR/build/bare-root}")"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
SEED="seeds/001_53a9f95486086e6a"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if [ ! -x "$BARE/usr/bin/python3" ]; then
  command -v debootstrap >/dev/null || { echo "needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }
  say "debootstrap bookworm into $BARE (python3, python3-venv only)"
  debootstrap --variant=minbase --include=python3,python3-venv bookworm "$BARE" "$MIRROR"
fi

say "the root has none of the libraries the build used"
for lib in libxml2 libre2 libyaml-cpp libuchardet libicuuc; do
  if compgen -G "$BARE/usr/lib/x86_64-linux-gnu/$lib.so*" >/dev/null; then
    echo "$BARE already has $lib: not a bare root" >&2; exit 1
  fi
done

work="$BARE/tmp/newsclean-check"
rm -rf "$work" "$BARE/opt/newsclean-venv"
mkdir -p "$work"
cp "$WHEEL" "$ROOT_DIR/$SEED.txt" "$ROOT_DIR/$SEED.expected.txt" "$work/"
mount -t proc proc "$BARE/proc"
trap 'umount "$BARE/proc"' EXIT

say "fresh venv, install $(basename "$WHEEL"), import, clean, CLI"
chroot "$BARE" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 /bin/bash -euo pipefail -c '
cd /tmp/newsclean-check
python3 -m venv /opt/newsclean-venv
/opt/newsclean-venv/bin/pip install --no-index --disable-pip-version-check -q ./*.whl
/opt/newsclean-venv/bin/python - <<PY
import newsclean, pathlib
seed = pathlib.Path("001_53a9f95486086e6a.txt").read_text(encoding="utf-8")
want = pathlib.Path("001_53a9f95486086e6a.expected.txt").read_text(encoding="utf-8")
r = newsclean.Cleaner().clean(seed)
assert r.text + "\n" == want, "the seed did not clean to the expected text"
print("import: newsclean", newsclean.__version__, "from", newsclean.__file__)
print("clean: seed ok,", r.stats, [x.category for x in r.removed])
PY
/opt/newsclean-venv/bin/newsclean --version
/opt/newsclean-venv/bin/newsclean clean -q 001_53a9f95486086e6a.txt > cli.txt
cmp cli.txt 001_53a9f95486086e6a.expected.txt
echo "cli: newsclean clean seed ok ($(wc -l < cli.txt) lines)"
'
say "ok: the wheel works in a bare Debian root"
