"""One value computed by a forked child process while this process goes on: a large import's
second core.

A forked child sees this process's memory as it was at the fork, without copying it, so it can
work on a whole parsed file at no cost; only its result travels back, pickled down a pipe. It
ends with ``os._exit``: no atexit handlers, no buffers flushed twice, no database touched.
Anything that goes wrong in the child (an exception, Ctrl-C, a kill) reaches the caller as
``None``, and the caller then computes the value itself, so a failing child costs time, never a
different result.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a child would help: Linux, two cores or more, no other thread running (a forked
    copy of a process with threads can deadlock on a lock a lost thread held)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) >= 2


class Forked(Generic[T]):
    """``compute()`` run by a forked child; ``result()`` waits for it. Call ``close()`` (or use
    ``with``) to end a child whose result is not wanted."""

    def __init__(self, compute: Callable[[], T]) -> None:
        self.pid = 0
        self.incoming = None
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to spare: ``result()`` is None and the caller computes
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: compute, send, end without any cleanup
            try:
                os.close(read)
                data = pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
            finally:
                os._exit(0)
        os.close(write)
        self.pid, self.incoming = pid, os.fdopen(read, "rb")

    @property
    def running(self) -> bool:
        """A child was started and its result not yet read."""
        return self.incoming is not None

    def result(self) -> T | None:
        """The child's value, or None when there is no child or it sent nothing."""
        if self.incoming is None:
            return None
        try:
            data = self.incoming.read()
        except BaseException:  # Ctrl-C: the child's work is not wanted
            self.close()
            raise
        self._reap()
        return pickle.loads(data) if data else None

    def close(self) -> None:
        """End the child at once if its result was not read (Ctrl-C, an error), and reap it."""
        if self.incoming is not None:
            os.kill(self.pid, signal.SIGKILL)  # a child that has exited is still there to kill
            self._reap()

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _reap(self) -> None:
        incoming, self.incoming = self.incoming, None
        if incoming is not None:
            incoming.close()
            os.waitpid(self.pid, 0)
