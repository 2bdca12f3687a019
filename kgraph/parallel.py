"""Extraction in batches and in parallel: articles in, extractions out, in input order.

``extract_stream`` runs spaCy's ``nlp.pipe`` over fixed batches of articles, either in this
process (``workers=1``) or in a pool of worker processes that each load the pipeline once
(``workers>1``).  Batches are formed the same way whatever the number of workers, and each
batch is parsed by one ``nlp.pipe`` call, so the output is identical for any ``workers``.
Only a bounded number of batches is in flight at a time: memory does not grow with the
corpus, and the input iterable is read lazily.

``finish`` (a module-level function, so that it reaches the workers by name) turns each
extraction into what the caller keeps, in the process that extracted it: a build passes
``pipeline.article_nquads``, so its quads are made in parallel and only bytes come back.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar, overload

from .errors import KgraphError
from .records import Article, Extraction, Skipped

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

Item = Article | Skipped
Result = Extraction | Skipped
Finished = TypeVar("Finished")
Finish = Callable[[Extraction], Any] | None
IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: enough to keep it busy, bounded memory
# Each worker is one core's worth of work: a BLAS thread pool per worker only oversubscribes
# the cores (measured: 10 % more CPU for the same parse with OpenBLAS's default threads).
SINGLE_THREAD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
PRELOAD_ENV = "KGRAPH_PRELOAD_MODEL"  # the pipeline kgraph.preload loads in the forkserver ("" = default)


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@overload
def extract_stream(
    items: Iterable[Item], *, model: str | None, workers: int = 1, batch_size: int = 32,
    nlp: "Language | None" = None, finish: None = None,
) -> Iterator[Result]: ...


@overload
def extract_stream(
    items: Iterable[Item], *, model: str | None, workers: int = 1, batch_size: int = 32,
    nlp: "Language | None" = None, finish: Callable[[Extraction], Finished],
) -> Iterator[Finished | Skipped]: ...


def extract_stream(
    items: Iterable[Item],
    *,
    model: str | None,
    workers: int = 1,
    batch_size: int = 32,
    nlp: "Language | None" = None,
    finish: Finish = None,
) -> Iterator[Any]:
    """Extract every article of ``items``, yielding results in input order.

    ``Skipped`` inputs pass through unchanged; an article whose extraction fails becomes a
    ``Skipped`` with the reason, so one bad article never stops a batch.  With ``workers=1``
    the pipeline runs in this process (``nlp``, if given, else ``make_nlp(model)``); with
    more, each of ``workers`` processes loads ``make_nlp(model)`` once.  A pipeline that
    cannot be loaded raises ``ModelError``.  ``finish``, if given, is applied to each
    extraction where it was made (see the module docstring); where it fails, the article
    becomes a ``Skipped`` too.
    """
    if workers < 1:
        raise KgraphError(f"workers must be at least 1, not {workers}")
    if batch_size < 1:
        raise KgraphError(f"batch size must be at least 1, not {batch_size}")
    batches = _batches(items, batch_size)
    if workers == 1:
        pipeline = nlp
        for batch in batches:
            if pipeline is None and any(isinstance(item, Article) for item in batch):
                from .nlp import make_nlp

                pipeline = make_nlp(model)
            if pipeline is None:  # nothing but skipped inputs so far
                yield from (item for item in batch if isinstance(item, Skipped))
            else:
                yield from extract_batch(pipeline, batch, finish=finish)
        return
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None:  # one batch: not worth starting processes
        yield from extract_stream(first, model=model, workers=1, batch_size=batch_size, nlp=nlp, finish=finish)
        return
    yield from _pooled(_chain(first, second, batches), model=model, workers=workers, finish=finish)


def extract_batch(nlp: "Language", batch: list[Item], *, finish: Finish = None) -> list[Any]:
    """Extract one batch with a single ``nlp.pipe`` call; on a failure, article by article.
    ``finish``, if given, is applied to each extraction."""
    articles = [item for item in batch if isinstance(item, Article)]
    done: dict[int, Result]
    try:
        done = dict(zip((id(a) for a in articles), _pipe(nlp, articles)))
    except Exception:  # find the article that failed, keep the others
        log.info("batch failed; extracting its %d articles one by one", len(articles))
        done = {id(a): _extract_alone(nlp, a) for a in articles}
    results = [done[id(item)] if isinstance(item, Article) else item for item in batch]
    if finish is None:
        return results
    return [_finished(finish, result) for result in results]


def _finished(finish: Callable[[Extraction], Any], result: Result) -> Any:
    if isinstance(result, Skipped):
        return result
    article = result.article
    try:
        return finish(result)
    except KgraphError as exc:
        return Skipped(article.source, f"{article.id}: {exc}")
    except Exception as exc:  # one bad article never stops a batch
        log.exception("writing failed for %s", article.id)
        return Skipped(article.source, f"{article.id}: cannot write its graph: {type(exc).__name__}: {exc}")


def to_extraction(doc: "Doc", article: Article) -> Extraction:
    """The records the pipeline left on ``doc``."""
    return Extraction(
        article=article,
        entities=tuple((doc._.entities or {}).values()),
        roles=tuple(doc._.roles or ()),
        statements=tuple(doc._.statements or ()),
    )


def _pipe(nlp: "Language", articles: list[Article]) -> list[Extraction]:
    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.article = article
        docs.append(doc)
    return [to_extraction(doc, doc._.article) for doc in nlp.pipe(docs, batch_size=max(1, len(docs)))]


def _extract_alone(nlp: "Language", article: Article) -> Result:
    try:
        return _pipe(nlp, [article])[0]
    except KgraphError as exc:
        return Skipped(article.source, str(exc))
    except Exception as exc:  # one bad article never stops a batch
        log.exception("extraction failed for %s", article.id)
        return Skipped(article.source, f"{article.id}: extraction failed: {type(exc).__name__}: {exc}")


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _chain(*parts: list[Item] | Iterator[list[Item]]) -> Iterator[list[Item]]:
    for part in parts[:2]:
        yield part  # type: ignore[misc]
    for rest in parts[2:]:
        yield from rest  # type: ignore[misc]


# --- worker processes -------------------------------------------------------------------

_WORKER_NLP: dict[str | None, "Language"] = {}


def _worker_nlp(model: str | None) -> "Language":
    """The pipeline of this worker process, loaded on first use and kept."""
    if model not in _WORKER_NLP:
        from .nlp import make_nlp

        _WORKER_NLP[model] = make_nlp(model)
    return _WORKER_NLP[model]


def _preloaded(model: str | None) -> bool:
    """In a worker: whether the pipeline came loaded from the forkserver (kgraph.preload)."""
    return model in _WORKER_NLP


def _worker_batch(model: str | None, batch: list[Item], finish: Finish = None) -> list[Any]:
    return extract_batch(_worker_nlp(model), batch, finish=finish)


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where the platform has it (no threads or open stores inherited), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # kgraph.preload loads the pipeline once in the server: workers fork with it in memory
        context.set_forkserver_preload(["kgraph.parallel", "kgraph.nlp", "kgraph.pipeline", "spacy", "kgraph.preload"])
        return context
    return multiprocessing.get_context("spawn")


def _watch_parent(parent: int, every: float = 1.0) -> None:
    """In a worker: end this process once the build that started it is gone (a SIGKILLed
    build would otherwise leave its workers, and with them the forkserver, running)."""
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(every)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="kgraph-parent-watch", daemon=True).start()


@contextmanager
def _worker_environment(model: str | None = None) -> Iterator[None]:
    """Worker processes start with single-threaded BLAS (unless the user set these variables),
    and a forkserver started now preloads ``model`` (``kgraph.preload``)."""
    wanted = {**SINGLE_THREAD_ENV, PRELOAD_ENV: model or ""}
    added = {k: v for k, v in wanted.items() if k not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for key in added:
            os.environ.pop(key, None)


def _pooled(batches: Iterator[list[Item]], *, model: str | None, workers: int, finish: Finish = None) -> Iterator[Any]:
    pending: deque[Future[list[Any]]] = deque()
    limit = workers * IN_FLIGHT_PER_WORKER
    with _worker_environment(model), ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                                                    initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
        try:
            for batch in batches:
                pending.append(pool.submit(_worker_batch, model, batch, finish))
                while len(pending) >= limit:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool as exc:
            raise KgraphError(
                f"an extraction worker process died ({exc}); it may have run out of memory: try fewer --workers"
            ) from exc
        finally:  # the consumer stopped early or a worker failed: drop what is queued
            for future in pending:
                future.cancel()
