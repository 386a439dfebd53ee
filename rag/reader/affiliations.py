"""Where the people a document names work: the affiliation a title page prints with each author's
name, for a question such as "At which university was Christian Kleiber when he wrote it?".

A title page prints each author's affiliation on the line under the name ("Christian Kleiber" /
"Universität Basel"), or all the names first and the affiliations after them in the same order,
as text read in columns comes out. Neither says "university" next to the name, and a sentence
scorer finds no sentence there, so the lines are paired here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.reader.spans import PERSON

# A line that names a place of work: "Universität Basel", "Stanford University", "Institut für
# Statistik", "Acme Inc.".
_AFFILIATION = re.compile(
    r"\b(?:Universit(?:y|ät|at|é|e|à|eit|ade|ad)|Institut(?:e|o)?|College|School|"
    r"Laborator(?:y|ies|ium)|Hochschule|Inc\b|Ltd\b|GmbH|Corporation|Foundation|Center|Centre|"
    r"Department|Dept\b|Faculty|Polytechnic|Tech\b)|"
    # "ETH Zurich", "CNRS", "INRIA Grenoble": an institution by its initials, then its town.
    r"^[A-Z]{2,6}(?:\s+[A-Z][a-zà-ÿ]+)?$"
)
# "Department of Statistics" / "Virginia Tech": a part of a place, which the next line names.
_PART_OF_PLACE = re.compile(
    r"^(?:Department|Dept\.?|Faculty|Division|School|Institute)\s+(?:of|for)\b"
)
# An affiliation line is short: a long one is a sentence that mentions a university.
MAX_AFFILIATION_WORDS = 10
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class Affiliation:
    person: str
    place: str


def people_asked(question: str) -> list[str]:
    """The people a question names in full ("Christian Kleiber")."""
    return [m.group(0) for m in PERSON.finditer(question)]


def affiliations(text: str) -> list[Affiliation]:
    """The name and affiliation pairs of a title page in ``text``: each name line with the
    affiliation line under it, or a run of names with a run of as many affiliations after it."""
    lines = _unwrapped([line.strip() for line in text.split("\n") if line.strip()])
    names = [_is_name(line) for line in lines]
    places = [_is_place(line) for line in lines]
    paired: list[Affiliation] = []
    at = 0
    while at < len(lines):
        if not names[at]:
            at += 1
            continue
        end = at
        while end < len(lines) and names[end]:
            end += 1
        count = end - at
        after = end
        while after < len(lines) and after - end < count and places[after]:
            after += 1
        if after - end == count:
            # "A / B / C" then "Place of A / Place of B / Place of C", or "A" then "Place of A".
            paired += [Affiliation(lines[at + i], lines[end + i]) for i in range(count)]
            at = after
        elif after > end:
            # Fewer places than names: the last name's place is the one right under it.
            paired.append(Affiliation(lines[end - 1], lines[end]))
            at = end + 1
        else:
            at = end
    return paired


def affiliation_of(people: list[str], text: str) -> Affiliation | None:
    """The affiliation ``text`` prints for the one of ``people`` it names; with no one named,
    the only one it prints."""
    found = affiliations(text)
    if not people:
        return found[0] if len(found) == 1 else None
    for pair in found:
        if any(_same_person(person, pair.person) for person in people):
            return pair
    return None


def _unwrapped(lines: list[str]) -> list[str]:
    """``lines`` with a line that goes on in lower case ("The University" / "of Auckland"), or
    that names the place a department is part of ("Department of Statistics" / "Virginia
    Tech"), joined to the one before it."""
    joined: list[str] = []
    for line in lines:
        if joined and line[0].islower() and "@" not in line and _is_place(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        elif (
            joined
            and _PART_OF_PLACE.match(joined[-1])
            and _is_place(line)
            and not _PART_OF_PLACE.match(line)
        ):
            joined[-1] = f"{joined[-1]}, {line}"
        else:
            joined.append(line)
    return joined


def _same_person(asked: str, printed: str) -> bool:
    """``printed`` holds every word of the ``asked`` name (initials and accents aside)."""
    printed_words = {w.strip(".,").lower() for w in printed.split()}
    return all(w.strip(".").lower() in printed_words for w in asked.split() if len(w) > 2)


# "Walter R. Mebane, Jr.": a generation's suffix after the name is no part of it.
_SUFFIX = re.compile(r",?\s+(?:Jr|Sr)\.?$|\s+(?:II|III|IV)$")


def _is_name(line: str) -> bool:
    line = _SUFFIX.sub("", line)
    match = PERSON.fullmatch(line)
    return match is not None and len(line.split()) <= MAX_NAME_WORDS and not _is_place(line)


def _is_place(line: str) -> bool:
    return bool(_AFFILIATION.search(line)) and len(line.split()) <= MAX_AFFILIATION_WORDS
