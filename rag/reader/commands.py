"""Commands and options: what a "which command" or "which option" question asks for.

"Which command must an application run" is answered by a command ("update-mime-database",
"$ make check"), "which option builds a dictionary" by an option ("--train", "splines=true",
"the AUTOMATIC TAGS option"): not by a path, a product name in capitals or a description that
happens to stand in the same sentence. The rules read the shape of the words only, the way
manuals print commands and options on any subject.
"""

from __future__ import annotations

import re

from rag.text import STOPWORDS

# "Which command ...", "what do I run", "what must you type": a command.
_ASKS_COMMAND = re.compile(
    r"\b(?:which|what)(?: [\w'-]+){0,2}? commands?\b(?!-)|"
    r"\bwhat (?:do|does|did|should|must|can|could|would) (?:i|you|we|one|users?|an? \w+|the "
    r"\w+) (?:run|type|execute|enter|invoke)\b"
)
# "Which option ...", "which flags", "which setting": an option or a setting.
_ASKS_OPTION = re.compile(
    r"\b(?:which|what)(?: [\w'-]+){0,2}? (?:options?|flags?|switch(?:es)?|settings?)\b|"
    # "What do I pass to configure so that ...": what a command is given is an option.
    r"\bwhat (?:do|does|should|must|can|could|would) (?:i|you|we|one|users?) (?:pass|give|add) "
    r"to\b"
)


def code_kind(lowered: str) -> str:
    """ "command", "option" or "" for a lower-cased question."""
    if _ASKS_COMMAND.search(lowered):
        return "command"
    if _ASKS_OPTION.search(lowered):
        return "option"
    return ""


# A token printed as code: it holds a hyphen, an underscore, a dot, a slash or a digit
# ("update-mime-database", "fc-cache", "./configure", "python3"), or it is a TeX macro
# ("\printNbBars"). Starting where a token starts, so that a long run of letters is scanned
# once.
_CODE_TOKEN = r"(?<![\w.+/~\\-])\\?[A-Za-z.~/][\w.+/~-]*(?<=[\w/])"
_CODE_SHAPED = re.compile(r"[-_./\d\\]")
# Quoted or in backticks, as manuals print code (the same quotes as ``spans.QUOTED``, which
# cannot be imported here: the question's analysis imports this module).
_QUOTED = re.compile(r"[\"“‘`]([^\"”’`]{1,60})[\"”’`]")
# "run the update-mime-database command", "the command fc-cache", "$ make check". The word
# "command" is left to be read again: "the command \printNbBars" names one after it.
_NAMED_COMMAND = re.compile(
    rf"(?:\b(?:run|runs|running|execute|executes|invoke|invokes|type|types|issue)\s+(?:the\s+)?|"
    rf"\bcommand\s+)({_CODE_TOKEN})|({_CODE_TOKEN})(?=\s+command\b)"
)
_PROMPT_LINE = re.compile(r"(?:^|\n|\s)[$#]\s+([a-z.~/][^\n$#]{0,80}?)(?=\s*(?:\n|$|\s[$#]\s))")
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*(?:=[^\s,;)]+)?")
# "splines=true", "style=filled": a setting written as it is set.
_ASSIGNMENT = re.compile(r"(?<![\w-])[A-Za-z][\w.-]*=[^\s,;)\"”’']+")
# "the AUTOMATIC TAGS option", "the ‘-Z’ option", "option --quiet".
_NAMED_OPTION = re.compile(
    r"(?<![\w-])([A-Z][A-Z0-9_-]+(?:\s+[A-Z][A-Z0-9_-]+){0,3})\s+(?:option|flag|switch|setting)\b"
)


# "go get github.com/olekukonko/tablewriter", "pip install python-dotenv[cli]": a line of a
# code block, a command on its own: a program's name in lower case, then a few arguments of
# which one at least is code-shaped, and no sentence's capital or full stop.
_BARE_COMMAND = re.compile(r"^\s*([a-z][\w.+-]*)((?:\s+[^\s]+){1,8})\s*$")


def _bare_command(sentence: str) -> bool:
    """``sentence`` is a command alone: see ``_BARE_COMMAND``. Its first word names a program,
    not one of prose ("see the file docs/x.md")."""
    match = _BARE_COMMAND.match(sentence)
    if not match or sentence.rstrip().endswith(".") or match.group(1) in STOPWORDS:
        return False
    return any(_CODE_SHAPED.search(argument) for argument in match.group(2).split())


def command_spans(sentence: str) -> list[str]:
    """Commands in ``sentence``, in order: a code block's line that is a command alone, those
    a prompt or the word "command" introduces, those run, and code quoted."""
    if _bare_command(sentence):
        return [sentence.strip()]
    found: list[tuple[int, str]] = []
    for match in _NAMED_COMMAND.finditer(sentence):
        group = 1 if match.group(1) else 2
        token = match.group(group)
        if _CODE_SHAPED.search(token):
            found.append((match.start(group), token))
    found += [(m.start(1), m.group(1).strip()) for m in _PROMPT_LINE.finditer(sentence)]
    found += [(m.start(1), m.group(1).strip()) for m in _QUOTED.finditer(sentence)]
    return [span for _, span in sorted(found)]


def option_spans(sentence: str) -> list[str]:
    """Options and settings in ``sentence``, in order: "--train", "-rc2P", "splines=true",
    "the AUTOMATIC TAGS option", and code quoted."""
    found = [(m.start(), m.group(0)) for m in _OPTION.finditer(sentence)]
    found += [(m.start(), m.group(0)) for m in _ASSIGNMENT.finditer(sentence)]
    found += [(m.start(1), m.group(1)) for m in _NAMED_OPTION.finditer(sentence)]
    found += [(m.start(1), m.group(1).strip()) for m in _QUOTED.finditer(sentence)]
    seen: dict[str, None] = {}
    for _, span in sorted(found):
        seen.setdefault(span.rstrip("."), None)
    return list(seen)


def code_spans(kind: str, sentence: str) -> list[str]:
    return command_spans(sentence) if kind == "command" else option_spans(sentence)
