from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "seeds/001_53a9f95486086e6a.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> str:
    return (ROOT / "seeds/001_53a9f95486086e6a.expected.txt").read_text(encoding="utf-8")
