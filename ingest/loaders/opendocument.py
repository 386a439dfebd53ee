"""OpenDocument text (.odt) and spreadsheets (.ods) with odfpy.

An .odt is read like a .docx: paragraphs and headings in order, tables row by row, pictures
(with the caption text of their frame); it has no fixed pages. Each sheet of an .ods is a page,
cited by its name, read like an Excel sheet.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loaders.package import PackageLimits, open_package, open_picture, read_part
from ingest.loaders.sheets import sheet_segments
from ingest.loaders.table_rows import table_segments
from rag.errors import CorruptFileError, FileTooLargeError

log = logging.getLogger(__name__)

# Spreadsheets mark the empty rest of a sheet as one row or cell repeated a million times;
# repeats are expanded up to these bounds (the empty tail is dropped anyway).
MAX_COLUMNS = 1024
MAX_ROW_REPEAT = 100


def load_odt(path: Path, data: bytes, limits: PackageLimits) -> LoadedDocument:
    archive = open_package(path, data, "odt", limits)
    document = _open(path, data)
    title = _title(document)

    def parts() -> Iterator[Segment | PageImage]:
        from odf.namespaces import TABLENS, TEXTNS

        lines: list[str] = []
        pictures: list[PageImage] = []
        for element in _blocks(document.text):
            if element.qname == (TABLENS, "table"):
                if lines:
                    yield Segment("\n".join(lines))
                    lines = []
                yield from table_segments(_rows(element))
            elif element.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
                line = _text(element).strip()
                if line:
                    lines.append(line)
                pictures += _pictures(element, archive, line, limits)
        if lines:
            yield Segment("\n".join(lines))
        yield from pictures
        archive.close()

    return LoadedDocument(kind="odt", title=title or path.stem, parts=parts(), pages=0)


def load_ods(path: Path, data: bytes, limits: PackageLimits) -> LoadedDocument:
    from odf.namespaces import TABLENS

    archive = open_package(path, data, "ods", limits)
    document = _open(path, data)
    sheets = [e for e in document.spreadsheet.childNodes if e.qname == (TABLENS, "table")]
    if len(sheets) > limits.max_pages:
        raise FileTooLargeError(
            str(path),
            f"{len(sheets)} sheets is over the limit of {limits.max_pages} (RAG_MAX_PAGES)",
        )

    def parts() -> Iterator[Segment | PageImage]:
        for number, sheet in enumerate(sheets, start=1):
            name = sheet.attributes.get((TABLENS, "name"), str(number))
            label = f"sheet {name}"
            yield from sheet_segments(
                _rows(sheet), caption=f"Sheet {name}", page=number, page_label=label
            )
            for picture in _pictures(sheet, archive, f"Sheet {name}", limits):
                picture.page, picture.page_label = number, label
                yield picture
        archive.close()

    return LoadedDocument(
        kind="ods", title=_title(document) or path.stem, parts=parts(), pages=len(sheets)
    )


def _open(path: Path, data: bytes):
    from odf.opendocument import load

    try:
        return load(io.BytesIO(data))
    except Exception as exc:  # odfpy and the XML parser raise a range of errors
        raise CorruptFileError(
            str(path), f"damaged {path.suffix} file ({type(exc).__name__}: {exc})"
        ) from exc


def _title(document) -> str:
    from odf.namespaces import DCNS

    for element in document.meta.childNodes:
        if element.qname == (DCNS, "title"):
            return _text(element).strip()
    return ""


def _blocks(element) -> Iterator:
    """Paragraphs, headings and tables in document order (lists and sections opened)."""
    from odf.namespaces import TABLENS, TEXTNS

    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname in ((TEXTNS, "p"), (TEXTNS, "h"), (TABLENS, "table")):
            yield child
        elif qname is not None:
            yield from _blocks(child)


def _text(element) -> str:
    from odf import teletype

    return teletype.extractText(element)


def _rows(table) -> list[list[str]]:
    from odf.namespaces import TABLENS

    rows: list[list[str]] = []
    for row in _descendants(table, (TABLENS, "table-row"), stop=(TABLENS, "table")):
        cells: list[str] = []
        for cell in row.childNodes:
            if cell.qname not in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell")):
                continue
            text = "\n".join(_text(p) for p in cell.childNodes if hasattr(p, "qname")).strip()
            repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), 1))
            cells += [text] * max(1, min(repeat, MAX_COLUMNS - len(cells)))
            if len(cells) >= MAX_COLUMNS:
                break
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        repeat = int(row.attributes.get((TABLENS, "number-rows-repeated"), 1))
        rows += [cells] * max(1, min(repeat, MAX_ROW_REPEAT))
    return rows


def _descendants(element, qname, *, stop) -> Iterator:
    for child in element.childNodes:
        if getattr(child, "qname", None) == qname:
            yield child
        elif getattr(child, "qname", None) not in (None, stop):
            yield from _descendants(child, qname, stop=stop)


def _pictures(element, archive: zipfile.ZipFile, caption: str, limits: PackageLimits):
    from odf.namespaces import DRAWNS, XLINKNS

    pictures = []
    for image in _descendants(element, (DRAWNS, "image"), stop=None):
        href = image.attributes.get((XLINKNS, "href"), "")
        if not href or href not in archive.namelist():
            continue  # linked from outside the file: never fetched
        picture = open_picture(read_part(archive, href), limits.max_image_pixels)
        if picture is not None:
            pictures.append(PageImage(picture, None, Path(href).stem, caption))
    return pictures
