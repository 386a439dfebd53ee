"""HTML written inside Markdown, read as the rendered page shows it.

READMEs fold sections into ``<details><summary>Tables</summary> ... </details>``, centre their
logos in ``<p align="center"><img alt="..."></p>`` and break lines with ``<br>``. A renderer
shows the summary as a line of its own, the picture as its alt text and no tag at all; left as
text, the tags are words of the passage ("/summary" was quoted as an answer) and pieces of its
vector. Only the elements of HTML are read so: "usage: tool <file>" keeps its placeholder,
and code (fenced, indented or between backticks) keeps every character.
"""

from __future__ import annotations

import html
import re

from ingest.loaders.html_tables import BLOCKS

# Elements a renderer sets on lines of their own (a web page's, and a README's folds): their
# tags part the text around them.
BLOCK_ELEMENTS = frozenset(BLOCKS) | {"center", "details", "picture", "summary", "video"}
BLOCK_ELEMENTS |= {"tbody", "tfoot", "thead"}
# Elements that flow in the text. A tag of any other name is the document's own text.
INLINE_ELEMENTS = frozenset(
    "a abbr b big cite code del dfn em font i img ins kbd mark q s samp small source span "  # noqa: SIM905
    "strike strong sub sup tt u var".split()
)
HTML_ELEMENTS = BLOCK_ELEMENTS | INLINE_ELEMENTS
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^<>]*?)?)\s*/?>")
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_GONE, _BREAK = "\x00", "\x01"  # marks for a tag that leaves nothing, and one that breaks the line
_EDGE_BREAKS = re.compile(r"^[ \t]*\x01[\s\x01]*|[\s\x01]*\x01[ \t]*$")
_INNER_BREAKS = re.compile(r"[ \t]*\x01[\s\x01]*")


def html_texts(markdown: str) -> str:
    """``markdown`` with its HTML tags read as rendered: an element's text stays, a picture
    becomes its alt text, a block element's tags become line breaks, comments go."""
    if "<" not in markdown:
        return markdown
    lines = markdown.split("\n")
    code = _code_lines(markdown)
    out: list[str] = []
    prose: list[str] = []
    for number, line in enumerate(lines):
        if number in code:
            if prose:
                out.append(_rendered("\n".join(prose)))
                prose = []
            out.append(line)
        else:
            prose.append(line)
    if prose:
        out.append(_rendered("\n".join(prose)))
    return "\n".join(out)


def _code_lines(markdown: str) -> set[int]:
    from markdown_it import MarkdownIt

    lines: set[int] = set()
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type in ("fence", "code_block") and token.map:
            lines.update(range(*token.map))
    return lines


def _rendered(prose: str) -> str:
    pieces = []
    last = 0
    for span in _CODE_SPAN.finditer(prose):
        pieces.append(_without_tags(prose[last : span.start()]))
        pieces.append(span.group(0))
        last = span.end()
    pieces.append(_without_tags(prose[last:]))
    return "".join(pieces)


def _without_tags(text: str) -> str:
    # Tags are first marked, then lines are settled: a line that held only tags (or a comment)
    # goes, so the document's own blank lines stay as they were; a block element's tag breaks
    # the line only between words, since at a line's edge the line is broken already.
    text = _COMMENT.sub(_GONE, text)

    def replace(match: re.Match[str]) -> str:
        name = match.group(2).lower()
        if name not in HTML_ELEMENTS:
            return match.group(0)
        if name == "img" and not match.group(1):
            alt = _ALT.search(match.group(3) or "")
            return html.unescape(next(g for g in alt.groups() if g is not None)) if alt else _GONE
        return _BREAK if name in BLOCK_ELEMENTS else _GONE

    lines = []
    for line in _TAG.sub(replace, text).split("\n"):
        if _GONE in line or _BREAK in line:
            if not line.replace(_GONE, "").replace(_BREAK, "").strip():
                continue  # only tags on this line
            line = _EDGE_BREAKS.sub("", line.replace(_GONE, ""))
            line = _INNER_BREAKS.sub("\n", line)
        lines.append(line)
    return "\n".join(lines)
