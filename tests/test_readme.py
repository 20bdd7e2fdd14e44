"""README's first two commands are the contract with a newcomer; CI runs the second."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _first_code_block() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```", 2)[1]
    return [line for line in block.splitlines() if line.strip()]


def test_readme_opens_with_install_and_test_commands():
    first, second = _first_code_block()
    assert first.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install . && ")
    assert "diprefs " in first
    assert second == (
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && pytest"
    )


def test_ci_runs_readmes_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "grep -m1 -E '^python3 -m venv .*pytest' README.md" in ci


def test_top_level_data_is_the_package_data():
    data = ROOT / "data"
    assert data.is_symlink()
    assert data.resolve() == (ROOT / "src" / "diprefs" / "data").resolve()
