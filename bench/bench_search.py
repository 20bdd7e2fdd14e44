"""Benchmark of ``diprefs search`` on the 16,833-entry corpus (issue 5, "Speed").

Run from the repository root:

    PYTHONPATH=src python bench/bench_search.py [--library PATH] [--rebuild] [--runs N]

Budgets, each measured in this run against a baseline measured in the same run:

- in the process: a one-word search, an author search and a year-range search each take under
  50 ms (median; the whole ``services.search.search`` call: query, rows and author names);
- as whole processes (medians of N, stdout piped): ``diprefs search WORD --keys`` at most 3x
  ``diprefs --version``, and ``diprefs --version`` at most 2x ``python -c "import click"``.

The library is built once and kept (default: $TMPDIR/diprefs-bench/glottolog-zurich-sala.db). It is
built with ``diprefs import`` when that command exists, else with the BibTeX reader and
``storage.works.add_work`` in one transaction (slower, same result for search). Exits 1 when a
budget is exceeded.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "large" / "glottolog-zurich-sala.bib"
DEFAULT_LIBRARY = Path(tempfile.gettempdir()) / "diprefs-bench" / "glottolog-zurich-sala.db"

QUERY_BUDGET_MS = 50.0
SEARCH_VS_VERSION = 3.0
VERSION_VS_CLICK = 2.0

# What the in-process searches ask (the corpus is linguistics: grammars, dictionaries, ...).
WORD = "grammar"
AUTHOR = "Dixon"
YEARS = "1990..1995"


def build(library: Path) -> None:
    """Import the corpus into a new library at ``library``."""
    library.parent.mkdir(parents=True, exist_ok=True)
    library.unlink(missing_ok=True)
    env = _env(library.parent)
    started = time.perf_counter()
    import importlib.util

    if importlib.util.find_spec("diprefs.cli.transfer") is not None:
        how = "diprefs import"
        for args in (["init", "--empty"], ["import", str(CORPUS)]):
            done = subprocess.run(
                [sys.executable, "-m", "diprefs", "--db", str(library), *args],
                env=env,
                check=args[0] == "init",
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,  # one note per possible duplicate: keep the summary
                text=True,
            )
            print(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "")
    else:
        how = "read_bibtex + add_work"
        from diprefs.formats.bibtex import read_bibtex
        from diprefs.services.library import init
        from diprefs.storage.db import open_library, transaction
        from diprefs.storage.works import add_source, add_work

        init(library, empty=True, force=False)
        result = read_bibtex(CORPUS.read_text(encoding="utf-8"), file=str(CORPUS))
        db = open_library(library)
        seen: set[str] = set()
        with transaction(db):
            source = add_source(db, str(CORPUS), result.dialect, "utf-8")
            for position, work in enumerate(result.works):
                if work.key not in seen:
                    seen.add(work.key)
                    add_work(db, work, source, position)
        db.conn.close()
    print(f"built {library} with {how} in {time.perf_counter() - started:.0f} s")


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DIPREFS_HOME": str(home)}


def _median_ms(fn, runs: int) -> float:
    fn()  # warm the caches: the budgets are about steady use, not the first read from disk
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def in_process(library: Path, runs: int) -> list[tuple[str, float, float]]:
    """(what, median ms, ratio to the budget) of the three searches."""
    from diprefs.services.search import Query, open_for_search, parse_years, search

    conn = open_for_search(library)
    if conn is None:
        raise SystemExit(f"{library} is not a current diprefs library (use --rebuild)")
    total = conn.execute("SELECT count(*) FROM works").fetchone()[0]
    print(f"library: {total} works")
    rows = []
    for what, q in (
        (f"one word ({WORD!r})", Query(words=WORD)),
        (f"author (--author {AUTHOR})", Query(author=AUTHOR)),
        (f"year range (--year {YEARS})", Query(years=parse_years(YEARS))),
    ):
        hits = len(search(conn, q))
        ms = _median_ms(lambda q=q: search(conn, q), runs)
        rows.append((f"{what}: {hits} hits", ms, ms / QUERY_BUDGET_MS))
    return rows


def processes(library: Path, runs: int) -> dict[str, float]:
    env = _env(library.parent)
    commands = {
        "python -c 'import click'": [sys.executable, "-c", "import click"],
        "diprefs --version": [sys.executable, "-m", "diprefs", "--version"],
        f"diprefs search {WORD} --keys": [
            sys.executable, "-m", "diprefs", "--db", str(library), "search", WORD, "--keys",
        ],
    }  # fmt: skip

    def run(cmd: list[str]) -> None:
        subprocess.run(cmd, env=env, capture_output=True, check=True)  # piped, as the budget says

    return {name: _median_ms(lambda cmd=cmd: run(cmd), runs) for name, cmd in commands.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, default=DEFAULT_LIBRARY)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: the corpus {CORPUS} is absent")
        return 0
    if args.rebuild or not args.library.exists():
        build(args.library)
    ok = True
    print(f"\nin-process query time (median of {args.runs}; budget {QUERY_BUDGET_MS:.0f} ms)")
    for what, ms, ratio in in_process(args.library, args.runs):
        ok &= ratio <= 1
        print(f"  {what:<48} {ms:7.1f} ms  {ratio:5.2f}x budget")
    times = processes(args.library, args.runs)
    click_ms, version_ms, search_ms = times.values()
    print(f"\nwhole processes (median of {args.runs}, stdout piped)")
    for name, ms in times.items():
        print(f"  {name:<48} {ms:7.1f} ms")
    checks = (
        ("diprefs --version / import click", version_ms / click_ms, VERSION_VS_CLICK),
        (f"diprefs search {WORD} --keys / --version", search_ms / version_ms, SEARCH_VS_VERSION),
    )
    for name, ratio, limit in checks:
        ok &= ratio <= limit
        print(f"  {name:<48} {ratio:7.2f}x (at most {limit:.0f}x)")
    print("\nPASS" if ok else "\nFAIL: a budget is exceeded")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
