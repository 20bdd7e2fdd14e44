"""Benchmark: ``diprefs audit`` of a manuscript against a 16,833-work library.

Run on demand (not in the test suite), from the repository root:

    PYTHONPATH=src python bench/bench_audit.py [--library PATH] [--items N] [--runs N]

The library is bench_search.py's (built once from ``large/glottolog-zurich-sala.bib``). The
manuscript is written here: N works spread over the library, every other one printed in GOST and
the rest in APA (the matcher must not depend on the list's style), all cited in order. Yardstick,
measured in the same run: loading every work of the library (``storage.selection.load_works``),
the floor of a library-wide match. It prints the audit's time as a ratio to the floor and how
many items found their own work; it exits 1 when the audit takes more than 3x the floor or fewer
than 95% of the items are matched right.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import CORPUS, DEFAULT_LIBRARY, build

TIME_TARGET = 3.0
MATCH_TARGET = 0.95


def best(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, default=DEFAULT_LIBRARY)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.library.exists():
        if not CORPUS.exists():
            print(f"corpus not found: {CORPUS}; nothing measured")
            return 0
        build(args.library)

    from diprefs.services import audit as audit_service
    from diprefs.services import bibliography as bib
    from diprefs.storage import selection
    from diprefs.storage.db import open_library
    from diprefs.styles.render import plain_text

    db = open_library(args.library)
    ids = selection.all_ids(db)
    floor, _ = best(lambda: selection.load_works(db, ids, ()), args.runs)
    step = max(1, len(ids) // args.items)
    keys = selection.keys_of(db, ids[::step][: args.items])
    gost = bib.format_list(db, bib.Selection(keys=keys), "gost", None, "cited")
    apa = bib.format_list(db, bib.Selection(keys=keys), "apa", None, "cited")
    lines = [plain_text((gost if i % 2 == 0 else apa).items[i][1]) for i in range(len(keys))]
    manuscript = Path(tempfile.mkdtemp()) / "manuscript.md"
    cites = " ".join(f"[{i}]" for i in range(1, len(keys) + 1))
    items = "".join(f"{i}. {text}\n" for i, text in enumerate(lines, 1))
    manuscript.write_text(f"Text {cites}.\n\n## References\n\n{items}", encoding="utf-8")

    elapsed, report = best(lambda: audit_service.audit(db, manuscript), args.runs)
    library = audit_service._Library(db)
    found = [library.find(audit_service.match.prepare(text)) for text in lines]
    right = sum(work is not None and work.key == key for work, key in zip(found, keys, strict=True))
    share = right / len(keys)
    ratio = elapsed / floor
    print(f"library: {len(ids)} works; manuscript: {len(keys)} items (GOST and APA), all cited")
    print(f"load every work (yardstick)  {floor:6.2f} s")
    target = f"(target <= {TIME_TARGET}x)"
    print(f"audit                        {elapsed:6.2f} s  {ratio:.2f}x yardstick {target}")
    target = f"(target >= {MATCH_TARGET:.0%})"
    print(f"items matched to their work  {right}/{len(keys)} = {share:.0%} {target}")
    kinds: dict[str, int] = {}
    for problem in report.problems:
        kinds[problem.kind] = kinds.get(problem.kind, 0) + 1
    print("problems:", ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none")
    ok = ratio <= TIME_TARGET and share >= MATCH_TARGET
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
