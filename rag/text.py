"""Small text utilities shared by answering and evaluation: sentences, terms, stopwords."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from rag.headings import DATED_ENTRY

# Function words and the words questions are phrased with: they say nothing about the topic.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "nor",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "one",
        "ones",
        "get",
        "got",
        "give",
        "gives",
        "want",
        "wants",
        "use",
        "used",
        "using",
        "kind",
        "sort",
        "type",
        "name",
        "named",
        "called",
        "according",
        "tell",
        "say",
        "said",
        "show",
        "shows",
        "shown",
        "find",
        "need",
        "needs",
        "doing",
        "done",
        "make",
        "makes",
        "made",
        "set",
        "sets",
        "way",
        "ways",
        "thing",
        "things",
        "value",
        "something",
        "anything",
        "particular",
        "certain",
        "many",
        "much",
        "first",
        "written",
        "write",
        "must",
        "may",
        "might",
        "shall",
        "let",
        "lets",
    ]
)

# A word, or a format sequence ("%j", "%a"), which names a field the way an option does.
_TOKEN = re.compile(
    r"(?<![\w%])%[A-Za-z](?![\w])|[A-Za-z0-9][A-Za-z0-9_\-\./]*[A-Za-z0-9]|[A-Za-z0-9]"
)
# A capital and a stop is a person's initial ("Joshua M. Ulrich"), not a sentence's end ("I" is
# a word of its own: "Moran's I. References").
# A manual's sentence may open with a program named as its page is: "cron(8) examines cron
# entries once every minute." (not after "e.g.", "i.e.", "cf." or "etc.").
_SENTENCE_END = re.compile(
    # "scaled (i.e. 0.5 implies ...)": "i.e." and "e.g." go on with what they introduce.
    r"(?<=[.!?])(?<!\b[A-HJ-Z]\.)(?<!\be\.g\.)(?<!\bi\.e\.)\s+(?=[A-Z0-9\"'(\[<])|"
    r"(?<=[.!?])(?<!e\.g\.)(?<!i\.e\.)(?<!\bcf\.)(?<!\betc\.)\s+(?=[a-z][\w.+-]*\(\d[a-z]?\)\s)"
)
MAX_SENTENCE = 320
# A remark in parentheses standing alone: "(default=L)", "(see below)", "[ Default: 0.5 ]".
_REMARK = re.compile(r"\s*(?:\([^()\n]{1,60}\)|\[[^\[\]\n]{1,60}\])\.?\s*")
# The same remark ending its line, with the list's next line run on after it:
# "... but no OSD. (Default)\n 4 = Assume a single column".
_LINE_END_REMARK = re.compile(r"\([^()\n]{1,60}\)\.?[ \t]*\n")


def normalize_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEGATION = re.compile(r"n['’]t\b", re.IGNORECASE)


def tokens(text: str) -> list[str]:
    # "doesn't" and "does not" must meet: negation often decides what a sentence answers.
    return [t.lower() for t in _TOKEN.findall(_NEGATION.sub(" not", text))]


# A single quote opens and closes only at a word's edge: "Moran's I ... the author's" holds two
# apostrophes, no quotation.
_QUOTED = re.compile(r"[\"“”]([^\"“”]{1,40})[\"“”]|(?<!\w)['‘]([^'’]{1,40})['’](?!\w)")


def quoted_phrases(text: str, shortest: int = 1) -> list[str]:
    """What ``text`` puts in quotes, each at least ``shortest`` characters long."""
    return [
        (double or single).strip()
        for double, single in _QUOTED.findall(text)
        if len((double or single).strip()) >= shortest
    ]


def key_terms(text: str) -> set[str]:
    """Terms that identify rather than describe: numbers, identifiers, quoted words."""
    keys = set()
    for token in tokens(text):
        if any(c.isdigit() for c in token) or any(c in token for c in "_/.%"):
            keys.update(content_terms(token))
    for quoted in quoted_phrases(text):
        keys.update(content_terms(quoted))
    return keys


# A snowball stemmer keeps the word it works on in the object: one per thread, or two request
# threads stemming at once corrupt each other's word (IndexError deep inside snowballstemmer).
_local = threading.local()


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


# A British spelling and the American one it is compared as: "grey" meets "gray", "colour"
# meets "color", "centre" "center", "organise" "organize" (rag/query_words.py brings both to
# keyword search, with the rules the other way round).
AMERICAN_SPELLINGS = [
    (re.compile(r"(?<=\w\w\w)our(?=(?:s|ed|ing|ful|less|ize|ise|ization|isation)?$)"), "or"),
    (re.compile(r"^grey"), "gray"),
    (re.compile(r"(?<=\w\w)tre(?=s$|d$|$)"), "ter"),
    (re.compile(r"^licence"), "license"),
    (re.compile(r"(?<=\w\w\w)is(?=(?:e|es|ed|ing|ation|ations)$)"), "iz"),
]


def american(word: str) -> str:
    """``word`` (lower-case) in American spelling: "colour" -> "color"."""
    for pattern, replacement in AMERICAN_SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def stem(term: str) -> str:
    """Snowball (Porter 2) stem, so "files", "loaded" and "processors" meet their base forms,
    and British and American spellings meet each other."""
    return _stemmer().stemWord(american(term))


# TeX sets an accent as a glyph of its own before the letter: "Universit¨at", "f¨ur", "´ecole".
# NFKC would make "¨" a space and a combining mark ("Universit ̈at"), cutting the word.
_SPACING_ACCENTS = {
    "\u00a8": "\u0308",  # diaeresis
    "\u00b4": "\u0301",  # acute
    "\u02c6": "\u0302",  # circumflex
    "\u02dc": "\u0303",  # tilde
    "\u02c7": "\u030c",  # caron
    "\u02d8": "\u0306",  # breve
    "\u02da": "\u030a",  # ring
}
_ACCENT_BEFORE_LETTER = re.compile(
    rf"(?<=[A-Za-z]) ?([{''.join(_SPACING_ACCENTS)}])([A-Za-z])|"
    rf"(?<![A-Za-z])([{''.join(_SPACING_ACCENTS)}])([A-Za-z])"
)


def _accented(match: re.Match[str]) -> str:
    accent, letter = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    return unicodedata.normalize("NFC", letter + _SPACING_ACCENTS[accent])


def whole_characters(text: str) -> str:
    """``text`` with each character beyond the Basic Multilingual Plane whole: pdfium gives
    "𝑆" (a mathematical italic S) as its two UTF-16 halves, which no UTF-8 encoder (the
    tokenizer's, the index's) accepts. A half without its partner becomes U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_extracted(text: str) -> str:
    """Undo the typography of extracted PDF text: accents set apart from their letters,
    ligatures (NFKC) and hyphenated line breaks."""
    text = _ACCENT_BEFORE_LETTER.sub(_accented, whole_characters(text))
    text = unicodedata.normalize("NFKC", text)
    # Glyphs without a Unicode mapping (bullets, dingbats) come out as control characters.
    text = _CONTROL.sub(" ", text)
    return re.sub(r"(\w)-\n\s*([a-z])", r"\1\2", text)


