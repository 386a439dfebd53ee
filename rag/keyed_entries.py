"""The entry of a list keyed by the number a question gives: "In opusenc's list of picture
types, what is type 17?" asks about "17: A bright colored fish", one line of a chunk of such
entries that shares little else with the question and may rank below the passages on pictures.
So does a key binding's entry for the key a question presses ("the key binding z").

An entry's key is the number that opens its line ("17: A bright colored fish", "• 137 Server
busy", "13 = Raw line.").
"""

from __future__ import annotations

import re

from rag.reader.entries import bound_key, number_key, pressed_keys

# "type 17", "exit code 137", "status 2", "mode 13": a number the question gives as the key of
# an entry, after the noun that says what it keys.
_KEY_ASKED = re.compile(
    r"\b(?:type|code|status|mode|level|signal|error|value|number|class|category|preset|item|"
    r"entry|id)\s+#?(-?\d+)(?![\w.,]\d)",
    re.IGNORECASE,
)


def keys_asked(question: str) -> set[str]:
    """The numbers ``question`` gives as keys: "what is type 17" -> {"17"}; and the keys of
    the keyboard it presses, as a key binding's entry opens with them: "the key binding z"
    -> {"key:z"}."""
    return set(_KEY_ASKED.findall(question)) | {f"key:{k}" for k in pressed_keys(question)}


def keys_held(text: str) -> set[str]:
    """The numbers that key the list entries opening lines of ``text``, and the keys that
    key bindings set out in a column of their own open lines with ("  z      Toggle zoom")."""
    held = {key for line in text.splitlines() if (key := number_key(line)) is not None}
    return held | {
        f"key:{key}"
        for line in text.splitlines()
        if _COLUMN_BINDING.match(line) and (key := bound_key(line.strip())) is not None
    }


# A key binding's entry as a manual lays it out: the key alone, then a gap of spaces.
_COLUMN_BINDING = re.compile(r"^\s*\S\s{2,}\S")
