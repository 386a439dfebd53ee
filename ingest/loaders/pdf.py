"""PDF loader: text per page with pypdf (pdfium where pypdf's is garbled), embedded pictures,
OCR of scanned pages."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from PIL import Image

from ingest.deadline import Deadline
from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loaders.pdf_figures import PdfFigures, as_page_text_says
from ingest.loaders.pdf_meta import with_metadata
from ingest.loaders.pdf_tables import TableReader
from ingest.loaders.pdf_text import garbled, may_be_garbled, pdfium_text
from ingest.loaders.printed_matrices import matrix_segments, misread_tables, trailing_header
from ingest.vision.ocr import MAX_OCR_PIXELS
from rag.errors import CorruptFileError, EncryptedFileError, FileTooLargeError
from rag.render import render
from rag.text import clean_extracted

log = logging.getLogger(__name__)

# Pictures smaller than this (either side, pixels) are rules, bullets and logos, not evidence.
MIN_PICTURE_SIDE = 64
# A rendered page is blank when fewer pixels than this share differ from its background.
BLANK_INK_SHARE = 1e-5
# How far (0-255 grey levels) a pixel must differ from the background to count as ink: scan
# noise and JPEG ringing stay under it.
BLANK_INK_LEVEL = 48


def load_pdf(
    path: Path,
    data: bytes,
    *,
    max_pages: int,
    scan_min_chars: int,
    render_dpi: int,
    read_text: Callable[[Image.Image], str],
    max_render_pixels: int = 25_000_000,
    max_picture_pixels: int = 60_000_000,
    deadline: Deadline | None = None,
) -> LoadedDocument:
    """``max_render_pixels`` bounds every rendered page and every picture kept in memory
    (larger ones are scaled down, to MAX_OCR_PIXELS at most where OCR reads them); pictures
    over ``max_picture_pixels`` are left out unread, as an image file over it is refused.
    ``deadline`` is checked between pages and pictures.
    """
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
    figures = PdfFigures(data, password, dpi=render_dpi, max_pixels=max_render_pixels)
    # The OCR backends read at most MAX_OCR_PIXELS: a page rendered larger, or a picture kept
    # larger, is shrunk first (the other readers of a picture use a few hundred pixels).
    scans = _Scans(
        data, password, dpi=render_dpi, max_pixels=min(max_render_pixels, MAX_OCR_PIXELS)
    )
    left_out: list[str] = []

    def check(doing: str) -> None:
        if deadline is not None:
            deadline.check(doing)

    def page_texts() -> list[str]:
        texts = []
        for number, page in enumerate(reader.pages, start=1):
            check(f"reading the text of page {number} of {pages}")
            try:
                text = page.extract_text() or ""
            except Exception as exc:
                raise CorruptFileError(name, f"page {number} cannot be read ({exc})") from exc
            text = _unless_garbled(text, figures, number)
            texts.append(strip_page_number(clean_extracted(text)))
        return strip_running_lines(texts)

    def parts() -> Iterator[Segment | PageImage]:
        texts = page_texts()
        # A printed matrix that ends a page may go on at the top of the next one.
        carried_header: list[str] | None = None
        for number, page in enumerate(reader.pages, start=1):
            check(f"reading page {number} of {pages}")
            text = texts[number - 1]
            if len(text.strip()) < scan_min_chars:
                carried_header = None
                scanned = scans.read(number, read_text)
                if scanned.strip():
                    yield Segment(scanned, page=number, ocr=True)
                    continue
            if text.strip():
                yield Segment(text, page=number)
                laid_out = tables.segments(number, text)  # one segment per table, row by row
                # A matrix R prints has one space between its columns, which the layout reader
                # parts only in a long one: its shape does, and a table the layout reader made
                # of it with its columns run together is left out.
                misread = misread_tables(laid_out, text)
                yield from (segment for segment in laid_out if segment not in misread)
                yield from matrix_segments(
                    text, page=number, besides=laid_out, continued=carried_header
                )
                carried_header = trailing_header(text)
            # Pictures with their captions, then the charts and diagrams drawn as vectors.
            found = _pictures(
                page,
                number,
                max_pixels=max_picture_pixels,
                work_pixels=min(max_render_pixels, MAX_OCR_PIXELS),
                left_out=left_out,
                check=check,
            )
            for part in figures.on_page(number, found):
                yield as_page_text_says(part, text) if isinstance(part, Segment) else part
        tables.close()
        figures.close()
        scans.close()

    parts_and_card = with_metadata(parts(), reader)  # title, author, dates: on page 1
    return LoadedDocument(
        kind="pdf", title=title, parts=parts_and_card, pages=pages, left_out=left_out
    )


def _unless_garbled(text: str, figures: PdfFigures, number: int) -> str:
    """pypdf's text of a page, or pdfium's where pypdf's is garbled."""
    if not may_be_garbled(text):
        return text
    try:
        other = pdfium_text(figures.document(), number - 1)
    except Exception as exc:  # pdfium cannot read the page: pypdf's text is all there is
        log.warning("page %d: pdfium text not read (%s: %s)", number, type(exc).__name__, exc)
        return text
    if not garbled(text, other):
        return text
    log.info("page %d: pypdf's text is garbled, pdfium's is used", number)
    return other


