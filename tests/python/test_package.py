"""The installed package: importable anywhere, typed, and both CLI entry points."""

import importlib.metadata
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import newsclean


def test_imports_from_outside_the_source_tree(tmp_path: Path):
    out = subprocess.run(
        [sys.executable, "-c", "import newsclean; print(newsclean.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout
    assert "site-packages" in out or "dist-packages" in out


def test_ships_type_information():
    pkg = Path(newsclean.__file__).parent
    assert (pkg / "py.typed").exists()
    assert (pkg / "_core.pyi").exists()


def test_python_dash_m_and_the_console_script_clean_the_seed(tmp_path: Path, root, seed_expected):
    seed = str(root / "seeds/001_53a9f95486086e6a.txt")
    script = Path(sysconfig.get_path("scripts")) / "newsclean"
    for cmd in ([sys.executable, "-m", "newsclean"], [str(script)]):
        proc = subprocess.run([*cmd, "clean", "-q", seed], cwd=tmp_path,
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == seed_expected
    bad = subprocess.run([sys.executable, "-m", "newsclean", "--no-such-flag"],
                         capture_output=True, text=True)
    assert bad.returncode == 2


def test_the_newsclean_command_does_not_import_the_package_before_the_cli():
    """`pip install .` installs the compiled CLI itself; a wheel repaired by auditwheel,
    a launcher that only execs it. Neither imports newsclean (and _core) first: a
    one-document run pays the CLI's own start, not the module's."""
    script = Path(sysconfig.get_path("scripts")) / "newsclean"
    head = script.read_bytes()
    if head[:4] != b"\x7fELF":
        text = head.decode("utf-8")
        assert "os.execv" in text
        assert "import newsclean" not in text and "from newsclean" not in text


def test_one_version_from_cmake(root):
    """project() in CMakeLists.txt is the only place the version is written."""
    cmake = re.search(r"project\(newsclean VERSION ([0-9][0-9A-Za-z.]*)",
                      (root / "CMakeLists.txt").read_text(encoding="utf-8")).group(1)
    assert newsclean.__version__ == importlib.metadata.version("newsclean") == cmake
    assert cmake not in (root / "pyproject.toml").read_text(encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "newsclean", "--version"],
                         capture_output=True, text=True, check=True).stdout
    assert cli.strip() == f"newsclean {cmake}"


def test_metadata_license_urls_and_a_long_description_without_machine_paths():
    md = importlib.metadata.metadata("newsclean")
    assert md["License-Expression"] == "MIT"
    assert "LICENSE" in (md.get_all("License-File") or [])
    assert any(url.startswith("Source, https://") for url in md.get_all("Project-URL"))
    assert "Programming Language :: Python :: 3" in md.get_all("Classifier")
    readme = md.get_payload() or md["Description"]
    assert readme.startswith("# newsclean")
    assert not re.findall(r"(?<![\w.])/(?:work|tmp|root|home|Users)/\S*", readme)
