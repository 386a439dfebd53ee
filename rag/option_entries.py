"""The entry of an option a question names: "If I run fping without -t, how long does it wait
for a reply?" asks about -t's entry ("-t, --timeout=MSEC ... the default timeout is 500ms"),
which shares few words with the question beside its option, and in a manual's chunk of several
entries may rank below the passages on looping and periods.

An entry's head is a line that opens with the option ("-t, --timeout=MSEC", "* `--all`").
"""

from __future__ import annotations

from rag.reader.options import head_options, options_asked

__all__ = ["entries_held", "options_asked"]


def entries_held(text: str) -> set[str]:
    """The options whose entry heads open lines of ``text``, without their dashes."""
    return {option.lstrip("-–—−") for line in text.splitlines() for option in head_options(line)}
