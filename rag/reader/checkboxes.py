"""Questions on a screenshot's check boxes and radio buttons, answered from what its
description tells of them.

A screenshot's description marks the line of each check box's label in the text read with the
box's state (ingest/vision/checkboxes.py): "☑ Spell check while typing", "☐ Use custom
font"; and each radio button's: "◉ Tabs", "○ Spaces". A question asks which option is ticked
(or not), how many are, or whether one is; or which choice is selected.
"""

from __future__ import annotations

import re

from rag.query_words import SWITCHED_STATE
from rag.text import content_terms, join_words

TICKED_MARK = "\u2611"  # ☑
UNTICKED_MARK = "\u2610"  # ☐
SELECTED_MARK = "\u25c9"  # ◉
UNSELECTED_MARK = "\u25cb"  # ○
_MARKS = TICKED_MARK + UNTICKED_MARK + SELECTED_MARK + UNSELECTED_MARK
# A mark and the label after it, up to the next mark or the line's end.
_MARKED = re.compile(rf"([{_MARKS}]) ([^{_MARKS}\n]+)")
# "Which plugins are ticked", "is the Force Full Backup box ticked", "how many check boxes are
# checked", "which Safe Browsing option is switched on": a question on a box's state.
# ("Checked" alone may be any checking: "which files are checked by fsck".)
SPEAKS_OF_TICKS = re.compile(
    r"\b(?:un)?ticked\b|\b(?:check|tick) ?box(?:es)?\b|"
    rf"{SWITCHED_STATE}|"
    r"\b(?:un)?checked\b.*\b(?:box|option|entry|item|setting|preference|plugin)s?\b|"
    r"\b(?:box|option|entry|item|setting|preference|plugin)s?\b.*\b(?:un)?checked\b",
    re.IGNORECASE,
)
# "Which option is not ticked", "which box is unchecked", "left unticked".
_ASKS_OFF = re.compile(
    r"\b(?:not|n't|never)\s+(?:been\s+)?(?:ticked|checked|switched on|turned on)\b|"
    r"\bun(?:ticked|checked)\b|\b(?:switched|turned) off\b|"
    r"\b(?:empty|cleared)\b",
    re.IGNORECASE,
)
_ASKS_COUNT = re.compile(r"\bhow many\b|\bnumber of\b", re.IGNORECASE)
# "Is the 'Hide private attributes' box ticked?", "In KBackup, is the Force Full Backup box
# ticked?": a yes-or-no question.
_ASKS_WHETHER = re.compile(r"(?:^|,)\s*(?:is|are|was|were|does|do|has|have)\b", re.IGNORECASE)
_TICK_WORDS = frozenset(
    content_terms("ticked checked unticked unchecked tick check box boxes switched turned")
)


def boxes_told(text: str) -> tuple[list[str], list[str]]:
    """The labels a description marks as ticked, and those it marks as not ticked."""
    ticked: list[str] = []
    unticked: list[str] = []
    for mark, label in _MARKED.findall(text):
        if mark in (TICKED_MARK, UNTICKED_MARK):
            (ticked if mark == TICKED_MARK else unticked).append(label.strip())
    return ticked, unticked


# "Which indentation type is selected", "is the compact or the expanded view chosen", "how
# many radio buttons": a question on a group of choices. ("Which tab is selected" and "which
# row is highlighted" ask what a screen shows selected; see SPEAKS_OF_SELECTION. "Which level
# is selected by default" asks what a program does, not what a screen shows.)
SPEAKS_OF_CHOICE = re.compile(
    r"\bradio ?buttons?\b|\b(?:selected|chosen|picked)\b(?!\s+by\s+default\b)",
    re.IGNORECASE,
)


def tells_marks(text: str) -> bool:
    """The description tells of check boxes or radio buttons, each with its label."""
    return bool(_MARKED.search(text))


def speaks_of_marks(question: str) -> bool:
    """The question asks what a picture's check boxes or radio buttons mark. Their labels
    answer it whatever it asks for: "which Date Completion choice is selected" asks for a
    label, not a date."""
    return bool(SPEAKS_OF_TICKS.search(question) or SPEAKS_OF_CHOICE.search(question))


# What is selected in a list, a menu or a tab strip is no radio button's choice: the question
# asks which of those parts is selected ("which tab is", not "which page order is"), or where
# in one ("in the list on the left", "from the drop-down menu"). A tab that holds the buttons
# is only where they are ("which tolerance option is selected in the Color Code tab").
_SELECTED_ELSEWHERE = re.compile(
    r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:tabs?|rows?|lines?|items?|files?|folders?|cells?|columns?|text|characters?|colou?rs?|"
    r"tools?|pages?|entry|entries)(?=\s+(?:is|are|was|were|has|have)\b|\s*\?)|"
    r"\b(?:in|from|on|of)\s+(?:the|its|a|my)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:lists?|menus?|tree|sidebar|drop-?downs?|combo ?box(?:es)?|columns?|rows?)\b",
    re.IGNORECASE,
)
_CHOICE_WORDS = frozenset(
    content_terms("selected chosen picked set radio button buttons option options choice")
)


def buttons_told(text: str) -> list[tuple[str, bool, str]]:
    """(label, selected, the words before the group's first button) for each radio button a
    description marks: those words (a heading "Type:", "Cascade Move Display") name the
    choice a group makes."""
    told: list[tuple[str, bool, str]] = []
    heading = ""
    previous = ""
    grouped = False
    for line in text.splitlines():
        found = [
            (m, label)
            for m, label in _MARKED.findall(line)
            if m in (SELECTED_MARK, UNSELECTED_MARK)
        ]
        if not found:
            previous, grouped = line, False
            continue
        before = line[: line.index(found[0][0])]
        if not grouped or before.strip():
            heading = f"{previous} {before}" if not grouped else before
        grouped = True
        for mark, label in found:
            told.append((label.strip(), mark == SELECTED_MARK, heading))
    return told


def answer_on_buttons(question: str, text: str) -> tuple[str, str] | None:
    """(the direct answer, the marked labels that say it) for a question on the radio
    buttons ``text`` tells of, or None when it tells none or the question asks of another
    part of the screen."""
    told = buttons_told(text)
    if not told or _SELECTED_ELSEWHERE.search(question):
        return None
    if _ASKS_COUNT.search(question):
        if not re.search(r"\bradio ?buttons?\b", question, re.IGNORECASE):
            return None
        return str(len(told)), " ".join(_mark(label, on) for label, on, _ in told)
    topic = set(content_terms(question)) - _CHOICE_WORDS
    chosen = [(label, heading) for label, on, heading in told if on]
    if not chosen:
        return None
    scored = [
        (len(topic & set(content_terms(f"{label} {heading}"))), label) for label, heading in chosen
    ]
    best = max(s for s, _ in scored)
    picked = [label for s, label in scored if s == best]
    if best == 0 and re.search(r"\bor\b", question):
        return None  # "is the compact or the expanded view selected" names neither told
    if len(picked) > 1:
        return None  # several groups, and the question names none of them
    return picked[0], _mark(picked[0], True)


def _mark(label: str, on: bool) -> str:
    return f"{SELECTED_MARK if on else UNSELECTED_MARK} {label}"


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
