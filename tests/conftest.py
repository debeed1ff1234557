"""Shared fixtures: the real law corpus in ../shared/corpus and the bundled sample draft."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The directory of real law texts (not part of the project; read in place)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def sample_ru() -> Path:
    return EXAMPLES / "draft-digital-code.ru.txt"


@pytest.fixture(scope="session")
def sample_en() -> Path:
    return EXAMPLES / "draft-digital-code.en.txt"
