"""Benchmark of ``diprefs import`` and ``export`` on the 16,833-entry corpus (issue 3, "Speed").

Run from the repository root:

    PYTHONPATH=src python bench/bench_import.py [--runs N] [--corpus PATH] [--instructions]

In one run, alternating, N times each (the fastest of the N is printed, and each round's ratio
to the floor run just before it):

- floor: bibtexparser v2's bare ``parse_file`` of the corpus;
- import: the whole ``services.transfer.import_files`` call into a new empty library (read,
  decode, parse, map, match names, check duplicates, write, commit);
- export: ``services.transfer.export_works`` of that library to BibLaTeX, written to a file.

Each step runs in its own process, which reports its time and its peak RSS. Targets, on the
median of the rounds' ratios: import at most 2x the floor (stretch 1.3x), export at most 0.5x the
floor; peak RSS of the import under 300 MB. The median round, not the fastest runs: the floor
needs one quiet core, the import (two processes, ``diprefs.forked``) two at once for twice as
long, and on a shared host their fastest runs are not equally lucky. Exits 1 when a target (not
the stretch) is missed; exits 0 when the corpus is absent.

``--instructions`` counts instructions instead (valgrind's callgrind, a few times per step,
about fifteen minutes): the same count for the same code whatever else the machine is doing, so a
change can be judged on a busy machine where wall times drift by a third. A step's count is its
process's, less that of a process that stops just before the measured call; its forked
children's, each less what it inherited at the fork (callgrind starts a child's count from its
parent's), which a run that ends that child as soon as it is forked measures. Informative only:
the targets are in seconds.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "large" / "glottolog-zurich-sala.bib"

IMPORT_TARGET, IMPORT_STRETCH, EXPORT_TARGET, RSS_TARGET_MB = 2.0, 1.3, 0.5, 300

_PRELUDE = """
import json, os, resource, sys, time
from pathlib import Path
corpus, library = Path(sys.argv[1]), Path(sys.argv[2])
_fork, _forks = os.fork, []
def _fork_told():  # each child's pid on stderr, in order; child N ends at once if asked
    pid = _fork()
    _forks.append(pid)
    if pid == 0 and os.environ.get("BENCH_CHILD_ENDS") == str(len(_forks)):
        os._exit(0)
    if pid:
        print(f"bench: fork {pid}", file=sys.stderr, flush=True)
    return pid
os.fork = _fork_told
def setup_done():
    if "BENCH_SETUP_ONLY" in __import__("os").environ:
        sys.exit(0)
def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
cpu_start = time.process_time()
def done(seconds):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    cpu = time.process_time() - cpu_start + children_cpu() - children_start
    print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": rss, "child_rss_mb": child_rss}))
"""

STEPS = {
    "floor": """
import bibtexparser
setup_done()
started, cpu_start, children_start = time.perf_counter(), time.process_time(), children_cpu()
library_ = bibtexparser.parse_file(str(corpus))
done(time.perf_counter() - started)
""",
    "import": """
from diprefs.services import transfer
from diprefs.storage.db import create_library, open_library
library.unlink(missing_ok=True)
create_library(library)
db = open_library(library)
setup_done()
started, cpu_start, children_start = time.perf_counter(), time.process_time(), children_cpu()
inputs = transfer.read_inputs([str(corpus)], sys.stdin.buffer.read)
report = transfer.import_files(db, inputs)
done(time.perf_counter() - started)
""",
    "export": """
