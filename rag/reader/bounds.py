"""Numbers a sentence covers with a bound: "for input with a sample rate of 44.1 kHz or
higher" speaks of a 48 kHz file, which it never names."""

from __future__ import annotations

import re

from rag.reader.spans import UNIT_WORDS

_QUANTITY = re.compile(rf"(?<![\w.])(\d+(?:\.\d+)?)\s?({UNIT_WORDS})(?![\w/])", re.IGNORECASE)
# "44.1 kHz or higher", "8 GB and above", "at least 2 cores", "up to 96 kHz".
_FLOOR_AFTER = re.compile(
    r"^\s*(?:or|and) (?:higher|more|above|greater|larger|faster|over|up)\b", re.IGNORECASE
)
_CEILING_AFTER = re.compile(
    r"^\s*(?:or|and) (?:lower|less|below|smaller|fewer|slower|under)\b", re.IGNORECASE
)
_FLOOR_BEFORE = re.compile(r"\b(?:at least|minimum of|min\.?|from)\s*$", re.IGNORECASE)
_CEILING_BEFORE = re.compile(r"\b(?:at most|up to|maximum of|max\.?)\s*$", re.IGNORECASE)


def _unit(text: str) -> str:
    return text.lower().rstrip("s")


def covered_numbers(question: str, sentence: str) -> set[str]:
    """The numbers the question gives with a unit that ``sentence`` covers by a bound in the
    same unit: 48 of "a 48 kHz file" by "44.1 kHz or higher"."""
    asked = [
        (m.group(1), float(m.group(1)), _unit(m.group(2))) for m in _QUANTITY.finditer(question)
    ]
    if not asked:
        return set()
    covered: set[str] = set()
    for bound in _QUANTITY.finditer(sentence):
        value, unit = float(bound.group(1)), _unit(bound.group(2))
        after, before = sentence[bound.end() :], sentence[: bound.start()]
        floor = _FLOOR_AFTER.match(after) or _FLOOR_BEFORE.search(before)
        ceiling = _CEILING_AFTER.match(after) or _CEILING_BEFORE.search(before)
        for written, number, asked_unit in asked:
            if asked_unit != unit:
                continue
            if (floor and number >= value) or (ceiling and number <= value):
                covered.add(written)
    return covered
