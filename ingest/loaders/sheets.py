"""Spreadsheets: Excel workbooks (.xlsx, openpyxl) and CSV files (the standard library).

Each worksheet is a page, cited by its name ("sheet Budget"); its rows are indexed as table
rows under the sheet's header row, and its pictures as picture chunks. A CSV file is one table
without pages. Cells are read as last computed (``data_only``): a formula gives its value.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loaders.package import (
    PackageLimits,
    open_package,
    open_picture,
    part_relations,
    read_part,
)
from ingest.loaders.table_rows import plain_lines, table_segments
from ingest.loaders.text import decode
from rag.errors import CorruptFileError, EmptyFileError, FileTooLargeError

log = logging.getLogger(__name__)


def cell_text(value: object) -> str:
    """A cell as a person reads it: 12 not 12.0, a date without midnight, TRUE/FALSE."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return format(value, ".15g")
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def sheet_segments(
    rows: Sequence[Sequence[object]], *, caption: str, page: int | None, page_label: str | None
) -> list[Segment]:
    """A sheet as table rows; one that is no table (a single column) as plain lines."""
    texts = [[cell_text(v) for v in row] for row in rows]
    segments = table_segments(texts, caption=caption, page=page, page_label=page_label)
    if segments:
        return segments
    lines = plain_lines(texts)
    if not lines:
        return []
    text = f"{caption}\n{lines}" if caption else lines
    return [Segment(text, page=page, page_label=page_label)]


def load_xlsx(path: Path, data: bytes, limits: PackageLimits) -> LoadedDocument:
    import openpyxl

    name = str(path)
    archive = open_package(path, data, "xlsx", limits)
    try:
        # Read-only mode streams each sheet's rows instead of building every cell object: a
        # sheet of a million cells stays in bounded memory. It loads no pictures; those are
        # found through the package's relationships.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheets = list(workbook.worksheets)
        pictures = _sheet_pictures(archive)
    except Exception as exc:  # openpyxl and lxml raise a range of errors on damaged parts
        raise CorruptFileError(name, f"damaged .xlsx file ({type(exc).__name__}: {exc})") from exc
    if len(sheets) > limits.max_pages:
        raise FileTooLargeError(
            name, f"{len(sheets)} sheets is over the limit of {limits.max_pages} (RAG_MAX_PAGES)"
        )
    title = (workbook.properties.title or "").strip()

    def parts() -> Iterator[Segment | PageImage]:
        for number, sheet in enumerate(sheets, start=1):
            label = f"sheet {sheet.title}"
            try:
                rows = list(sheet.iter_rows(values_only=True))
            except Exception as exc:
                raise CorruptFileError(name, f"{label} cannot be read ({exc})") from exc
            caption = f"Sheet {sheet.title}"
            yield from sheet_segments(rows, caption=caption, page=number, page_label=label)
            for index, blob in enumerate(pictures[number - 1] if number <= len(pictures) else []):
                picture = open_picture(blob, limits.max_image_pixels)
                if picture is None:
                    log.debug("%s: picture %d skipped (tiny, huge or unreadable)", label, index)
                    continue
                yield PageImage(
                    picture, number, f"sheet{number}-{index}", caption, page_label=label
                )
        workbook.close()
        archive.close()

    return LoadedDocument(kind="xlsx", title=title or path.stem, parts=parts(), pages=len(sheets))


def _sheet_pictures(archive) -> list[list[bytes]]:
    """Per worksheet, in workbook order: the pictures its drawing shows, in drawing order."""
    from xml.etree import ElementTree

    workbook = "xl/workbook.xml"
    targets = {rid: target for rid, _, target in part_relations(archive, workbook)}
    root = ElementTree.fromstring(read_part(archive, workbook))
    out = []
    for sheet in root.iter(f"{{{_MAIN}}}sheet"):
        part = targets.get(sheet.get(f"{{{_REL}}}id", ""), "")
        blobs: list[bytes] = []
        for _, kind, drawing in part_relations(archive, part) if part else []:
            if not kind.endswith("/drawing") or drawing not in archive.namelist():
                continue
            media = {rid: target for rid, _, target in part_relations(archive, drawing)}
            for blip in ElementTree.fromstring(read_part(archive, drawing)).iter(_BLIP):
                target = media.get(blip.get(f"{{{_REL}}}embed", ""))
                if target and target in archive.namelist():
                    blobs.append(read_part(archive, target))
        out.append(blobs)
    return out


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"


def load_csv(path: Path, data: bytes) -> LoadedDocument:
    text = decode(data).replace("\r\n", "\n")
    sample = text[:65536]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel  # one column, or too irregular to tell: commas
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise CorruptFileError(str(path), f"damaged CSV ({exc})") from exc
    segments = sheet_segments(rows, caption="", page=None, page_label=None)
    if not segments:
        raise EmptyFileError(str(path), "no text in the file")
    return LoadedDocument(kind="csv", title=path.stem, parts=iter(segments), pages=0)
