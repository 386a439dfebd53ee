"""Entries of lists and reference sections: the term a list entry defines ("accessed  Sort
by the last accessed time"), the entry a list keys by a number ("137 Server busy"), the default
an entry or its sentence names, the name a section's heading is ("#### UJSON_BUILD_NO_STRIP"),
and the option entry each unit belongs to ("-F, --file name: ...")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rag.headings import entry_release, heading_release, release_named
from rag.reader.options import head_options
from rag.reader.question import Question, Wants
from rag.reader.spans import shaped
from rag.text import STOPWORDS

# "crc64  Calculate CRC64 using ... This is the default": a list entry's name, then what it
# does in a sentence of its own.
_ENTRY_NAME = re.compile(r"^(--?[A-Za-z][\w-]*|[a-z0-9][\w.+-]*)\s+[A-Z][a-z]")
# "(This option is selected by default, ...)": the same, said of the entry's option.
_THIS_IS_DEFAULT = re.compile(
    r"^\(?(?:this|it|that)(?: option| setting| value| mode)? is (?:also )?(?:the default\b|"
    r"(?:selected|set|enabled|used|on|chosen) by default\b)",
    re.IGNORECASE,
)


# "defaults to the newest available version", "the default is the current directory".
_DEFAULT_WORDS = re.compile(
    r"\b(?:defaults? to|the default is)\s+((?:the |a |an )?[a-z][\w -]{2,60}?)\s*(?:[.;,()]|$)",
    re.IGNORECASE,
)


def default_in_words(asked: Question, sentence: str) -> list[str]:
    """What ``sentence`` says holds by default, in words rather than as a value of the asked
    type: "Which version when I leave out -v?" is answered by "defaults to the newest
    available version". Only for a question that asks for the default."""
    if not asked.asks_default:
        return []
    return [m.group(1).strip() for m in _DEFAULT_WORDS.finditer(sentence)]


# "accessed Sort by the last accessed time on a file.", "%a Average data transfer rate.": a
# list's entry, its term before a definition that opens with a capital.
_ENTRY_TERM = re.compile(r"^([%@$]?(?=[\w.+-]*[a-z])[a-z0-9][\w.+-]*)\s+[A-Z][a-z]")
# "Which value of --sort", "which sequence stands for", "which psych function converts": the
# term a list defines is asked for (a package's index lists its functions so: "fisherz Convert
# a correlation to ...").
_ASKS_TERM = re.compile(
    r"\b(?:which|what) (?:[\w.-]+ ){0,2}(?:value|values|sequence|specifier|placeholder|keyword|"
    r"constant|mode|level|setting|field|code|escape|function|command|macro|method|feature|"
    r"parameter|argument|variable|tool|utility)\b",
    re.IGNORECASE,
)


def entry_term(asked: Question, sentence: str, opening: str = "") -> list[str]:
    """The term of the list entry ``sentence`` opens, or of the Markdown item it goes on
    (``opening``: "* `serde1-nostd` - Disabled by default."), for a question that asks which
    value or feature does what the entry's definition says; else nothing."""
    if asked.wants not in (Wants.VALUE, Wants.THING, Wants.IDENTIFIER):
        return []
    if not _ASKS_TERM.search(asked.text):
        return []
    term = (
        _ENTRY_TERM.match(sentence)
        or _ITEM_TERM.match(sentence)
        or _BULLET_TERM.match(sentence)
        or _DEFINED_TERM.match(sentence)
        or _ITEM_TERM.match(opening)
    )
    if term is None or term.group(1).lower() in STOPWORDS:
        return []
    return [term.group(1)] if term.group(1).lower() not in asked.text.lower() else []


# "• devmax - maximum fraction of explained deviance ...", "- epsnr: convergence threshold":
# a bulleted entry, its term before a dash or colon and a definition in lower case.
_BULLET_TERM = re.compile(r"^[•*·-]\s+([A-Za-z][\w.+-]*)\s*(?:\s[-–—]|:)\s+\w")
# "chronic: runs a command quietly unless it fails": a name defined after a colon.
# ("usage: js-yaml [-h]" shows a command line, not a definition in words.)
_DEFINED_TERM = re.compile(r"^([a-z][\w.+-]{0,29}):\s+[a-z][a-z']*\s+[a-z]")
# "* `serde1-nostd` - **Disabled** by default.": a Markdown list's item, its term in code.
_ITEM_TERM = re.compile(r"^[*+•-]\s+`([^`\s]{1,40})`\s*(?:[-–—:]\s|$)")


