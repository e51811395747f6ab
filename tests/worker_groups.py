"""`invoke test` runs the suite in two processes (pytest-xdist, `--dist loadgroup`). A fixture
of module scope (four PDF builds, a live CMS server, a fixture site built once for a module's
tests) is made once in each process that runs one of its tests: here every test that uses
one is put in its module's group, so that the module's tests run in one
process and the fixture is made once; the tests that use a session fixture of
ONE_PROCESS_FIXTURES (the CMS tests' build and decap-server) form one group across modules.
xdist sends the largest groups first, then the other tests one by one to whichever process
is free: the slow ones first, then the quick ones. Loaded by conftest.py; checked by
tests/test_worker_groups.py."""

from __future__ import annotations

import pytest
from _pytest.nodeid import NodeId

SHARED_SCOPES = frozenset({"module", "class", "package"})
# Session fixtures that a second process would make again and cannot share with the first
# (a build and a server of its own, alive as long as its process): their tests, whatever
# their module, form one group named after the fixture. plugins/cms_config/tests/conftest.py:
# `cms` builds the real content and starts decap-server.
ONE_PROCESS_FIXTURES = frozenset({"cms"})


def group_of(item) -> str | None:
    """The module of ``item`` when it uses a fixture made once for several tests (the
    fixture's name for ONE_PROCESS_FIXTURES), else None."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return None
    for name in sorted(ONE_PROCESS_FIXTURES.intersection(info.names_closure)):
        return name
    for name in info.names_closure:
        defs = info.name2fixturedefs.get(name)
        if defs and defs[-1].scope in SHARED_SCOPES:
            return item.nodeid.split("::", 1)[0]
    return None


@pytest.hookimpl(trylast=True)  # after pytest-randomly's shuffle
def pytest_collection_modifyitems(config, items):
    if not getattr(config.option, "loadgroup", False):  # set in xdist's workers by --dist loadgroup
        return
    for item in items:
        group = group_of(item)
        if group:
            # xdist's scheduler reads a test's group after the "@" of its id. xdist 3.8 writes
            # it into item._nodeid (from xdist_group marks), which pytest 9 no longer reads:
            # the id is item._id. A test's id in reports reads "path::test@path".
            item._id = NodeId.parse(f"{item.nodeid}@{group}")
    # The tests that are not in a group go out in the order of the list: the slow ones
    # (tests/lanes.py) first, each lane in its shuffled order, so that the last tests handed
    # out are short ones and neither process waits long at the end for the other.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
