"""Word documents (.docx) with python-docx: paragraphs in reading order, tables row by row,
pictures with their captions. A .docx has no fixed pages (they depend on the printer), so its
chunks carry none, like a text file's."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loaders.package import PackageLimits, open_package, open_picture
from ingest.loaders.table_rows import table_segments
from rag.errors import CorruptFileError

log = logging.getLogger(__name__)

_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
CAPTION = re.compile(r"^(Figure|Fig\.|Picture|Image|Table)\s+[\w.-]+\s*[:.]", re.IGNORECASE)


def load_docx(path: Path, data: bytes, limits: PackageLimits) -> LoadedDocument:
    import docx
    from docx.table import Table

    open_package(path, data, "docx", limits).close()
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
    except Exception as exc:  # lxml and python-docx raise a range of errors on damaged parts
        raise CorruptFileError(
            str(path), f"damaged .docx file ({type(exc).__name__}: {exc})"
        ) from exc
    title = (document.core_properties.title or "").strip()

    def parts() -> Iterator[Segment | PageImage]:
        text: list[str] = []
        waiting: list[PageImage] = []  # pictures whose caption may follow them
        before = ""  # the paragraph before a table: its caption, when it reads like one
        for block in blocks:
            if isinstance(block, Table):
                if text:
                    yield Segment("\n".join(text))
                    text = []
                yield from waiting
                waiting = []
                rows = [[cell.text for cell in row.cells] for row in block.rows]
                caption = before if CAPTION.match(before) else ""
                yield from table_segments(rows, caption=caption)
                waiting += _pictures(block._element, block.part, limits)
                before = ""
                continue
            line = block.text.strip()
            style = (block.style.name if block.style is not None else "") or ""
            if waiting and line and (CAPTION.match(line) or style == "Caption"):
                for picture in waiting:
                    picture.caption = line
            if line or waiting:
                yield from waiting
                waiting = []
            waiting += _pictures(block._element, block.part, limits)
            if line:
                text.append(line)
                before = line
        if text:
            yield Segment("\n".join(text))
        yield from waiting

    return LoadedDocument(kind="docx", title=title or path.stem, parts=parts(), pages=0)


def _pictures(element, part, limits: PackageLimits) -> list[PageImage]:
    pictures = []
    for blip in element.iter(_BLIP):
        rid = blip.get(_EMBED)
        related = part.related_parts.get(rid) if rid else None
        blob = getattr(related, "blob", None)
        picture = open_picture(blob, limits.max_image_pixels) if blob else None
        if picture is None:
            log.debug("picture %s skipped (missing, tiny, huge or unreadable)", rid)
            continue
        name = Path(getattr(related, "partname", rid)).stem
        pictures.append(PageImage(picture, name=name))
    return pictures