# "• 137 Server busy", "404 Not Found", "• 2: Some files could not be processed", "13 = Raw
# line.": a list's entry keyed by a number (of one digit, only with a colon or "=" after it).
# "o      23 - Partial transfer due to error": man renders a bullet as a letter o, and a
# dash may part the key from what it means. (" — " parts a table row's cells: "1 — model:
# Nug" is a row numbered 1, no entry.)
_NUMBER_KEY = re.compile(
    r"^\s*(?:[^\w\s]{1,2}\s*|o\s+)?"
    r"(?:(\d{2,})\s+(?:[-–]\s+)?|(\d+)(?:\s?[:=]|\s+[-–])\s+)(?=[A-Za-z])"
)
_QUESTION_NUMBER = re.compile(r"(?<![\w.,-])\d+(?![\w.,]\d)")
# A single digit opening an entry, its meaning in a capitalised word after it.
_DIGIT_KEY = re.compile(r"^\s*(\d)\s+(?=[A-Z])")
_KEYED_WORDS = r"(?:status|code|level|error|mode|type|value)"


def number_key(line: str) -> str | None:
    """The number that keys the list entry ``line`` opens with ("17: A bright colored fish"
    -> "17"), or None."""
    key = _NUMBER_KEY.match(line)
    return (key.group(1) or key.group(2)) if key is not None else None


def after_key(question: str, sentence: str) -> str:
    """What a list entry keyed by a number, a letter or the setting the question names says
    after its key: "Server busy", "disk sleep (uninterruptible)", "ATS 1 000 (EUR 72,67)"."""
    if keyed_by_named_setting(question, sentence):
        return _WORD_KEY.sub("", sentence, count=1).strip()
    if keyed_by_pressed_key(question, sentence):
        return _BINDING_SENTENCE.sub("", sentence, count=1).strip()
    unkeyed = _LETTER_KEY.sub("", _NUMBER_KEY.sub("", sentence, count=1), count=1)
    if unkeyed == sentence:  # "5   SSL verification failure.": one digit and the meaning
        unkeyed = _DIGIT_KEY.sub("", sentence, count=1)
    return unkeyed.strip().rstrip(_CELL_RULES).strip()


# The rules a table drawn in text closes a row with: "│J │ Current Jitter │".
_CELL_RULES = "│┃|"


# "D for disk sleep (uninterruptible)", "B = Best-effort", "│J │ Current Jitter │": a list's
# entry keyed by a capital letter, a state's or a class's code, or the row of a two-column
# table drawn in text whose first cell is that letter.
_LETTER_KEY = re.compile(r"^[^\w\s]{0,2}\s*([A-Z])(?: for|\s?[:=│┃|]| -| –)\s+(?=[A-Za-z])")
# A capital letter standing alone in the question ("the process state D"); "I" and "A" are
# words.
_QUESTION_LETTER = re.compile(r"(?<![\w'’.-])([B-HJ-Z])(?![\w'’-])")


def keyed_by_letter(question: str, sentence: str) -> bool:
    """``sentence`` is the entry of a list keyed by the capital letter the question gives as
    a code: "What does the process state D mean?" and "D for disk sleep"."""
    key = _LETTER_KEY.match(sentence)
    return key is not None and key.group(1) in _QUESTION_LETTER.findall(question)


# "the eco option", "with option eco", "the table mode": a name the question gives a setting.
_NAMED_SETTING = re.compile(
    r"\bthe ([a-z][\w.+-]*) (?:option|setting|mode|style|keyword|value)\b|"
    r"\b(?:option|setting|mode|style|keyword|value) ([a-z][\w.+-]*)\b"
)
# A list's entry keyed by a lower-case term: "eco ATS 1 000 (EUR 72,67)", "dots 1.000 öS".
_WORD_KEY = re.compile(r"^[^\w\s]{0,2}\s*([a-z][\w.+-]*)[ \t]+(?=\S)")


def keyed_by_named_setting(question: str, sentence: str) -> bool:
    """``sentence`` is the entry of a list keyed by the setting the question names: "how is
    it typeset with the eco option" and "eco ATS 1 000 (EUR 72,67)"."""
    key = _WORD_KEY.match(sentence)
    if key is None or key.group(1) in STOPWORDS:
        return False
    named = {a or b for a, b in _NAMED_SETTING.findall(question.lower())}
    return key.group(1) in named - STOPWORDS


