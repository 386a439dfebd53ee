"""PDF loader: text per page with pypdf, embedded pictures, OCR of scanned pages."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from PIL import Image

from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loaders.pdf_figures import PdfFigures
from ingest.loaders.pdf_meta import with_metadata
from ingest.loaders.pdf_tables import TableReader
from rag.errors import CorruptFileError, EncryptedFileError, FileTooLargeError
from rag.text import clean_extracted

log = logging.getLogger(__name__)

# Pictures smaller than this (either side, pixels) are rules, bullets and logos, not evidence.
MIN_PICTURE_SIDE = 64


def load_pdf(
    path: Path,
    data: bytes,
    *,
    max_pages: int,
    scan_min_chars: int,
    render_dpi: int,
    read_text: Callable[[Image.Image], str],
) -> LoadedDocument:
    import pypdf
    from pypdf.errors import PdfReadError

    name = str(path)
    # A PDF ends with %%EOF; without it the file was cut off and pypdf's recovery would
    # index whatever fragments it can find.
    if b"%%EOF" not in data[-2048:]:
        raise CorruptFileError(name, "truncated or damaged PDF (no end-of-file marker)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        password = None
        if reader.is_encrypted:
            # Many PDFs are encrypted only to set permissions, with an empty user password.
            if not reader.decrypt(""):
                raise EncryptedFileError(
                    name,
                    "encrypted PDF that needs a password: decrypt it first (e.g. qpdf --decrypt)",
                )
            password = ""
        pages = len(reader.pages)
    except EncryptedFileError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CorruptFileError(name, f"damaged PDF ({exc})") from exc
    except Exception as exc:  # pypdf raises a range of errors on hostile input
        if "cryptography" in str(exc) or "AES" in str(exc):
            raise EncryptedFileError(name, f"encrypted PDF that cannot be opened: {exc}") from exc
        raise CorruptFileError(name, f"damaged PDF ({type(exc).__name__}: {exc})") from exc
    if pages == 0:
        raise CorruptFileError(name, "PDF without pages")
    if pages > max_pages:
        raise FileTooLargeError(
            name, f"{pages} pages is over the limit of {max_pages} (RAG_MAX_PAGES)"
        )

    title = _title(reader) or path.stem
    tables = TableReader(data, password)
    figures = PdfFigures(data, password, dpi=render_dpi)

    def page_texts() -> list[str]:
        texts = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                texts.append(strip_page_number(clean_extracted(page.extract_text() or "")))
            except Exception as exc:
                raise CorruptFileError(name, f"page {number} cannot be read ({exc})") from exc
        return strip_running_lines(texts)

    def parts() -> Iterator[Segment | PageImage]:
        texts = page_texts()
        for number, page in enumerate(reader.pages, start=1):
            text = texts[number - 1]
            if len(text.strip()) < scan_min_chars:
                scanned = _ocr_page(data, number, render_dpi, password, read_text)
                if scanned.strip():
                    yield Segment(scanned, page=number, ocr=True)
                    continue
            if text.strip():
                yield Segment(text, page=number)
                yield from tables.segments(number, text)  # one segment per table, row by row
            # Pictures with their captions, then the charts and diagrams drawn as vectors.
            yield from figures.on_page(number, _pictures(page, number))
        tables.close()
        figures.close()

    parts_and_card = with_metadata(parts(), reader)  # title, author, dates: on page 1
    return LoadedDocument(kind="pdf", title=title, parts=parts_and_card, pages=pages)


_PAGE_LABEL = re.compile(r"^\s*(\d{1,4}|x{0,3}(ix|iv|v?i{0,3}))\s*$")


def strip_page_number(text: str) -> str:
    """Drop a page label printed alone on the first or last line: it is not content, and
    glued to the neighbouring sentence it reads as a number that sentence states."""
    lines = text.split("\n")
    while lines and _PAGE_LABEL.match(lines[-1]):
        lines.pop()
    if lines and _PAGE_LABEL.match(lines[0]):
        lines.pop(0)
    return "\n".join(lines)


# A running header or footer ("dot User's Manual, January 5, 2015 36") repeats, its numbers
# aside, at the top or bottom of many pages; glued to the first sentence it reads as content.
RUNNING_SHARE = 0.4
RUNNING_MIN_PAGES = 3
_DIGITS = re.compile(r"\d+")


def _shape(line: str) -> str:
    return " ".join(_DIGITS.sub("#", line).split())


def strip_running_lines(texts: list[str]) -> list[str]:
    """Drop the first and last lines that repeat, numbers aside, across many pages."""
    counts: dict[str, int] = {}
    for text in texts:
        lines = [line for line in text.split("\n") if line.strip()]
        for edge in {_shape(lines[0]), _shape(lines[-1])} if lines else ():
            counts[edge] = counts.get(edge, 0) + 1
    needed = max(RUNNING_MIN_PAGES, RUNNING_SHARE * len(texts))
    running = {shape for shape, n in counts.items() if n >= needed and len(shape) > 3}
    if not running:
        return texts
    stripped = []
    for text in texts:
        lines = text.split("\n")
        while lines and (not lines[0].strip() or _shape(lines[0]) in running):
            lines.pop(0)
        while lines and (not lines[-1].strip() or _shape(lines[-1]) in running):
            lines.pop()
        stripped.append("\n".join(lines) if lines else text)  # never a page emptied
    return stripped


def _title(reader) -> str:
    try:
        meta = reader.metadata
        title = (meta.title or "").strip() if meta else ""
    except Exception:
        return ""
    return title


def _pictures(page, number: int) -> Iterator[PageImage]:
    try:
        images = list(page.images)
    except Exception as exc:
        log.warning("page %d: embedded images skipped (%s)", number, exc)
        return
    for index, item in enumerate(images):
        try:
            picture = item.image
            picture.load()
        except Exception as exc:
            log.warning("page %d: image %d skipped (%s)", number, index, exc)
            continue
        if min(picture.size) < MIN_PICTURE_SIDE:
            continue
        yield PageImage(picture.convert("RGB"), page=number, name=f"p{number}-{index}")


def _ocr_page(data: bytes, number: int, dpi: int, password, read_text) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data, password=password)
    try:
        bitmap = document[number - 1].render(scale=dpi / 72)
        image = bitmap.to_pil()
    finally:
        document.close()
    return read_text(image)
