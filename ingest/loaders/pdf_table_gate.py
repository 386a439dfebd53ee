"""A cheap look at a PDF page: could it hold a table at all?

pdfplumber builds a Python object for every character and path of a page (several times what
pypdf's text extraction costs), so pages that cannot hold a table skip it. pdfium (C++, already
used to render pages) answers from its character boxes and page objects in a few milliseconds:

- ruling lines: two vertical and two horizontal rules, a box, or a form object (which may
  hold them);
- whitespace alignment: three text lines with a gap of about a font size between two glyphs,
  the gaps lined up one above the other.

The gate only says "maybe": the table readers decide. It errs towards yes.
"""

from __future__ import annotations

import ctypes
import logging

log = logging.getLogger(__name__)

MIN_GAPPED_LINES = 3  # a header and two rows
GAP_EM = 0.8  # a gap this many font sizes wide between two glyphs of a line
ALIGN = 2.0  # points: gap edges this close line up
MIN_RULE = 6.0  # points: a path this long (and thin) may be a table rule
THIN = 2.0
MAX_OBJECTS = 20_000  # text runs and paths; a dense page of text has a few thousand
MAX_CHARS = 20_000  # beyond this, don't count: let the table reader's limits decide


class TableGate:
    """Answers ``may_hold_table(number)`` for the pages of one PDF, opened on first use."""

    def __init__(self, data: bytes, password: str | None = None) -> None:
        self._data = data
        self._password = password
        self._document = None

    def may_hold_table(self, number: int) -> bool:
        import pypdfium2.raw as raw

        try:
            page = self._open()[number - 1]
        except Exception as exc:  # pdfium refuses the page: let the reader try
            log.debug("page %d: table gate skipped (%s)", number, exc)
            return True
        try:
            # pdfium's text analysis grows faster than the text on crowded pages: leave such a
            # page to the reader, whose size limits turn it down at once.
            if raw.FPDFPage_CountObjects(page) > MAX_OBJECTS:
                return True
            return _drawn(page) or _gapped(page)
        finally:
            page.close()

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None

    def _open(self):
        if self._document is None:
            import pypdfium2 as pdfium

            self._document = pdfium.PdfDocument(self._data, password=self._password)
        return self._document


def _drawn(page) -> bool:
    """Vertical and horizontal rules (thin paths), or boxes: the lines pdfplumber's ruled
    tables are made of. A form object may hold them: yes."""
    import pypdfium2.raw as raw

    across = down = 0
    kinds = [raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM]
    for item in page.get_objects(filter=kinds, max_depth=1):
        if item.type == raw.FPDF_PAGEOBJ_FORM:
            return True
        left, bottom, right, top = item.get_bounds()
        width, height = right - left, top - bottom
        across += width >= MIN_RULE and height <= THIN
        down += height >= MIN_RULE and width <= THIN
        if (width >= MIN_RULE and height >= MIN_RULE) or (across >= 2 and down >= 2):
            return True
    return False


def _gapped(page) -> bool:
    """Gaps of ``GAP_EM`` font sizes on ``MIN_GAPPED_LINES`` lines, lined up: they start or
    end at the same x (a column's edge). Prose has wide gaps too, but scattered."""
    import pypdfium2.raw as raw

    text = page.get_textpage()
    try:
        count = text.count_chars()
        if count > MAX_CHARS:
            return True
        edges: dict[int, set[int]] = {}  # x of a gap's start or end -> lines with such a gap
        left, right, bottom, top, x, y = (ctypes.c_double() for _ in range(6))
        last_right = last_y = None
        for index in range(count):
            if raw.FPDFText_GetUnicode(text, index) in (32, 10, 13, 0xFFFE):
                continue  # spaces, and the line breaks pdfium adds
            if not raw.FPDFText_GetCharBox(text, index, left, right, bottom, top):
                continue
            raw.FPDFText_GetCharOrigin(text, index, x, y)  # on the baseline
            size = raw.FPDFText_GetFontSize(text, index) or (top.value - bottom.value) or 1.0
            if (
                last_y is not None
                and abs(y.value - last_y) < 0.2 * size
                and left.value - last_right >= GAP_EM * size
            ):
                for edge in (last_right, left.value):
                    bucket = round(edge / ALIGN)
                    lines = edges.setdefault(bucket, set())
                    lines.add(round(y.value))
                    near = lines | edges.get(bucket - 1, set()) | edges.get(bucket + 1, set())
                    if len(near) >= MIN_GAPPED_LINES:
                        return True
            last_right, last_y = right.value, y.value
        return False
    finally:
        text.close()
