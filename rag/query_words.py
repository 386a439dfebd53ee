"""The words a question brings to keyword (BM25) search besides its own.

Keyword search matches words exactly, after stemming, so two ways of saying one thing miss each
other:

- **Spelling.** A user writes "grey" and "colour"; a picture's description says "gray", a
  manual says "color", another "colour". Each British or American spelling in the question
  brings the other.
- **Kinds of picture.** A user asks about "clip art", "a cartoon", "a sticker"; a picture's
  description names its kind in the describer's words ("Drawing.", "Logo."). Each of the user's
  words brings the describer's.
- **Check boxes.** A user asks which option is "checked"; a screenshot's description counts
  its check boxes as "ticked" and "not ticked".
- **Who did it.** A user asks "who wrote lz4?"; a manual names the person under "AUTHOR", a
  package under "Maintainer:". A "who" question's verb brings the noun for its doer.

The dense query keeps the question as asked: the embedder meets synonyms on its own.
"""

from __future__ import annotations

import re

from rag.text import AMERICAN_SPELLINGS

# A British spelling and the American one, both ways: documents come in either.
_BRITISH_SPELLINGS = [
    (re.compile(r"^(col|hum|fav|lab|behavi|neighb|flav|arm|hon|vap|harb|rum)or"), r"\1our"),
    (re.compile(r"^gray"), "grey"),
    (re.compile(r"^(cen|met|lit|fib)ter(?=s$|ed$|$)"), r"\1tre"),
    (re.compile(r"^licen[cs]e"), "licence"),
    (re.compile(r"(?<=\w\w\w)iz(?=(?:e|es|ed|ing|ation|ations)$)"), "is"),
]
_SPELLINGS = [*AMERICAN_SPELLINGS, *_BRITISH_SPELLINGS]

# The user's word for a kind of picture, and the describer's (ingest/vision/kind.py).
_PICTURE_KINDS = [
    (re.compile(r"\b(?:clip[\s-]?art|cartoons?|illustrations?|sketch(?:es)?)\b"), "drawing"),
    (re.compile(r"\b(?:photos?|snapshots?)\b"), "photograph"),
    (re.compile(r"\b(?:stickers?|badges?|emblems?)\b"), "logo"),
    (re.compile(r"\b(?:plots?|graphs?)\b"), "chart"),
    (re.compile(r"\bscreen\s+shots?\b"), "screenshot"),
]
# "Which option is switched on", "is the X box turned off": what a screen shows. ("Switched
# on by default" is what a program does, and "if auto hide were switched on" what it would.)
SWITCHED_STATE = r"\b(?:is|are)\b[^?.,;]*?\b(?:switched|turned)\s+(?:on|off)\b(?!\s+by\s+default\b)"
# The user's word for a check box's or a radio button's state, and the describer's
# (ingest/vision/checkboxes.py).
_BOX_STATES = [
    (
        re.compile(rf"\b(?:un)?checked\b|\bcheck\s?box(?:es)?\b|\bcheckmarks?\b|{SWITCHED_STATE}"),
        "ticked",
    ),
    (re.compile(r"\b(?:chosen|picked)\b|\bradio\s?buttons?\b"), "selected"),
]

# The verb a question asks with, and the noun a document heads its answer with.
AGENT_OF = {
    "wrote": "author",
    "written": "author",
    "writes": "author",
    "created": "author",
    "maintains": "maintainer",
    "maintained": "maintainer",
    "developed": "developer",
    "develops": "developer",
}
# Only a question for a person brings the doer: "when was it written?" asks for a date.
_ASKS_WHO = re.compile(r"\bwho(?:m|se)?\b")

_WORD = re.compile(r"[a-z]+")


def agent_nouns(question: str) -> list[str]:
    """The nouns for the doers of the question's verbs ("author" for "who wrote"), in order."""
    nouns = [AGENT_OF[w] for w in _WORD.findall(question.lower()) if w in AGENT_OF]
    return list(dict.fromkeys(nouns))


def keyword_query(question: str) -> str:
    """``question`` followed by the words it brings (none twice, in a fixed order)."""
    lowered = question.lower()
    words = set(_WORD.findall(lowered))
    added: list[str] = []
    for word in sorted(words):
        for pattern, replacement in _SPELLINGS:
            variant = pattern.sub(replacement, word)
            if variant != word and variant not in words and variant not in added:
                added.append(variant)
    for pattern, kind in [*_PICTURE_KINDS, *_BOX_STATES]:
        if pattern.search(lowered) and kind not in words and kind not in added:
            added.append(kind)
    if _ASKS_WHO.search(lowered):
        added += [n for n in agent_nouns(question) if n not in words and n not in added]
    return f"{question} {' '.join(added)}" if added else question
