"""Quality of area tagging and child relevance against hand labels, next to a plain keyword baseline.

The labelled set lives in ``tests/data/labels/*.yaml``: articles of real laws from ``../shared/corpus``, each
labelled by hand with its areas and child relevance following ``shared/spec/areas.md``. For every labelled
article we compare crlens's article-level ``areas`` and ``child_relevance`` with the labels and report
micro-averaged precision, recall and F1 over (article, area) pairs, plus relevance accuracy.

The baseline is plain keyword matching with the same vocabulary: an article gets an area when any term of
any of the area's tagging concepts occurs in it as a lower-case substring (no lemmas, weights or thresholds),
and relevance is "direct"/"indirect" when any term of the relevance concepts occurs.

Label files marked ``held_out: true`` were labelled without seeing crlens output and never used to tune the
engine; their articles are also scored apart, as the honest estimate of how crlens does on a text it has not
been tuned on. ``tests/data/labels/second-annotator/`` holds a second, independent annotation of the other
files: how far two careful readers agree is the ceiling any tagger can be measured against.

Who labelled: every label file was made by an AI agent (the crlens engineer or a helper agent briefed only with
``areas.md`` and the law text), each blind to crlens output and to the other annotation. Agents of the same kind
agree more than two human lawyers would, so the annotator agreement is an upper bound; labels by a child-rights
lawyer would be the benchmark to trust.

Goal (issue 4): crlens micro-F1 >= 0.80 and at least 0.15 above the baseline.
Run: ``python benchmarks/quality.py`` (``--per-area`` for a breakdown, ``--errors`` for the articles crlens gets
wrong; held-out files are never listed there, so that looking at errors cannot leak them into tuning).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from crlens.analysis.engine import review_document
from crlens.ingest import parse_file
from crlens.knowledge.loader import KnowledgeBase, load
from crlens.knowledge.models import AREA_IDS

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "labels"
SECOND = LABELS / "second-annotator"
CORPUS = ROOT.parent / "shared" / "corpus"
GOAL_F1 = 0.80
GOAL_MARGIN = 0.15


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    relevance_ok: int = 0
    articles: int = 0

    def add(self, gold: set[str], predicted: set[str], gold_rel: str, predicted_rel: str) -> None:
        self.articles += 1
        for area in predicted & gold:
            self.tp[area] += 1
        for area in predicted - gold:
            self.fp[area] += 1
        for area in gold - predicted:
            self.fn[area] += 1
        self.relevance_ok += int(gold_rel == predicted_rel)

    def prf(self, area: str | None = None) -> tuple[float, float, float]:
        tp = self.tp[area] if area else sum(self.tp.values())
        fp = self.fp[area] if area else sum(self.fp.values())
        fn = self.fn[area] if area else sum(self.fn.values())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def relevance_accuracy(self) -> float:
        return self.relevance_ok / self.articles if self.articles else 0.0


def _terms(kb: KnowledgeBase, concepts: list[str], lang: str) -> list[str]:
    langs = ("kk", "ru") if lang == "kk" else (lang,)
    out = []
    # a concept's words include those of the narrower concepts that count as it ("under-age" as "child")
    concepts = [*concepts, *(c.id for c in kb.concepts.values() if c.counts_as in concepts)]
    for cid in concepts:
        for lang_code in langs:
            for term in getattr(kb.concepts[cid].terms, lang_code):
                if not term.startswith("re:"):
                    out.append(term.rstrip("*").lower())
    return out


def baseline(kb: KnowledgeBase, text: str, lang: str) -> tuple[set[str], str]:
    """Plain keyword matching: substring search for the vocabulary of each area and of relevance."""
    lowered = text.lower()
    areas = {a for a in AREA_IDS if any(t in lowered for t in _terms(kb, kb.areas[a].tagging.concepts, lang))}
    assert kb.relevance is not None
    if any(t in lowered for t in _terms(kb, kb.relevance.direct, lang)):
        rel = "direct"
    elif any(t in lowered for t in _terms(kb, kb.relevance.indirect, lang)):
        rel = "indirect"
    else:
        rel = "none"
    return areas, rel


@dataclass(frozen=True)
class Mistake:
    """One tuning article where crlens and the labels disagree."""

    label_file: str
    article: str
    heading: str
    missed: tuple[str, ...]
    extra: tuple[str, ...]
    relevance: tuple[str, str]
    """(labelled, crlens)"""


@dataclass
class Result:
    """Scores of crlens and the baseline on the whole set, on the held-out files, per label file; agreement."""

    ours: Score
    base: Score
    held_out: Score
    per_file: dict[str, tuple[Score, Score]]
    agreement: Score
    """The second annotator scored against the first, over the articles both labelled."""
    mistakes: list[Mistake] = field(default_factory=list)
    """Disagreements on the articles that are not held out."""


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def evaluate(label_files: list[Path] | None = None) -> Result:
    """Score crlens and the baseline on the labelled set; also per label file, held out, and the annotators."""
    kb = load()
    result = Result(Score(), Score(), Score(), {}, Score())
    # Per source text: its document and its reviewed provisions by id, made once however many files label it.
    reviewed: dict[str, tuple] = {}
    for path in label_files or sorted(LABELS.glob("*.yaml")):
        labels = _read(path)
        source = labels["source"]
        if source not in reviewed:
            document = parse_file(CORPUS / source)
            reviewed[source] = (document, {p.id: p for p in review_document(document, kb).provisions})
        document, by_id = reviewed[source]
        held_out = bool(labels.get("held_out"))
        text_ours, text_base = Score(), Score()
        ours = [result.ours, text_ours] + ([result.held_out] if held_out else [])
        for entry in labels["articles"]:
            provision = by_id.get(entry["id"])
            if provision is None:
                raise SystemExit(f"{path.name}: {entry['id']} is not an article of {source}")
            gold = set(entry["areas"])
            node = document.get(entry["id"])
            assert node is not None
            b_areas, b_rel = baseline(kb, node.full_text(), document.language)
            predicted = set(provision.areas)
            for score in ours:
                score.add(gold, predicted, entry["child_relevance"], provision.child_relevance)
            if not held_out and (gold != predicted or entry["child_relevance"] != provision.child_relevance):
                result.mistakes.append(Mistake(
                    path.stem, entry["id"], entry["heading"], tuple(sorted(gold - predicted)),
                    tuple(sorted(predicted - gold)), (entry["child_relevance"], provision.child_relevance)))
            for score in (result.base, text_base):
                score.add(gold, b_areas, entry["child_relevance"], b_rel)
        result.per_file[path.stem] = (text_ours, text_base)
        second = SECOND / path.name
        if second.is_file():
            theirs = {e["id"]: e for e in _read(second)["articles"]}
            for entry in labels["articles"]:
                if entry["id"] in theirs:
                    other = theirs[entry["id"]]
                    result.agreement.add(set(entry["areas"]), set(other["areas"]), entry["child_relevance"],
                                         other["child_relevance"])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-area", action="store_true", help="print precision/recall/F1 per area")
    parser.add_argument("--errors", action="store_true",
                        help="list the tuning articles crlens gets wrong (never the held-out ones)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    result = evaluate()
    ours, base = result.ours, result.base
    print(f"labelled set: {ours.articles} articles from {len(result.per_file)} label files")
    print(f"{'':28} {'P':>6} {'R':>6} {'F1':>6} {'relevance acc':>14}")
    rows = [("crlens", ours), ("keyword baseline", base)]
    if result.held_out.articles:
        rows.append((f"crlens, held out ({result.held_out.articles})", result.held_out))
    if result.agreement.articles:
        rows.append((f"two annotators ({result.agreement.articles})", result.agreement))
    for name, score in rows:
        p, r, f = score.prf()
        print(f"{name:28} {p:6.3f} {r:6.3f} {f:6.3f} {score.relevance_accuracy:14.3f}")
    for name, (o, b) in result.per_file.items():
        print(f"  {name:40} crlens F1 {o.prf()[2]:.3f}  baseline F1 {b.prf()[2]:.3f}  "
              f"relevance {o.relevance_accuracy:.3f} ({o.articles} articles)")
    if args.per_area:
        print(f"{'area':26} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
        for area in AREA_IDS:
            p, r, f = ours.prf(area)
            print(f"{area:26} {p:6.3f} {r:6.3f} {f:6.3f} {ours.tp[area]:4} {ours.fp[area]:4} {ours.fn[area]:4}")
    if args.errors:
        for m in result.mistakes:
            labelled, ours_rel = m.relevance
            relevance = "" if labelled == ours_rel else f"  relevance {labelled}->{ours_rel}"
            print(f"{m.label_file} {m.article} {m.heading[:50]!r}: missed {list(m.missed)} "
                  f"extra {list(m.extra)}{relevance}")
    f_ours, f_base = ours.prf()[2], base.prf()[2]
    ok = f_ours >= GOAL_F1 and f_ours - f_base >= GOAL_MARGIN
    print(f"goal: F1 >= {GOAL_F1} and >= {GOAL_MARGIN} above baseline -> {'PASS' if ok else 'NOT MET'} "
          f"(margin {f_ours - f_base:+.3f})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