_PAGE_LABEL = re.compile(r"^\s*(\d{1,4}|x{0,3}(ix|iv|v?i{0,3}))\s*$")


# A book's running head set in capitals, its page number before or after it: "50 CHAPTER 2.
# CIRCUIT DESCRIPTION", "16.10. NGSPICE ON MULTI-CORE PROCESSORS USING OPENMP 347". Its title
# is the page's topic; its number would read as one the first sentence states.
_HEAD_TITLE = r"(?i:chapter|appendix)\s+[\dA-Z]{1,3}\.?\s+[^a-z]{3,80}?|\d{1,2}(?:\.\d{1,2})+\.?\s+[^a-z]{3,80}?"
_NUMBERED_HEAD = re.compile(
    rf"^\s*(?:(?P<before>\d{{1,4}})\s+(?P<title>{_HEAD_TITLE})|(?P<title2>{_HEAD_TITLE})\s+(?P<after>\d{{1,4}}))\s*$"
)
_CAPITAL_WORD = re.compile(r"\b[A-Z][A-Z-]+\b")


def _running_head_title(line: str) -> str:
    """The title of ``line`` when it is a running head in capitals with its page number."""
    match = _NUMBERED_HEAD.match(line)
    if not match:
        return ""
    title = match.group("title") or match.group("title2")
    return title if len(_CAPITAL_WORD.findall(title)) >= 2 else ""


def strip_page_number(text: str) -> str:
    """Drop a page label printed alone on the first or last line: it is not content, and
    glued to the neighbouring sentence it reads as a number that sentence states. Of a
    running head in capitals on the first line, only the page number goes."""
    lines = text.split("\n")
    while lines and _PAGE_LABEL.match(lines[-1]):
        lines.pop()
    if lines and _PAGE_LABEL.match(lines[0]):
        lines.pop(0)
    if lines and (title := _running_head_title(lines[0])):
        lines[0] = title
    return "\n".join(lines)


# A running header or footer ("dot User's Manual, January 5, 2015 36") repeats, its numbers
# aside, at the top or bottom of many pages; glued to the first sentence it reads as content.
RUNNING_SHARE = 0.4
RUNNING_MIN_PAGES = 3
_DIGITS = re.compile(r"\d+")


