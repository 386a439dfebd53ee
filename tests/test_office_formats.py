"""Office and e-book files through the real pipeline (fake models): text, tables as rows the
reader parses, pictures as picture chunks, slides and sheets as the pages citations show."""

from __future__ import annotations

import pytest
from conftest import stored_chunks
from office_files import PROSE, TABLE, WRITERS, write_csv, write_pptx, write_xlsx

from rag.reader.tables import answer_cell, parse_row

# Per format: its kind, pages (slides, sheets, sections), pictures, and the label of the page
# the table is on (None: the format has no pages).
EXPECTED = {
    "docx": ("docx", 0, 1, None),
    "pptx": ("pptx", 3, 1, "slide 2"),
    "xlsx": ("xlsx", 2, 1, "sheet Planets"),
    "csv": ("csv", 0, 0, None),
    "epub": ("epub", 2, 1, "section 2"),
    "odt": ("odt", 0, 1, None),
    "ods": ("ods", 1, 0, "sheet Planets"),
}


def _table_rows(chunks) -> list[list]:
    rows = []
    for chunk in chunks:
        for line in chunk.text.split("\n"):
            cells = parse_row(line)
            if cells:
                rows.append((chunk, cells))
    return rows


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_format_is_ingested_with_tables_pictures_and_pages(service, tmp_path, fmt):
    path = WRITERS[fmt](tmp_path / f"probe.{fmt}")
    report = service.ingest([path])
    (result,) = report.results
    assert result.status == "ingested", result.reason
    kind, pages, images, label = EXPECTED[fmt]
    assert (result.kind, result.pages, result.images) == (kind, pages, images)
    chunks = stored_chunks(service)
    assert len(chunks) == result.chunks

    rows = _table_rows(chunks)
    assert len(rows) == len(TABLE) - 1, [c.text for c in chunks]
    for (chunk, cells), expected in zip(rows, TABLE[1:], strict=True):
        values = {cell.header: cell.value for cell in cells}
        assert values == dict(zip(TABLE[0], expected, strict=True))
        assert chunk.page_label == label
        assert chunk.modality == "text"
    # The reader reads a cell from these rows as from a PDF table's.
    jupiter = next(cells for _, cells in rows if any(c.value == "Jupiter" for c in cells))
    cell = answer_cell("How many moons does Jupiter have?", jupiter)
    assert cell is not None and cell.value == "95"

    pictures = [c for c in chunks if c.modality == "image"]
    assert len({c.image for c in pictures}) == images
    for chunk in pictures:
        assert (service.settings.data_dir / chunk.image).is_file()
    if fmt not in ("csv", "ods"):  # those hold the table alone
        assert any(PROSE in c.text for c in chunks if c.modality == "text")


def test_slides_and_sheets_are_the_pages_of_citations(service, tmp_path):
    deck = write_pptx(tmp_path / "mission.pptx")
    book = write_xlsx(tmp_path / "survey.xlsx")
    service.ingest([deck, book])
    by_place = {(c.file, c.page, c.page_label) for c in stored_chunks(service)}
    assert ("mission.pptx", 1, "slide 1") in by_place
    assert ("mission.pptx", 3, "slide 3") in by_place
    assert ("survey.xlsx", 1, "sheet Notes") in by_place
    assert ("survey.xlsx", 2, "sheet Planets") in by_place
    notes = [c for c in stored_chunks(service) if c.file == "mission.pptx" and c.page == 1]
    assert any("Speaker notes: Mention the launch window" in c.text for c in notes)

    answer = service.ask("How many moons does Jupiter have?")
    assert not answer.abstained and "95" in answer.text
    cited = {(s.file, s.page, s.page_label, s.where) for s in answer.sources}
    assert cited & {
        ("survey.xlsx", 2, "sheet Planets", "sheet Planets"),
        ("mission.pptx", 2, "slide 2", "slide 2"),
    }, cited


def test_csv_delimiter_is_sniffed(service, tmp_path):
    path = write_csv(tmp_path / "planets.csv", delimiter=";")
    (result,) = service.ingest([path]).results
    assert result.status == "ingested", result.reason
    rows = _table_rows(stored_chunks(service))
    assert [dict((c.header, c.value) for c in cells)["Moons"] for _, cells in rows] == [
        "2",
        "95",
        "16",
    ]


def test_html_tables_are_rows_too(service, tmp_path):
    page = tmp_path / "planets.html"
    cells = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in TABLE)
    page.write_text(f"<html><title>Planets</title><body><table>{cells}</table></body></html>")
    (result,) = service.ingest([page]).results
    assert result.status == "ingested", result.reason
    rows = _table_rows(stored_chunks(service))
    assert [dict((c.header, c.value) for c in cells)["Planet"] for _, cells in rows] == [
        "Mars",
        "Jupiter",
        "Neptune",
    ]


def test_old_chunks_without_a_page_label_still_load():
    from rag.types import Chunk, Source

    payload = {"record": "chunk", "doc_id": "d", "file": "a.pdf", "sha256": "s", "chunk_index": 0}
    payload |= {"text": "t", "page": 4}
    chunk = Chunk.from_payload(payload)
    assert chunk.page_label is None
    source = Source(1, "a.pdf", 4, "text", "t", "d", 1.0)
    assert source.where == "page 4"
    assert Source(1, "a.txt", None, "text", "t", "d", 1.0).where is None


@pytest.mark.parametrize("fmt", ["docx", "pptx", "xlsx", "epub", "odt"])
def test_same_file_same_parts(tmp_path, fmt):
    from ingest.loaders.office import load_package
    from ingest.loaders.package import PackageLimits

    path = WRITERS[fmt](tmp_path / f"again.{fmt}")
    limits = PackageLimits(1 << 30, 1000, 100, 10**8)

    def parts():
        loaded = load_package(path, fmt, path.read_bytes(), limits)
        return [getattr(p, "text", None) or p.image.tobytes() for p in loaded.parts]

    assert parts() == parts()


def test_epub_sections_keep_inline_markup_in_the_sentence():
    from ingest.loaders.html_tables import parse_html

    content = parse_html(
        "<body><h2>The Basics</h2><p>The <code>cif</code> in <em>ffi_cif</em> stands for\n"
        "Call InterFace.</p><ul><li>one</li><li>two</li></ul></body>",
        inline_flow=True,
    )
    assert [line for line in content.text.split("\n") if line] == [
        "The Basics",
        "The cif in ffi_cif stands for",
        "Call InterFace.",
        "one",
        "two",
    ]
