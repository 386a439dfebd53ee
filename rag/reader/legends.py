"""A chart's legend as ingest tells it, read for the entry a question names.

"Legend: Group A (blue), log10FW (black, dashed)." is how a picture's description
(ingest/vision/legend.py) and a PDF's vector chart (ingest/loaders/pdf_legend.py) state a
legend: each series' label with its colour, and its dash where it has one.
"""

from __future__ import annotations

import re

# A settings page's colours are told alike (ingest/vision/swatches.py): "Colour swatches:
# Removed color (green), Added color (blue)."
_LEGEND = re.compile(r"^(?:Legend|Colour swatches): (.+?)\.?$")
_ENTRY = re.compile(r"(.+?) \(([a-z]+)(?:, (dashed))?\)(?:, |$)")
_COLOUR_SPELLING = re.compile(r"colour")
_ASKS_COLOUR = re.compile(r"\bcolou?r(?:s|ed)?\b", re.IGNORECASE)
# "What kind of line is log10FW drawn with", "which line style", "is it dashed or solid".
_ASKS_STYLE = re.compile(
    r"\b(?:kind|type|sort|style) of (?:line|curve|stroke)\b|\bline ?(?:style|type)\b|"
    r"\bdashed\b|\bdotted\b|\bsolid\b",
    re.IGNORECASE,
)


def legend_value(question: str, line: str) -> str:
    """From a chart's legend, what the question asks of the entry it names: its colour ("what
    colour are the Group A bars" -> "blue"), its line ("what kind of line is log10FW drawn
    with" -> "dashed"); or the entry of the colour it names ("which label goes with the red
    bars" -> "Group B"). "" when ``line`` is no legend or names nothing asked."""
    legend = _LEGEND.match(line.strip())
    if not legend:
        return ""
    entries = _ENTRY.findall(legend.group(1))
    lowered = question.lower()
    asks_colour = _ASKS_COLOUR.search(lowered)
    asks_style = _ASKS_STYLE.search(lowered)
    if asks_colour or asks_style:
        # "In the chart comparing Group A and Group B, what colour are the Group A bars?":
        # the entry named after the word that asks is the one asked about.
        after = (asks_colour or asks_style).end()  # type: ignore[union-attr]
        stated = []
        for label, colour, dashed in entries:
            found = _names(label, lowered[after:])
            if found:
                told = (dashed or "solid") if asks_style and not asks_colour else colour
                stated.append((found.start(), told))
        if stated:
            return min(stated)[1]
    named = [label for label, c, _ in entries if re.search(rf"\b{c}\b", lowered)]
    if len(named) == 1 and not any(label.lower() in lowered for label, _, _ in entries):
        return named[0]
    return ""


def _names(label: str, lowered: str) -> re.Match[str] | None:
    """Where the question names a legend's label: whole, or the name it defines ("w(x) =
    ψ(x)/x" is the entry of w(x))."""
    lowered = _COLOUR_SPELLING.sub("color", lowered)  # "the note colour" names "Note Color"
    for name in dict.fromkeys((label, label.split("=")[0])):
        name = _COLOUR_SPELLING.sub("color", name.strip().lower())
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", lowered) if name else None
        if found:
            return found
    return None
