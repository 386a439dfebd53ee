"""The headings of a text document, and the ones a chunk of it stands under.

A chunk cut from the middle of a section no longer holds the section's heading: an entry of a
NEWS file ("* Added hc() for the Hartung-Knapp method") is three chunks below the line that
names its release ("# metafor 1.5-0"). Ingest keeps, for each chunk, the headings above it
(outermost first) so that both the embedder and the reader see which section it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

# "* Version 1.3-0", "## Changes in version 2.1", "Version 1.6.6  (2018-02-02)": a line that
# opens a release's entries in a NEWS file or a changelog, with its date or without, and the
# dashes that underline it.
_DATE_IN_WORDS = (
    r"(?-i:[A-Z][a-z]{2,8})\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?-i:[A-Z][a-z]{2,8})\.?\s+\d{4}"
)
RELEASE_LINE = re.compile(
    # "Release 6.0.0 (September 26 2019)", "Release 1.3.0 - August 2, 2007" too.
    r"(?:[*#-]+\s+)?(?:changes in\s+(?:[\w.-]+\s+)?)?(?:version|release)\s+v?(\d+(?:[.-]\w+)+)"
    rf"(?:\s+\((?:\d{{4}}(?:-\d\d){{0,2}}|{_DATE_IN_WORDS})\)|\s+-\s+(?:{_DATE_IN_WORDS}))?"
    r"(?:\s+[-=]{3,})?|"
    # "0.7-5 (28.10.2003)": a bare version over its entries, dated in parentheses.
    r"v?(\d+(?:[.-]\w+)+)\s+\((?:\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d\d-\d\d)\)|"
    # "--- 3.5.4 Apr 6, 2019": a bare version over its entries, dated in words.
    rf"(?:[*#=-]+\s+)?v?(\d+(?:\.\d+)+[a-z]?)\s+\(?(?:{_DATE_IN_WORDS})\)?|"
    # "# metafor 3.8-1 (2022-08-26)": an R package's NEWS.md, the package named before its
    # version in a Markdown heading.
    r"#{1,6}\s+[A-Za-z][\w.]*\s+v?(\d+(?:[.-]\d+)+)(?:\s+\(\d{4}(?:-\d\d){0,2}\))?|"
    # "0.9.2:": a bare version and a colon on a line of its own, over its entries.
    r"v?(\d+(?:\.\d+)+[a-z]?):",
    re.IGNORECASE,
)

# "-------- 2.10 Featured release --------": a changelog's heading between rules of dashes,
# which the sentence splitter leaves joined to the first entry under it.
FRAMED_RELEASE = re.compile(
    r"-{3,}\s+v?(\d+(?:\.\d+)+[a-z]?)\s+(?:[A-Za-z]+\s+){0,2}release\s+-{3,}(?=\s|\Z)",
    re.IGNORECASE,
)


# "2.00  2014-03-26  - enable opacity setting for sphere and cylinder": a changelog entry
# whose own line opens with its release and the date, in the style of many LaTeX packages'
# Changes files. The lines under it, indented, go on with the same release.
DATED_ENTRY = re.compile(
    r"[ \t]{0,3}v?(\d+(?:\.\d+)+[a-z]?)[ \t]+\(?\d{4}([-/])\d\d\2\d\d\)?[ \t]+\S"
)


def entry_release(text: str) -> str:
    """The release a dated changelog entry that ``text`` opens with names, or ""."""
    match = DATED_ENTRY.match(text)
    return match.group(1) if match else ""


def release_named(line: str) -> str:
    """The version a release's heading line names, or ""."""
    line = line.strip()
    match = RELEASE_LINE.fullmatch(line) or FRAMED_RELEASE.match(line)
    return next((g for g in match.groups() if g), "") if match else ""


# "2.14 Featured release", "1.0.2 - bug fixes": a heading that opens with the version.
_VERSION_FIRST = re.compile(r"[#*=\s-]*v?(\d+(?:\.\d+)+[a-z]?)\b(?:\s+\S+){0,4}")
# "Announcement for Dynare 5.3 (on 2022-11-21)", "GNU tar 1.34": a name, then its version.
_NAME_VERSION = re.compile(r"(?<![\w.-])[A-Za-z][\w+-]*\s+v?(\d+(?:\.\d+)+[a-z]?)(?![\w.-])")
_HEADING_WORDS = 8  # a longer heading is a title or a sentence, not a release's