def content_terms(text: str) -> list[str]:
    """Distinct topic terms of a text, stemmed, in order of appearance."""
    seen: dict[str, None] = {}
    for token in tokens(text):
        parts = [token] + (
            [p for p in re.split(r"[\-_/\.]", token) if p] if re.search(r"[\-_/\.]", token) else []
        )
        for part in parts:
            if part in STOPWORDS or (len(part) < 2 and not part.isdigit()):
                continue
            seen.setdefault(stem(part), None)
    return list(seen)


def initialisms(text: str) -> dict[str, list[str]]:
    """Abbreviations a text's phrases may go by in a table header or a name: the initials of
    three or four consecutive words that begin and end with a topic word ("end of life" ->
    "eol", "time to live" -> "ttl"), each with the topic terms of its words. Two letters
    would name too much by chance ("page size" is not PostScript)."""
    words = [t for t in tokens(text) if t.isalpha()]
    found: dict[str, list[str]] = {}
    for start, first in enumerate(words):
        if first in STOPWORDS:
            continue
        for size in (3, 4):
            run = words[start : start + size]
            if len(run) < size or run[-1] in STOPWORDS:
                continue
            found.setdefault("".join(w[0] for w in run), content_terms(" ".join(run)))
    return found


# "-N" on a line of its own heads a manual's entry, like "-n, --command-name <NAME>" does.
_SHORT_OPTION = re.compile(r"-\w")