# "Chapter 12: Distributions 25", "Appendix A: Copying This Manual 93": a book's running head
# names the chapter, which changes, and the page: it repeats as a frame, not word for word.
# The chapter's title is the page's topic, which its passages rarely repeat; its page number
# is no content.
_CHAPTER_HEAD = re.compile(
    r"^\s*((chapter|appendix|section)\s+[\dA-Z]{1,3}(?:\.\d+)*[:.]?\s+\S.{0,80}?)\s\d{1,4}\s*$",
    re.IGNORECASE,
)
_CHAPTER_FRAME = "{} # ... #"


def _shape(line: str) -> str:
    return " ".join(_DIGITS.sub("#", line).split())


def _chapter_frame(line: str) -> str:
    head = _CHAPTER_HEAD.match(line)
    return _CHAPTER_FRAME.format(head.group(2).lower()) if head else ""


def strip_running_lines(texts: list[str]) -> list[str]:
    """Drop the first and last lines that repeat, numbers aside, across many pages; of a
    chapter's running head, which repeats as a frame, only its page number."""
    counts: dict[str, int] = {}
    for text in texts:
        lines = [line for line in text.split("\n") if line.strip()]
        edges = {_shape(lines[0]), _shape(lines[-1])} if lines else set()
        for edge in edges | {_chapter_frame(lines[0])} - {""} if lines else ():
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
        if lines and _chapter_frame(lines[0]) in running:
            lines[0] = _CHAPTER_HEAD.match(lines[0]).group(1)  # type: ignore[union-attr]
        stripped.append("\n".join(lines) if lines else text)  # never a page emptied
    return stripped


def _title(reader) -> str:
    try:
        meta = reader.metadata
        title = (meta.title or "").strip() if meta else ""
    except Exception:
        return ""
    return title


# pypdf counts 4 bytes a pixel for a colour picture when it checks a buffer's size.
PDF_PICTURE_BYTES = 4


def _pictures(
    page,
    number: int,
    *,
    max_pixels: int,
    work_pixels: int,
    left_out: list[str],
    check: Callable[[str], None],
) -> Iterator[PageImage]:
    """The page's pictures. Each one's declared size is checked before its pixels are
    decoded: a few hundred bytes of compressed data can declare 8000 x 8000 pixels."""
    import pypdf

    try:
        images = page.images
        keys = images.keys()
    except Exception as exc:
        log.warning("page %d: embedded images skipped (%s)", number, exc)
        return
    for index, key in enumerate(keys):
        check(f"reading picture {index + 1} of page {number}")
        xobject = image_xobject(page, key)
        size = declared_size(xobject)
        if size is not None and size[0] * size[1] > max_pixels:
            left_out.append(_over_limit(number, index, size, max_pixels))
            continue
        try:
            picture = plain_jpeg(xobject)
            if picture is None:
                # pypdf refuses pictures over its own buffer size (75 MB: 19 MP in colour), a
                # camera photo among them; the limit here is ours.
                limit = PDF_PICTURE_BYTES * max_pixels
                with pypdf.apply_configuration(image_maximum_buffer_size=limit):
                    picture = images[key].image
            if picture.width * picture.height > max_pixels:  # the declared size lied
                left_out.append(_over_limit(number, index, picture.size, max_pixels))
                continue
            source_size = picture.size
            picture = within_pixels(picture, work_pixels)
            picture.load()
        except Exception as exc:
            left_out.append(
                f"page {number}: picture {index + 1} cannot be read ({type(exc).__name__}: {exc})"
            )
            continue
        if min(source_size) < MIN_PICTURE_SIDE:
            continue
        yield PageImage(
            picture.convert("RGB"),
            page=number,
            name=f"p{number}-{index}",
            source_size=source_size if source_size != picture.size else None,
        )


def _over_limit(number: int, index: int, size: tuple[int, int], limit: int) -> str:
    return (
        f"page {number}: picture {index + 1} of {size[0]}x{size[1]} pixels is over the limit "
        f"of {limit} (RAG_MAX_IMAGE_PIXELS)"
    )


