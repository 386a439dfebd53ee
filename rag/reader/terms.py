"""Topic terms as the reader compares them: British and American spellings meet, and so do a
unit's name and its symbol.

A question asks for the "colour" of what a table lists under "Color"; a "grey" fill is a "gray"
one. The terms are the stems of ``rag.text``, with the spelling variants folded onto one form on
both sides of every comparison (question, evidence, table headers), so nothing is lost when a
fold happens to meet a word that has no variant.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag import text

# Stems as the Snowball stemmer leaves them: "colour" -> "colour", "centre" -> "centr".
_FOLDS = [
    # A unit's symbol is its name: a "time, ms" column holds milliseconds. First, so that the
    # name is folded further as the word is.
    (re.compile(r"^(?:ms|msec)$"), "millisecond"),
    (re.compile(r"^usec$"), "microsecond"),
    (re.compile(r"^(?:ns|nsec)$"), "nanosecond"),
    (re.compile(r"(?<=\w\w\w)our$"), "or"),  # colour, behaviour, favour (not hour, four)
    (re.compile(r"^grey"), "gray"),
    (re.compile(r"(?<=\w\w)tr$"), "ter"),  # centre, metre, litre
    (re.compile(r"^licenc"), "licens"),
    (re.compile(r"(?<=\w\w\w)is(?=e|ation|ing|ed|er|$)"), "iz"),  # organise, normalisation
]
# "μs" (Greek mu, or the micro sign) is no word the tokenizer keeps: it is spelled out first.
_MICRO = re.compile(r"(?<!\w)[μµ]s(?!\w)")


@lru_cache(maxsize=65536)
def fold(term: str) -> str:
    """``term`` with its spelling variant folded, stemmed again: Snowball leaves some stems
    unfinished ("aliases" -> "alias", while "alias" -> "alia"), and a second pass meets them."""
    for pattern, replacement in _FOLDS:
        term = pattern.sub(replacement, term)
    return text.stem(term)


def content_terms(value: str) -> list[str]:
    """``rag.text.content_terms`` with spelling variants folded."""
    return list(_content_terms(value))


# The same evidence sentences and documents are read for question after question.
@lru_cache(maxsize=8192)
def _content_terms(value: str) -> tuple[str, ...]:
    value = _MICRO.sub("microseconds", value)
    return tuple(dict.fromkeys(fold(t) for t in text.content_terms(value)))


def key_terms(value: str) -> set[str]:
    return {fold(t) for t in text.key_terms(value)}


# "lifeExp", "gdpPercap": a label written as one identifier, its words joined by case.
_CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")
MIN_ABBREVIATION = 3


def label_terms(label: str) -> set[str]:
    """The terms of a table header or a field's label, with the words of a camelCase label apart:
    "lifeExp" -> {"life", "exp"}. R's header for a test's p-value ("Pr(>|z|)") names one."""
    terms = set(content_terms(_CAMEL_JOIN.sub(" ", label)))
    if _P_VALUE_HEADER.match(label):
        terms |= _P_VALUE_TERMS
    return terms | _QUARTILE_TERMS.get(label.strip(), frozenset())


# R prints a test's p-value under "Pr(>|z|)", "Pr(>|t|)", "Pr(>F)", "Pr(>Chisq)", "P(>|Chi|)".
_P_VALUE_HEADER = re.compile(r"\s*Pr?\s*\(\s*>")
_P_VALUE_TERMS = frozenset(content_terms("p-value"))


# What R's summary() and quantile() print for the quartiles a question names in words ("the
# third quartile", "the lower quartile", "the median"). "First" is too common a word to be a
# term, so the first quartile is named by "lower" alone.
_QUARTILE_TERMS = {
    label: frozenset(content_terms(words))
    for labels, words in (
        (("1st Qu.", "25%"), "lower quartile"),
        (("3rd Qu.", "75%"), "third upper quartile"),
        (("50%",), "median"),
    )
    for label in labels
}


def abbreviates(short: str, term: str) -> bool:
    """A header's shortened word stands for the question's: "exp" for "expectancy" (stemmed
    "expect"), "pop" for "population", "max" for "maximum"."""
    return len(short) >= MIN_ABBREVIATION and len(term) > len(short) and term.startswith(short)


def label_hits(terms: set[str], label: str) -> float:
    """How well ``label`` names what ``terms`` speak of: a shared term counts one, a term the
    label abbreviates half (a shortened word is the weaker sign)."""
    own = label_terms(label)
    # "p-value" and a header's "Pvalue" are one word, hyphen or not.
    joined = {t.replace("-", "") for t in own}
    shared = terms & own | {t for t in terms if "-" in t and t.replace("-", "") in joined}
    shortened = [t for t in terms - shared if any(abbreviates(s, t) for s in own - shared)]
    return len(shared) + 0.5 * len(shortened)
