"""The ``rag`` command: ingest, ask, list, delete, eval, serve."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click

from rag.errors import RagError
from rag.settings import Settings, load_settings

EXIT_FAILED = 1


def _service(settings: Settings):
    from rag.service import RagService

    return RagService(settings)


def _index(settings: Settings):
    """The index alone, for commands that need neither a model nor the ingest and answering
    machinery (`rag list`, `rag delete`): they start in well under a second."""
    from rag.index import Index

    return Index(settings)


def _fail(exc: RagError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(EXIT_FAILED)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log what happens, not only problems.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """Ask questions of your documents and images, with citations you can check."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("httpx", "sentence_transformers", "transformers", "RapidOCR", "pypdf"):
        logging.getLogger(noisy).setLevel(logging.INFO if verbose else logging.ERROR)
    try:
        ctx.obj = load_settings()
    except RagError as exc:
        _fail(exc)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
@click.pass_obj
def ingest(
    settings: Settings, paths: tuple[Path, ...], as_json: bool, progress: bool | None
) -> None:
    """Index files and folders (recursively): PDF, text, Markdown, HTML and images."""
    show_progress = sys.stderr.isatty() if progress is None else progress

    def report_line(result) -> None:
        if result.status == "failed":
            click.echo(f"FAILED  {result.path}: {result.reason}", err=True)

    try:
        with _service(settings) as service:
            report = service.ingest(list(paths), progress=show_progress, on_result=report_line)
            if settings.uses_embedded_store and report.ingested:
                service.optimize()
    except RagError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(report.summary())
    if report.failed:
        sys.exit(EXIT_FAILED)


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the answer and sources as JSON.")
@click.option(
    "-k", "--top-k", type=click.IntRange(1, 100), default=None, help="Evidence to retrieve."
)
@click.option(
    "--image",
    "image_path",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Ask about this picture too: it joins the query, and a VLM sees it.",
)
@click.pass_obj
def ask(
    settings: Settings, question: str, as_json: bool, top_k: int | None, image_path: Path | None
) -> None:
    """Answer QUESTION from the indexed documents, citing sources as [n]."""
    if not question.strip():
        raise click.BadParameter("the question is empty", param_hint="QUESTION")
    try:
        with _service(settings) as service:
            image = _read_image(image_path, service) if image_path else None
            if service.store.count() == 0:
                raise RagError(
                    f"no documents indexed in collection '{settings.collection}': run `rag ingest PATH` first"
                )
            answer = service.ask(question, top_k=top_k, image=image)
    except RagError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(answer.text)
    if answer.sources:
        click.echo("\nSources:")
        for source in answer.sources:
            where = f"page {source.page}" if source.page else (source.modality)
            shown = f"  [{source.n}] {source.file} ({where})"
            if source.image:
                shown += f" - image: {settings.data_dir / source.image}"
            click.echo(shown)
        click.echo(
            f"\nGrounding: {answer.grounding:.2f} of the answer is supported by its citations"
        )
        for sentence in answer.unsupported:
            click.echo(f"  unsupported: {sentence}")


def _read_image(path: Path, service):
    """The picture of ``rag ask --image``, read with the same checks as an ingested one."""
    data = path.read_bytes()
    if not data:
        raise RagError(f"{path}: empty file (0 bytes)")
    return service.read_picture(data, str(path))


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the documents as JSON.")
@click.pass_obj
def list_documents(settings: Settings, as_json: bool) -> None:
    """Show the indexed documents."""
    try:
        with _index(settings) as index:
            documents = index.documents()
    except RagError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps([d.__dict__ for d in documents], indent=2))
        return
    if not documents:
        click.echo("No documents indexed. Run `rag ingest PATH` to add some.")
        return
    click.echo(f"{'ID':16}  {'KIND':5}  {'PAGES':>5}  {'CHUNKS':>6}  FILE")
    for d in documents:
        click.echo(f"{d.doc_id:16}  {d.kind:5}  {d.pages or '':>5}  {d.chunks:>6}  {d.path}")
    click.echo(f"{len(documents)} documents")


@main.command()
@click.argument("document")
@click.pass_obj
def delete(settings: Settings, document: str) -> None:
    """Remove DOCUMENT (an id, a path or a file name from `rag list`) from the index."""
    try:
        with _index(settings) as index:
            record = index.remove(document)
    except RagError as exc:
        _fail(exc)
    click.echo(f"Deleted {record.path} ({record.chunks} chunks)")