def image_xobject(page, key):
    """The image XObject ``key`` names (as pypdf's image keys do: a name, or the names of the
    forms that hold it); None for an inline image or one that cannot be found."""
    try:
        holder = page
        for name in [key] if isinstance(key, str) else list(key):
            holder = holder["/Resources"].get_object()["/XObject"].get_object()[name].get_object()
        return holder
    except Exception:
        return None


def declared_size(xobject) -> tuple[int, int] | None:
    """/Width and /Height of an image XObject, read without decoding it."""
    try:
        return int(xobject["/Width"]), int(xobject["/Height"])
    except Exception:
        return None


def plain_jpeg(xobject) -> Image.Image | None:
    """A picture stored as a plain JPEG (DCTDecode alone, RGB or grey, no mask or decode
    array), opened from its own bytes and not decoded yet; None for any other picture.

    pypdf decodes a JPEG in full and encodes it again; opened here, ``within_pixels`` decodes
    it at a reduced size.
    """
    if xobject is None or any(k in xobject for k in ("/SMask", "/Mask", "/Decode")):
        return None
    try:
        filters = xobject.get("/Filter")
        filters = filters.get_object() if filters is not None else None
        if isinstance(filters, list):
            filters = filters[0] if len(filters) == 1 else None
        if filters != "/DCTDecode" or not _rgb_or_grey(xobject.get("/ColorSpace")):
            return None
        picture = Image.open(io.BytesIO(xobject.get_data()), formats=("JPEG",))
    except Exception:
        return None  # pypdf tries, and says what is wrong
    return picture if picture.mode in ("RGB", "L") else None


def _rgb_or_grey(space) -> bool:
    space = space.get_object() if space is not None else None
    if space in ("/DeviceRGB", "/DeviceGray"):
        return True
    if isinstance(space, list) and len(space) == 2 and space[0] == "/ICCBased":
        return space[1].get_object().get("/N") in (1, 3)
    return False


def within_pixels(picture: Image.Image, max_pixels: int) -> Image.Image:
    """``picture``, scaled down to at most ``max_pixels`` (a JPEG is decoded at a reduced
    size, never in full)."""
    width, height = picture.size
    if width * height <= max_pixels:
        return picture
    scale = (max_pixels / (width * height)) ** 0.5
    size = (max(1, int(width * scale)), max(1, int(height * scale)))
    # A JPEG not decoded yet is decoded at 1/2, 1/4 or 1/8 of its size, no smaller than
    # ``size`` (thumbnail's own draft aims at twice the size, which often means full size).
    picture.draft(None, size)
    picture.thumbnail(size)
    return picture


def looks_blank(image: Image.Image) -> bool:
    """Whether a rendered page has (next to) no pixel that differs from its background."""
    histogram = image.convert("L").histogram()
    background = max(range(256), key=histogram.__getitem__)
    low, high = background - BLANK_INK_LEVEL, background + BLANK_INK_LEVEL
    ink = sum(count for level, count in enumerate(histogram) if not low <= level <= high)
    return ink <= BLANK_INK_SHARE * image.width * image.height


class _Scans:
    """Pages without a text layer, rendered within the pixel budget and read by OCR."""

    def __init__(self, data: bytes, password: str | None, *, dpi: int, max_pixels: int) -> None:
        self._data = data
        self._password = password
        self.dpi = dpi
        self.max_pixels = max_pixels
        self._document = None

    def read(self, number: int, read_text: Callable[[Image.Image], str]) -> str:
        """The page's text by OCR; a page that draws nothing is not rendered, and a rendered
        page that shows nothing is not read."""
        if self._document is None:
            import pypdfium2 as pdfium

            self._document = pdfium.PdfDocument(self._data, password=self._password)
        page = self._document[number - 1]
        try:
            if not any(True for _ in page.get_objects(max_depth=1)):
                return ""
            image = render(page, dpi=self.dpi, max_pixels=self.max_pixels)
        finally:
            page.close()
        if looks_blank(image):
            return ""
        return read_text(image)

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None
