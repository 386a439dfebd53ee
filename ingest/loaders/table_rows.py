"""Tables from any format as the segments PDF tables become: a caption, then one line per row,
``Header: cell — Header: cell``, cut between rows into pieces that each keep the caption (see
``pdf_tables.Table.render``), so the answer reader reads a cell the same way in every format."""

from __future__ import annotations

from collections.abc import Sequence

from ingest.document import Segment
from ingest.loaders.pdf_tables import Table
from rag.text import normalize_space


def clean_rows(rows: Sequence[Sequence[object]]) -> list[list[str]]:
    """Cells as one-line text; rows without any text and columns empty in every row dropped."""
    texts = [["" if c is None else normalize_space(str(c)) for c in row] for row in rows]
    texts = [row for row in texts if any(row)]
    width = max((len(row) for row in texts), default=0)
    texts = [row + [""] * (width - len(row)) for row in texts]
    used = [i for i in range(width) if any(row[i] for row in texts)]
    return [[row[i] for i in used] for row in texts]


def table_segments(
    rows: Sequence[Sequence[object]],
    *,
    caption: str = "",
    page: int | None = None,
    page_label: str | None = None,
) -> list[Segment]:
    """The header is the first row that fills at least half of the columns. A table of one
    column or one row has no cells to name: the caller keeps its text as plain lines."""
    cleaned = clean_rows(rows)
    # Lines above the header (a sheet's title, a note) belong to the caption.
    start = _header_row(cleaned)
    caption = "\n".join([caption, *(" ".join(c for c in row if c) for row in cleaned[:start])])
    caption = caption.strip()
    cleaned = cleaned[start:]
    if len(cleaned) < 2 or len(cleaned[0]) < 2:
        return []
    header, *body = cleaned
    body, groups = _grouped(body)
    table = Table(header, body, (0.0, 0.0, 0.0, 0.0), caption, groups=groups)
    return [Segment(text, page=page, page_label=page_label) for text in table.render()]


def _grouped(body: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """The rows, each with the title of its group: a row that fills only its first cell, in a
    table of three columns or more, titles the rows under it ("Array with 256 doubles" over
    "encode" and "decode"), as a row of one cell across a ruled PDF table does. Without it,
    "encode — ujson: 22,082" would not say what was encoded. A last row, or one followed by
    another title, is a row with empty cells, not a title."""
    rows: list[list[str]] = []
    groups: list[str] = []
    group = ""
    for i, row in enumerate(body):
        following = body[i + 1] if i + 1 < len(body) else None
        if len(row) >= 3 and _title_only(row) and following and not _title_only(following):
            group = row[0]
            continue
        rows.append(row)
        groups.append(group)
    return rows, groups


def _title_only(row: list[str]) -> bool:
    return bool(row[0]) and not any(row[1:])


def _header_row(rows: list[list[str]]) -> int:
    width = max((len(row) for row in rows), default=0)
    for i, row in enumerate(rows):
        filled = sum(1 for c in row if c)
        if filled >= 2 and filled * 2 >= width:
            return i
    return 0


def plain_lines(rows: Sequence[Sequence[object]]) -> str:
    """A table's text without its structure: a line per row, cells apart."""
    return "\n".join("  ".join(c for c in row if c) for row in clean_rows(rows))
