"""Work spread over the machine's cores, in forked processes.

A fork inherits the build's state as it is (settings, monkeypatches in tests); the
arguments and results of each call are pickled between the processes.
Where fork is missing (Windows) or there is one core, the work runs in this
process: the result is the same, only slower.
"""

from __future__ import annotations

import multiprocessing
import os
import weakref
from concurrent.futures import ProcessPoolExecutor


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork() -> bool:
    return cores() > 1 and "fork" in multiprocessing.get_all_start_methods()


_pools: "weakref.WeakSet[ProcessPoolExecutor]" = weakref.WeakSet()


def fork_pool(workers: int | None = None) -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(max_workers=workers or cores(), mp_context=multiprocessing.get_context("fork"))
    _pools.add(pool)
    return pool


def shutdown_all() -> None:
    """Wait for every pool still open (a build that stops on a content error leaves
    the image workers running). Python 3.11's own exit hook for process pools can
    race with a pool's manager thread and print "Bad file descriptor" with a
    traceback after the build's message: pools are closed before the exit instead."""
    for pool in list(_pools):
        pool.shutdown(wait=True, cancel_futures=True)
        _pools.discard(pool)


def parallel_map(fn, items: list, parallel: bool = True) -> list:
    """``[fn(item) for item in items]``, over every core when there is more than one item.
    The first exception raised by ``fn`` is raised here."""
    if not parallel or len(items) < 2 or not can_fork():
        return [fn(item) for item in items]
    with fork_pool(min(cores(), len(items))) as pool:
        return list(pool.map(fn, items, chunksize=max(1, len(items) // (4 * cores()))))
