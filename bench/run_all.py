"""Run every benchmark in bench/ and print each ratio against its same-run baseline.

Run on demand from the repository root (never from the test suite):

    PYTHONPATH=src python bench/run_all.py [--only NAME]...

Each ``bench/bench_*.py`` (import and export, format, search and start-up, audit, and any added
later) runs in a process of its own, one after another so that they do not slow each other down,
with its output shown as it comes. Each measures its own yardstick in the same run (bibtexparser's
parse, ``import click``, loading the library) and prints ratios to it, so the figures mean the
same on a slow laptop and a fast server. At the end a summary repeats every ratio line, with each
benchmark's time and whether it met its targets (its exit code), after the machine it ran on.
Exits 1 when a benchmark missed a target or failed, else 0.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
#: A line that states a ratio ("2.76x floor", "0.18x budget", "1.24x (at most 2x)").
_RATIO = re.compile(r"\d+\.\d+x\b")


def machine() -> str:
    """Cores, CPU model, Python and load: what the figures depend on."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{os.cpu_count()} cores ({model}); Python {platform.python_version()};"
        f" {platform.system()} {platform.release()}; load average {load}"
    )


def run(script: Path) -> tuple[int, float, list[str]]:
    """Run one benchmark, echoing its output; returns (exit code, seconds, ratio lines)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(script)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    ratios = []
    assert process.stdout is not None
    for line in process.stdout:
        sys.stdout.write(line)
        sys.stdout.flush()
        if _RATIO.search(line):
            ratios.append(line.rstrip())
    return process.wait(), time.perf_counter() - started, ratios


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", action="append", metavar="NAME", help="run bench_NAME.py only (repeatable)"
    )
    args = parser.parse_args()
    scripts = sorted(BENCH.glob("bench_*.py"))
    if args.only:
        wanted = {
            f"bench_{name.removeprefix('bench_').removesuffix('.py')}.py" for name in args.only
        }
        unknown = wanted - {s.name for s in scripts}
        if unknown:
            parser.error(f"no such benchmark: {', '.join(sorted(unknown))}")
        scripts = [s for s in scripts if s.name in wanted]
    header = machine()
    print(header)
    results = []
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        results.append((script.name, *run(script)))
    print(f"\n=== summary ===\n{header}")
    for name, code, seconds, ratios in results:
        verdict = "targets met" if code == 0 else f"MISSED or failed (exit {code})"
        print(f"{name}: {verdict}, {seconds:.0f} s")
        for line in ratios:
            print(f"    {line.strip()}")
    return 0 if all(code == 0 for _, code, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