# "pressing the k key", "press q", "the key K": a key of the keyboard the question names, its
# case kept (k and K are two keys).
_PRESSED_KEY = re.compile(
    r"\b(?:the|a)\s+[`'\"“‘]?(\S)[`'\"”’]?\s+key\b|"
    r"\b(?:press(?:ing|es|ed)?|hit(?:ting|s)?)\s+[`'\"“‘]?(\S)[`'\"”’]?(?=[\s,.?!]|$)|"
    r"\b(?:key|key\s+binding|binding)\s+[`'\"“‘]?(\S)[`'\"”’]?(?=[\s,.?!]|$)",
    re.IGNORECASE,
)
# "k cancel layout", "q  quit", "z           Toggle zoom state": a list's entry keyed by the
# key it binds, then what it does (in capitals only in a column of its own).
_KEY_BINDING = re.compile(r"^[^\w\s]{0,2}\s*(\S)(?:\s+(?=[a-z])|\s{2,}(?=[A-Z]))")


def pressed_keys(question: str) -> set[str]:
    """The keys the question presses: "pressing the k key", "the key binding z"."""
    return {a or b or c for a, b, c in _PRESSED_KEY.findall(question)}


def bound_key(line: str) -> str | None:
    """The key a key binding's entry opens with ("z           Toggle zoom state" -> "z")."""
    binding = _KEY_BINDING.match(line)
    return binding.group(1) if binding is not None else None


# The same as a sentence, its spaces collapsed: "z Toggle zoom state of the current pane."
_BINDING_SENTENCE = re.compile(r"^[^\w\s]{0,2}\s*(\S)\s+(?=[A-Za-z])")


def keyed_by_pressed_key(question: str, sentence: str) -> bool:
    """``sentence`` is the entry of a list of key bindings keyed by the key the question
    presses: "What does pressing the k key do?" and "k cancel layout"."""
    binding = _BINDING_SENTENCE.match(sentence)
    return binding is not None and binding.group(1) in pressed_keys(question)


def keyed_by_pinned(asked: Question, sentence: str) -> bool:
    """``sentence`` is the entry of a list keyed by a number the question gives (a code, a
    status): of two digits or more, or any number with a colon after it ("exits with status
    2" and "• 2: Some files could not be processed"); or by a capital letter it gives, by the
    setting it names, or by the key it presses."""
    if (
        keyed_by_letter(asked.text, sentence)
        or keyed_by_named_setting(asked.text, sentence)
        or keyed_by_pressed_key(asked.text, sentence)
    ):
        return True
    digit = _DIGIT_KEY.match(sentence)
    if digit and re.search(rf"\b{_KEYED_WORDS}\s+{digit.group(1)}\b", asked.text, re.I):
        # "What does exit status 5 mean?" and "5   SSL verification failure.": one digit
        # keys the entry when the question gives it as a status or a code.
        return True
    key = _NUMBER_KEY.match(sentence)
    if key is None:
        return False
    if key.group(1):
        return key.group(1) in asked.pinned
    return key.group(2) in _QUESTION_NUMBER.findall(asked.text)


# "2: the solver was successful, -1: excess work done, -2: excess accuracy requested": a list
# written inline, each entry a number with a colon after it and what it means up to the next.
# A key follows the list's opening or the entry before it ("these are: 2: ..., -1: ..."), not
# a word it is part of ("Part 1: A x 3 Part 2: B").
_INLINE_KEY = re.compile(r"(?:^|[,;(:])\s*(-?\d+):\s+(?=[A-Za-z])")
# A number as the question writes it, its sign kept: a flag of -2 is not one of 2.
_SIGNED_NUMBER = re.compile(r"(?<![\w.,-])-?\d+(?![\w.,]\d)")


def inline_meaning(asked: Question, sentence: str) -> str:
    """What an inline list of two entries or more says after the key the question gives
    ("what does a return flag of -2 mean" and "... -1: excess work done, -2: excess accuracy
    requested, -3: ..."), or ""."""
    keys = list(_INLINE_KEY.finditer(sentence))
    if len(keys) < 2:
        return ""
    given = set(_SIGNED_NUMBER.findall(asked.text))
    for key, following in zip(keys, [*keys[1:], None], strict=True):
        if key.group(1) in given:
            end = following.start() if following is not None else len(sentence)
            return sentence[key.end() : end].strip(" ,;.")
    return ""


