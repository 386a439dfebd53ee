"""Turn a draft's ``[n]`` markers (positions in the evidence list) into numbered sources.

Sources are numbered 1..m in order of first citation; markers that point to no evidence are
dropped and reported, so every marker in a final answer refers to a listed source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rag.text import normalize_space
from rag.types import Evidence, Source

# "[3]", and the "[1, 2]" form models often write instead of "[1][2]".
MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
SNIPPET_CHARS = 300


@dataclass(frozen=True)
class Cited:
    text: str
    sources: list[Source]
    dropped_markers: list[int]
    # Source number -> the evidence chunks cited under it (a page may hold several).
    evidence_for: dict[int, list[Evidence]] = field(default_factory=dict)


def _place(item: Evidence) -> tuple:
    """Chunks of one page (or one picture) are one source to a reader."""
    chunk = item.chunk
    return (chunk.doc_id, chunk.page, chunk.image)


def cite(text: str, evidence: Sequence[Evidence]) -> Cited:
    numbering: dict[tuple, int] = {}
    first_cited: dict[tuple, Evidence] = {}
    dropped: list[int] = []

    cited: dict[tuple, list[Evidence]] = {}

    def renumber_one(n: int) -> str:
        if not 1 <= n <= len(evidence):
            dropped.append(n)
            return ""
        item = evidence[n - 1]
        place = _place(item)
        if place not in numbering:
            numbering[place] = len(numbering) + 1
            first_cited[place] = item
        if all(item is not known for known in cited.setdefault(place, [])):
            cited[place].append(item)
        return f"[{numbering[place]}]"

    def renumber(match: re.Match[str]) -> str:
        return "".join(renumber_one(int(n)) for n in re.split(r"\s*,\s*", match.group(1)))

    rewritten = MARKER.sub(renumber, text)
    # Two sentences from one source end up as "... [1] ... [1]": that is fine; but a marker
    # repeated back to back ("[1] [1]") says nothing twice.
    rewritten = re.sub(r"(\[\d+\])(\s*\1)+", r"\1", rewritten)
    # A space left before the punctuation of a dropped marker goes; a name that opens with a
    # dot (".timeout", ".Rprofile") keeps the space before it.
    rewritten = re.sub(
        r"\s+([.,;:])(?=\s|$|\[)", r"\1", re.sub(r"[ \t]{2,}", " ", rewritten)
    ).strip()
    claims = claims_by_source(rewritten)
    sources = []
    for place, number in sorted(numbering.items(), key=lambda item: item[1]):
        item = first_cited[place]
        chunk = item.chunk
        sources.append(
            Source(
                n=number,
                file=chunk.file,
                page=chunk.page,
                modality=chunk.modality,
                snippet=snippet_for(chunk.text, claims.get(number, [])),
                doc_id=chunk.doc_id,
                score=item.score,
                image=chunk.image,
                page_label=chunk.page_label,
            )
        )
    evidence_for = {numbering[place]: items for place, items in cited.items()}
    return Cited(rewritten, sources, dropped, evidence_for)


def claims_by_source(text: str) -> dict[int, list[str]]:
    """Source number -> the stretches of answer text that cite it (text before each marker)."""
    claims: dict[int, list[str]] = {}
    start = 0
    for match in re.finditer(r"\[(\d+)\]", text):
        claim = text[start : match.start()].strip(" .,;:")
        if claim:
            claims.setdefault(int(match.group(1)), []).append(claim)
        start = match.end()
    return claims


_WORD = re.compile(r"\w{3,}")


def snippet_for(chunk_text: str, claims: Sequence[str]) -> str:
    """The part of a chunk a reader should see: where the answer's claim is, not its start.

    A quoted claim is found verbatim; a paraphrase by the window sharing most of its words.
    """
    text = normalize_space(chunk_text)
    if len(text) <= SNIPPET_CHARS or not claims:
        return excerpt(text, 0)
    claim = normalize_space(claims[0])
    at = text.lower().find(claim[:60].lower()) if len(claim) >= 20 else -1
    if at >= 0:
        start = max(0, at - 60)  # a little context before the quote, starting at a word
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < at else start
    else:
        words = {w.lower() for w in _WORD.findall(" ".join(claims))}
        best, start = 0, 0
        for window_start in range(0, len(text) - SNIPPET_CHARS // 2, 20):
            window = text[window_start : window_start + SNIPPET_CHARS]
            hits = len(words & {w.lower() for w in _WORD.findall(window)})
            if hits > best:
                best, start = hits, window_start
    return excerpt(text, min(start, len(text) - SNIPPET_CHARS))


ELLIPSIS = "…"
# A word longer than this is cut where it must be rather than dropping most of the snippet.
_LONGEST_WORD = 40


def excerpt(text: str, start: int, limit: int = SNIPPET_CHARS) -> str:
    """At most ``limit`` characters of ``text`` from about ``start``, cut between words;
    an ellipsis marks each end that was cut."""
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start, start + _LONGEST_WORD)
        if space >= 0:
            start = space + 1
    head = ELLIPSIS if start > 0 else ""
    rest = text[start:]
    room = limit - len(head)
    if len(rest) <= room:
        return head + rest
    room -= len(ELLIPSIS)
    cut = rest.rfind(" ", 0, room + 1)
    end = cut if cut > 0 and cut >= room - _LONGEST_WORD else room
    return head + rest[:end].rstrip() + ELLIPSIS


# A marker may arrive split over streamed pieces ("... [", "3] ..."): hold back a tail that
# could still become one.
_OPEN_MARKER = re.compile(r"\[[\d,\s]*$")


class StreamingCiter:
    """Renumbers ``[n]`` markers while a draft streams, as ``cite`` will number the whole.

    Numbers follow the order of first citation in both, so the streamed text shows the same
    ``[n]`` as the final answer's sources; markers that point to no evidence are left out.
    """

    def __init__(self, evidence: Sequence[Evidence]) -> None:
        self._evidence = evidence
        self._numbering: dict[tuple, int] = {}
        self._pending = ""

    def _renumber_one(self, n: int) -> str:
        if not 1 <= n <= len(self._evidence):
            return ""
        place = _place(self._evidence[n - 1])
        number = self._numbering.setdefault(place, len(self._numbering) + 1)
        return f"[{number}]"

    def _renumber(self, text: str) -> str:
        return MARKER.sub(
            lambda m: "".join(self._renumber_one(int(n)) for n in re.split(r"\s*,\s*", m.group(1))),
            text,
        )

    def feed(self, piece: str) -> str:
        """The part of the text so far that is safe to show, renumbered."""
        text = self._pending + piece
        tail = _OPEN_MARKER.search(text)
        cut = tail.start() if tail else len(text)
        self._pending = text[cut:]
        return self._renumber(text[:cut])

    def flush(self) -> str:
        text, self._pending = self._pending, ""
        return self._renumber(text)
