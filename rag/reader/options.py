"""Command-line options in questions and documents: the options a text names ("--file",
"-Tps"), the head of an option's entry and its aliases ("-F, --file name"), and the options a
question sets aside ("besides --quiet") or names only to compare with ("like with ssh -X")."""

from __future__ import annotations

import re

from rag.text import content_terms

# "besides X", "instead of -Tpdf": what a question sets aside, up to its next clause.
_EXCLUSION = re.compile(
    r"\b(?:besides|apart from|aside from|other than|instead of|except(?: for)?)\s+(?:the\s+)?"
    r"(\"[^\"]+\"|[^,?;]+)|"
    r"\b(?:leaving|setting|putting|leave|set|put)\s+(?:the\s+)?([^,?;]+?)\s+aside\b",
    re.IGNORECASE,
)


# Command-line options: "--deskew-scan-step", "-Tps". (A variable such as FC_DEBUG is named
# by the caption of its table, not in each row, so only options are held to this.)
# Typesetting turns "--" into a dash or a minus sign: "–deskew-scan-step", "−Tps".
_OPTION = re.compile(r"(?<![\w-])[-–—−]{1,2}[A-Za-z][\w-]*")


# "-t", "--sort": an option as a question writes it, its case kept: -t and -T are two options.
_WRITTEN_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")


def options_asked(question: str) -> set[str]:
    """The options ``question`` writes with their dashes ("-t", "--sort"), without them."""
    return {m.group(0).lstrip("-") for m in _WRITTEN_OPTION.finditer(question)}


def written_options(text: str) -> list[str]:
    """The options ``text`` writes, dashes and order kept: "leave -t alone" -> ["-t"]."""
    return _WRITTEN_OPTION.findall(text)


def named_options(text: str) -> set[str]:
    """Options named in ``text``, without their dashes, lower-cased."""
    return {m.group(0).lstrip("-–—−").lower() for m in _OPTION.finditer(text)}


# "-F, --file name", "-q | --quiet", "`-a`, `--all`": the names an entry's head gives one
# option, in Markdown's backticks or not; the short name may take its argument before the long
# one does ("-S SEVERITY, --severity=SEVERITY", "-o <file>, --output <file>").
_ALIAS_GAP = re.compile(
    r"[`'\"”’]?(?:[ =](?:[A-Z][A-Z0-9_]*|<[\w.-]+>|\[[\w.-]+\]))?\s*[,|/]?\s*[`'\"“‘]?"
)
# What may open an entry's head before its first option: a list's bullet (a man page may
# render it as a circle: "○ --argfile name file:"), a quote mark ("* `--disable-setuid`"), the
# title of the group of options it opens, which has no full stop to end a sentence
# ("Encoding options --bitrate N.nnn Set target bitrate").
_HEAD_OPENING = re.compile(
    r"\s*(?:(?:[A-Z][a-z]+ ){1,3}[Oo]ptions:?\s+(?=-))?(?:[*•+○◦▪‣]\s+)?[`'\"“‘]?"
)


def entry_options(text: str) -> set[str]:
    """The options named by the last entry head in ``text``: its last option and the
    aliases written just before it."""
    found = list(_OPTION.finditer(text))
    if not found:
        return set()
    head = [found[-1]]
    for match in reversed(found[:-1]):
        if not _ALIAS_GAP.fullmatch(text[match.end() : head[-1].start()]):
            break
        head.append(match)
    return {m.group(0).lstrip("-–—−").lower() for m in head}


# What may follow an entry's options on its head line: argument placeholders, and the
# bullet and quote marks around them.
_PLACEHOLDER = re.compile(r"<[^>]*>|\[[^\]]*\]|=\S*|[,|/:*•+○◦▪‣`'\"“”‘’]")


def bare_head(text: str) -> bool:
    """``text`` is an entry's head that only names its options ("-n, --command-name <NAME>",
    "-j, --threads num"): it says nothing of what they do."""
    if not _leading_options(text):
        return False
    rest = _PLACEHOLDER.sub(" ", _OPTION.sub(" ", text)).split()
    return len(rest) <= 1


def option_terms(text: str) -> frozenset[str]:
    """The options ``text`` names, as terms: a short option keeps its case ("-N" is not
    "-n"), a long one is lower-cased."""
    names = (m.group(0).lstrip("-–—−") for m in _OPTION.finditer(text))
    return frozenset(f"option:{name if len(name) == 1 else name.lower()}" for name in names)


