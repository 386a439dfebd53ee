"""A section a question names by its heading: "What exit status does fzf return when I interrupt
it?" names the manual's EXIT STATUS section, whose lines ("130 Interrupted with CTRL-C or ESC")
share little else with the question and may rank below the passages that speak of the keys.

A heading names its section when each of its words (two at least: "OPTIONS" or "FILES" alone is
named by too many questions) is a word of the question.
"""

from __future__ import annotations

import re

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
