"""``diprefs serve``: the library in Datasette, read-only.

Datasette is an optional extra (``diprefs[web]``), imported only here and only when serving.
Writes are impossible twice over: Datasette opens a mutable database read-only (``mode=ro``) and
no canned query here writes, and every connection it makes to the library, its write connection
included, gets ``PRAGMA query_only`` from our ``prepare_connection`` hook.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from pathlib import Path
from types import ModuleType
from typing import Any

from diprefs.errors import DiprefsError
from diprefs.storage.browse import CANNED, SQL_FUNCTIONS, WORKS_FTS

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
MISSING_EXTRA = "serve needs the web extra: pip install 'diprefs[web]'"


def require_datasette() -> None:
    """Fail with one line when the web extra is not installed."""
    try:
        import datasette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise DiprefsError(MISSING_EXTRA) from None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def check_port(host: str, port: int) -> None:
    """Refuse a port something else listens on, before Datasette starts (exit 1, one line)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as exc:
            raise DiprefsError(f"cannot serve on {host}:{port}: {exc.strerror}") from None


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata: titles, full-text search on works, the canned queries."""
    table, fts_table, fts_pk = WORKS_FTS
    return {
        "title": "diprefs library",
        "description": "Read-only. Search works by title, container, abstract, keywords and names.",
        "databases": {
            database: {
                "tables": {table: {"fts_table": fts_table, "fts_pk": fts_pk}},
                "queries": {
                    name: {"title": title, "sql": sql.strip()}
                    for name, (title, sql) in CANNED.items()
                },
            }
        },
    }


def _plugin(library: str) -> ModuleType:
    """A Datasette plugin (Datasette wants a module): our SQL functions on every connection, and
    ``query_only`` on every connection to the library (Datasette's own ``_internal`` database,
    which it writes its schema catalogue to, is left alone)."""
    from datasette import hookimpl

    @hookimpl
    def prepare_connection(conn: Any, database: str) -> None:
        for name, function in SQL_FUNCTIONS.items():
            conn.create_function(name, 1, function, deterministic=True)
        if database == library:
            conn.execute("PRAGMA query_only = 1")

    plugin = ModuleType("diprefs.datasette")
    plugin.prepare_connection = prepare_connection  # type: ignore[attr-defined]
    return plugin


def datasette_app(path: Path) -> Any:
    """The Datasette instance for a library file (startup hooks run)."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    if pm.get_plugin("diprefs") is not None:
        pm.unregister(name="diprefs")
    pm.register(_plugin(path.stem), name="diprefs")
    app = Datasette([str(path)], metadata=metadata(path.stem))
    asyncio.run(app.invoke_startup())
    return app


def serve(path: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve until interrupted (uvicorn stops cleanly on Ctrl-C); ``check_port`` first."""
    import uvicorn

    app = datasette_app(path)
    uvicorn.run(app.app(), host=host.strip("[]"), port=port, log_level="warning", lifespan="on")