def _leading_options(text: str) -> set[str]:
    """The options an entry's head opens with ("-F, --file name: ..."), or none."""
    return {name.lstrip("-–—−").lower() for name in head_options(text)}


def head_options(text: str) -> list[str]:
    """The options an entry's head opens with, as written ("-F", "--file"), or none."""
    start = _HEAD_OPENING.match(text).end()
    found: list[re.Match[str]] = []
    for match in _OPTION.finditer(text, start):
        end = found[-1].end() if found else start
        if not _ALIAS_GAP.fullmatch(text[end : match.start()]):
            break
        found.append(match)
    return [m.group(0) for m in found]


def set_aside(question: str) -> str:
    """What the question sets aside ("instead of -Tpdf", "besides --quiet")."""
    return " ".join(_set_aside_thing(match) for match in _EXCLUSION.finditer(question))


def _set_aside_thing(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2)


def without_set_aside(question: str) -> str:
    """``question`` less what it sets aside ("Leaving the optional extras aside, ..."), whose
    words the answer's evidence need not hold."""
    return _EXCLUSION.sub(" ", question)


# "when -q is not used", "if --force isn't given": an option the question leaves unused.
_UNUSED = re.compile(
    r"((?<![\w-])[-–—−]{1,2}[A-Za-z][\w-]*)(?:\s+option)?\s+(?:is|was|are)(?:\s+not|n't)\s+"
    r"(?:used|given|set|specified|passed)\b|"
    r"\bunless\s+(?:the\s+)?((?<![\w-])[-–—−]{1,2}[A-Za-z][\w-]*)(?:\s+option)?\s+(?:is|was|are)\s+"
    r"(?:used|given|set|specified|passed)\b",
    re.IGNORECASE,
)
# "if the --quiet or -q option is used": the case where an option is used.
_USED_CASE = re.compile(
    r"\b(?:if|when|whenever)\b([^.;:?!]*?)\b(?:is|are)\s+(?:used|given|set|specified|passed)\b",
    re.IGNORECASE,
)


def unused_options(question: str) -> set[str]:
    """Options the question says are not used ("when -q is not used")."""
    return {
        named
        for m in _UNUSED.finditer(question)
        for named in named_options(m.group(1) or m.group(2))
    }


def used_case_options(text: str) -> set[str]:
    """Options whose use ``text`` makes its condition ("if the --quiet or -q option is
    used, ..."): what it says holds only when they are used."""
    return {named for m in _USED_CASE.finditer(text) for named in named_options(m.group(1))}


def excluded_options(question: str) -> set[str]:
    """Options the question sets aside."""
    return named_options(set_aside(question))


# "like with ssh -X", "the way gzip does", "unlike xz -k": what the question compares with.
_COMPARISON = re.compile(
    r"\b(?:like|as)\s+(?:with|in|for|on)\s+([^,?;]+)|\bthe way\s+([^,?;]+?)\s+(?:does|do|did)\b|"
    r"\b(?:unlike|similar to)\s+([^,?;]+)",
    re.IGNORECASE,
)


def compared_options(question: str) -> set[str]:
    """Options the question names only to compare with ("can mosh forward X like with ssh
    -X?"): the answer speaks of its own program, which need not have that option."""
    return {
        o for m in _COMPARISON.finditer(question) for g in m.groups() if g for o in named_options(g)
    }


# "the way it does when compressing", "the way gzip does": the clause a comparison sets beside
# the claim, up to the next comma or the question's end.
_COMPARED_CLAUSE = re.compile(
    r"\b(?:the way|just as|as)\s+[^,?;]*?\b(?:does|do|did|is|are)\b[^,?;]*|"
    r"\b(?:like|as)\s+(?:with|in|for|on)\s+[^,?;]+|\b(?:unlike|similar to)\s+[^,?;]+",
    re.IGNORECASE,
)


def compared_terms(question: str) -> set[str]:
    """Terms the question uses only in what it compares with: "Will pigz use all cores when
    decompressing, the way it does when compressing?" asks about decompressing; a sentence on
    compressing answers the comparison, not the question."""
    clauses = [m.group(0) for m in _COMPARED_CLAUSE.finditer(question)]
    if not clauses:
        return set()
    rest = _COMPARED_CLAUSE.sub(" ", question)
    inside = {t for clause in clauses for t in content_terms(clause)}
    return inside - set(content_terms(rest))


def excluded_terms(question: str) -> set[str]:
    return {
        t for match in _EXCLUSION.finditer(question) for t in content_terms(_set_aside_thing(match))
    }
