"""Text, Markdown and HTML loader."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.document import LoadedDocument, Segment
from ingest.loaders.html_tables import parse_html
from ingest.loaders.markdown_html import html_texts
from ingest.loaders.table_rows import table_segments
from ingest.loaders.text_tables import text_segments
from rag.errors import EmptyFileError, FileTooLargeError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}

# "[Expat](http://docs.python.org/library/pyexpat.html)", "![Build Status](badge.svg)",
# "[the spec][spec]": a link or an image as Markdown writes it. Not after a word or a bracket,
# where brackets index code ("funcs[0](x)").
_MARKDOWN_LINK = re.compile(
    r"(?<![\w\])`])!?\[([^\[\]\n]*)\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]*\])"
)


# "by de‐\n              fault": a word a typesetter broke at the line's end with a hyphenation
# mark (groff's U+2010 hyphen, a soft hyphen). A reader reads one word; the words and the
# sentence's meaning ("by default") are lost while it stays broken.
# Its two parts are in one case: "SPECIFICA‐\nTION" is one word as much as "de‐\nfault".
_BROKEN_WORD = re.compile(
    r"(?:([a-z])[\u2010\u00ad]\n([ \t]*)([a-z]\w*)|([A-Z])[\u2010\u00ad]\n([ \t]*)([A-Z]+\b))[ \t]?"
)


def rejoined_words(text: str) -> str:
    """``text`` with each word broken across a line by a hyphenation mark whole again, on the
    first line, so that the lines and their indentation (a table's columns) stay as they were."""
    return _BROKEN_WORD.sub(_rejoined, text)


def _rejoined(match: re.Match[str]) -> str:
    last, indent, rest = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
    return f"{last}{rest}\n{indent}"


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    # Not UTF-8: cp1252 is the common legacy encoding and maps every byte but five.
    return data.decode("cp1252", errors="replace")


def link_texts(markdown: str) -> str:
    """``markdown`` with each link and image as its text, as a reader of the rendered page sees
    it: "[Expat](http://...)-based" reads "Expat-based". A link's address would fill the
    passage's words and vector with a URL's pieces and its quote with text no reader sees; an
    address written out as text stays. A badge (an image inside a link) reads as its alt text.
    """
    while True:
        rendered = _MARKDOWN_LINK.sub(lambda m: m.group(1), markdown)
        if rendered == markdown:
            return rendered
        markdown = rendered


def load_text(path: Path, data: bytes, *, max_mb: float | None = None) -> LoadedDocument:
    """``max_mb`` refuses text larger than that before it is decoded: the cost of a text file
    is its chunks to embed, which grow with its size."""
    if max_mb is not None and len(data) > max_mb * 1024 * 1024:
        raise FileTooLargeError(
            str(path),
            f"{len(data) / 1048576:.1f} MB of text is over the limit of {max_mb:g} MB "
            "(RAG_MAX_TEXT_MB)",
        )
    text = decode(data)
    suffix = path.suffix.lower()
    title = ""
    if suffix in HTML_SUFFIXES:
        content = parse_html(text)
        text, title = content.text.replace("\r\n", "\n"), content.title
        parts = [Segment(text)]
        for caption, rows in content.tables:
            parts += table_segments(rows, caption=caption)
    else:
        if suffix in MARKDOWN_SUFFIXES:
            text = html_texts(link_texts(text))
            match = re.search(r"^#\s+(.+)$", text, flags=re.MULTILINE)
            title = match.group(1).strip() if match else ""
        text = rejoined_words(text.replace("\r\n", "\n"))
        # Tables printed as text (pipe tables, columns aligned by spaces) are read as tables.
        parts = text_segments(text, suffix)
    if not text.strip():
        raise EmptyFileError(str(path), "no text in the file")
    return LoadedDocument(kind="text", title=title or path.stem, parts=iter(parts), pages=0)
