"""Tables in PDF pages, read as rows that carry their column headers.

pypdf's page text flattens a table into a run of words, so a question about one cell finds the
neighbouring rows or the prose around them. Here each table becomes text segments of its own:
its caption, then one line per row, ``Header: value — Header: value``, so the splitter (which
cuts at line breaks first) keeps every row whole and every value next to its column name. A
long table is cut between rows into segments that each start with the caption.

Two kinds of table are read, both with pdfplumber (pdfminer's character positions):

- ruled tables, from the page's drawn lines (pdfplumber's ``find_tables``);
- tables aligned by whitespace only (man-page property tables, booktabs), by clustering word
  positions into columns (``pdf_table_layout``).

A table is emitted only when it looks sound (at least two columns, two rows and a header row);
anything else stays in the flattened page text alone, which is indexed as before.

Bounded work: a page whose content stream is over ``MAX_CONTENT_BYTES`` is skipped, parsing
stops at ``budget_s`` CPU seconds (checked while pdfminer draws characters and paths), and a
page with more than ``MAX_EDGES`` ruling lines or ``MAX_WORDS`` words is not searched for
ruled tables or for tables at all.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field

from ingest.document import Segment
from ingest.loaders.pdf_table_gate import TableGate
from ingest.loaders.pdf_table_layout import (
    Line,
    aligned_tables,
    group_lines,
    last_sentences,
)
from ingest.loaders.pdf_table_ruled import inside, ruled_grids
from rag.text import clean_extracted

log = logging.getLogger(__name__)

TABLE_BUDGET_S = 5.0  # CPU seconds per page to parse it and read its tables (typical 0.05-0.5)
MAX_CONTENT_BYTES = 1_000_000  # a text page is 5-50 kB; more is a drawing or hostile
MAX_EDGES = 2_000  # ruling lines; pairing them into cells is quadratic in their number
MAX_OBJECTS = 40_000  # characters and paths: a dense page of text has about 5,000
MAX_WORDS = 10_000
# "Table 3: ..." or "TABLE IV. ..." above (or below) a table is its caption.
CAPTION = re.compile(r"^(Table|TABLE|Tab\.)\s+[\dIVXivx]+[\w.-]*\s*[:.]?")
MARGIN = 0.08  # of the page height: running headers and page numbers live there
LABEL_CHARS = 80  # a caption this short also labels every row
# A table segment holds this much: under the default chunk size (800), so the splitter leaves
# each whole, with its caption.
SEGMENT_CHARS = 600


class OverBudget(Exception):
    """Table extraction on one page ran past its time budget."""


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    caption: str = ""
    kind: str = "ruled"  # ruled | aligned
    groups: list[str] = field(default_factory=list)  # per row: the group title above it
    ends_page: bool = False  # nothing below it on its page: it may go on overleaf
    continued: bool = False  # goes on from the page before, under that table's header
    parted: bool = False  # its second part, under a header of its own, is the next table

    def render(self) -> list[str]:
        """The table as texts of about ``SEGMENT_CHARS``: each is the caption, then a line per
        row, ``[label — ][group — ]Header: value — ...``. A long table is cut between rows so
        that every piece keeps its caption (or every row its label): the part of a long table
        that a question is about must not lose what the table is."""
        short = CAPTION.match(self.caption) and len(self.caption) <= LABEL_CHARS
        label = [self.caption] if short else []
        head = [self.caption] if self.caption else []
        pieces: list[list[str]] = [[]]
        for i, row in enumerate(self.rows):
            group = [self.groups[i]] if i < len(self.groups) and self.groups[i] else []
            cells = [f"{h}: {v}" if h else v for h, v in zip(self.header, row, strict=False) if v]
            line = " — ".join([*label, *group, *cells])
            if pieces[-1] and len("\n".join([*head, *pieces[-1], line])) > SEGMENT_CHARS:
                pieces.append([])
            pieces[-1].append(line)
        # Line by line: the same normal form as the page text (NFKC), and no joining of a
        # row's trailing hyphen with the next row.
        return [
            "\n".join(
                clean_extracted(line) for line in [*(head if i == 0 or not label else []), *rows]
            )
            for i, rows in enumerate(pieces)
        ]


@dataclass
class TableReader:
    """Reads the tables of one PDF, page by page, in page order.

    pdfplumber opens the document on first use, and only pages that pdfium's quick look
    (``TableGate``) finds table-like are parsed. Keeps the text of the page before, whose last
    sentences give context to a table that opens the next page, and a table that ran to the
    foot of its page, which a headerless block at the top of the next page continues.
    """

    data: bytes
    password: str | None = None
    budget_s: float = TABLE_BUDGET_S
    seconds: float = 0.0  # time spent, gate included: for reports and benchmarks
    skipped: list[int] = field(default_factory=list)  # pages not read: too big or too slow
    _pdf: object = None
    _gate: TableGate | None = None
    _previous: tuple[int, str] = (0, "")
    _open_table: tuple[int, Table | None] = (0, None)

    def segments(self, number: int, page_text: str) -> list[Segment]:
        """Table segments of page ``number`` (1-based); ``page_text`` is its flattened text."""
        previous, self._previous = self._previous, (number, page_text)
        tail = previous[1] if previous[0] == number - 1 else ""
        before = self._open_table[1] if self._open_table[0] == number - 1 else None
        start = time.monotonic()
        try:
            if self._gate is None:
                self._gate = TableGate(self.data, self.password)
            # A table open at the foot of the page before may go on here in fewer lines than
            # the gate asks for: read the page anyway.
            if before is None and not self._gate.may_hold_table(number):
                return []
            tables = self._read(number, tail, cpu_clock() + self.budget_s, before)
        except OverBudget as exc:
            self.skipped.append(number)
            log.warning(
                "page %d: tables not read (%s)", number, str(exc) or f"over {self.budget_s:g} s"
            )
            return []
        except Exception as exc:  # pdfminer raises a wide range on damaged pages
            log.warning("page %d: tables skipped (%s: %s)", number, type(exc).__name__, exc)
            return []
        finally:
            self.seconds += time.monotonic() - start
        if tables and tables[-1].ends_page:
            self._open_table = (number, tables[-1])
        return [Segment(text, page=number) for table in tables for text in table.render()]

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        if self._gate is not None:
            self._gate.close()
            self._gate = None

    def _read(self, number: int, tail: str, deadline: float, before: Table | None) -> list[Table]:
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(io.BytesIO(self.data), password=self.password or "")
        if number > len(self._pdf.pages):
            return []
        page = self._pdf.pages[number - 1]
        try:
            size = content_bytes(page)
            if size > MAX_CONTENT_BYTES:
                raise OverBudget(f"content stream of {size} bytes")
            parse(page, deadline)
            if len(page._layout) > MAX_OBJECTS:  # before pdfplumber builds a dict for each
                raise OverBudget(f"{len(page._layout)} objects on the page")
            return page_tables(page, tail, deadline, before)
        finally:
            page.close()  # drop pdfminer's objects: a long PDF must not pile them up


def content_bytes(page) -> int:
    """Decoded size of the page's content streams (pdfminer keeps the decoded data)."""
    from pdfminer.pdftypes import resolve1

    total = 0
    for stream in page.page_obj.contents:
        stream = resolve1(stream)
        total += len(stream.get_data()) if hasattr(stream, "get_data") else 0
    return total


