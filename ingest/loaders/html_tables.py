"""HTML (web pages, EPUB chapters) as text and tables: each ``<table>`` is also indexed row by
row under its header row, as PDF tables are."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.loaders.html_hidden import drop_hidden

MAX_SPAN = 50  # a colspan repeats its cell under each column it covers, up to this many


@dataclass
class HtmlContent:
    text: str
    title: str = ""
    tables: list[tuple[str, list[list[str]]]] = field(default_factory=list)  # caption, rows
    pictures: list[tuple[str, str]] = field(default_factory=list)  # src, alt text


# Elements that start a line of their own; the rest (links, emphasis, code) flow in the text.
BLOCKS = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
]


def parse_html(html: str | bytes, *, inline_flow: bool = False) -> HtmlContent:
    """``inline_flow`` keeps inline elements inside their line ("the <code>cif</code> in"
    stays one sentence); without it every element's text is a line, as web pages are read."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    drop_hidden(soup)
    tables = [_table(table) for table in soup.find_all("table")]
    pictures = [
        (img.get("src") or img.get("xlink:href") or img.get("href") or "", img.get("alt") or "")
        for img in soup.find_all(["img", "image"])
    ]
    if inline_flow:
        for block in soup.find_all(BLOCKS):
            block.insert_before("\n")
            block.insert_after("\n")
        lines = (" ".join(line.split()) for line in soup.get_text("").split("\n"))
        text = "\n".join(lines)
    else:
        text = soup.get_text("\n")
    # Collapse the blank runs that block-level markup leaves behind.
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return HtmlContent(
        text.strip(), title, [t for t in tables if t[1]], [p for p in pictures if p[0]]
    )


def _table(table) -> tuple[str, list[list[str]]]:
    caption = table.find("caption")
    caption_text = caption.get_text(" ", strip=True) if caption else ""
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # a nested table's rows are its own
        row = []
        for cell in tr.find_all(["th", "td"], recursive=False):
            text = cell.get_text(" ", strip=True)
            try:
                span = max(1, min(MAX_SPAN, int(cell.get("colspan", 1))))
            except ValueError:
                span = 1
            row += [text] * span
        rows.append(row)
    return caption_text, rows
