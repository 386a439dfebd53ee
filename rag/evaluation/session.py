"""One evaluation from end to end: a question file asked of an index or a server, its reports
written, or two saved reports compared.

This is what ``rag eval`` does, without the command line: the CLI parses its options, calls
these functions and prints what they return. Building the service stays with the caller (the
composition root): ``run_on_library`` takes a factory that opens one, so nothing here imports
the service, ingest or the server.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from rag.api_keys import key_of
from rag.collections import check_name
from rag.errors import RagError
from rag.evaluation.compare import Comparison, compare
from rag.evaluation.questions import load_questions
from rag.evaluation.remote import RemoteAsk
from rag.evaluation.report import load_report, render_markdown
from rag.evaluation.report_html import render_html
from rag.evaluation.runner import AskFn, EvalReport, run_eval, service_ask
from rag.settings import Settings

# Opens what answers the questions and closes it afterwards: ``lambda: nullcontext(ask)`` for a
# plain ``ask`` callable, a ``RemoteAsk`` for a server.
AskOpener = Callable[[], AbstractContextManager[AskFn]]


def eval_config(
    questions: Path,
    settings: Settings,
    *,
    server: str | None = None,
    concurrency: int = 1,
    top_k: int | None = None,
) -> dict[str, Any]:
    """What a report records about its run: the question file, the target and, for the
    library, the models and the index that answered."""
    config: dict[str, Any] = {
        "questions": str(questions),
        "target": server or "library",
        "concurrency": concurrency,
        "top_k": top_k or settings.top_k,
    }
    if not server:
        config |= {
            "generator": settings.generator,
            "embedding_model": settings.embedding_model,
            "collection": settings.collection,
            "store": settings.qdrant_url or "embedded",
        }
    return config


def run_question_file(
    questions: Path,
    open_ask: AskOpener,
    *,
    concurrency: int = 1,
    config: Mapping[str, Any] | None = None,
    progress: bool = False,
) -> EvalReport:
    """Ask and score every question of the file, with a progress bar on stderr if asked.

    The file is read before ``open_ask()`` runs: a malformed question file is reported before
    any index is opened or any server is called.
    """
    from tqdm import tqdm

    items = load_questions(questions)
    with (
        open_ask() as ask,
        tqdm(total=len(items), unit="q", disable=not progress, leave=False) as bar,
    ):
        return run_eval(
            items, ask, concurrency=concurrency, on_result=lambda _: bar.update(), config=config
        )


def run_on_library(
    questions: Path,
    open_service: Callable[[], AbstractContextManager[Any]],
    settings: Settings,
    *,
    concurrency: int = 1,
    top_k: int | None = None,
    progress: bool = False,
) -> EvalReport:
    """Evaluate an index in process. ``open_service()`` builds the ``RagService`` (a context
    manager) that answers; its index must hold the question set's corpus."""
    config = eval_config(questions, settings, concurrency=concurrency, top_k=top_k)
    return run_question_file(
        questions,
        lambda: _service_ask(open_service, top_k),
        concurrency=concurrency,
        config=config,
        progress=progress,
    )


@contextmanager
def _service_ask(
    open_service: Callable[[], AbstractContextManager[Any]], top_k: int | None
) -> Iterator[AskFn]:
    with open_service() as service:
        if service.store.count() == 0:
            raise RagError(
                "the index is empty: ingest the question set's corpus first (`rag ingest DIR`)"
            )
        yield service_ask(service, top_k=top_k)


def run_on_server(
    questions: Path,
    url: str,
    settings: Settings,
    *,
    api_key: str | None = None,
    concurrency: int = 1,
    top_k: int | None = None,
    progress: bool = False,
    collection: str | None = None,
) -> EvalReport:
    """Evaluate a running ``rag serve`` through its API, on one ``collection`` of its index or
    all the key reads; the key defaults to the first of ``settings.api_keys``."""
    key = api_key or (key_of(settings.api_keys[0]) if settings.api_keys else None)
    config = eval_config(questions, settings, server=url, concurrency=concurrency, top_k=top_k)
    if collection is not None:
        config["server_collection"] = check_name(collection)
    return run_question_file(
        questions,
        lambda: RemoteAsk(url, api_key=key, top_k=top_k, collection=collection),
        concurrency=concurrency,
        config=config,
        progress=progress,
    )


def write_reports(
    data: Mapping[str, Any],
    *,
    json_path: Path | None = None,
    markdown_path: Path | None = None,
    html_path: Path | None = None,
    on_written: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Write the report (``EvalReport.to_dict()``) in each format given a path; returns the
    paths written. ``on_written`` hears of each file as soon as it is written, so a failure
    later still leaves the earlier ones reported."""
    outputs = [
        (json_path, lambda: json.dumps(data, indent=2, ensure_ascii=False)),
        (markdown_path, lambda: render_markdown(data)),
        (html_path, lambda: render_html(data)),
    ]
    written = []
    for path, render in outputs:
        if path is None:
            continue
        try:
            path.write_text(render(), encoding="utf-8")
        except OSError as exc:
            raise RagError(f"cannot write the report {path}: {exc.strerror or exc}") from exc
        written.append(path)
        if on_written is not None:
            on_written(path)
    return written


def compare_reports(a: Path, b: Path, *, tolerance: float = 0.0) -> Comparison:
    """Two saved JSON reports compared, ``a`` the baseline; ``regressions`` lists what got
    worse by more than ``tolerance``."""
    return compare(load_report(a), load_report(b), tolerance=tolerance)
