"""Who wrote a program or a document: the section that says so, found by its heading.

"Who wrote the tree command?" shares no word with the manual's AUTHOR section ("Steve Baker
(ice@mama.indstate.edu)"), which stands pages away from the passages retrieval finds for the
question. A question that asks for an author or a maintainer also reads the section headed so
in the document the best passage comes from. One that asks where an author works ("Where was
Martin Mächler based?") reads the document's title page, which prints the affiliation under the
name.
"""

from __future__ import annotations

import re

_ASKS_AUTHOR = re.compile(
    r"\bwho\b[^?]*\b(?:wrote|writes|written|authored|created|creates|develop(?:ed|s)|"
    r"maintains|maintained|made|designed|programmed)\b|\bauthors?\b|\bmaintainers?\b",
    re.IGNORECASE,
)
# "AUTHOR", "AUTHORS", "## Authors", "Maintainer:", "CREDITS": a heading of its own line.
_AUTHOR_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:AUTHORS?|AUTHOR\(S\)|Authors?|MAINTAINERS?|Maintainers?|CREDITS|"
    r"Credits)\b\s*:?",
    re.MULTILINE,
)


def asks_author(question: str) -> bool:
    """The question asks who wrote, created or maintains something."""
    return bool(_ASKS_AUTHOR.search(question))


def holds_author_section(text: str) -> bool:
    """``text`` holds a section headed AUTHOR, AUTHORS, MAINTAINER or CREDITS."""
    return bool(_AUTHOR_HEADING.search(text))


# "Which university", "what institution", "which company": a question for an affiliation.
_ASKS_AFFILIATION = re.compile(
    r"\b(?:which|what)\s+(?:university|universities|institution|institute|company|"
    r"organi[sz]ation|employer|college|laboratory|lab)\b|"
    # "Where was Martin Mächler based when he co-wrote ...", "where does she work".
    r"\bwhere\s+(?:was|is|were|are|did|does|do)\b[^?]{0,60}?\b(?:based(?!\s+on)|work(?:s|ed|ing)?|"
    r"employed|affiliated)\b",
    re.IGNORECASE,
)


def asks_affiliation(question: str) -> bool:
    """The question asks where someone works or studied."""
    return bool(_ASKS_AFFILIATION.search(question))
