"""IndexJob: the same split index from a worker process, from this process or from the cache."""

from __future__ import annotations

import pytest
from damage import DAMAGES, damage

from buildkit.workers import can_fork
from search_index import job
from search_index.documents import Document
from search_index.index import build_store, fed_builder, search_pipeline
from search_index.split import build_split

DOCS = [Document("/usinage/", "Métier", "Usineur ou usineuse", body="Régler une fraiseuse numérique."),
        Document("/soudure/", "Métier", "Soudeur", summary="l'assemblage des métaux", body="Souder.")]


def expected(docs) -> bytes:
    builder = fed_builder(docs)
    return job.pack(*build_split(builder, build_store(docs), search_pipeline(builder)))


def test_packed_files_unpack_to_the_split_files():
    builder = fed_builder(DOCS)
    entry, files = build_split(builder, build_store(DOCS), search_pipeline(builder))
    assert job.unpack(job.pack(entry, files)) == (entry, files)
    with pytest.raises(ValueError):
        job.unpack(job.pack(entry, files)[:-1])


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_worker_gives_the_index_and_fills_the_cache(tmp_path):
    built = job.IndexJob(DOCS, tmp_path, parallel=True)
    assert built.source == "worker"
    assert built.result() == expected(DOCS)
    assert len(list(tmp_path.glob("index-*"))) == 1


def test_cache_is_used_and_keyed_by_documents(tmp_path, monkeypatch):
    first = job.IndexJob(DOCS, tmp_path, parallel=False).result()
    monkeypatch.setattr(job, "serialised_index", lambda docs: pytest.fail("built again"))
    again = job.IndexJob(DOCS, tmp_path, parallel=False)
    assert again.source == "cache" and again.result() == first
    changed = [DOCS[0], Document("/soudure/", "Métier", "Soudeuse", body="Souder.")]
    monkeypatch.undo()
    other = job.IndexJob(changed, tmp_path, parallel=False)
    assert other.source == "inline" and other.result() != first
    assert len(list(tmp_path.glob("index-*"))) == 1  # the old index is dropped


@pytest.mark.parametrize("parallel", [False, True])
def test_error_while_building_is_raised_by_result(tmp_path, monkeypatch, parallel):
    def broken(docs):
        raise ValueError("index cassé")
    monkeypatch.setattr(job, "serialised_index", broken)  # inherited by the forked worker
    with pytest.raises(ValueError, match="index cassé"):
        job.IndexJob(DOCS, tmp_path, parallel=parallel).result()
    assert not list(tmp_path.glob("index-*"))


@pytest.mark.parametrize("how", DAMAGES)
def test_damaged_or_foreign_cached_index_is_built_again_and_replaced(tmp_path, how):
    good = job.IndexJob(DOCS, tmp_path / "a", parallel=False).result()
    (cached,) = (tmp_path / "a").glob("index-*")
    sealed = cached.read_bytes()
    job.IndexJob(DOCS[:1], tmp_path / "b", parallel=False).result()  # the index of other documents
    (other,) = (tmp_path / "b").glob("index-*")
    damage(cached, how, foreign=other.read_bytes())
    again = job.IndexJob(DOCS, tmp_path / "a", parallel=False)
    assert again.source == "inline" and again.result() == good
    assert cached.read_bytes() == sealed
    assert job.IndexJob(DOCS, tmp_path / "a", parallel=False).source == "cache"


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_a_build_stopped_before_the_index_is_used_joins_its_worker(tmp_path, monkeypatch):
    # A content error stops the build before result(): workers.shutdown_all must be able
    # to join the job's pool, or Python 3.11's exit hook may print a traceback.
    import threading
    import time

    from buildkit import workers

    def slow(docs):
        time.sleep(0.5)
        return b""
    monkeypatch.setattr(job, "serialised_index", slow)  # inherited by the forked worker
    started = job.IndexJob(DOCS, tmp_path, parallel=True)
    assert started.source == "worker"
    workers.shutdown_all()
    managers = [t for t in threading.enumerate() if type(t).__name__ == "_ExecutorManagerThread"]
    assert managers == [] and started._future.done()