def heading_release(line: str) -> str:
    """The version a heading line names as its release, or "": a line that opens a release's
    entries, a heading that starts with a version, or a short heading that names one
    version after a name. Already known to be a heading, the line needs no date to tell it
    from an entry."""
    if named := release_named(line):
        return named
    if match := _VERSION_FIRST.fullmatch(line.strip()):
        return match.group(1)
    versions = _NAME_VERSION.findall(line)
    return versions[0] if len(versions) == 1 and len(line.split()) <= _HEADING_WORDS else ""


# "## Options": a Markdown heading, its level the number of "#".
_ATX = re.compile(r" {0,3}(#{1,6})\s+\S.*")
_FENCE = re.compile(r" {0,3}(?:```|~~~)")
# "Options" over "=======" or "-------": a heading underlined (level 1 and 2).
_UNDERLINE = re.compile(r" {0,3}(=+|-+)\s*")
# "EXIT STATUS", "OPTIONS": a man page's or a plain README's heading, in capitals on a line of
# its own, at most a little indented.
_CAPITALS = re.compile(r" {0,3}[A-Z][A-Z0-9]{2,}(?: [A-Z][A-Z0-9]+){0,3}:?\s*")
_LONGEST = 100  # a longer line is prose, whatever it starts with


@dataclass(frozen=True)
class Heading:
    start: int  # where its line starts in the text
    level: int
    line: str


def headings_of(text: str, *, markdown: bool = False) -> Iterator[Heading]:
    """The heading lines of ``text``, in order: lines underlined with "=" or "-", lines in
    capitals after a blank line, the lines that open a release's entries in a NEWS file and,
    in Markdown, "#" headings outside code blocks (elsewhere a "#" line is as often a shell
    comment)."""
    lines = text.split("\n")
    start = 0
    in_code = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        following = lines[i + 1] if i + 1 < len(lines) else ""
        # A heading stands after a blank line, or under a rule of its own ("-----" over
        # "2.14 Featured release" over "-----").
        after_blank = i == 0 or not lines[i - 1].strip() or bool(_UNDERLINE.fullmatch(lines[i - 1]))
        if markdown and _FENCE.match(line):
            in_code = not in_code
        elif stripped and len(stripped) <= _LONGEST and not in_code:
            atx = _ATX.fullmatch(line) if markdown else None
            if atx:
                yield Heading(start, len(atx.group(1)), stripped)
            elif release_named(stripped):
                yield Heading(start, 1, stripped)
            elif (
                after_blank
                and _UNDERLINE.fullmatch(following)
                and len(following.strip()) >= max(3, len(stripped) // 2)
            ):
                yield Heading(start, 1 if following.strip()[0] == "=" else 2, stripped)
            elif after_blank and _CAPITALS.fullmatch(line):
                yield Heading(start, 1, stripped)
        start += len(line) + 1


class SectionTracker:
    """Follows a document's segments in reading order and tells, for a piece of one, the
    headings it stands under that the piece itself does not hold."""

    def __init__(self) -> None:
        self._open: list[Heading] = []  # the headings in force, outermost first

    def above(self, headings: Sequence[Heading], start: int) -> str:
        """The headings above offset ``start`` of the segment whose ``headings`` are given,
        one per line, outermost first; the ones before the segment are carried."""
        open_ = list(self._open)
        for heading in headings:
            if heading.start >= start:
                break
            open_ = _entered(open_, heading)
        return "\n".join(h.line for h in open_)

    def passed(self, headings: Sequence[Heading]) -> None:
        """The segment whose ``headings`` are given has been read to its end."""
        for heading in headings:
            self._open = _entered(self._open, heading)


def _entered(open_: list[Heading], heading: Heading) -> list[Heading]:
    """The headings in force once ``heading`` is read: it closes those of its level and
    below."""
    return [h for h in open_ if h.level < heading.level] + [heading]
