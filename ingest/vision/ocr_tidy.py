"""Repairs to text read by OCR where numbers meet letters.

Recognisers read a zero with a round glyph as the letter "o" ("10,oo0", "bumped to90o") and
drop the narrow gap between a number and the word beside it ("2-3months", "Selection of39").
A question asks for "10,000", "2-3 months" or "39": the glued or misread forms match neither
the words nor the numbers asked with. The repairs touch only what cannot be read otherwise: an
"o" among two or more digits, a common word glued to a number.
"""

from __future__ import annotations

import re

from ingest.vision.ocr_spacing import lexicon

# An "o" inside a number: after a digit, comma or point, with digits around it, and no letter
# on either side of the whole number ("10oz" and "H2O" stay as they are).
_NUMBER_WITH_OS = re.compile(r"(?<![A-Za-z0-9])\d[\d,.]*[oO][\d,.oO]*(?![A-Za-z0-9])")
# Short words that are glued to the number after them: "of39", "to900".
_WORD_THEN_NUMBER = re.compile(r"\b(of|to|in|at|on|by|for|from|and|or|than|per|with)(?=\d)")
# A number glued to the word after it: "2-3months", "3colors". The number must begin its
# token (not "sha256sum" or "server1.0module"); ordinals ("2nd") are two letters and stay,
# and so does hexadecimal ("0xff").
_NUMBER_THEN_WORD = re.compile(r"(?<![A-Za-z0-9_.\-])(\d[\d,.\-]*\d|\d)([a-z]{3,})\b")
# Words at most this far down the frequency list count as words (common English).
COMMON_RANK = 40_000


def tidy_ocr_text(text: str) -> str:
    text = _WORD_THEN_NUMBER.sub(r"\1 ", text)
    text = _NUMBER_WITH_OS.sub(_zeros, text)
    return _NUMBER_THEN_WORD.sub(_apart, text)


def _zeros(match: re.Match[str]) -> str:
    number = match.group(0)
    if sum(c.isdigit() for c in number) < 2:
        return number
    return number.replace("o", "0").replace("O", "0")


def _apart(match: re.Match[str]) -> str:
    number, word = match.groups()
    if number == "0" and word.startswith("x"):
        return match.group(0)
    if lexicon().get(word, COMMON_RANK) < COMMON_RANK:
        return f"{number} {word}"
    return match.group(0)
