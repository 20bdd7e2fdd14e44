"""A value computed by a forked child (``diprefs.forked``): what it sends, and what a failing child
leaves the caller (None: the caller computes the value itself)."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest

from diprefs import forked
from diprefs.forked import Forked

pytestmark = pytest.mark.skipif(
    not hasattr(os, "memfd_create"), reason="forks only on Linux (fork, memfd_create)"
)


def test_the_child_computes_from_memory_as_it_was_at_the_fork():
    data = {"words": ["a", "b"]}
    with Forked.one(lambda: [w.upper() for w in data["words"]]) as child:
        data["words"].append("c")  # after the fork: the child does not see it
        assert child.running
        assert child.result() == ["A", "B"]
        assert not child.running


def test_a_child_that_raises_gives_none():
    def broken() -> int:
        raise ValueError("no")

    assert Forked.one(broken).result() is None


def test_a_child_whose_value_cannot_be_sent_gives_none():
    assert Forked.one(lambda: lambda: None).result() is None  # a lambda does not pickle


def test_no_process_to_spare_gives_none(monkeypatch):
    def no_fork() -> int:
        raise BlockingIOError("no")

    monkeypatch.setattr(os, "fork", no_fork)
    child = Forked.one(lambda: 1)
    assert not child.running
    assert child.result() is None


def test_close_ends_a_child_still_at_work_and_reaps_it():
    child = Forked.one(lambda: time.sleep(60))
    pid = child.pid
    started = time.monotonic()
    child.close()
    assert time.monotonic() - started < 30
    with pytest.raises(ChildProcessError):  # reaped: no such child any more
        os.waitpid(pid, os.WNOHANG)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")
def test_no_fork_while_another_thread_runs(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    assert forked.can_fork()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.can_fork()
    finally:
        stop.set()
        thread.join()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")
def test_no_fork_on_one_core(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0})
    assert not forked.can_fork()


def test_items_come_as_the_child_makes_them():
    def produce():
        yield "first"
        time.sleep(60)  # the first item is read long before this ends
        yield "never read"

    child = Forked(produce)
    started = time.monotonic()
    items = child.items()
    assert next(items) == "first"
    assert time.monotonic() - started < 30
    items.close()  # the caller stops reading: the child is ended
    assert not child.running
    assert not child.complete


def test_a_child_that_stops_half_way_is_not_complete():
    def produce():
        yield 1
        yield 2
        raise ValueError("broken")

    child = Forked(produce)
    assert list(child.items()) == [1, 2]
    assert not child.complete


def test_a_child_that_sends_every_item_is_complete():
    child = Forked(lambda: iter(range(1000)))
    assert list(child.items()) == list(range(1000))
    assert child.complete
