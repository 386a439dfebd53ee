"""Lists a question sets part of aside: "Apart from GIF, BMP and PNM, which other format ..."
is answered by the list's other member."""

from __future__ import annotations

import functools
import re

# "Apart from GIF, BMP and PNM, which other format ...": the items a question sets aside, up
# to the question it asks after them.
_SET_ASIDE_LIST = re.compile(
    r"\b(?:besides|apart from|aside from|other than|except(?: for)?)\s+(?:the\s+)?"
    r"([^?;]+?)(?:,\s*(?=(?:which|what|who|where|how|is|are|does|do|can)\b)|\?|$)",
    re.IGNORECASE,
)
_LIST_DELIMITER = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+)\s*")
MEMBER_WORDS = 3  # a list's member is a name of a few words; a longer piece is its sentence


def other_members(question: str, sentence: str) -> list[str]:
    """The members of a list in ``sentence`` that the question does not set aside, when it
    sets aside two or more of them: "Apart from GIF, BMP and PNM, which other format" is
    answered "TIFF" by "The supported formats are GIF, BMP, PNM and TIFF.". The list's first
    piece runs on from its sentence ("... are GIF"), as its last piece does ("TIFF files")."""
    aside = _aside_items(question)
    if len(aside) < 2:
        return []
    pieces = [p for p in _LIST_DELIMITER.split(sentence.strip().rstrip(".")) if p]
    members = []
    for i, piece in enumerate(pieces):
        words = piece.split()
        if i == 0:
            words = _edge_member(words, aside, from_end=True)
        elif i == len(pieces) - 1:
            words = _edge_member(words, aside, from_end=False)
        elif len(words) > MEMBER_WORDS:
            words = []
        members.append(" ".join(words).strip("()\"'`"))
    at = [i for i, member in enumerate(members) if member.lower() in aside]
    if len(at) < 2 or at[-1] - at[0] + 1 > len(at) + 3:
        return []  # not one list that holds the items set aside
    start, end = at[0], at[-1]
    while start > 0 and members[start - 1]:
        start -= 1
    while end + 1 < len(members) and members[end + 1]:
        end += 1
    others = [m for m in members[start : end + 1] if m and m.lower() not in aside]
    return others if 0 < len(others) <= MEMBER_WORDS else []


@functools.lru_cache(maxsize=64)
def _aside_items(question: str) -> frozenset[str]:
    """The items ``question`` sets aside, lower-cased. Read once per question: every unit of
    the evidence asks again."""
    match = _SET_ASIDE_LIST.search(question)
    if not match:
        return frozenset()
    return frozenset(p.lower() for p in _LIST_DELIMITER.split(match.group(1).strip()) if p)


def _edge_member(words: list[str], aside: set[str], *, from_end: bool) -> list[str]:
    """The member at the end of a list's first piece ("are GIF") or the start of its last
    ("TIFF files as input"): an item set aside when the piece holds one there, else a word."""
    for n in range(min(MEMBER_WORDS, len(words)), 0, -1):
        edge = words[-n:] if from_end else words[:n]
        if " ".join(edge).lower() in aside:
            return edge
    return words[-1:] if from_end else words[:1]