# A heading that is one name ("#### UJSON_BUILD_NO_STRIP", "### ensure_ascii"): a reference
# section about the variable, option or function it names.
# So is one that gives the name in code after its title ("### Embed the entire ICU
# (`full-icu`)").
_NAME_HEADING = re.compile(
    r"^\s{0,3}#{1,6}\s+(?:`?([\w.-]*[_.A-Z0-9][\w.-]*|--?[\w-]+)`?|[^`\n]*\(`([\w.=-]+)`\))\s*$"
)
# "Setting this environment variable ...", "this option turns off ...": a sentence that speaks
# of the thing its section heading names.
_THIS_THING = re.compile(
    r"\b(?:this|the above)\s+(?:environment\s+)?(?:variable|option|flag|setting|parameter|"
    r"argument|keyword|function|method|command|key|field)\b",
    re.IGNORECASE,
)


def headings_named(
    units: Sequence[tuple[int, str, str, str]], carried: Mapping[int, str]
) -> list[str]:
    """For each unit, the name its section's heading is: the last heading read in its chunk
    or, before the chunk's first, the innermost of the headings ``carried`` above the chunk
    (by chunk index); "" when none."""
    named: list[str] = []
    current = ""
    for i, (index, text, _, _) in enumerate(units):
        if not i or units[i - 1][0] != index:
            inner = carried.get(index, "").rpartition("\n")[2]
            match = _NAME_HEADING.match(inner)
            current = (match.group(1) or match.group(2)) if match else ""
        if text.lstrip().startswith("#"):
            match = _NAME_HEADING.match(text)
            current = (match.group(1) or match.group(2)) if match else ""
        named.append(current)
    return named


def releases_before(
    units: Sequence[tuple[int, str, str, str]], carried: Mapping[int, str]
) -> list[str]:
    """For each unit, the version of the release entry it is listed under in a NEWS file
    ("* Version 1.3-0" over "* Accept strings for conventional effect sizes."): the last
    release line (or dated entry, "1.91 2010-02-19 - make the origin argument ...") read in
    its chunk or, before the first, the innermost release among the
    headings ``carried`` above the chunk (by chunk index); "" when none."""
    return [version for version, _ in release_headings(units, carried)]


def release_headings(
    units: Sequence[tuple[int, str, str, str]], carried: Mapping[int, str]
) -> list[tuple[str, str]]:
    """For each unit, the release it is listed under (see ``releases_before``) and the line
    that opens that release ("# dbscan 1.1-0 (2017-03-18)"); ("", "") when none."""
    released: list[tuple[str, str]] = []
    current = ("", "")
    for i, (index, text, _, _) in enumerate(units):
        if not i or units[i - 1][0] != index:
            above = reversed(carried.get(index, "").split("\n"))
            current = next(((v, line) for line in above if (v := heading_release(line))), ("", ""))
        if version := release_named(text) or entry_release(text):
            current = (version, text)
        released.append(current)
    return released


def release_of(asked: Question, sentence: str, release: str) -> list[str]:
    """The release a NEWS entry is listed under, for a question that asks in which version
    something came, when the entry names no version of its own."""
    if asked.wants is not Wants.VERSION or not release or release_named(sentence):
        return []
    return [release] if release.lower() not in asked.text.lower() else []


def named_by_heading(
    asked: Question, sentence: str, heading: str, *, opens_section: bool = False
) -> list[str]:
    """The name of the section ``sentence`` belongs to, for a question that asks for such a
    name: under "#### UJSON_BUILD_NO_STRIP", "By default, debugging symbols are stripped on
    Linux platforms" describes the variable the heading names. A name of the shape asked for
    (an environment variable) answers from any sentence of its section; another name only from
    one that speaks of "this option" (or variable, setting ...), or, for a question that asks
    for an option, from the sentence that opens the section: under "### `ttlAutopurge`",
    "Preemptively remove stale items from the cache." tells what that option does."""
    if not heading or heading.lower() in asked.text.lower():
        return []
    if asked.shape:
        return [heading] if shaped(asked.shape, heading) == [heading] else []
    if opens_section and asked.code == "option" and asked.wants is Wants.IDENTIFIER:
        return [heading]
    if not _THIS_THING.search(sentence):
        return []
    return [heading] if asked.wants in (Wants.IDENTIFIER, Wants.THING, Wants.VALUE) else []


