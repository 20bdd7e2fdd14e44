"""A read-only library, a read-only folder, a full disk: one clear line, the library unchanged.

CI runs as root, which ignores file permissions, so these tests run diprefs as the unprivileged
user ``nobody`` (setpriv). Root's Python lives under /root, which ``nobody`` cannot enter, so the
test runs the system's Python 3.11 on a world-readable copy of diprefs and its dependencies.
"""

from __future__ import annotations

import importlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

RUNTIME = (
    "click",
    "sqlite_utils",
    "sqlite_fts4",
    "bibtexparser",
    "pylatexenc",
    "rich",
    "markdown_it",
    "mdurl",
    "pygments",
    "platformdirs",
    "tabulate",
    "dateutil",
    "pluggy",
    "click_default_group",
)
SYSTEM_PYTHON = Path("/usr/bin/python3.11")


def _copy_module(name: str, target: Path) -> None:
    try:
        module = importlib.import_module(name)
    except ImportError:
        return  # an optional dependency of a dependency that is not installed
    origin = Path(module.__file__)
    source = origin.parent if origin.name == "__init__.py" else origin
    if source.is_dir():
        shutil.copytree(source, target / source.name, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        shutil.copy(source, target / source.name)


@pytest.fixture(scope="session")
def as_nobody(request):
    """Run ``diprefs ARGS`` as nobody; returns a function giving CompletedProcess."""
    if os.geteuid() != 0 or not shutil.which("setpriv") or not SYSTEM_PYTHON.exists():
        pytest.skip("needs root, setpriv and /usr/bin/python3.11 to run as an unprivileged user")
    # Outside pytest's numbered temp folders: another pytest run on the machine may rotate those
    # away mid-session, and nobody needs to reach this one through /tmp alone.
    base = Path(tempfile.mkdtemp(prefix="diprefs-nobody-"))
    request.addfinalizer(lambda: shutil.rmtree(base, ignore_errors=True))
    base.chmod(0o755)
    site = base / "site"
    site.mkdir()
    for name in RUNTIME:
        _copy_module(name, site)
    src = Path(__file__).resolve().parents[1] / "src"
    shutil.copytree(src, base / "src", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(["chmod", "-R", "a+rX", str(base)], check=True)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {"HOME": "/tmp", "PYTHONPATH": f"{base / 'src'}:{site}", "LANG": "C.UTF-8"}
        command = [
            "setpriv",
            "--reuid=nobody",
            "--regid=nogroup",
            "--clear-groups",
            str(SYSTEM_PYTHON),
            "-m",
            "diprefs",
            *args,
        ]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)

    probe = run("--version")
    if probe.returncode != 0:
        pytest.skip(f"cannot run diprefs as nobody here: {probe.stderr.strip()[-200:]}")
    return run


@pytest.fixture
def shared_dir():
    folder = Path(tempfile.mkdtemp(prefix="diprefs-perm-"))
    folder.chmod(0o777)
    yield folder
    folder.chmod(0o700)
    shutil.rmtree(folder, ignore_errors=True)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_read_only_library_can_be_read_but_not_replaced(as_nobody, shared_dir, seeded_template):
    library = shared_dir / "lib.db"
    shutil.copy(seeded_template, library)
    library.chmod(0o444)
    listed = as_nobody("--db", str(library), "works", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "komolov2024" in listed.stdout
    before = library.read_bytes()
    replaced = as_nobody("--db", str(library), "init", "--force")
    assert replaced.returncode == 1
    assert replaced.stderr == f"diprefs: error: {library} is read-only; not replacing it\n"
    assert library.read_bytes() == before


def test_a_library_in_a_read_only_folder_can_be_read(as_nobody, shared_dir, seeded_template):
    library = shared_dir / "lib.db"
    shutil.copy(seeded_template, library)
    library.chmod(0o666)
    shared_dir.chmod(0o555)
    try:
        before = _snapshot(shared_dir)
        listed = as_nobody("--db", str(library), "scholars", "show", "Byola", "--json")
        assert listed.returncode == 0, listed.stderr
        assert '"name": "Bjola, Corneliu"' in listed.stdout
        backup = as_nobody("--db", str(library), "db", "backup")
        assert backup.returncode == 1
        assert backup.stderr.startswith("diprefs: error: ")
        assert "Traceback" not in backup.stderr
        assert _snapshot(shared_dir) == before
    finally:
        shared_dir.chmod(0o777)


@pytest.mark.parametrize("relative", ["new.db", "sub/new.db"])
def test_no_library_can_be_created_in_a_read_only_folder(as_nobody, shared_dir, relative):
    shared_dir.chmod(0o555)
    try:
        target = shared_dir / relative
        result = as_nobody("--db", str(target), "works", "list")
        assert result.returncode == 1
        assert result.stderr.startswith(f"diprefs: error: cannot create a library at {target}: ")
        assert len(result.stderr.splitlines()) == 1
        assert list(shared_dir.iterdir()) == []
    finally:
        shared_dir.chmod(0o777)


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing


def test_a_full_disk_leaves_no_library_behind(tmp_path):
    target = tmp_path / "lib.db"
    result = subprocess.run(
        [sys.executable, "-m", "diprefs", "--db", str(target), "init"],
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"diprefs: error: cannot create a library at {target}: ")
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []
