"""Benchmark: format the glottolog corpus in GOST and APA against bibtexparser's bare parse.

Run on demand (not in the test suite):

    PYTHONPATH=src python bench/bench_format.py [--db] [--repeat N]

Yardstick, measured in the same run: ``bibtexparser.parse_string`` of the same file (the best of
N runs). The style engine formats the works that ``formats.bibtex.read_bibtex`` read (no
database), renders plain text and writes it to a file; the target is at most 1.5x the parse
for each style. Slices of 1k, 4k and 16k entries show the growth per entry. ``--db`` also
imports the corpus into a fresh library with ``diprefs import`` and times ``diprefs format``
end to end (process start, bulk load, sort, format, write).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "large" / "glottolog-zurich-sala.bib"
TARGET = 1.5


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", action="store_true", help="also time the CLI on a library")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 1
    import bibtexparser

    from diprefs.formats.bibtex import read_bibtex
    from diprefs.services.bibliography import format_works
    from diprefs.styles.render import text_list

    text = CORPUS.read_text(encoding="utf-8")
    parse = best(lambda: bibtexparser.parse_string(text), args.repeat)
    start = time.perf_counter()
    works = read_bibtex(text).works
    read = time.perf_counter() - start
    print(f"corpus: {CORPUS.name}, {len(works)} entries")
    print(f"bibtexparser.parse_string (yardstick): {parse:.2f} s")
    print(f"diprefs read_bibtex (not timed below):  {read:.2f} s")
    out = Path(tempfile.mkdtemp()) / "list.txt"
    ok = True
    for style in ("gost", "apa"):
        numbered = style != "apa"

        def run(subset=works, style=style, numbered=numbered):
            items = list(zip((w.key for w in subset), format_works(subset, style), strict=True))
            out.write_text(text_list(items, numbered), encoding="utf-8")

        whole = best(run, args.repeat)
        ratio = whole / parse
        ok = ok and ratio <= TARGET
        print(f"{style:5} all: {whole:.2f} s = {ratio:.2f}x parse (target <= {TARGET}x)")
        for n in (1000, 4000, 16000):
            subset = works[:n]
            t = best(lambda subset=subset: run(subset), args.repeat)
            print(f"{style:5} {n:>6}: {t:.3f} s, {t / n * 1e6:.0f} µs per entry")
    if args.db:
        ok = db_path(parse) and ok
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def db_path(parse: float) -> bool:
    """Import into a fresh library, then time ``diprefs format`` over all of it per style."""
    folder = Path(tempfile.mkdtemp())
    db = folder / "bench.db"
    cli = [sys.executable, "-m", "diprefs", "--db", str(db)]
    start = time.perf_counter()
    done = subprocess.run([*cli, "import", str(CORPUS)], capture_output=True, text=True)
    if done.returncode not in (0, 6):
        print(f"db path skipped: import failed: {done.stderr.strip()[-300:]}")
        return True
    print(f"import into a library: {time.perf_counter() - start:.1f} s")
    for style in ("gost", "apa"):
        start = time.perf_counter()
        target = folder / f"{style}.txt"
        subprocess.run([*cli, "format", "--style", style, "-o", str(target)], check=True)
        took = time.perf_counter() - start
        lines = sum(1 for _ in target.open(encoding="utf-8"))
        print(
            f"{style:5} via the library: {took:.2f} s for {lines} references = "
            f"{took / parse:.2f}x parse (process start included)"
        )
    return True


if __name__ == "__main__":
    sys.exit(main())