def join_words(words: Sequence[str]) -> str:
    """'red', 'red and blue', 'red, blue and green'."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def sentences(text: str) -> list[str]:
    """Split into sentences; long runs without sentence ends (tables, lists) split by line."""
    units: list[str] = []
    for block in _entries_apart(re.split(r"\n\s*\n", text)):
        for sentence in _SENTENCE_END.split(block):
            remark = _LINE_END_REMARK.match(sentence)
            if units and remark and sentence[remark.end() :].strip():
                units[-1] = f"{units[-1]} {remark.group().strip()}"
                sentence = sentence[remark.end() :]
            if len(sentence) > MAX_SENTENCE:
                units.extend(_unwrapped_lines(sentence))
            elif units and _REMARK.fullmatch(sentence):
                # "... from L (lowest) to H (highest). (default=L)": a remark in parentheses
                # after a sentence is that sentence's, as a program's help prints its default.
                units[-1] = f"{units[-1]} {sentence}"
            else:
                units.append(sentence)
    units = [
        u for u in (normalize_space(u) for u in units) if len(u) >= 3 or _SHORT_OPTION.fullmatch(u)
    ]
    return _journal_tails(_reference_entries(units))


# Where a reference entry was published, before its volume and its range of pages:
# "Bioinformatics 19:889-890", "Ecological Modeling 80:87-95", "Annals of Statistics, 13,
# 70-84", "SIAM J. Sci. Comput., 25, 201-220" ("ROBOT 3: 48" in a score sheet is none).
# Group 1 is the journal's name.
JOURNAL_VOLUME_PAGES = (
    r"([A-Z][\w&'-]*\.?(?:\s+(?:of|and|&|[A-Z][a-z]{0,4}\.|[A-Z][\w&'-]*)){0,6}),?\s+"
    r"\d{1,4}(?:\s*\(\d{1,3}\))?(?::\d+\s*[-–]\s*\d+|,\s*\d+\s*[-–]\s*\d+)\b"
)
_JOURNAL_TAIL = re.compile(rf"{JOURNAL_VOLUME_PAGES}\.?")


def _journal_tails(units: list[str]) -> list[str]:
    """A unit that is only a journal's name, volume and pages ("Bioinformatics 19:889-890") is
    the end of the entry before it, which its title's full stop cut off."""
    joined: list[str] = []
    for unit in units:
        if joined and _JOURNAL_TAIL.fullmatch(unit):
            joined[-1] = f"{joined[-1]} {unit}"
        else:
            joined.append(unit)
    return joined


# A reference list's entry opens with its authors and year ("Mersmann O (2021).", "Benson WH,
# Jacoby O (1976).", "R Core Team (2021a).") or its number ("[2] Uwe Kern: xcolor."). The
# authors' names are capitalised words and initials; "and", "et al." join them.
_AUTHOR_YEAR = re.compile(
    r"^(?:References\s+)?(?:(?:[A-Z][\w'’.-]*|and|&|et|al\.|van|von|de|der|da|du|la|le)[,\s]+)"
    r"{1,24}(?:\((?:19|20)\d\d[a-z]?\)\.|(?<=\.\s)\((?:19|20)\d\d[a-z]?\)\s)"
)
# "[2] Uwe Kern: xcolor.": a number, then a name (R prints a vector as "[1] 4.33e-05").
_NUMBERED_ENTRY = re.compile(r"^(?:References\s+)?\[\d{1,3}\]\s+[A-Z][a-zà-ÿ]")
ENTRY_SENTENCES = 5  # an entry's sentences: authors, title, where published, address, link


