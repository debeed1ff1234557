"""Time to load and validate the whole knowledge base (goal: well under 0.5 s).

Reports a cold load (YAML parsed, cache written), a warm load (the content-keyed JSON cache read) and, as a
baseline in the same process, reading the raw bytes of every data file.
Run: ``python benchmarks/kb_load.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

from crlens.knowledge.loader import DATA_DIR, _load_cached, load

GOAL_S = 0.5


def timed_load() -> float:
    _load_cached.cache_clear()
    start = time.perf_counter()
    load()
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        cold = timed_load()
        warm = min(timed_load() for _ in range(5))
    start = time.perf_counter()
    size = sum(len(p.read_bytes()) for p in DATA_DIR.rglob("*.yaml"))
    raw = time.perf_counter() - start
    print(f"knowledge base: {size / 1024:.0f} KB of YAML")
    print(f"cold load (parse YAML, validate, write cache): {cold:.3f} s")
    print(f"warm load (cache, validate): {warm:.3f} s (goal < {GOAL_S} s); raw read {raw:.4f} s")
    print("PASS" if warm < GOAL_S else "NOT MET")
    return 0 if warm < GOAL_S else 1


if __name__ == "__main__":
    sys.exit(main())
