"""Imported by the forkserver that starts extraction workers (``parallel._context``): loads
the pipeline named by ``KGRAPH_PRELOAD_MODEL`` (``parallel.PRELOAD_ENV``) once, there, and runs it on a short text so
that the extractors' word lists are read too.  Every worker forked from the server then
starts with the pipeline in memory (shared copy-on-write) instead of loading its own, as
spaCy's own ``nlp.pipe(n_process=N)`` workers do.

Nothing here may stop the server: a pipeline that cannot be loaded is left to the workers,
which load it themselves and report the error.
"""

from __future__ import annotations

import os
_WARM_TEXT = (
    "Foreign Minister Ana Ruiz of Chile said on Monday that talks with Peru would resume in Lima. "
    '"We will not give up," she told reporters, according to the state news agency.'
)


def _preload() -> None:
    from .parallel import PRELOAD_ENV, _WORKER_NLP

    name = os.environ.get(PRELOAD_ENV)
    if name is None:
        return
    try:
        from .nlp import make_nlp

        model = name or None  # "" stands for the default pipeline
        nlp = make_nlp(model)
        nlp(_WARM_TEXT)
        _WORKER_NLP[model] = nlp
    except Exception:  # noqa: BLE001 - the workers load it themselves and report why it fails
        return


_preload()