from diprefs.services import transfer
from diprefs.storage.db import open_library
db = open_library(library)
setup_done()
started, cpu_start, children_start = time.perf_counter(), time.process_time(), children_cpu()
text, count = transfer.export_works(db, [], None, [], "biblatex", False)
library.with_suffix(".bib").write_text(text, encoding="utf-8")
done(time.perf_counter() - started)
""",
}


def run(step: str, corpus: Path, library: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _PRELUDE + STEPS[step], str(corpus), str(library)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def instructions(
    valgrind: str, step: str, corpus: Path, library: Path, env_more: dict[str, str]
) -> tuple[int, list[int]]:
    """Instructions callgrind counts for a step: (its own process, each child it forked, in
    order). valgrind follows a fork and reports each process; a child's count starts from its
    parent's at the fork."""
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "", **env_more}
    tool = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    out = subprocess.run(
        [*tool, sys.executable, "-c", _PRELUDE + STEPS[step], str(corpus), str(library)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    main_pid = re.search(r"==(\d+)==", out.stderr).group(1)
    counts = {pid: int(n) for pid, n in re.findall(r"==(\d+)== Collected : (\d+)", out.stderr)}
    return counts[main_pid], [counts[pid] for pid in re.findall(r"bench: fork (\d+)", out.stderr)]


def count_instructions(valgrind: str, corpus: Path, library: Path) -> int:
    """Each step's count less its setup's; each child's less what it inherited at the fork,
    which a run that ends that child (only) as soon as it is forked measures."""
    own: dict[str, int] = {}
    children: dict[str, int] = {}
    for step in STEPS:  # in order: the export reads the library the import wrote
        setup = instructions(valgrind, step, corpus, library, {"BENCH_SETUP_ONLY": "1"})[0]
        counted, forked = instructions(valgrind, step, corpus, library, {})
        own[step] = counted - setup
        for n, count in enumerate(forked, start=1):  # an import makes a new library each time
            ended = instructions(valgrind, step, corpus, library, {"BENCH_CHILD_ENDS": str(n)})
            children[step] = children.get(step, 0) + count - ended[1][n - 1]
    print(f"corpus: {corpus.name}; instructions (callgrind), setup subtracted")
    for step in STEPS:
        line = f"  {step:<8} {own[step] / 1e9:6.2f} G {own[step] / own['floor']:5.2f}x floor"
        if step in children:
            whole = own[step] + children[step]
            line += f"   its forked children {children[step] / 1e9:5.2f} G,"
            line += f" all {whole / 1e9:6.2f} G {whole / own['floor']:5.2f}x"
        print(line)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--instructions", action="store_true", help="count, do not time")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (skipped)")
        return 0
    library = Path(tempfile.mkdtemp(prefix="diprefs-bench-")) / "library.db"
    if args.instructions:
        valgrind = shutil.which("valgrind")
        if valgrind is None:
            print("valgrind not found: --instructions needs it")
            return 1
        return count_instructions(valgrind, args.corpus, library)
    results: dict[str, list[dict[str, float]]] = {step: [] for step in STEPS}
    for _ in range(args.runs):
        for step in STEPS:
            results[step].append(run(step, args.corpus, library))
    best = {step: min(r["seconds"] for r in rs) for step, rs in results.items()}
    cpu = {step: min(r["cpu"] for r in rs) for step, rs in results.items()}
    rss = {step: max(r["rss_mb"] for r in rs) for step, rs in results.items()}
    child_rss = {step: max(r["child_rss_mb"] for r in rs) for step, rs in results.items()}
    floor = best["floor"]
    print(f"corpus: {args.corpus.name}; fastest of {args.runs} runs each (wall; CPU beside)")
    for step in STEPS:
        print(
            f"  {step:<8} {best[step]:6.2f} s {best[step] / floor:5.2f}x floor"
            f"   CPU {cpu[step]:6.2f} s {cpu[step] / cpu['floor']:5.2f}x"
            f"   peak RSS {rss[step]:4.0f} MB"
            + (f" (its child {child_rss[step]:.0f} MB)" if child_rss[step] else "")
        )
    # The machine's speed drifts over seconds: each round's ratios, to its own floor, as well.
    rounds = {
        step: sorted(r["seconds"] / f["seconds"] for r, f in zip(rs, results["floor"], strict=True))
        for step, rs in results.items()
        if step != "floor"
    }
    spread = [
        f"{k} {statistics.median(v):.2f}x ({v[0]:.2f}-{v[-1]:.2f})" for k, v in rounds.items()
    ]
    print(f"  ratio to the floor of the same round, median (range): {', '.join(spread)}")
    # The verdict is on the median round: the floor needs one quiet core for 1.7 s, the import
    # two at once for twice as long, so their fastest runs are not equally lucky on a shared host.
    ratio = {step: statistics.median(v) for step, v in rounds.items()}
    ok = (
        ratio["import"] <= IMPORT_TARGET
        and ratio["export"] <= EXPORT_TARGET
        and rss["import"] < RSS_TARGET_MB
    )
    stretch = "met" if ratio["import"] <= IMPORT_STRETCH else "not met"
    print(
        f"targets, on the median round: import <= {IMPORT_TARGET}x (stretch {IMPORT_STRETCH}x:"
        f" {stretch}), export <= {EXPORT_TARGET}x, import RSS < {RSS_TARGET_MB} MB:"
        f" {'all met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
