"""Values computed by a forked child process while this process goes on: a large import's
second core.

A forked child sees this process's memory as it was at the fork, without copying it, so it can
work on a whole parsed file at no cost; only its results travel back, pickled. It ends with
``os._exit``: no atexit handlers, no buffers flushed twice, no database touched. Anything that
goes wrong in the child (an exception, Ctrl-C, a kill) reaches the caller as missing results
(``complete`` false, ``result()`` None), and the caller then does the work itself, so a failing
child costs time, never a different result.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a child would help: Linux, two cores or more, no other thread running (a forked
    copy of a process with threads can deadlock on a lock a lost thread held)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "memfd_create"):
        return False
    if threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) >= 2


class Forked(Generic[T]):
    """What ``produce()`` yields, made by a forked child and read here as it comes (``items``);
    ``Forked.one`` and ``result()`` for a child that makes one value. Call ``close()`` (or use
    ``with``) to end a child whose items are not wanted.

    The child writes each pickled item to an in-memory file and only its place down a pipe, so
    it never waits for this process to read: a pipe holds 64 KB, and a child that wrote its
    items down it would stop whenever this process was busy with the item before.
    """

    def __init__(self, produce: Callable[[], Iterable[T]]) -> None:
        self.pid = 0
        self.incoming = None
        #: the child sent every item (known once ``items`` is exhausted)
        self.complete = False
        self.store = os.memfd_create("diprefs-forked")
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to spare: no items, and the caller computes
            for fd in (read, write, self.store):
                os.close(fd)
            return
        if pid == 0:  # the child: produce, store each item as it comes, end without any cleanup
            try:
                os.close(read)
                with os.fdopen(write, "wb", buffering=0) as places:
                    offset = 0
                    for item in produce():
                        data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
                        _write_all(self.store, data, offset)
                        places.write(_PLACE.pack(offset, len(data)))
                        offset += len(data)
                    places.write(_PLACE.pack(offset, 0))  # the end
            finally:
                os._exit(0)
        os.close(write)
        self.pid, self.incoming = pid, os.fdopen(read, "rb")

    @classmethod
    def one(cls, compute: Callable[[], T]) -> Forked[T]:
        """A child that computes one value."""
        return cls(lambda: (compute(),))

    @property
    def running(self) -> bool:
        """A child was started and its items not yet all read."""
        return self.incoming is not None

    def items(self) -> Iterator[T]:
        """Each item as the child sends it; afterwards ``complete`` says whether it sent all."""
        incoming = self.incoming
        if incoming is None:
            return
        try:
            while True:
                place = incoming.read(_PLACE.size)
                if len(place) < _PLACE.size:  # the child ended before the end
                    break
                offset, size = _PLACE.unpack(place)
                if size == 0:
                    self.complete = True
                    break
                yield pickle.loads(os.pread(self.store, size, offset))
        except BaseException:  # Ctrl-C, or a caller that stopped reading: not wanted
            self.close()
            raise
        self._reap()

    def result(self) -> T | None:
        """A ``one`` child's value, or None when there is no child or it did not send it."""
        values = list(self.items())
        return values[0] if self.complete and values else None

    def close(self) -> None:
        """End the child at once if its items were not all read, and reap it."""
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
            os.close(self.store)
            os.waitpid(self.pid, 0)


#: Where an item lies in the child's in-memory file: (offset, size); size 0 ends.
_PLACE = struct.Struct("<QQ")


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view, offset = view[written:], offset + written
