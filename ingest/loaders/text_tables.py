"""Tables that a text document prints as text, read as the table rows every other format's
tables become (``table_rows``): Markdown pipe tables, and in plain text (man pages rendered to
text, READMEs, reStructuredText) grid tables, simple tables and column-aligned tables as well.

The document becomes its prose and its tables in reading order: the prose between two tables
is one segment, each table is its rows (``Header: cell — Header: cell``) under a caption, the
sentence that introduces it. The table's own lines leave the prose, where they would be a run of
words with no column to tell a cell by.
"""

from __future__ import annotations

import re

from ingest.document import Segment
from ingest.loaders.aligned_text_tables import TextTable, aligned_tables
from ingest.loaders.fixed_width_tables import fixed_width_tables
from ingest.loaders.grid_tables import boxes, grid_tables
from ingest.loaders.markdown_tables import pipe_tables
from ingest.loaders.pdf_table_layout import last_sentences
from ingest.loaders.printed_matrices import printed_matrices
from ingest.loaders.rest_simple_tables import simple_tables
from ingest.loaders.table_rows import table_segments

MARKDOWN_SUFFIXES = {".md", ".markdown"}
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")  # Markdown: "[gcc]: https://..."
CAPTION_GAP = 2  # blank lines between a table and the paragraph that introduces it, at most
# A caption is repeated in every piece of a long table: a longer introduction gives way to the
# heading above the table.
CAPTION_CHARS = 120
# A reStructuredText simple table's border: runs of "=" parted by spaces.
BORDER = re.compile(r"\s*=+(?:\s+=+)+\s*")
SETEXT_RULE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
CODE_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")  # Markdown: a code block drawn as a table


def find_tables(text: str, suffix: str) -> list[TextTable]:
    """The tables of a text document, in order and apart. Markdown has pipe tables, and text
    aligned by spaces there sits in code blocks, which are code, unless it is drawn as a
    table: boxed by ``+---+`` borders, as a grid table or a table printing library's output
    is, or between lines of "=" runs, as a reStructuredText simple table is (a benchmark's
    results pasted into a README)."""
    tables = pipe_tables(text)
    lines = text.split("\n")
    if suffix in MARKDOWN_SUFFIXES:
        taken = {i for table in tables for i in range(table.first, table.last)}
        drawn = [
            table
            for table in grid_tables(lines)
            if not taken.intersection(range(table.first, table.last))
        ]
        taken |= {i for table in drawn for i in range(table.first, table.last)}
        drawn += [
            table
            for table in aligned_tables(lines)
            if _bordered(lines, table) and not taken.intersection(range(table.first, table.last))
        ]
        tables += [_with_fences(lines, table) for table in drawn]
    else:
        tables += grid_tables(lines)
        # A box that is no sound grid table is no column-aligned one either.
        taken = {i for first, last in boxes(lines) for i in range(first, last)}
        taken |= {i for table in tables for i in range(table.first, table.last)}
        tables += [
            table
            for table in simple_tables(lines)
            if not taken.intersection(range(table.first, table.last))
        ]
        taken |= {i for table in tables for i in range(table.first, table.last)}
        tables += [
            table
            for table in aligned_tables(lines)
            if not taken.intersection(range(table.first, table.last))
        ]
        # Columns one space apart, where no run of spaces parts the cells.
        taken |= {i for table in tables for i in range(table.first, table.last)}
        tables += [
            table
            for table in fixed_width_tables(lines)
            if not taken.intersection(range(table.first, table.last))
        ]
        # A printed matrix of two rows is too short for the fixed-width reader.
        taken |= {i for table in tables for i in range(table.first, table.last)}
        tables += [
            table
            for table in printed_matrices(lines)
            if not taken.intersection(range(table.first, table.last))
        ]
    return sorted(tables, key=lambda table: table.first)


