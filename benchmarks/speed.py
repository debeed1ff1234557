"""Speed of a full review: parse + analysis + review.json.

Two figures (issue 4): the largest corpus text repeated to about 2 MB (goal: under 10 s on the 2-core
reference machine) and the bundled sample draft after start-up, i.e. with the knowledge base and the language
tools already loaded (goal: under 1 s). A baseline measured in the same process, parsing alone, is printed
beside them so the numbers can be read as ratios on any machine.

Run: ``python benchmarks/speed.py``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from crlens.analysis.engine import review_document
from crlens.ingest import parse_file
from crlens.knowledge.loader import load

ROOT = Path(__file__).resolve().parents[1]
LARGEST = ROOT.parent / "shared" / "corpus" / "eu-ai-act-2024-1689.txt"
SAMPLE = ROOT / "examples" / "draft-digital-code.ru.txt"
TARGET_BYTES = 2 * 1024 * 1024
GOAL_BIG_S = 10.0
GOAL_SAMPLE_S = 1.0


def full_review(path: Path) -> int:
    review = review_document(parse_file(path), load())
    return len(review.to_json())


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    start = time.perf_counter()
    load()
    full_review(SAMPLE)  # start-up: knowledge base, morphology dictionaries, lexicon compilation
    startup = time.perf_counter() - start
    sample_s = min(timed(lambda: full_review(SAMPLE)) for _ in range(3))
    sample_parse = min(timed(lambda: parse_file(SAMPLE)) for _ in range(3))

    text = LARGEST.read_text(encoding="utf-8")
    copies = TARGET_BYTES // len(text.encode("utf-8")) + 1
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        big.write_text("\n".join([text] * copies), encoding="utf-8")
        size_mb = big.stat().st_size / 1024 / 1024
        big_s = timed(lambda: full_review(big))
        big_parse = timed(lambda: parse_file(big))
    print(f"start-up (first review incl. loading): {startup:.2f} s")
    print(f"sample draft ({SAMPLE.name}): {sample_s:.3f} s after start-up (goal < {GOAL_SAMPLE_S} s); "
          f"parse alone {sample_parse:.3f} s, ratio {sample_s / sample_parse:.1f}x")
    print(f"large text ({size_mb:.2f} MB, {copies} x {LARGEST.name}): {big_s:.2f} s (goal < {GOAL_BIG_S} s); "
          f"parse alone {big_parse:.2f} s, ratio {big_s / big_parse:.1f}x")
    ok = big_s < GOAL_BIG_S and sample_s < GOAL_SAMPLE_S
    print("PASS" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
