"""The ``rag`` command: ingest, watch, ask, list, delete, collections, eval, serve, slack."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click

from ingest.log_context import name_files_in_logs
from rag.errors import RagError
from rag.printable import printable
from rag.settings import Settings, load_settings

EXIT_FAILED = 1


def _collection_name(ctx: click.Context, param: click.Parameter, value):
    """A ``--collection`` value (or several) checked for a valid name."""
    from rag.collections import CollectionNameError, check_name

    try:
        if isinstance(value, tuple):
            return tuple(check_name(v) for v in value)
        return None if value is None else check_name(value)
    except CollectionNameError as exc:
        raise click.BadParameter(str(exc)) from None


def _service(settings: Settings):
    from rag.service import RagService

    return RagService(settings)


def installed_version() -> str:
    """The installed distribution's version; the package's own when run from a source tree."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rag")
    except PackageNotFoundError:
        from rag import __version__

        return __version__


def _index(settings: Settings):
    """The index alone, for commands that need neither a model nor the ingest and answering
    machinery (`rag list`, `rag delete`): they start in well under a second."""
    from rag.index import Index

    return Index(settings)


def _fail(exc: RagError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(EXIT_FAILED)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=installed_version(), prog_name="rag", message="%(prog)s %(version)s")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens, not only problems.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """Ask questions of your documents and images, with citations you can check."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    name_files_in_logs()
    for noisy in ("httpx", "sentence_transformers", "transformers", "RapidOCR", "pypdf"):
        logging.getLogger(noisy).setLevel(logging.INFO if verbose else logging.ERROR)
    try:
        ctx.obj = load_settings()
    except RagError as exc:
        _fail(exc)


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
@click.option(
    "--collection",
    default="default",
    show_default=True,
    callback=_collection_name,
    help="The named collection the documents go into.",
)
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Follow symbolic links in folders that lead outside them (RAG_FOLLOW_SYMLINKS).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that load, OCR and describe files (RAG_INGEST_WORKERS; default: one per "
    "core; 1: all in this process).",
)
@click.pass_obj
def ingest(
    settings: Settings,
    paths: tuple[str, ...],
    as_json: bool,
    progress: bool | None,
    collection: str,
    follow_symlinks: bool,
    workers: int | None,
) -> None:
    """Index files and folders (recursively) and http(s) URLs: PDF, text, Markdown, HTML and
    images."""
    from ingest.workers import available_cores
    from rag.fetch import is_url

    show_progress = sys.stderr.isatty() if progress is None else progress
    if follow_symlinks:
        settings = settings.model_copy(update={"follow_symlinks": True})
    urls = [p for p in paths if is_url(p)]
    files = [Path(p) for p in paths if not is_url(p)]

    def report_line(result) -> None:
        for line in result.report_lines():
            click.echo(line, err=True)

    try:
        with _service(settings) as service:
            report = service.ingest(
                files,
                urls=urls,
                progress=show_progress,
                on_result=report_line,
                collection=collection,
                workers=workers or settings.ingest_workers or available_cores(),
            )
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
@click.argument(
    "folders",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path, exists=True, file_okay=False),
)
@click.option(
    "--collection",
    default="default",
    show_default=True,
    callback=_collection_name,
    help="The named collection the files go into; only its documents are removed.",
)
@click.pass_obj
def watch(settings: Settings, folders: tuple[Path, ...], collection: str) -> None:
    """Keep the index in step with FOLDERS until stopped (Ctrl-C): files added, changed and
    deleted there are ingested, replaced and removed in one collection. Catches up with changes
    made while it was not running."""
    import signal

    from ingest.watch import FolderWatcher

    shown = {"ingested", "replaced", "removed", "duplicate", "failed"}

    def report_line(result) -> None:
        if result.status == "failed":
            click.echo(f"FAILED  {result.path}: {result.reason}", err=True)
        elif result.status in shown:
            reason = f" ({result.reason})" if result.reason else ""
            click.echo(f"{result.status:9} {result.path}{reason}")

    try:
        with _service(settings) as service:
            service.store.count()  # an embedded index held by another process: say so now
            watcher = FolderWatcher(
                service,
                folders,
                debounce_s=settings.watch_debounce_s,
                exclude=[settings.data_dir],
                on_result=report_line,
                collection=collection,
            )
            signal.signal(signal.SIGTERM, lambda *_: watcher.stop())
            try:
                watcher.start()
                caught_up = watcher.reconcile()
                if settings.uses_embedded_store and caught_up.ingested:
                    service.optimize()
                removed = sum(1 for r in caught_up.results if r.status == "removed")
                click.echo(
                    f"Watching {', '.join(str(root) for root in watcher.roots)} "
                    f"into collection '{collection}': "
                    f"caught up in {caught_up.seconds:.1f} s ({caught_up.ingested} ingested, "
                    f"{removed} removed, {caught_up.failed} failed). Ctrl-C stops."
                )
                watcher.run()
            except KeyboardInterrupt:
                pass
            finally:
                watcher.close()
    except RagError as exc:
        _fail(exc)


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
@click.option(
    "--collection",
    "collections",
    multiple=True,
    callback=_collection_name,
    help="Answer from this named collection only (repeat for several; default: all).",
)
@click.pass_obj
def ask(
    settings: Settings,
    question: str,
    as_json: bool,
    top_k: int | None,
    image_path: Path | None,
    collections: tuple[str, ...],
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
            answer = service.ask(
                question, top_k=top_k, image=image, collections=collections or None
            )
    except RagError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(answer.text)
    if answer.sources:
        click.echo("\nSources:")
        for source in answer.sources:
            where = source.where or source.modality
            shown = f"  [{source.n}] {printable(source.file)} ({where})"
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
@click.option(
    "--collection",
    "collections",
    multiple=True,
    callback=_collection_name,
    help="Only the documents of this named collection (repeat for several).",
)
@click.pass_obj
def list_documents(settings: Settings, as_json: bool, collections: tuple[str, ...]) -> None:
    """Show the indexed documents."""
    try:
        from rag.collections import restrict

        with _index(settings) as index:
            documents = index.documents(restrict(None, collections or None))
    except RagError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps([d.__dict__ for d in documents], indent=2))
        return
    if not documents:
        click.echo("No documents indexed. Run `rag ingest PATH` to add some.")
        return
    click.echo(f"{'ID':16}  {'KIND':5}  {'PAGES':>5}  {'CHUNKS':>6}  {'COLLECTION':12}  FILE")
    for d in documents:
        click.echo(
            f"{d.doc_id:16}  {d.kind:5}  {d.pages or '':>5}  {d.chunks:>6}  "
            f"{d.collection:12}  {printable(d.path)}"
        )
    click.echo(f"{len(documents)} documents")


def _kept_uploads(settings: Settings, service=None):
    """The server's kept uploads, so deleting a document here also removes its uploaded copy
    (files elsewhere are the user's own and stay); forgetting one needs no service."""
    from server.uploads import Uploads

    return Uploads(service, settings.data_dir / "uploads")


@main.command()
@click.argument("document")
@click.option(
    "--collection",
    "collections",
    multiple=True,
    callback=_collection_name,
    help="Look for DOCUMENT only in this named collection (repeat for several).",
)
@click.pass_obj
def delete(settings: Settings, document: str, collections: tuple[str, ...]) -> None:
    """Remove DOCUMENT (an id, a path or a file name from `rag list`) from the index."""
    try:
        from rag.collections import restrict

        with _index(settings) as index:
            record = index.remove(document, restrict(None, collections or None))
        _kept_uploads(settings).forget(record.path)
    except RagError as exc:
        _fail(exc)
    click.echo(f"Deleted {printable(record.path)} ({record.chunks} chunks)")


@main.command("collections")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.option(
    "--delete",
    "to_delete",
    metavar="NAME",
    callback=_collection_name,
    help="Delete every document of collection NAME instead.",
)
@click.pass_obj
def collections_command(settings: Settings, as_json: bool, to_delete: str | None) -> None:
    """Show the named collections of the index with their document and chunk counts."""
    try:
        with _service(settings) as service:
            if to_delete is not None:
                deleted = service.delete_collection(to_delete)
                uploads = _kept_uploads(settings, service)
                for record in deleted:
                    uploads.forget(record.path)
            else:
                counts = service.collections()
    except RagError as exc:
        _fail(exc)
    if to_delete is not None:
        if not deleted:
            click.echo(f"error: no documents in collection '{to_delete}'", err=True)
            sys.exit(EXIT_FAILED)
        click.echo(f"Deleted collection '{to_delete}': {len(deleted)} documents")
        return
    if as_json:
        click.echo(json.dumps([c.to_dict() for c in counts], indent=2))
        return
    if not counts:
        click.echo("No documents indexed. Run `rag ingest --collection NAME PATH` to add some.")
        return
    click.echo(f"{'COLLECTION':24}  {'DOCUMENTS':>9}  {'CHUNKS':>7}")
    for c in counts:
        click.echo(f"{c.name:24}  {c.documents:>9}  {c.chunks:>7}")


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
    "--collection",
    callback=_collection_name,
    help="With --server: ask one named collection of the server's index.",
)
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
    collection: str | None,
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
            report = session.run_on_server(
                questions, server, settings, api_key=api_key, collection=collection, **run
            )
        else:
            if collection is not None:
                raise click.UsageError("--collection goes with --server")
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
    from server import create_app
    from server.serving import serve_app
    from server.uploads import reconcile

    keyed = settings.api_keys or settings.api_keys_file
    if not keyed and not _is_loopback(host) and not allow_no_auth:
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
    try:
        recovered = reconcile(service, settings.data_dir / "uploads")
    except RagError as exc:
        service.close()
        _fail(exc)
    if recovered:
        click.echo(recovered.summary())
    app = create_app(settings, rag=service, bind_host=host)
    click.echo(f"Serving on http://{host}:{port}/  (chat page; API under /api and /v1)")
    if settings.uses_embedded_store:
        click.echo("The embedded index is this process's: add documents by uploading them here.")
    try:
        # Waitress refuses larger bodies before reading them, in the app's JSON shape (413).
        serve_app(app, settings, host=host, port=port, threads=threads)
    finally:
        service.close()


@main.command("slack")
@click.pass_obj
def slack_socket_mode(settings: Settings) -> None:
    """Answer Slack over Socket Mode: no public address needed (RAG_SLACK_APP_TOKEN and
    RAG_SLACK_BOT_TOKEN)."""
    import signal
    import threading

    from server.slack.socket_mode import HEARTBEAT_FILE, SocketModeBot, check_socket_mode_settings

    try:
        check_socket_mode_settings(settings)
    except RagError as exc:
        _fail(exc)
    service = _service(settings)
    try:
        # Open the index now, as `rag serve` does: a held embedded index is reported at start.
        service.store.count()
        bot = SocketModeBot(settings, service)
    except RagError as exc:
        service.close()
        _fail(exc)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    click.echo("Answering Slack over Socket Mode (mentions, direct messages, /ask); Ctrl-C stops.")
    try:
        bot.run(stop, heartbeat=settings.data_dir / HEARTBEAT_FILE)
    except RagError as exc:
        _fail(exc)
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