def _with_fences(lines: list[str], table: TextTable) -> TextTable:
    """A table that is all its code block holds takes the block's fences with it. A fence left
    in the prose on either side would open a code block there that the table's end closed: the
    prose after the table would read as code and its code as prose."""
    first, last = table.first, table.last
    above = first - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    below = last
    while below < len(lines) and not lines[below].strip():
        below += 1
    if above < 0 or below >= len(lines):
        return table
    if CODE_FENCE.match(lines[above]) and CODE_FENCE.match(lines[below]):
        return TextTable(above, below + 1, table.rows)
    return table


def _bordered(lines: list[str], table: TextTable) -> bool:
    """The table opens with a border of "=" runs and its header holds words, not more rules."""
    return bool(BORDER.fullmatch(lines[table.first])) and not any(
        BORDER.fullmatch(cell) for cell in table.rows[0]
    )


def text_segments(text: str, suffix: str) -> list[Segment]:
    """``text`` (line breaks ``\\n``) as prose segments and table segments in reading order;
    one segment of the whole text when it holds no table."""
    tables = find_tables(text, suffix)
    if not tables:
        return [Segment(text)]
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    segments: list[Segment] = []
    done = 0  # lines before this one are in a segment already
    for table in tables:
        rows = table_segments(table.rows, caption=_caption(lines, table.first))
        if not rows:
            continue  # no cells to name: its lines stay in the prose
        segments += _prose(lines, starts, done, table.first)
        segments += [Segment(row.text, offset=starts[table.first]) for row in rows]
        done = table.last
    segments += _prose(lines, starts, done, len(lines))
    return segments


def _prose(lines: list[str], starts: list[int], first: int, last: int) -> list[Segment]:
    text = "\n".join(lines[first:last])
    return [Segment(text, offset=starts[first])] if text.strip() else []


def _caption(lines: list[str], first: int) -> str:
    """The sentence that introduces the table: the end of the paragraph (or the heading) just
    above it, with at most ``CAPTION_GAP`` blank lines and any link definitions or code fence
    between, after
    the heading of the section the table sits in."""
    end, blanks = first, 0
    while end > 0 and (not lines[end - 1].strip() or _between(lines[end - 1])):
        blanks += not lines[end - 1].strip()
        end -= 1
    if blanks > CAPTION_GAP:
        return ""
    start = end
    while start > 0 and lines[start - 1].strip() and not _between(lines[start - 1]):
        start -= 1
    if end - start == 2 and SETEXT_RULE.match(lines[end - 1]):
        # A heading underlined with "---" or "===" (Markdown, reST) introduces the table.
        return lines[start].strip()
    paragraph = " ".join(HEADING.sub("", line).strip() for line in lines[start:end])
    sentence = last_sentences(paragraph, shortest=0) if paragraph.strip() else ""
    heading = "" if HEADING.match(lines[start]) else _heading_above(lines, start)
    if len(sentence) > CAPTION_CHARS:
        return heading or last_sentences(paragraph, longest=CAPTION_CHARS)
    # The section a table sits in says what its rows are about ("Large cluster" above an
    # "Example workload: ..." sentence): each row carries both.
    if heading and heading.lower() not in sentence.lower():
        return f"{heading}\n{sentence}".strip()
    return sentence


def _between(line: str) -> bool:
    """A line that stands between a table and its introduction and is part of neither: a
    link definition, or the fence that opens the code block the table is drawn in."""
    return bool(LINK_DEFINITION.match(line) or CODE_FENCE.match(line))


def _heading_above(lines: list[str], first: int) -> str:
    """The nearest heading above line ``first``: ``## Benchmarks``, or a line over ``===``."""
    for i in range(first - 1, -1, -1):
        if HEADING.match(lines[i]):
            return HEADING.sub("", lines[i]).strip()
        if i > 0 and SETEXT_RULE.match(lines[i]) and lines[i - 1].strip():
            return lines[i - 1].strip()
    return ""
