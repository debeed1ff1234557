"""Parsing throughput on txt input, in MB/s of text.

The largest corpus text (the EU AI Act) is repeated to about 2 MB and parsed end to end (read, decode,
structure). Goal: at least 2 MB/s on the 2-core reference machine. A baseline in the same process, a plain
``str.splitlines`` pass over the same text, is reported beside it so the figure can be read as a ratio too.

Run: ``python benchmarks/parse_speed.py``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from crlens.ingest import parse_file

ROOT = Path(__file__).resolve().parents[1]
LARGEST = ROOT.parent / "shared" / "corpus" / "eu-ai-act-2024-1689.txt"
TARGET_BYTES = 2 * 1024 * 1024
GOAL_MB_S = 2.0


def best_of(runs: int, fn) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    text = LARGEST.read_text(encoding="utf-8")
    copies = max(1, TARGET_BYTES // len(text.encode("utf-8")) + 1)
    big = "\n".join([text] * copies)
    size_mb = len(big.encode("utf-8")) / 1024 / 1024
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(big, encoding="utf-8")
        parse_file(path)  # warm-up: imports and regex compilation
        parse_s = best_of(3, lambda: parse_file(path))
        baseline_s = best_of(3, lambda: path.read_text(encoding="utf-8").splitlines())
        articles = len(parse_file(path).articles)
    rate = size_mb / parse_s
    print(f"input: {size_mb:.2f} MB ({copies} x {LARGEST.name}), {articles} articles")
    print(f"parse: {parse_s:.3f} s  -> {rate:.2f} MB/s (goal >= {GOAL_MB_S} MB/s)")
    print(f"baseline read+splitlines: {baseline_s:.3f} s; parse/baseline = {parse_s / baseline_s:.1f}x")
    print("PASS" if rate >= GOAL_MB_S else "BELOW GOAL")
    return 0 if rate >= GOAL_MB_S else 1


if __name__ == "__main__":
    sys.exit(main())
