"""Markdown pipe tables (GitHub's ``| a | b |`` over a ``|---|---|`` rule), read with
markdown-it-py's table rule: the same parse a Markdown renderer makes, so a pipe inside code
or an escaped ``\\|`` is no column break, and a table inside a code block stays code."""

from __future__ import annotations

import re

from ingest.loaders.aligned_text_tables import TextTable

# Inline tokens whose ``content`` is text a reader sees: an image's is its alt text.
SHOWN = {"text", "code_inline", "image"}
BREAKS = {"softbreak", "hardbreak"}
# The rule under a pipe table's header ("|---|:--:|", "--- | ---"): without one there is no
# table, and the document need not be parsed at all.
DELIMITER_ROW = re.compile(r"^(?=[^\n]*\|)(?=[^\n]*-)[ \t|:-]+$", re.MULTILINE)


def pipe_tables(text: str) -> list[TextTable]:
    """Each pipe table in ``text`` with its line span, header row first. A table needs a
    header and a row below it (the rule line under the header is what makes it one), and some
    text in its rows: a grid of pictures lays out pictures, it tabulates nothing."""
    if not DELIMITER_ROW.search(text):
        return []
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    found: list[TextTable] = []
    rows: list[list[str]] = []
    span: list[int] | None = None
    worded = False  # some cell below the header holds text, not only pictures
    for token in tokens:
        if token.type == "table_open":
            rows, span, worded = [], token.map, False
        elif token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and span is not None and rows:
            rows[-1].append(_plain(token))
            pictures_only = all(c.type == "image" for c in token.children or [] if c.content)
            worded = worded or (len(rows) > 1 and bool(rows[-1][-1]) and not pictures_only)
        elif token.type == "table_close" and span is not None:
            if len(rows) >= 2 and worded:
                found.append(TextTable(span[0], span[1], rows))
            span = None
    return found


def _plain(inline) -> str:
    parts = []
    for child in inline.children or []:
        if child.type in SHOWN:
            parts.append(child.content)
        elif child.type in BREAKS:
            parts.append(" ")
    return " ".join("".join(parts).split())
