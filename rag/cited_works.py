"""Works a passage cites, and the reference entries that tell what they are.

A question may ask about a work a document only cites: "The coin paper takes its example from a
book. What is that book's title?" The passage that cites it ("example taken from Hollander and
Wolfe, 1999") is what retrieval finds; the title, publisher or ISBN stand in the document's
reference list, pages away, in an entry that shares no word with the question ("Hollander M,
Wolfe DA (1999). Nonparametric Statistical Inference. John Wiley & Sons, New York."). The
citation names the entry: its first author's surname and year, or its number ("[6]").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.text import content_terms

SURNAME = r"[A-Z][a-z][\w'’-]*"
# A work cited by its authors' surnames and year: "Wang, Puterman, Cockburn, and Le (1996)",
# "Hollander and Wolfe, 1999", "Ward (1977)". The first surname and the year find its entry in
# the references ("Wang P, Puterman ML, ... (1996). ... Biometrics, 52, 381-400.").
_AUTHOR_YEAR_CITATION = re.compile(
    rf"\b({SURNAME})(?:(?:,?\s+(?:and|&)\s+|,\s+){SURNAME})*(?:\s+et\s+al\.)?"
    r"(?:\s+\(|,\s+|\s+(?=(?:19|20)\d\d[a-z]?[);]))((?:19|20)\d\d)[a-z]?\b"
)
# "the results are opposite to those in [6]", "see [2, 3]": a numbered citation, after a word
# on the same line. R prints its vectors with "[1]" at a line's start, followed by values.
_NUMBERED_CITATION = re.compile(r"(?<=[a-z,;] )\[(\d{1,3}(?:,\s*\d{1,3})*)\](?!\s*[-\d.])")
_NUMBERED_ENTRY = re.compile(r"^\s*\[(\d{1,3})\]\s+[A-Z]", re.MULTILINE)
# What a question asks of a work: its title, publisher, ISBN, journal, edition, authors ...
_WORK_PROPERTIES = [
    "title",
    "publisher",
    "published",
    "publishes",
    "isbn",
    "doi",
    "journal",
    "edition",
    "volume",
    "proceedings",
    "city",
    "author",
    "authors",
    "wrote",
    "written",
    "year",
]
_WORK_PROPERTY = re.compile(r"\b(?:" + "|".join(_WORK_PROPERTIES) + r")\b", re.IGNORECASE)
_PROPERTY_TERMS = frozenset(content_terms(" ".join(_WORK_PROPERTIES)))
# ... of a work the document cites, which the question calls by the passage that cites it
# ("that book", "the author's own book", "according to the references"). A work the question
# names ("the book Applied Econometrics with R") is found by its name, and "the coin paper"
# is the document itself.
_CITED_WORK = re.compile(
    r"\b(?:that|this|those|these|its|their|the cited|the author'?s?'?(?: own)?|an?|one)\s+"
    r"(?:[\w-]+\s+)?(?:book|textbook|paper|article|manual|report|thesis|chapter|work|study|"
    r"monograph|publication|reference)s?\b|"
    r"\bcit(?:es|ed|ing|ation)\b|\breferences\b|\bbibliography\b",
    re.IGNORECASE,
)
MAX_FOLLOWED = 3  # the works the best passages cite first; a survey cites dozens


@dataclass(frozen=True)
class Work:
    """A cited work: by its first author's surname and year, or by its number in the list."""

    surname: str = ""
    year: str = ""
    number: str = ""

    def named_in(self, question: str) -> bool:
        """The question names the work's author ("a book by Soetaert", "StockWatson2007")."""
        return bool(self.surname) and self.surname.lower() in question.lower()


def tells_of_work(terms: frozenset[str] | set[str]) -> bool:
    """Of the question's asked-for ``terms``, one names what a reference entry gives without
    saying it: "which publisher" is answered by "... Springer, New York, 2006."."""
    return bool(set(terms) & _PROPERTY_TERMS)


def asks_about_source(question: str) -> bool:
    """The question asks about a work the document cites (its title, publisher, ISBN ...),
    which the document tells in its reference list rather than where it cites the work."""
    return bool(_WORK_PROPERTY.search(question) and _CITED_WORK.search(question))


def cited_by_author(text: str) -> list[tuple[str, str]]:
    """(first surname, year) of each work ``text`` cites by author and year, in order."""
    return list(
        dict.fromkeys((m.group(1), m.group(2)) for m in _AUTHOR_YEAR_CITATION.finditer(text))
    )


def cited_works(text: str) -> list[Work]:
    """Each work ``text`` cites, by author and year or by number, in order of citation."""
    found = [Work(surname=s, year=y) for s, y in cited_by_author(text)]
    for match in _NUMBERED_CITATION.finditer(text):
        found += [Work(number=n.strip()) for n in match.group(1).split(",")]
    return list(dict.fromkeys(found))


def cites(text: str, surname: str, year: str) -> bool:
    """Whether ``text`` names the work of ``surname`` from ``year``: its reference entry."""
    return bool(re.search(rf"\b{re.escape(surname)}\b", text)) and bool(
        re.search(rf"\b{year}[a-z]?\b", text)
    )


# "Hollander M, Wolfe DA (1999).", "R Core Team (2021).": authors, then the year in brackets.
_AUTHORS_THEN_YEAR = re.compile(
    r"^\s*(?:References\s+)?((?:(?:[A-Z][\w'’.-]*|and|&|et|al\.|van|von|de|der|da|du|la|le)"
    r"[,\s]+){1,24})\(((?:19|20)\d\d)[a-z]?\)",
    re.MULTILINE,
)
# "J. W. Eaton. GNU Octave Manual. Network Theory Limited, 2002.": initials, the surname, then
# the title; the year ends the entry.
_INITIALS_THEN_SURNAME = r"^\s*(?:[A-Z]\.\s*(?:-\s*)?)+{surname}\b[^\n]*"
ENTRY_SPAN = 300  # characters an entry runs to, its year last


def holds_entry(text: str, work: Work) -> bool:
    """``text`` holds the reference entry of ``work``: a line that opens with its number, or
    with authors among whom its surname is and then its year."""
    if work.number:
        return any(m.group(1) == work.number for m in _NUMBERED_ENTRY.finditer(text))
    surname = re.compile(rf"\b{re.escape(work.surname)}\b")
    if any(
        m.group(2) == work.year and surname.search(m.group(1))
        for m in _AUTHORS_THEN_YEAR.finditer(text)
    ):
        return True
    opening = re.compile(_INITIALS_THEN_SURNAME.format(surname=re.escape(work.surname)), re.M)
    year = re.compile(rf"\b{work.year}[a-z]?\b")
    return any(year.search(text, m.start(), m.start() + ENTRY_SPAN) for m in opening.finditer(text))