# "J. W. Eaton.", "C. Moler and C. Van Loan.": the authors alone, initials first, as the plain
# bibliography style opens an entry (its year comes last).
_INITIALS_NAME = r"(?:[A-Z]\.[\s-]?){1,3}(?:[A-Za-z][\w'’-]*\s){0,2}?[A-Z][\w'’-]+"
_INITIALS_AUTHORS = re.compile(
    rf"(?:References\s+)?{_INITIALS_NAME}(?:(?:,\s*|,?\s+and\s+){_INITIALS_NAME}){{0,8}}"
    r"(?:,?\s+et al)?\."
)


def is_reference_entry(unit: str) -> bool:
    """``unit`` opens as a reference list's entry does (see ``_reference_entries``)."""
    return bool(
        _AUTHOR_YEAR.match(unit) or _NUMBERED_ENTRY.match(unit) or _INITIALS_AUTHORS.match(unit)
    )


_ENTRY_FIELD_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_NOT_A_PUBLISHER = re.compile(r"^(?:URL|ISBN|doi|https?:|R package)\b|\d|!$", re.IGNORECASE)


def entry_publisher(unit: str) -> str:
    """The publisher a reference entry names, or "": the first field after the title that is
    neither a number, a series ("Use R!") nor a link: "Dover" of "Benson WH, Jacoby O (1976).
    New recreations with magic squares. Dover.", "Springer, New York" of a book in a series."""
    head = _AUTHOR_YEAR.match(unit) or _NUMBERED_ENTRY.match(unit)
    if head is None or _NUMBERED_ENTRY.match(unit):
        return ""
    fields = [f.strip().rstrip(".") for f in _ENTRY_FIELD_END.split(unit[head.end() :].strip())]
    for field in fields[1:]:
        if field and not _NOT_A_PUBLISHER.search(field) and len(field.split()) <= 8:
            return field
    return ""


def _reference_entries(units: list[str]) -> list[str]:
    """``units`` with the sentences of each reference entry joined into one unit: cut at its
    full stops, "Mersmann O (2021). microbenchmark: Accurate Timing Functions. R package
    version 1.4-9" leaves the version without the author and the package it belongs to. Only
    in a list: two entries at least, of one kind. An entry that names its authors by their
    initials alone ("J. W. Eaton.") is a unit of its own, which its fields follow."""
    for head in (_AUTHOR_YEAR, _NUMBERED_ENTRY, _INITIALS_AUTHORS):
        match = head.fullmatch if head is _INITIALS_AUTHORS else head.match
        if sum(1 for u in units if match(u)) < 2:
            continue
        joined: list[str] = []
        taken = -1  # sentences joined to the last entry so far; -1: not in an entry
        for unit in units:
            if match(unit):
                joined.append(unit)
                taken = 0
            elif 0 <= taken < ENTRY_SENTENCES - 1 and len(joined[-1]) + len(unit) < MAX_SENTENCE:
                joined[-1] = f"{joined[-1]} {unit}"
                taken += 1
            else:
                joined.append(unit)
                taken = -1
        return joined
    return units


# "accessed  Sort by the last accessed time.": a list's entry, its term then two spaces or
# more then its definition. A man page prints the list one entry a line, the term in lower
# case, so no sentence end parts the entry from the one before it.
_ENTRY_LINE = re.compile(r"[ \t]*[^\s]{1,30}[ \t]{2,}[A-Z(]")
# A PDF's text keeps one space of that gap: "emdash Lets the table dashes be ‘—’.", a term in
# lower case then its definition, on the line after a sentence's end, where prose would go on
# with a capital.
_TERM_LINE = re.compile(r"[ \t]*([a-z][\w+-]{0,29}) [A-Z][a-z]")
_ENDS_ITEM = re.compile(r"[.:;)][ \t]*$")
# "* `serde1-nostd` - Disabled by default.": a Markdown list's item.
_BULLET_LINE = re.compile(r"[ \t]*[*+-][ \t]+\S")


