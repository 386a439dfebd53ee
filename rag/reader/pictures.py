"""Pictures in the evidence: when a picture's look may answer, and with which words.

A picture's chunk holds its description (kind, what it shows, colours, composition) and the
text read in it after ``PICTURE_TEXT_MARKER``. The look answers only a question that speaks of a
picture; the text read in it answers any question, like other text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.text import content_terms, sentences, stem
from rag.types import Evidence

# How a picture's description introduces the text read in it (ingest/vision/describe.py).
PICTURE_TEXT_MARKER = "Text in the image:"
COLOUR_WORDS = re.compile(
    r"\b(red|orange|yellow|green|blue|purple|violet|pink|brown|white|gr[ae]y|black|gold|silver|"
    r"teal|cyan|magenta|beige|tan|navy|maroon|olive|turquoise)\b",
    re.IGNORECASE,
)
# Words that speak of a picture: a question holding one may be answered by a picture's look.
VISUAL_WORDS = frozenset(
    stem(w)
    for w in [
        "photo",
        "photograph",
        "picture",
        "pictured",
        "image",
        "screenshot",
        "diagram",
        "painting",
        "scan",
        "scanned",
        "drawing",
        "drawn",
        "illustration",
        "figure",
        "chart",
        "plot",
        "graph",
        "logo",
        "icon",
        "shown",
        "show",
        "shows",
        "depicted",
        "appear",
        "appears",
        "visible",
        "colour",
        "color",
        "colored",
        "coloured",
        "look",
        "looks",
        "sign",
        "poster",
        "photos",
        "pictures",
        "images",
    ]
)


def answer_from_picture(
    question: str, evidence: Sequence[Evidence], top: int, max_quotes: int
) -> str:
    """A picture ranked first for a question about a picture: lead with the part of its
    description that the question asks about (its colours, its count, what it shows)."""
    chunk = evidence[top].chunk
    topic = set(content_terms(question)) - VISUAL_WORDS
    described = {
        term
        for item in evidence
        if item.chunk.image == chunk.image
        for term in content_terms(item.chunk.text)
    }
    if not topic & described:
        return ""
    # A long description (much text read in the picture) spans several chunks: read them all.
    lines = [
        (index, line)
        for index, item in enumerate(evidence)
        if item.chunk.image == chunk.image
        for line in sentences(item.chunk.text)
    ]
    if not lines:
        return ""
    asks = _picture_cue(question)

    def fit(unit: tuple[int, str]) -> tuple[int, int, int]:
        index, line = unit
        cue = 1 if asks and asks.search(line) else 0
        return (cue, len(topic & set(content_terms(line))), -index)

    at, best = max(lines, key=fit)
    head = sentences(chunk.text)[0] if sentences(chunk.text) else best
    if best == head or max_quotes < 2:
        return f"{best} [{at + 1}]"
    if at == top:
        return f"{best} {head} [{top + 1}]"
    return f"{best} [{at + 1}] {head} [{top + 1}]"


def _picture_cue(question: str) -> re.Pattern[str] | None:
    """What a question about a picture asks for, as the words its answer would use."""
    lowered = question.lower()
    if re.search(r"\b(colou?rs?|colou?red)\b", lowered):
        return COLOUR_WORDS
    if re.search(r"\bhow many\b|\bnumber of\b|\bcount\b", lowered):
        return re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
    if re.search(r"\b(black[- ]and[- ]white|gr[ae]y ?scale|monochrome)\b", lowered):
        return re.compile(r"black and white|grayscale|greyscale|monochrome", re.I)
    return None


def readable_text(item: Evidence, pictures_ok: bool) -> str:
    chunk = item.chunk
    if chunk.modality != "image" or pictures_ok:
        return chunk.text
    _, marker, read = chunk.text.partition(PICTURE_TEXT_MARKER)
    return read.strip() if marker else ""


def describes_picture(question: str) -> bool:
    """The question speaks of a picture (a photo, a screenshot, a figure, a colour)."""
    return bool(set(content_terms(question)) & VISUAL_WORDS)
