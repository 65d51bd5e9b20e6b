"""``python -m newsclean`` and the ``newsclean`` command: run the bundled CLI."""

import os
import subprocess
import sys
from pathlib import Path


def main() -> int:
    exe = Path(__file__).with_name("bin") / ("newsclean.exe" if os.name == "nt" else "newsclean")
    if not exe.exists():
        print(f"newsclean: the command-line tool is missing from the package ({exe})",
              file=sys.stderr)
        return 2
    args = [str(exe), *sys.argv[1:]]
    if os.name == "posix":
        sys.stdout.flush()
        os.execv(args[0], args)  # replaces this process; exit code is the CLI's
    return subprocess.call(args)


if __name__ == "__main__":
    sys.exit(main())
