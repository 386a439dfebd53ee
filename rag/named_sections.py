"""A section a question names by its heading: "What exit status does fzf return when I interrupt
it?" names the manual's EXIT STATUS section, whose lines ("130 Interrupted with CTRL-C or ESC")
share little else with the question and may rank below the passages that speak of the keys.

A heading names its section when each of its words (two at least: "OPTIONS" or "FILES" alone is
named by too many questions) is a word of the question.

A NEWS file's or changelog's release is named by its version: "Which datasets were added to
dbscan in version 1.1-0?" names the section under "# dbscan 1.1-0 (2017-03-18)", whose entries
("Datasets added: DS3 and moon") share little else with the question, and whose date the
question does not give.
"""

from __future__ import annotations

import re

from rag.headings import release_named
from rag.text import content_terms

# A man page's section heading ("EXIT STATUS", indented at most a little) or a Markdown one
# ("## Exit status"), on a line of its own.
_HEADING = re.compile(r"^(?: {0,3}([A-Z][A-Z]+(?: [A-Z][A-Z]+){1,3})|#{1,6} +(.{3,60}?))\s*$", re.M)
MIN_HEADING_TERMS = 2


def headings(text: str) -> list[str]:
    """The section headings ``text`` holds, as written."""
    return [m.group(1) or m.group(2) for m in _HEADING.finditer(text)]


def names_section(question: str, text: str) -> bool:
    """``text`` holds a section whose heading the question names, every word of it."""
    asked = set(content_terms(question))
    for heading in headings(text):
        terms = set(content_terms(heading))
        if len(terms) >= MIN_HEADING_TERMS and terms <= asked:
            return True
    return False


# A version as a question writes it: "1.1-0", "2.4.1", "0.9.2a".
_VERSION = re.compile(r"(?<![\w.-])v?(\d+(?:\.\d+)+(?:-\d+)?[a-z]?)(?![\w-]|\.\d)")


def releases_asked(question: str) -> frozenset[str]:
    """The versions ``question`` pins."""
    return frozenset(_VERSION.findall(question))


def opens_release(versions: frozenset[str], text: str, headings: str = "") -> bool:
    """``text`` holds the line that opens the release of one of ``versions`` and entries
    under it, or stands under it (``headings``, the ones its chunk keeps). A chunk that ends
    with the line, or with the line and a heading under it, holds none of its entries."""
    if not versions:
        return False
    if any(release_named(line) in versions for line in headings.splitlines()[:1]):
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    return any(
        release_named(line) in versions and any(_is_entry(after) for after in lines[i + 1 :])
        for i, line in enumerate(lines)
    )


def _is_entry(line: str) -> bool:
    """A line of a release's entries: not a heading ("## New Features") nor a rule."""
    return not re.match(r"\s*(?:#|[-=~*]{3,}\s*$)", line)
