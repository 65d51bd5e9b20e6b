"""``python -m newsclean``: runs the ``newsclean`` command.

The command is the compiled CLI, installed by the wheel into the environment's
scripts folder (``bin/``) beside ``python``; this finds it through the files
the installed distribution lists, so it works for any install scheme (a
virtual environment, ``--user``, ``--prefix``)."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

_NAME = "newsclean.exe" if os.name == "nt" else "newsclean"


def _command() -> Path | None:
    try:
        files = importlib.metadata.files("newsclean") or []
    except importlib.metadata.PackageNotFoundError:
        files = []
    for f in files:
        if f.name == _NAME and f.parent.name in ("bin", "Scripts"):
            path = Path(f.locate())
            if path.is_file():
                return path
    path = Path(sysconfig.get_path("scripts")) / _NAME
    return path if path.is_file() else None


def main() -> int:
    exe = _command()
    if exe is None:
        print(f"newsclean: the command-line tool {_NAME} is not installed with this package",
              file=sys.stderr)
        return 2
    args = [str(exe), *sys.argv[1:]]
    if os.name == "posix":
        sys.stdout.flush()
        os.execv(args[0], args)  # replaces this process; exit code is the CLI's
    return subprocess.call(args)


if __name__ == "__main__":
    sys.exit(main())