def parse(page, deadline: float) -> None:
    """Lay out ``page`` with pdfminer, raising ``OverBudget`` past ``deadline``.

    pdfplumber's own ``page.layout`` has no time limit; this builds the same layout with a
    device that looks at the clock while characters and paths are drawn, and hands it to the
    page (pdfplumber reads ``page._layout`` when it is set).
    """
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class Device(PDFPageAggregatorWithMarkedContent):
        ticks = 0

        def tick(self) -> None:
            self.ticks += 1
            if self.ticks % 128 == 0 and cpu_clock() > deadline:
                raise OverBudget

        def render_char(self, *args, **kwargs):
            self.tick()
            return super().render_char(*args, **kwargs)

        def paint_path(self, *args, **kwargs):
            self.tick()
            return super().paint_path(*args, **kwargs)

    device = Device(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()


def page_tables(page, tail: str, deadline: float, before: Table | None = None) -> list[Table]:
    """The sound tables of a parsed pdfplumber page, top to bottom.

    ``before`` is the last table of the page before when it ran to that page's foot: a
    block without a header at the top of this page continues it, under its header.
    """
    words = page_words(page)
    if len(words) > MAX_WORDS:
        raise OverBudget
    lines = [line for line in group_lines(words) if not _in_margin(line, page.height)]
    # pdfplumber drops edges under 3 pt (curves, chart strokes) before pairing the rest.
    edges = [e for e in page.edges if max(e["width"], e["height"]) >= 3]
    rules = [(e["x0"], e["x1"], e["top"]) for e in edges if e["orientation"] == "h"]
    tables = ruled_tables(page, words, rules) if 0 < len(edges) <= MAX_EDGES else []
    _check(deadline)
    taken = [t.bbox for t in tables]
    free = [w for line in lines for w in line.words if not any(inside(w, b) for b in taken)]
    for found in aligned_tables(group_lines(free), rules):
        if found.header:
            table = Table(found.rows[0], found.rows[1:], found.bbox, kind="aligned")
            table.parted = found.parted
        elif (
            before is not None
            and _opens_page(found.bbox, lines)
            and len(found.rows[0]) == len(before.header)
        ):
            table = Table(before.header, found.rows, found.bbox, before.caption, kind="aligned")
            table.continued = True
        else:
            continue
        if sound(table):
            tables.append(table)
    _check(deadline)
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    for table in tables:
        if not table.continued:
            table.caption = caption(lines, table.bbox, tail)
        table.ends_page = not any(line.top >= table.bbox[3] for line in lines)
    # The two parts of one table share its caption, which stands above the first or below
    # the second.
    for first, second in itertools.pairwise(tables):
        if first.parted and CAPTION.match(second.caption) and not CAPTION.match(first.caption):
            first.caption = second.caption
        elif first.parted and CAPTION.match(first.caption) and not CAPTION.match(second.caption):
            second.caption = first.caption
    return tables


def _in_margin(line: Line, height: float) -> bool:
    """Running headers and page numbers: lines in the top or bottom 8% of the page."""
    return line.bottom < MARGIN * height or line.top > (1 - MARGIN) * height


def _opens_page(bbox, lines: list[Line]) -> bool:
    return not any(line.bottom <= bbox[1] for line in lines)


def page_words(page) -> list[dict]:
    """Words with their font size and main font, footnote markers (raised, smaller, glued to
    the word before: "2.08³", "Slicing¹") dropped so a cell reads as its value."""
    # Split on size (a superscript is its own word) but not on font: TeX sets "2.08" in two.
    words = page.extract_words(extra_attrs=["size"], x_tolerance=1.5, return_chars=True)
    kept: list[dict] = []
    for word in words:
        before = kept[-1] if kept else None
        if (
            before is not None
            and word["size"] <= 0.85 * before["size"]
            and abs(word["x0"] - before["x1"]) < 1.0
            and word["bottom"] < before["bottom"] - 0.15 * before["size"]
        ):
            continue
        fonts = Counter(char.get("fontname") for char in word.pop("chars"))
        word["fontname"] = fonts.most_common(1)[0][0]
        kept.append(word)
    return kept


def ruled_tables(page, words: list[dict], rules: list[tuple[float, float, float]]) -> list[Table]:
    """The ruled tables pdfplumber finds on ``page``, read from ``words``; ``rules`` are the
    page's horizontal lines, along which a grid's row labels may stand left of it."""
    tables = []
    for grid in ruled_grids(page.find_tables(), words, rules):
        table = Table(grid.header, grid.rows, grid.bbox, groups=grid.groups)
        if sound(table):
            tables.append(table)
    return tables


def sound(table: Table) -> bool:
    """At least two named columns, two rows with two values each, and cells that read like
    table cells rather than paragraphs."""
    named = [h for h in table.header if h]
    if len(named) < 2 or not any(re.search(r"[A-Za-z]", h) for h in named):
        return False
    full = [row for row in table.rows if sum(1 for v in row if v) >= 2]
    if len(full) < 2 or len(full) < 0.6 * len(table.rows):
        return False
    cells = [v for row in table.rows for v in row if v]
    return sum(len(v) for v in cells) / len(cells) <= 120


CAPTION_LINES_BELOW = 2  # how far below a table its "Table N:" caption may stand, in lines


def caption(lines: list[Line], bbox, tail: str) -> str:
    """A "Table N:" line just above or below the table; else the sentence that introduces it
    (the text just above, or the end of the page before when the table opens the page)."""
    x0, top, x1, bottom = bbox
    above = [line for line in lines if line.bottom <= top + 1]
    below = [line for line in lines if line.top >= bottom - 1]
    para: list[Line] = []
    if above and top - above[-1].bottom <= 2.5 * above[-1].size:
        para = [above[-1]]
        for line in reversed(above[:-1]):
            if para[0].top - line.bottom > 0.8 * line.size or len(para) == 4:
                break
            para.insert(0, line)
        for i, line in enumerate(para):
            if CAPTION.match(line.text):
                return " ".join(p.text for p in para[i:])
        # A dimension's name over a printed matrix ("disease") says little: the line above
        # it says which slice the matrix is (", , gender = Female"). (The page's first line
        # is its running head, not such a line.)
        earlier = above[: len(above) - len(para)]
        if (
            len(" ".join(p.text for p in para).split()) <= 2
            and len(earlier) > 1
            and len(earlier[-1].cells()) == 1  # a line, not a row of a table above
            and para[0].top - earlier[-1].bottom <= 3.0 * earlier[-1].size
        ):
            para.insert(0, earlier[-1])
    # Below, the caption may come after a line the grid leaves out (a total row under the
    # last rule: "Average relative running time per Mb 30.0 10.0 ...").
    edge = bottom
    for line in below[:CAPTION_LINES_BELOW]:
        if line.top - edge > 2.5 * line.size:
            break
        if CAPTION.match(line.text):
            return line.text
        edge = line.bottom
    if para:
        return last_sentences(" ".join(p.text for p in para))
    return "" if above else last_sentences(tail)


def cpu_clock() -> float:
    """This thread's CPU seconds: the budget counts the work done on the page, not the wait
    for a busy CPU, so the same PDF gives the same tables on an idle or a loaded machine."""
    return time.thread_time()


def _check(deadline: float) -> None:
    if cpu_clock() > deadline:
        raise OverBudget