@main.command("eval")
@click.argument(
    "questions", required=False, type=click.Path(path_type=Path, exists=True, dir_okay=False)
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the JSON report.",
)
@click.option(
    "--markdown",
    "markdown_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write a Markdown report.",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write a self-contained HTML report with plots.",
)
@click.option("--server", metavar="URL", help="Evaluate a running `rag serve` through its API.")
@click.option("--api-key", help="API key for --server (default: the first of RAG_API_KEYS).")
@click.option(
    "--concurrency",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Questions at once.",
)
@click.option(
    "-k", "--top-k", type=click.IntRange(1, 100), default=None, help="Evidence the answer reads."
)
@click.option(
    "--fail-under",
    metavar="METRIC=MIN,...",
    help="Exit 1 when a metric misses its bound, e.g. recall@5=0.8,accuracy=0.6 (latencies are maxima).",
)
@click.option(
    "--compare",
    nargs=2,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    metavar="A.json B.json",
    help="Compare two JSON reports (A the baseline) instead of running; exit 1 on a regression.",
)
@click.option(
    "--tolerance",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="With --compare: a drop up to this much is not a regression.",
)
@click.pass_obj
def evaluate(
    settings: Settings,
    questions: Path | None,
    json_path: Path | None,
    markdown_path: Path | None,
    html_path: Path | None,
    server: str | None,
    api_key: str | None,
    concurrency: int,
    top_k: int | None,
    fail_under: str | None,
    compare: tuple[Path, Path] | None,
    tolerance: float,
) -> None:
    """Ask every question of QUESTIONS.jsonl and score retrieval, answers and citations.

    \b
    rag eval questions.jsonl --html report.html --json run.json
    rag eval questions.jsonl --server http://127.0.0.1:8000 --concurrency 4
    rag eval questions.jsonl --fail-under recall@5=0.8,accuracy=0.6
    rag eval --compare baseline.json run.json
    """
    from rag.evaluation import session
    from rag.evaluation.compare import check_thresholds, parse_thresholds, render_comparison
    from rag.evaluation.report import render_table

    try:
        if compare:
            if questions is not None:
                raise click.UsageError("--compare reads two reports: give no QUESTIONS file")
            comparison = session.compare_reports(*compare, tolerance=tolerance)
            click.echo(render_comparison(comparison))
            if comparison.regressions:
                names = ", ".join(d.name for d in comparison.regressions)
                click.echo(f"\nFAILED  {compare[1]} regressed from {compare[0]}: {names}", err=True)
                sys.exit(EXIT_FAILED)
            return
        if questions is None:
            raise click.UsageError("give a QUESTIONS.jsonl file, or --compare A.json B.json")
        thresholds = parse_thresholds(fail_under) if fail_under else None
        run = {"concurrency": concurrency, "top_k": top_k, "progress": sys.stderr.isatty()}
        if server:
            report = session.run_on_server(questions, server, settings, api_key=api_key, **run)
        else:
            report = session.run_on_library(questions, lambda: _service(settings), settings, **run)
        click.echo(render_table(report))
        data = report.to_dict()
        session.write_reports(
            data,
            json_path=json_path,
            markdown_path=markdown_path,
            html_path=html_path,
            on_written=lambda path: click.echo(f"Report: {path}"),
        )
    except RagError as exc:
        _fail(exc)
    if thresholds:
        failures = check_thresholds(data["summary"], thresholds)
        for failure in failures:
            click.echo(f"FAILED  {failure}", err=True)
        if failures:
            sys.exit(EXIT_FAILED)
        click.echo(f"\nAll {len(thresholds)} thresholds met.")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256))
@click.option(
    "--allow-no-auth",
    is_flag=True,
    help="Serve a non-loopback address without RAG_API_KEYS (a proxy in front authenticates).",
)
@click.pass_obj
def serve(settings: Settings, host: str, port: int, threads: int, allow_no_auth: bool) -> None:
    """Serve the chat page, the JSON API and the OpenAI-compatible API (waitress)."""
    from waitress import serve as waitress_serve

    from server import create_app
    from server.uploads import clear_incoming

    if not settings.api_keys and not _is_loopback(host) and not allow_no_auth:
        click.echo(
            f"error: refusing to serve {host} without API keys: anyone who can reach it could "
            "read and change the index. Set RAG_API_KEYS=key1,key2 (clients send "
            "'Authorization: Bearer KEY'), or pass --allow-no-auth if a proxy in front "
            "authenticates.",
            err=True,
        )
        sys.exit(EXIT_FAILED)
    service = _service(settings)
    try:
        # Open the index now: the embedded shard belongs to one process, and a `rag ingest`
        # holding it should be reported at start, not on the first question.
        service.store.count()
        service.index.recover()  # a killed ingest's leftovers, before the first question
    except RagError as exc:
        service.close()
        _fail(exc)
    clear_incoming(settings.data_dir / "uploads")
    app = create_app(settings, rag=service)
    click.echo(f"Serving on http://{host}:{port}/  (chat page; API under /api and /v1)")
    if settings.uses_embedded_store:
        click.echo("The embedded index is this process's: add documents by uploading them here.")
    try:
        waitress_serve(
            app,
            host=host,
            port=port,
            threads=threads,
            # Waitress refuses larger bodies before reading them; the app says why (413).
            max_request_body_size=int(settings.max_upload_mb * 1024 * 1024) + 1024 * 1024,
        )
    finally:
        service.close()


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


if __name__ == "__main__":  # pragma: no cover
    main()