# "R for Realtime", "B for Best-effort", "X = 1 Show page as bitmap": a list of codes, one a
# line; two such lines in a block make it one.
_CODE_LINE = re.compile(r"[ \t]*[A-Za-z0-9]{1,3} (?:for|=) \S")


def _entries_apart(blocks: list[str]) -> list[str]:
    """``blocks`` with each block cut before a list entry's line that follows a line ending a
    sentence (justified prose, which also spaces its words widely, goes on in lower case),
    before each line of a list of codes, and before each dated changelog entry ("2.00
    2014-03-26 - enable opacity ..."), whose lines seldom end a sentence."""
    parted = []
    for block in blocks:
        lines = block.split("\n")
        codes = {i for i, line in enumerate(lines) if _CODE_LINE.match(line)}
        if len(codes) < 2:
            codes = set()
        start = 0
        for i in range(1, len(lines)):
            if (
                i in codes
                or DATED_ENTRY.match(lines[i])
                or (_opens_entry(lines[i]) and _ENDS_ITEM.search(lines[i - 1]))
                # "[ Default: 0.5 ]" on its own line closes the entry it ends: the next line
                # opens another ("SCALEDELGRAPHICS", "--floattype=markstyle").
                or _DEFAULT_LINE.fullmatch(lines[i - 1])
            ):
                parted.append("\n".join(lines[start:i]))
                start = i
        parted.append("\n".join(lines[start:]))
    return parted


_DEFAULT_LINE = re.compile(r"\s*[\[(]\s*default\b[^\n\])]*[\])][^\n]*", re.IGNORECASE)


def _opens_entry(line: str) -> bool:
    """``line`` opens a list's entry: a term, then its definition (a word such as "the" or
    "and" opens prose that goes on)."""
    if _ENTRY_LINE.match(line) or _BULLET_LINE.match(line):
        return True
    term = _TERM_LINE.match(line)
    return term is not None and term.group(1) not in STOPWORDS


# A line that goes on in lower case after a long one that ends without a stop was wrapped
# (a short one is more likely a list's or a program's line of its own).
_CONTINUES = re.compile(r"\s*[a-z(]")
# "... published by the Journal of Statistical" + "Software:": a name the page wrapped goes on
# in a capitalised word that ends the line's phrase.
_NAME_WRAPPED = re.compile(r"\b(?:of|the|for|and|on|in) (?:[A-Z][a-z]+ )*[A-Z][a-z]+$")
_NAME_ENDS = re.compile(r"\s*[A-Z][a-z]+(?:[:,.;)]|$)")
# "... for DBSCAN and OPTICS through a" + "C++ implementation (...)": a line that ends with a
# word no sentence ends with goes on in the next one, whatever that starts with.
_ENDS_UNFINISHED = re.compile(
    r"\b(?:a|an|the|of|to|in|for|with|by|via|from|through|into|than|and|or|whose)$"
)
WRAPPED_WIDTH = 50
_STOPPED = re.compile(r"[.!?:;]\s*$")


def _unwrapped_lines(run: str) -> list[str]:
    """The lines of a run without sentence ends (a list, a history, a table), with a sentence
    the page wrapped over two lines put back together ("... under the same" + "terms as Perl
    itself"), up to ``MAX_SENTENCE`` characters."""
    lines: list[str] = []
    for line in run.split("\n"):
        previous = lines[-1] if lines else ""
        if (
            len(previous.strip()) >= WRAPPED_WIDTH
            and not _STOPPED.search(previous)
            and (
                _CONTINUES.match(line)
                or (_NAME_WRAPPED.search(previous.rstrip()) and _NAME_ENDS.match(line))
                or (_ENDS_UNFINISHED.search(previous.rstrip()) and line.strip())
            )
            and len(previous) + len(line) < MAX_SENTENCE
        ):
            lines[-1] = f"{previous} {line.strip()}"
        else:
            lines.append(line)
    return lines
