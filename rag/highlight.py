"""Where a quoted passage sits on a PDF page: rectangles to draw over the page's picture.

The page's text and the box of each character come from pdfium's text layer. The quote is
matched word by word (case and punctuation aside), so a passage whose spacing, line breaks or
hyphenation were tidied at ingest is still found; what cannot be found (a scanned page read by
OCR, a picture) gets no rectangles. Rectangles are fractions of the rendered page (0..1, from
the top left), so they fit the page's picture at any scale.
"""

from __future__ import annotations

import math
import re
from array import array
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

# Bounds on the work one request may ask for: a snippet is a few hundred characters.
MAX_QUOTE_CHARS = 2000
MAX_QUOTE_WORDS = 400
# A run of fewer matching words than this is chance ("of the"), not the passage.
MIN_RUN_WORDS = 3
PAGES_CACHED = 64
# Device size handed to pdfium when mapping page points to the picture: fine enough that
# rounding to whole device pixels costs nothing visible.
_DEVICE = 1_000_000

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Box:
    """A rectangle as fractions of the page picture's width and height, from its top left."""

    left: float
    top: float
    width: float
    height: float

    def to_dict(self) -> dict[str, float]:
        return {
            "left": round(self.left, 5),
            "top": round(self.top, 5),
            "width": round(self.width, 5),
            "height": round(self.height, 5),
        }


# (left, bottom, right, top) in PDF points; None for a character with no extent.
PointBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class PageText:
    """A page's words with the box of each character, and the map from points to the picture."""

    words: tuple[str, ...]  # case-folded
    spans: tuple[tuple[int, int], ...]  # each word's character range on the page
    # left, bottom, right, top of each character, four floats a character (a few thousand
    # tuples a page would cost several times the memory); NaN for one with no extent
    char_boxes: array

    # page point (x, y) -> picture fraction: (a*x + b*y + c, d*x + e*y + f)
    to_picture: tuple[float, float, float, float, float, float]

    def char_box(self, index: int) -> PointBox | None:
        left, bottom, right, top = self.char_boxes[4 * index : 4 * index + 4]
        return None if math.isnan(left) else (left, bottom, right, top)


def read_page(pdf: Path, page: int) -> PageText:
    """The text layer of page ``page`` (1-based) of ``pdf``; cached per file version.

    pdfium is not thread-safe: callers that render pages too hold one lock around both.
    """
    stat = pdf.stat()
    return _read_page(str(pdf), page, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=PAGES_CACHED)
def _read_page(pdf: str, page: int, _mtime_ns: int, _size: int) -> PageText:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(pdf)
    try:
        pdf_page = document[page - 1]
        textpage = pdf_page.get_textpage()
        count = textpage.count_chars()
        text = textpage.get_text_range() if count > 0 else ""
        if len(text) != count:  # characters outside the BMP: read them one by one
            text = "".join(
                chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(count)
            )
        boxes = array("f")
        for i in range(count):
            boxes.extend(_char_box(textpage, i, text[i]) or _NO_BOX)
        to_picture = _page_to_picture(pdf_page, pdfium_c)
    finally:
        document.close()
    words, spans = [], []
    for match in _WORD.finditer(text):
        words.append(match.group().casefold())
        spans.append(match.span())
    return PageText(tuple(words), tuple(spans), boxes, to_picture)


_NO_BOX = (float("nan"),) * 4


def _char_box(textpage, index: int, char: str) -> PointBox | None:
    if char.isspace():
        return None
    left, bottom, right, top = textpage.get_charbox(index, loose=True)
    if right <= left or top <= bottom:
        return None
    return (left, bottom, right, top)


def _page_to_picture(pdf_page, pdfium_c) -> tuple[float, float, float, float, float, float]:
    """The affine map pdfium renders with (crop box and /Rotate included), as fractions."""
    import ctypes

    def device(x: float, y: float) -> tuple[float, float]:
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(
            pdf_page.raw, 0, 0, _DEVICE, _DEVICE, 0, x, y, ctypes.byref(dx), ctypes.byref(dy)
        )
        return dx.value / _DEVICE, dy.value / _DEVICE

    step = 1000.0
    ox, oy = device(0.0, 0.0)
    xx, xy = device(step, 0.0)
    yx, yy = device(0.0, step)
    return ((xx - ox) / step, (yx - ox) / step, ox, (xy - oy) / step, (yy - oy) / step, oy)


def passage_boxes(page: PageText, quote: str) -> list[Box]:
    """Line rectangles covering ``quote`` on the page; [] when it is not in the text layer."""
    wanted = [w.casefold() for w in _WORD.findall(quote[:MAX_QUOTE_CHARS])][:MAX_QUOTE_WORDS]
    if not wanted or not page.words:
        return []
    matcher = SequenceMatcher(None, page.words, wanted, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return []
    need = min(MIN_RUN_WORDS, len(wanted))
    anchor = max(blocks, key=lambda b: b.size)
    if anchor.size < need:
        return []
    # Runs that keep the anchor's alignment (give or take words the page has and the quote
    # lost, like a running header) are the passage; runs elsewhere on the page are chance.
    drift = max(8, len(wanted) // 4)
    shift = anchor.a - anchor.b
    chars: list[int] = []
    for block in blocks:
        if block.size >= need and abs((block.a - block.b) - shift) <= drift:
            first = page.spans[block.a][0]
            last = page.spans[block.a + block.size - 1][1]
            chars.extend(range(first, last))
    return [_to_picture(page, rect) for rect in _lines(page.char_box(i) for i in chars)]


def _lines(boxes) -> list[PointBox]:
    """Character boxes merged into one rectangle per line of text."""
    lines: list[list[float]] = []
    for box in boxes:
        if box is None:
            continue
        left, bottom, right, top = box
        if lines:
            line = lines[-1]
            overlap = min(top, line[3]) - max(bottom, line[1])
            if overlap >= 0.5 * min(top - bottom, line[3] - line[1]):
                line[0], line[1] = min(line[0], left), min(line[1], bottom)
                line[2], line[3] = max(line[2], right), max(line[3], top)
                continue
        lines.append([left, bottom, right, top])
    return [tuple(line) for line in lines]


def _to_picture(page: PageText, rect: PointBox) -> Box:
    a, b, c, d, e, f = page.to_picture
    left, bottom, right, top = rect
    corners = [(a * x + b * y + c, d * x + e * y + f) for x in (left, right) for y in (bottom, top)]
    xs = [min(1.0, max(0.0, x)) for x, _ in corners]
    ys = [min(1.0, max(0.0, y)) for _, y in corners]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def find_passage(pdf: Path, page: int, quote: str) -> list[Box]:
    """Rectangles over ``quote`` on page ``page`` (1-based) of ``pdf``."""
    return passage_boxes(read_page(pdf, page), quote)
