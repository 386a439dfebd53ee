"""The ingest progress bar counts pages and pictures, not files, on a recording bar."""

from __future__ import annotations

from pathlib import Path

import pytest
import tqdm
from conftest import PdfPage, picture, write_pdf

from ingest.pipeline import Ingestor
from ingest.progress import PageProgress, pdf_pages, work_units


class RecordingBar:
    """A tqdm stand-in that keeps its total and every step, and where the bar stood when a
    file's name was shown."""

    made: list[RecordingBar] = []

    def __init__(self, *args, total=None, disable=False, unit="it", **kwargs) -> None:
        self.total = total
        self.disable = disable
        self.unit = unit
        self.n = 0
        self.steps: list[int] = []
        self.steps_in: dict[str, list[int]] = {}  # by the file name shown at the time
        self.names: list[tuple[str, int]] = []
        self.closed = False
        RecordingBar.made.append(self)

    def update(self, n=1) -> None:
        assert n > 0
        self.n += n
        self.steps.append(n)
        if self.names:
            self.steps_in.setdefault(self.names[-1][0], []).append(n)

    def refresh(self) -> None:
        pass

    def set_postfix_str(self, s="", refresh=True) -> None:
        self.names.append((s, self.n))

    def close(self) -> None:
        self.closed = True


@pytest.fixture(autouse=True)
def fresh_bars():
    RecordingBar.made.clear()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A 12-page PDF, a 2-page PDF with a picture, a picture, a text file, and a file the
    folder walk skips."""
    root = tmp_path / "corpus"
    root.mkdir()
    write_pdf(
        root / "big.pdf", [[f"Page {n} of the big manual about pumps."] for n in range(1, 13)]
    )
    write_pdf(
        root / "small.pdf",
        [["The cover of the small report."], PdfPage(["A chart of sales."], image=picture())],
    )
    picture(seed=3).save(root / "photo.png")
    (root / "notes.md").write_text("# Notes\n\nThe dome opens at nine.\n")
    (root / "archive.zip").write_bytes(b"PK\x03\x04 not indexed")
    return root


def ingestor(make_service) -> Ingestor:
    service = make_service()
    return Ingestor(service.index, service.describer)


def test_work_units_count_pages_of_pdfs_and_one_per_other_file(corpus):
    assert pdf_pages(corpus / "big.pdf") == 12
    assert work_units(corpus / "big.pdf", False) == 12
    assert work_units(corpus / "small.pdf", False) == 2
    assert work_units(corpus / "photo.png", False) == 1
    assert work_units(corpus / "notes.md", False) == 1
    # Skipped by a folder walk: nothing to count; named on the command line: it fails, once.
    assert work_units(corpus / "archive.zip", False) == 0
    assert work_units(corpus / "archive.zip", True) == 1


def test_damaged_or_mislabelled_files_count_one(tmp_path):
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    assert pdf_pages(cut) is None and work_units(cut, True) == 1
    text = tmp_path / "really-text.pdf"
    text.write_text("not a PDF at all")
    assert work_units(text, True) == 1
    assert work_units(tmp_path / "missing.pdf", True) == 1


def test_the_bar_moves_page_by_page_through_a_big_pdf(make_service, corpus):
    report = ingestor(make_service).ingest([corpus], progress=True, bar=RecordingBar)
    assert report.failed == 0 and report.ingested == 4
    (bar,) = RecordingBar.made
    assert bar.unit == "page" and not bar.disable and bar.closed
    # 12 + 2 pages, a picture and a text file; the zip adds nothing.
    assert bar.total == 16
    assert bar.n == 16
    # Files go in sorted order: archive.zip, big.pdf, notes.md, photo.png, small.pdf.
    started = dict(bar.names)
    assert started == {
        "archive.zip": 0,
        "big.pdf": 0,
        "notes.md": 12,
        "photo.png": 13,
        "small.pdf": 14,
    }
    # Inside big.pdf the bar advanced before the file was done: not one jump of 12.
    big_steps = bar.steps_in["big.pdf"]
    assert sum(big_steps) == 12 and len(big_steps) > 1 and max(big_steps) < 12
    assert bar.steps_in["small.pdf"] == [1, 1]


def test_unchanged_and_failed_files_still_count_their_pages(make_service, corpus, tmp_path):
    ingest = ingestor(make_service)
    ingest.ingest([corpus], progress=False)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\nno end")
    report = ingest.ingest([corpus, bad], progress=True, bar=RecordingBar)
    assert report.skipped == 5 and report.failed == 1
    bar = RecordingBar.made[-1]
    assert bar.total == bar.n == 17


def test_the_total_follows_the_loader_when_the_estimate_was_wrong(corpus):
    files = [(corpus / "notes.md", True), (corpus / "big.pdf", True)]
    progress = PageProgress(files, enabled=True, bar=RecordingBar)
    bar = progress.bar
    assert bar.total == 13
    progress.start_file(1, corpus / "big.pdf")
    progress.pages_found(20)  # the loader knows better than the estimate
    assert bar.total == 21
    progress.reached_page(5)
    assert bar.n == 4
    progress.reached_page(3)  # parts out of order never move the bar back
    assert bar.n == 4
    progress.finish_file()
    assert bar.n == 20


def test_no_progress_counts_nothing_and_shows_no_bar(make_service, corpus, monkeypatch):
    import ingest.progress

    def must_not_count(*args):
        raise AssertionError("pages are counted only for a bar that is shown")

    monkeypatch.setattr(ingest.progress, "work_units", must_not_count)
    ingestor(make_service).ingest([corpus], progress=False, bar=RecordingBar)
    (bar,) = RecordingBar.made
    assert bar.disable and bar.total == 0


@pytest.fixture
def run_cli(monkeypatch, fake_rag_cli):
    monkeypatch.setattr(tqdm, "tqdm", RecordingBar)
    return fake_rag_cli


def test_rag_ingest_progress_counts_pages(run_cli, corpus):
    result = run_cli("ingest", "--progress", str(corpus))
    assert result.exit_code == 0, result.output
    (bar,) = RecordingBar.made
    assert not bar.disable and bar.total == bar.n == 16


def test_rag_ingest_no_progress_turns_the_bar_off(run_cli, corpus):
    result = run_cli("ingest", "--no-progress", str(corpus))
    assert result.exit_code == 0, result.output
    (bar,) = RecordingBar.made
    assert bar.disable and bar.total == 0 and bar.steps == []
