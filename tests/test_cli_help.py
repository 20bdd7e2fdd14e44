"""Every command explains itself, and the CLI starts without loading the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from diprefs.cli import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize(
    ("path", "command"),
    list(_commands(cli)),
    ids=lambda p: " ".join(p) if isinstance(p, tuple) else "",
)
def test_every_command_has_help(path, command):
    assert command.help and command.help.strip(), f"{' '.join(path)} has no help text"
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.output


def test_usage_error_exits_2():
    result = CliRunner().invoke(cli, ["works", "show"])
    assert result.exit_code == 2


def test_help_does_not_import_heavy_modules():
    code = (
        "import sys; from diprefs.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "names = ('sqlite_utils', 'rich', 'bibtexparser', 'pylatexenc')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "HEAVY:"


def test_python_m_diprefs():
    out = subprocess.run(
        [sys.executable, "-m", "diprefs", "--version"], capture_output=True, text=True, check=True
    )
    assert "diprefs" in out.stdout
