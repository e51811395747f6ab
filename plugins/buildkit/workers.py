"""Work spread over the machine's cores, in forked processes.

A fork shares the build's state as it is (settings, documents, monkeypatches in
tests) without pickling it, and the functions run there are looked up by name.
Where fork is missing (Windows) or there is one core, the work runs in this
process: the result is the same, only slower.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork() -> bool:
    return cores() > 1 and "fork" in multiprocessing.get_all_start_methods()


def fork_pool(workers: int | None = None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers or cores(), mp_context=multiprocessing.get_context("fork"))


def parallel_map(fn, items: list, parallel: bool = True) -> list:
    """``[fn(item) for item in items]``, over every core when there is more than one item.
    The first exception raised by ``fn`` is raised here."""
    if not parallel or len(items) < 2 or not can_fork():
        return [fn(item) for item in items]
    with fork_pool(min(cores(), len(items))) as pool:
        return list(pool.map(fn, items, chunksize=max(1, len(items) // (4 * cores()))))
