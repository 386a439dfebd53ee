"""Figures and tables a question names by number ("In Figure 3 of the ks vignette ...").

Every caption of a document says "Figure", and a number alone is in many passages, so
retrieval may find the document and miss the one figure the question names: its chunk shares
no other word with the question. The caption ("Figure 3: Kernel density estimates ...") names
it, in the document retrieval found.
"""

from __future__ import annotations

import re

# "Figure 3", "Fig. 2", "Table 6", "figure 2.1".
_PART = re.compile(r"\b(fig(?:ure)?\.?|table)\s*(\d{1,3}(?:\.\d{1,3})?[a-z]?)\b", re.IGNORECASE)


def _kind(word: str) -> str:
    return "table" if word.lower().startswith("table") else "figure"


def parts_named(question: str) -> list[tuple[str, str]]:
    """The (kind, number) of each figure or table ``question`` names, in order, once each."""
    return list(
        dict.fromkeys((_kind(m.group(1)), m.group(2).lower()) for m in _PART.finditer(question))
    )


# What follows a caption's number: a colon or stop, a capitalised title, or nothing.
_CAPTION_REST = re.compile(r"\s*(?:[:.—–|]|$)|\s+[A-Z(‘'\"]")


def captions(text: str, part: tuple[str, str]) -> bool:
    """A line of ``text`` opens with ``part``'s caption: "Figure 3: ...", "Fig. 3. ...",
    "Table 6 Memory use". A line that refers to it ("Figure 3 shows ...") does not."""
    return part in _captioned(text)


def captions_other(text: str, part: tuple[str, str]) -> bool:
    """``text`` holds the caption of another part of ``part``'s kind and not ``part``'s:
    "Figure 6: The dialog for starting a new match" is no Figure 1."""
    captioned = _captioned(text)
    return part not in captioned and any(kind == part[0] for kind, _number in captioned)


def _captioned(text: str) -> set[tuple[str, str]]:
    """The (kind, number) of each part whose caption opens a line of ``text``."""
    found = set()
    for line in text.split("\n"):
        line = line.strip()
        match = _PART.match(line)
        if match and _CAPTION_REST.match(line, match.end()):
            found.add((_kind(match.group(1)), match.group(2).lower()))
    return found


# "the right-hand histogram", "the plot on the left": the one of plots side by side a question
# asks about, which a figure's description names at the head of its sentence ("Right plot
# titled ...", ingest/loaders/pdf_axes.py).
_SIDE_ASKED = re.compile(
    r"\b(left|right|middle)(?:-hand\b|most\b|(?=\s+(?:panel|plot|chart|graph|histogram|"
    r"diagram|figure|side|one)s?\b))|\bon the (left|right)\b",
    re.IGNORECASE,
)
# A caption tells it in parentheses or before a colon: "(Right) Scatter plot.", "Left: the data".
_SIDE_TOLD = re.compile(
    r"^(?:(left|right|middle) plot\b|\((left|right|middle)\)\s|(left|right|middle):\s)",
    re.IGNORECASE,
)


def side_asked(question: str) -> str:
    """The side a question names of plots side by side: "right-hand histogram" -> "right"."""
    match = _SIDE_ASKED.search(question)
    return (match.group(1) or match.group(2)).lower() if match else ""


def told_side(line: str) -> str:
    """The side of plots side by side that ``line`` opens by telling of, or ""."""
    match = _SIDE_TOLD.match(line.strip())
    return next(g for g in match.groups() if g).lower() if match else ""


def tells_side(text: str, side: str) -> bool:
    """A line of ``text`` tells of the plot on ``side``."""
    return any(told_side(line) == side for line in text.splitlines())
