"""Log lines written while a file loads name the file: a loader speaks only of its pages."""

from __future__ import annotations

import logging

from test_pdf_tables import ALIGNED, build

from ingest.loaders import pdf_tables
from ingest.log_context import NamesTheFile, about_file, name_files_in_logs
from ingest.prefetch import prefetch


class Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_a_line_inside_the_block_opens_with_the_file_name_once():
    logger = logging.getLogger("test_log_context.names")
    logger.propagate = False
    first, second = Kept(), Kept()
    logger.addHandler(first)
    logger.addHandler(second)
    name_files_in_logs(logger)
    name_files_in_logs(logger)  # a second call adds no second filter
    try:
        with about_file("manual.pdf"):
            logger.warning("page %d: tables not read", 4)
        logger.warning("page %d: outside", 5)
    finally:
        logger.removeHandler(first)
        logger.removeHandler(second)
    assert first.lines == ["manual.pdf: page 4: tables not read", "page 5: outside"]
    assert second.lines == first.lines
    assert [type(f) for f in first.filters] == [NamesTheFile]


def test_a_table_skipped_over_budget_names_its_pdf(monkeypatch, make_service, tmp_path, caplog):
    """The table reader runs on the prefetch thread, page by page, after the loader returned."""
    pdf = tmp_path / "inventory.pdf"
    pdf.write_bytes(build([ALIGNED]))
    monkeypatch.setattr(pdf_tables, "MAX_CONTENT_BYTES", 100)
    caplog.handler.addFilter(NamesTheFile())
    with caplog.at_level(logging.WARNING, logger=pdf_tables.__name__):
        report = make_service().ingest([pdf])
    assert report.ingested == 1
    skipped = [r.getMessage() for r in caplog.records if "tables not read" in r.getMessage()]
    assert skipped and all(line.startswith(f"{pdf}: page 1: ") for line in skipped)


def test_the_prefetch_thread_logs_in_the_callers_context():
    logger = logging.getLogger("test_log_context.prefetch")
    logger.propagate = False
    kept = Kept()
    logger.addHandler(kept)
    name_files_in_logs(logger)

    def pages():
        for number in (1, 2):
            logger.warning("page %d read", number)
            yield number

    try:
        with about_file("slides.pdf"):
            assert list(prefetch(pages())) == [1, 2]
    finally:
        logger.removeHandler(kept)
    assert kept.lines == ["slides.pdf: page 1 read", "slides.pdf: page 2 read"]
