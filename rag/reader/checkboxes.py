"""Questions on a screenshot's check boxes, answered from what its description tells of them.

A screenshot's description marks the line of each check box's label in the text read with the
box's state (ingest/vision/checkboxes.py): "☑ Spell check while typing", "☐ Use custom
font". A question asks which option is ticked (or not), how many are, or whether one is.
"""

from __future__ import annotations

import re

from rag.text import content_terms, join_words

TICKED_MARK = "\u2611"  # ☑
UNTICKED_MARK = "\u2610"  # ☐
# A mark and the label after it, up to the next mark or the line's end.
_MARKED = re.compile(rf"([{TICKED_MARK}{UNTICKED_MARK}]) ([^{TICKED_MARK}{UNTICKED_MARK}\n]+)")
# "Which plugins are ticked", "is the Force Full Backup box ticked", "how many check boxes are
# checked": a question on a box's state. ("Checked" alone may be any checking: "which files
# are checked by fsck".)
SPEAKS_OF_TICKS = re.compile(
    r"\b(?:un)?ticked\b|\b(?:check|tick) ?box(?:es)?\b|"
    r"\b(?:un)?checked\b.*\b(?:box|option|entry|item|setting|preference|plugin)s?\b|"
    r"\b(?:box|option|entry|item|setting|preference|plugin)s?\b.*\b(?:un)?checked\b",
    re.IGNORECASE,
)
# "Which option is not ticked", "which box is unchecked", "left unticked".
_ASKS_OFF = re.compile(
    r"\b(?:not|n't|never)\s+(?:been\s+)?(?:ticked|checked)\b|\bun(?:ticked|checked)\b|"
    r"\b(?:empty|cleared)\b",
    re.IGNORECASE,
)
_ASKS_COUNT = re.compile(r"\bhow many\b|\bnumber of\b", re.IGNORECASE)
# "Is the 'Hide private attributes' box ticked?", "In KBackup, is the Force Full Backup box
# ticked?": a yes-or-no question.
_ASKS_WHETHER = re.compile(r"(?:^|,)\s*(?:is|are|was|were|does|do|has|have)\b", re.IGNORECASE)
_TICK_WORDS = frozenset(content_terms("ticked checked unticked unchecked tick check box boxes"))


def boxes_told(text: str) -> tuple[list[str], list[str]]:
    """The labels a description marks as ticked, and those it marks as not ticked."""
    ticked: list[str] = []
    unticked: list[str] = []
    for mark, label in _MARKED.findall(text):
        (ticked if mark == TICKED_MARK else unticked).append(label.strip())
    return ticked, unticked


def answer_on_boxes(question: str, text: str) -> tuple[str, str] | None:
    """(the direct answer, the marked labels that say it) for a question on the check boxes
    ``text`` tells of, or None when it tells none, or not the one or the state asked about."""
    ticked, unticked = boxes_told(text)
    if not ticked and not unticked:
        return None
    off = bool(_ASKS_OFF.search(question))
    topic = set(content_terms(question)) - _TICK_WORDS
    if _ASKS_WHETHER.search(question) and not _ASKS_COUNT.search(question):
        # The option the question names: the label sharing most of its words.
        scored = [(len(topic & set(content_terms(label))), label) for label in ticked + unticked]
        best = max((s for s, _ in scored), default=0)
        named = [label for s, label in scored if s == best]
        if best == 0 or len(named) > 1:
            return None
        on = named[0] in ticked
        return ("No" if on == off else "Yes"), _marked([named[0]], on)
    labels = unticked if off else ticked
    if not labels:
        return None  # a box may go unseen: none told is no count of none
    if _ASKS_COUNT.search(question):
        return str(len(labels)), _marked(labels, not off)
    # Of several, those the question speaks of ("which display option is ticked").
    scored = [(len(topic & set(content_terms(label))), label) for label in labels]
    best = max(s for s, _ in scored)
    chosen = [label for s, label in scored if s == best] if best else labels
    return join_words(chosen), _marked(labels, not off)


def _marked(labels: list[str], on: bool) -> str:
    mark = TICKED_MARK if on else UNTICKED_MARK
    return " ".join(f"{mark} {label}" for label in labels)
