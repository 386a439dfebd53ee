"""Word spacing for CTC text recognition.

PP-OCR's recogniser reads a text line as a sequence of frames, each a probability over
characters, a blank and a space. Greedy decoding keeps only each frame's best guess, so a
word gap where "blank" narrowly beats "space" comes out glued: "inspirationfrom",
"Quarterlyreportdraft". The frames between two characters still say how likely a space was.
This decoder inserts one where that likelihood is high, and where it is weak but the letters
on both sides are words that make no word together.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

# Space probability in the gap between two characters, measured on the dev screenshots, charts
# and a scanned paragraph: missed spaces peak at 0.1-0.5, gaps inside words stay under 0.02
# (a few reach 0.04), and a handful of gaps in serial numbers and identifiers reach 0.17.
# At or above STRONG a gap is a space; below it a lexicon decides: from MODERATE, when the
# letters on either side make no word together and one side is a word ("in|Avonlea"); from
# WEAK, when both sides are words ("service|per|region").
STRONG_SPACE = 0.2
MODERATE_SPACE = 0.1
WEAK_SPACE = 0.02
# Never split next to these: identifiers such as x86_64 show a space-like gap at the underscore.
GLUE = frozenset("_")
_LETTERS = re.compile(r"[A-Za-z]+")
_UNKNOWN = 10**9


@cache
def lexicon() -> dict[str, int]:
    """English words with their frequency rank (wordninja's Wikipedia list, 126k words)."""
    # Read the file, not the module: importing wordninja builds its whole language model.
    spec = importlib.util.find_spec("wordninja")
    if spec is None or spec.origin is None:
        return {}  # without the list only clear gaps become spaces
    path = Path(spec.origin).parent / "wordninja" / "wordninja_words.txt.gz"
    ranks: dict[str, int] = {}
    for rank, word in enumerate(gzip.decompress(path.read_bytes()).decode().split()):
        ranks.setdefault(word, rank)
    return ranks


def rank(word: str, words: dict[str, int]) -> int:
    """The word's frequency rank, or a huge number for a non-word. Of single letters only
    "a" and "I" count: the list holds every letter."""
    word = word.lower()
    if len(word) == 1 and word not in ("a", "i"):
        return _UNKNOWN
    return words.get(word, _UNKNOWN)


def is_word(word: str, words: dict[str, int]) -> bool:
    return rank(word, words) < _UNKNOWN


def join_line(pieces: Sequence[str | float], words: dict[str, int] | None = None) -> str:
    """Characters with the space probability of each gap between them, as one string.

    ``pieces`` holds characters and, between two of them, a float: the highest space
    probability among the blank frames that separate them.
    """
    words = lexicon() if words is None else words
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if isinstance(piece, str):
            out.append(piece)
        elif _is_space(pieces, i, words):
            out.append(" ")
    return _merge_fragments("".join(out), words)


def _is_space(pieces: Sequence[str | float], gap: int, words: dict[str, int]) -> bool:
    left, right, p = pieces[gap - 1], pieces[gap + 1], pieces[gap]
    assert isinstance(left, str) and isinstance(right, str) and isinstance(p, float)
    if left in GLUE or right in GLUE or " " in (left, right) or p < WEAK_SPACE:
        return False
    if p >= STRONG_SPACE:
        return True
    before, after = _run(pieces, gap, -1), _run(pieces, gap, +1)
    if not before or not after or is_word(before + after, words):
        return False
    if p >= MODERATE_SPACE:
        return is_word(before, words) or is_word(after, words)
    return is_word(before, words) and is_word(after, words)


def _run(pieces: Sequence[str | float], gap: int, step: int) -> str:
    """The letters next to ``gap`` on one side, up to anything else or a gap that may be a
    space."""
    letters: list[str] = []
    i = gap + step
    while 0 <= i < len(pieces):
        piece = pieces[i]
        if not isinstance(piece, str):
            if piece >= WEAK_SPACE:
                break
        elif _LETTERS.fullmatch(piece):
            letters.append(piece)
        else:
            break
        i += step
    return "".join(letters if step > 0 else reversed(letters))


def _merge_fragments(line: str, words: dict[str, int]) -> str:
    """Undo a space the recogniser put inside a word in small print ("wareho use", "perce nt"):
    merge two runs of letters that make a word together, when one of them is no word or the
    whole is more common than either part ("in to" stays)."""
    tokens = line.split(" ")
    merged: list[str] = []
    for token in tokens:
        if merged and _LETTERS.fullmatch(token) and _LETTERS.fullmatch(merged[-1]):
            joined = rank(merged[-1] + token, words)
            parts = (rank(merged[-1], words), rank(token, words))
            if joined < _UNKNOWN and (_UNKNOWN in parts or joined < min(parts)):
                merged[-1] += token
                continue
        merged.append(token)
    return " ".join(merged)


class SpacedCtcDecoder:
    """A drop-in for rapidocr's ``CTCLabelDecode`` that restores missed word spaces."""

    def __init__(self, base) -> None:
        self.base = base  # the library's decoder: word boxes still go through it
        self.character: list[str] = list(base.character)
        self.space = self.character.index(" ")
        self.words = lexicon()

    def __call__(self, preds: np.ndarray, return_word_box: bool = False, **kwargs):
        if return_word_box:
            return self.base(preds, return_word_box, **kwargs)
        return [self.decode(frames) for frames in preds]

    def decode(self, frames: np.ndarray) -> tuple[str, float]:
        """Greedy CTC decoding of one line (frames x classes; class 0 is the blank)."""
        best = frames.argmax(axis=1)
        keep = best != 0
        keep[1:] &= best[1:] != best[:-1]
        positions = np.flatnonzero(keep)
        if not len(positions):
            return "", 0.0
        confidence = float(frames[positions, best[positions]].mean())
        pieces: list[str | float] = []
        previous = -1
        for position in positions:
            if previous >= 0 and position - previous > 1:
                pieces.append(float(frames[previous + 1 : position, self.space].max()))
            pieces.append(self.character[best[position]])
            previous = position
        return join_line(pieces, self.words), confidence
