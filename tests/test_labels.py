"""The hand-labelled set that benchmarks/quality.py scores crlens against: well formed and true to the texts."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from crlens.ingest import parse_file
from crlens.ingest.model import Document
from crlens.knowledge.models import AREA_IDS

LABELS = Path(__file__).parent / "data" / "labels"
SECOND = LABELS / "second-annotator"
FIRST_FILES = sorted(LABELS.glob("*.yaml"))
SECOND_FILES = sorted(SECOND.glob("*.yaml"))
RELEVANCE = {"direct", "indirect", "none"}


@cache
def _read(path: Path) -> dict:
    """A label file, read once (the tests only read it)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def _document(corpus: Path, source: str) -> Document:
    return parse_file(corpus / source)


@pytest.mark.parametrize("path", FIRST_FILES + SECOND_FILES, ids=lambda p: str(p.relative_to(LABELS)))
def test_every_label_names_an_article_of_its_source_with_its_heading(corpus, path):
    labels = _read(path)
    document = _document(corpus, labels["source"])
    for entry in labels["articles"]:
        node = document.get(entry["id"])
        assert node is not None and node.kind == "article", entry["id"]
        assert entry["heading"] == (node.heading or ""), entry["id"]


@pytest.mark.parametrize("path", FIRST_FILES + SECOND_FILES, ids=lambda p: str(p.relative_to(LABELS)))
def test_labels_use_only_the_fixed_area_ids_and_relevance_values(path):
    for entry in _read(path)["articles"]:
        assert set(entry["areas"]) <= set(AREA_IDS), entry["id"]
        assert len(entry["areas"]) == len(set(entry["areas"])), entry["id"]
        assert entry["child_relevance"] in RELEVANCE, entry["id"]


def test_no_article_is_labelled_twice_in_the_scored_set():
    seen = Counter((_read(p)["source"], e["id"]) for p in FIRST_FILES for e in _read(p)["articles"])
    assert [key for key, n in seen.items() if n > 1] == []


def test_the_scored_set_meets_the_size_the_issue_asks_for():
    files = [_read(p) for p in FIRST_FILES]
    assert sum(len(f["articles"]) for f in files) >= 150
    assert len({f["source"] for f in files}) >= 4
    assert len({f["source"] for f in files if f["language"] == "ru"}) >= 2


def test_there_is_a_held_out_part_never_used_for_tuning():
    held_out = [_read(p) for p in FIRST_FILES if _read(p).get("held_out")]
    assert sum(len(labels["articles"]) for labels in held_out) >= 50


@pytest.mark.parametrize("path", SECOND_FILES, ids=lambda p: p.name)
def test_the_second_annotation_covers_the_same_articles_as_the_first(path):
    first = _read(LABELS / path.name)
    second = _read(path)
    assert second["source"] == first["source"]
    assert [e["id"] for e in second["articles"]] == [e["id"] for e in first["articles"]]


def test_the_error_listing_of_quality_py_never_shows_a_held_out_article(corpus):
    spec = importlib.util.spec_from_file_location("quality", LABELS.parents[2] / "benchmarks" / "quality.py")
    assert spec is not None and spec.loader is not None
    quality = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("quality", quality)  # its dataclasses look their module up there
    spec.loader.exec_module(quality)
    held_out = [p for p in FIRST_FILES if _read(p).get("held_out")]
    tuning = [p for p in FIRST_FILES if p.stem == "us-coppa-15usc6501"]
    result = quality.evaluate(held_out[:1] + tuning)
    assert result.held_out.articles == len(_read(held_out[0])["articles"])
    assert result.mistakes, "the tuning file should have some disagreements to list"
    assert {m.label_file for m in result.mistakes} == {"us-coppa-15usc6501"}