def default_heading(asked: Question, sentence: str, heading: str) -> list[str]:
    """The name of the section ``sentence`` ("This is the default behavior if no flag is
    passed.") calls the default, for a question that asks for a value or a thing: under
    "### Embed the entire ICU (`full-icu`)", "full-icu"; else nothing."""
    if asked.wants not in (Wants.VALUE, Wants.THING, Wants.IDENTIFIER) or not heading:
        return []
    if not _THIS_IS_DEFAULT.match(sentence) or heading.lower() in asked.text.lower():
        return []
    return [heading]


def default_entry(asked: Question, sentence: str, entry: str) -> list[str]:
    """The name of the list entry that ``sentence`` ("This is the default.") calls the
    default, for a question that asks for a value or a thing; else nothing. ``entry`` is the
    unit that opens the entry ``sentence`` belongs to (``entry_openings``)."""
    if asked.wants not in (Wants.VALUE, Wants.THING, Wants.IDENTIFIER):
        return []
    if not _THIS_IS_DEFAULT.match(sentence):
        return []
    name = _ENTRY_NAME.match(entry)
    return [name.group(1)] if name and name.group(1).lower() not in asked.text.lower() else []


def opens_entry(text: str) -> bool:
    """``text`` opens a list entry with the entry's name: "default-size XxY Set the default
    size of new windows ...", "* `emdash` - ..."."""
    return bool(_ENTRY_NAME.match(text) or _ITEM_TERM.match(text))


def entry_openings(units: Sequence[tuple[int, str, str, str]]) -> list[str]:
    """For each unit, the unit that opens the list entry it goes on ("emdash Lets the table
    dashes be '—'." for "(This option is selected by default"): the last one before it in its
    chunk that opens with an entry's name; else the unit just before it, or ""."""
    openings: list[str] = []
    opened = ""
    for i, (index, text, _, _) in enumerate(units):
        if i and units[i - 1][0] != index:
            opened = ""
        previous = units[i - 1][1] if i and units[i - 1][0] == index else ""
        openings.append(opened or previous)
        if opens_entry(text):
            opened = text
    return openings


def option_entries(
    units: Sequence[tuple[int, str, str, str]],
) -> tuple[list[frozenset[str]], list[bool], list[tuple[str, ...]]]:
    """The options of the entry each unit belongs to, whether the unit is its head, and the
    head's options as written: a unit that opens with options ("-F, --file name: ...") heads
    an entry, which its chunk's later units continue until the next head. A unit before any
    head belongs to none."""
    entries: list[frozenset[str]] = []
    heads: list[bool] = []
    written: list[tuple[str, ...]] = []
    current: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()
    for i, (index, text, _, _) in enumerate(units):
        if i and units[i - 1][0] != index:
            current, names = frozenset(), ()  # an entry ends with its chunk
        opened = tuple(head_options(text))
        if opened:
            current = frozenset(name.lstrip("-–—−").lower() for name in opened)
            names = opened
        entries.append(current)
        heads.append(bool(opened))
        written.append(names)
    return entries, heads, written


# "EUR Europe GRD Greece ATS Austria ... PTE Portugal": a table of codes and their names that
# the page's text runs into one line, each code in capitals before its name.
_CODE_PAIR = re.compile(
    r"\b([A-Z]{2,5})\s+((?:[A-Z][a-z][\w.-]*|[Tt]he|of|and)(?:\s+(?:[A-Z][a-z][\w.-]*|of|and))*)"
)
CODE_PAIRS = 3  # so many pairs make a list of codes, not a sentence that names one
_QUESTION_CODE = re.compile(r"(?<![\w-])[A-Z]{2,5}(?![\w-])")


def named_by_code(question: str, sentence: str) -> list[str]:
    """The name a list of codes gives the code the question asks about ("which country does
    the code PTE stand for" and "... PTE Portugal FRF France"): the words after the code, up to
    the next code; else nothing."""
    pairs = _CODE_PAIR.findall(sentence)
    if len(pairs) < CODE_PAIRS:
        return []
    asked = set(_QUESTION_CODE.findall(question))
    return [
        name.strip()
        for code, name in pairs
        if code in asked and name.lower() not in question.lower()
    ]
