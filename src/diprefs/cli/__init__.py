"""The ``diprefs`` command line: parse options, call services, print.

Command modules import services (and through them sqlite-utils, bibtexparser) inside the command
functions, so ``diprefs --help`` and ``--version`` load only Click.
"""

from __future__ import annotations

import os
import sqlite3
import sys

import click

from diprefs import __version__
from diprefs.cli.context import AppContext
from diprefs.errors import DiprefsError


class DiprefsGroup(click.Group):
    """Maps every ``DiprefsError`` to one stderr line and its exit code: no tracebacks."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
            return result
        except BrokenPipeError:
            # `diprefs ... | head -1`: the reader left; end quietly, as the contract says.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except DiprefsError as exc:
            click.echo(f"diprefs: error: {exc.message}", err=True)
            for line in exc.details:
                click.echo(line, err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("diprefs: interrupted; nothing was written", err=True)
            ctx.exit(130)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"diprefs: error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(1)
        except sqlite3.OperationalError as exc:
            message = str(exc)
            if "locked" in message or "busy" in message:
                message = f"library is busy ({ctx.obj.path})"
            click.echo(f"diprefs: error: {message}", err=True)
            ctx.exit(1)


@click.group(cls=DiprefsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    help="Library file [default: $DIPREFS_DB, else $DIPREFS_HOME/library.db, else user data dir].",
)
@click.version_option(__version__, prog_name="diprefs", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None) -> None:
    """diprefs: a reference manager for GOST and APA lists, across Russian, Uzbek and English.

    On first use the library is created and filled with an example: the article
    komolov2024 with its reference list, scholars and citations.
    """
    ctx.obj = AppContext(db_path)
    ctx.call_on_close(ctx.obj.close)


#: Every command, as "module:attribute". One line each, so that adding a command is one line.
COMMANDS = [
    "diprefs.cli.init:init",
    "diprefs.cli.works:works",
    "diprefs.cli.scholars:scholars",
    "diprefs.cli.citations:citations",
    "diprefs.cli.references:references",
    "diprefs.cli.db:db",
    "diprefs.cli.search:search",
    "diprefs.cli.graph:graph",
    "diprefs.cli.stats:stats",
    "diprefs.cli.format:format_",
    "diprefs.cli.cite:cite",
    "diprefs.cli.check:check",
    "diprefs.cli.audit:audit",
    "diprefs.cli.transfer:import_",
    "diprefs.cli.transfer:export",
    "diprefs.cli.serve:serve",
]


def _register() -> None:
    from importlib import import_module

    for spec in COMMANDS:
        module, _, attribute = spec.partition(":")
        cli.add_command(getattr(import_module(module), attribute))


_register()


def main() -> None:
    cli(prog_name="diprefs")
