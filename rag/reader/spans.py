"""Typed spans in an evidence sentence: the words that fill what a question asks for.

Each finder returns candidate spans in the order they appear; the reader prefers spans the
question does not already contain (an answer adds something to its question) and, among those,
the one nearest the question's own words in the sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from rag.cited_works import SURNAME
from rag.reader.dates import MONTHS
from rag.reader.question import Wants
from rag.text import JOURNAL_VOLUME_PAGES, STOPWORDS, content_terms

_UNITS = (
    r"%|percent|per ?cent|[kmgt]i?b(?:ytes?)?|bytes?|bits?|kbps|mbps|gbps|hz|khz|mhz|ghz|"
    r"ms|milliseconds?|µs|us|microseconds?|ns|nanoseconds?|s|secs?|seconds?|minutes?|mins?|"
    r"hours?|days?|weeks?|months?|years?|times|x|px|pixels?|pt|points?|dpi|mm|cm|m|km|kg|g|"
    r"(?:centi|milli|kilo)?met(?:er|re)s?|inch(?:es)?|feet|foot|ft|"
    r"lines?|pages?|characters?|chars?|entries|items|files?|threads?|cores?|cycles?|"
    r"columns?|rows?|levels?|steps?|users?|people|digits?|words?|calls?|requests?|degrees?"
)
UNIT_WORDS = _UNITS  # the units a quantity may be written with, as a pattern
_CARDINALS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|billion"
)
CARDINALS = _CARDINALS  # the numbers written as words, as a pattern
_NUMBER_WORDS = rf"{_CARDINALS}|a dozen|once|twice"
# "x86-64", "UTF-8", "ISO-8859-1": a number joined to a name by a hyphen is part of the name.
# "women[1,]", "sqrt(2)": an index or an argument in code is no quantity either. "2-6x",
# "1–2 seconds": a range before its unit is one quantity.
NUMBER_WITH_UNIT = re.compile(
    rf"(?<![\w.])(?<!\w-)(?<!\w\[)(?<!\w\()(?:[$€£¥]\s?)?(?:0x[0-9a-f]+|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|"
    # "1/1200 inch", "1/2 second": a fraction before its unit is one quantity.
    rf"\d+/\d+(?=\s?(?:{_UNITS})(?!\w))|"
    # "Removed: 16/144", "Score: 3/10": so many of so many, one count (not a date's "12/05/2020").
    rf"(?<!/)\d+/\d+(?![/\d])|"
    rf"\d+(?:\.\d+)?(?:[-–]\d+(?:\.\d+)?(?=\s?(?:{_UNITS})(?!\w)))?|"
    rf"(?:{_NUMBER_WORDS})(?=\s?(?:{_UNITS})(?!\w)))"
    rf"(?:\s?(?:{_UNITS})(?!\w))?(?:\s?(?:[$€£¥]|usd|eur|gbp|dollars?|euros?))?",
    re.IGNORECASE,
)
# "Section 12.6", "page 24", "Figure 3", "ISO 3166": numbers that point elsewhere or name a
# standard, not quantities.
_REFERENCE = re.compile(
    r"(?:section|sections|page|pages|p\.|pp\.|figure|fig\.|table|chapter|appendix|step|"
    r"item|footnote|version|release|line|equation|equations|eq\.|eqn\.|rfc|iso|iec|ieee|ecma|"
    r"ansi)\s*$",
    re.IGNORECASE,
)
MONEY = re.compile(
    r"[$€£¥]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|euros?|pounds? sterling|cents?)\b", re.I
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "31st", "2nd": a day written as an ordinal.
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|{_DAY} (?:of )?{_MONTH}\.?,? \d{{4}}|"
    rf"{_MONTH}\.? {_DAY},? \d{{4}}|{_MONTH}\.? \d{{4}}|(?:1[6-9]|20)\d{{2}})\b",
    re.IGNORECASE,
)
# A date written whole, not a year alone ("1920 pixels" is a quantity): its numbers are no
# count, no amount ("processed on October 11, 2022" says nothing of how many permutations).
_WHOLE_DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|{_DAY} (?:of )?{_MONTH}\.?,? \d{{4}}|"
    rf"{_MONTH}\.? {_DAY},? \d{{4}}|{_MONTH}\.? \d{{4}})\b",
    re.IGNORECASE,
)
IDENTIFIER = re.compile(
    # a path under an environment variable: "${HOME}/.digrc", "$XDG_CONFIG_HOME/foo/rc"
    r"(?<![\w-])(?:\$\{?[A-Z][A-Z0-9_]*\}?(?:/[\w.@+-]+)+/?|"
    r"--?[A-Za-z][\w-]*(?:=\S+)?|<[a-z][\w-]*>|\$?[A-Z][A-Z0-9]*_[A-Z0-9_]+|"
    r"__[a-z][a-z0-9_]*__|[A-Za-z0-9]*[a-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?:\(\))?|\w+\(\)|[a-z]+[A-Z]\w+|"
    r"[A-Z][A-Z0-9]{2,}|"
    # R's and the shell's names that open with a dot: ".indexwday", ".bashrc"
    r"\.[a-z][A-Za-z0-9_.]*[A-Za-z0-9]|"
    # a media type: "text/plain", "image/svg+xml", "inode/*"
    r"(?:application|audio|font|image|inode|message|model|multipart|text|video)/[\w.+*-]+|"
    r"(?:~|\.{1,2})?/[\w.@+-]+(?:/[\w.@+-]+)*/?|[\w-]+\.(?:conf|cfg|ini|json|toml|ya?ml|xml|"
    r"txt|md|html|py|c|h|sh|pdf|png|jpg|so|deb))(?![\w-])"
)
# Each quote closed by its own kind, code by as many backticks as opened it: "```javascript
# ... require(" opens a code fence and closes on no quote of its own.
QUOTED = re.compile(
    r"\"([^\"\n]{1,60})\"|“([^”\n]{1,60})”|‘([^’\n]{1,60})’|(?<!`)(?P<ticks>`+)([^`\n]{1,60})(?P=ticks)(?!`)"
)
# A surname as a citation writes it: "Strasser", "O'Brien", "Hinkley".
# Latin letters with accents too: "Döhring", "Mächler", "Łukasz".
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿĀ-ž"
_NAME_WORD = rf"(?:[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?|[{_UPPER}]\.)"
# A nickname in quotes between the names: "Benjamin `ogham' Sago", "Robert "Bob" Smith".
_NICKNAME = r"(?:\s+[`'\"“‘][\w.-]{2,20}[`'\"”’])"
# A surname's particles, one or two: "Ludwig van Beethoven", "Mark van der Loo".
_PARTICLES = r"(?:(?:van|von|de|der|den|da|du|le|la)\s+){0,2}"
PERSON = re.compile(rf"\b{_NAME_WORD}{_NICKNAME}?(?:\s+{_PARTICLES}{_NAME_WORD}){{1,3}}\b")
# "Springer-Verlag", "Oxford University Press", "O'Reilly Media", and a publisher as
# references print it before its city: "Addison-Wesley, Reading, MA".
PUBLISHER = re.compile(
    r"\b(?:[A-Z][\w&.'’]*(?:\s+|-)){1,3}(?:Press|Verlag|Publishing|Publishers|Publications|"
    r"Books|Media)\b|\b[A-Z][a-z]+-[A-Z][a-z]+(?=,\s+[A-Z])"
)
# "@inikep": a person as code-hosting sites and mailing lists name them.
HANDLE = re.compile(r"(?<![\w.])@[A-Za-z][\w-]{1,38}\b(?!\.\w)")
# "SIL International", "Economic and Social Research Council": the words of its name, joined
# by "and", "of" or "for", before the word that says what kind of body it is.
ORGANISATION = re.compile(
    r"\b(?:[A-Z][\w&.-]*\s+(?:(?:and|of|for)\s+)?){0,4}(?:Inc|Ltd|LLC|GmbH|Corporation|Corp|"
    r"Company|Foundation|Project|University|Institute|Consortium|Group|Team|Labs?|Software|"
    r"Systems|International|Association|Society|Council|Organi[sz]ation|Alliance|Agency)\b\.?"
)
# "defaults to X", "the default is X", "the default value for X is Y", "default: X", "= X".
_VALUE_AFTER = re.compile(
    # "The default format is '%.8g'": the default of a thing the sentence names.
    r"(?:\b(?:defaults? (?:value )?(?:is|are|(?:of|for) \S+ is|to|:)|default value (?:is|:)|"
    r"default [a-z]+(?: [a-z]+| (?:of|for) \S+)? (?:is|are)|"
    # A program's usage list: "-gap-ext  gap extension score, default -1".
    r"defaults?(?=\s+[-+−]?\d)|"
    r"is set to|set (?:it )?to|are set to|equals?)|=)\s+"
    # Code in backticks is the value whole: "Defaults to `process.cwd()`".
    r"(?:`(?P<code>[^`\n]{1,60})`|[\"“‘'`]?(?P<after>[^\s,;\"”’'`)]+(?:\s(?:bytes?|seconds?|"
    r"[kmg]b|%))?))|"
    # A program's help prints "(default=72)", "[default: 3]": the value written onto the word.
    r"\bdefaults?[=:]\s*[\"“'`]?(?P<written>[^\s,;\"”'`)\]]+)",
    re.IGNORECASE,
)
# "X is the default", "X by default", "X (the default)", "X (default)".
_VALUE_BEFORE = re.compile(
    r"([^\s,;(]+)\s+(?:(?:is|are) (?:the )?default|by default|\((?:the )?default\))", re.I
)
PLACE = re.compile(r"\b(?:in|at|from|near)\s+((?:[A-Z][a-z]+,?\s?){1,3})")
NEGATION = re.compile(
    r"\b(?:not|no|never|cannot|can't|won't|don't|doesn't|isn't|aren't|without|neither|nor|"
    r"none|nothing|unnecessary|needn't)\b",
    re.IGNORECASE,
)


# "12.6 Automated FTP Uploads": a section's number opening its heading, not a quantity.
_HEADING_NUMBER = re.compile(r"\s*\d+(?:\.\d+)+\.?\s+[A-Z]")


# "12.6.2 Automated Upload Procedure", "2.4.1": a section's or release's number read in part.
_PART_OF_DOTTED = re.compile(r"\.\d")
# "vegan 2.6-4", "1.0.2-3": a package's release and its revision, no quantity ("6.8-7.1 cycles"
# is a range).
_REVISION_AFTER = re.compile(r"-\d+(?![.\d])")


# "-7 ... -9 are like -6", "--fast=4": a preset or an option's value, named by its number.
_OPTION_BEFORE = re.compile(r"(?:(?:^|[\s(\[/|*])-|=)$")


# "(default: number of available CPU cores)": a count that depends on the machine is stated
# as what it counts, and that is the answer to "how many threads by default".
_COUNT_IN_WORDS = re.compile(
    r"\bdefaults?(?:\s+(?:is|to)|:)\s+(?:the\s+)?(number of [\w -]{3,40}?)\s*(?=[).;,]|$)",
    re.IGNORECASE,
)


def _numbers(sentence: str) -> list[str]:
    return _written_numbers(sentence) + [m.group(1) for m in _COUNT_IN_WORDS.finditer(sentence)]


def counted_stem(counted: str) -> str:
    """The noun a "how many" question counts, without its plural ending: "ship" of "ships"."""
    return re.sub(r"(?:es|s)$", "", counted) if len(counted) > 3 else counted


def counts_in_digits(counted: str, sentence: str) -> list[str]:
    """The numbers ``sentence`` writes before the thing counted, with at most one word between:
    "2" of "Reinforcements (2 ships) have arrived" for "how many ships"."""
    if not counted:
        return []
    stem = counted_stem(counted)
    before = rf"(?<![\w.])(\d[\d,]*)\s+(?:[a-z-]+\s+)?{re.escape(stem)}(?:s|es)?\b"
    return re.findall(before, sentence, re.IGNORECASE)


def numbered_through(counted: str, sentence: str) -> list[str]:
    """The last number of a run that numbers the thing counted from one: "3" of "Model 1
    Model 2 Model 3" (a table's column heads) for "how many models"."""
    stem = counted_stem(counted)
    if not stem:
        return []
    pattern = rf"\b{re.escape(stem)}(?:s|es)?\s+(\d{{1,2}})\b"
    numbers = [int(n) for n in re.findall(pattern, sentence, re.IGNORECASE)]
    if len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1)):
        return [str(numbers[-1])]
    return []


def counts_in_words(counted: str, sentence: str) -> list[str]:
    """A number in words before the thing counted, singular or plural, with at most one word
    between: "one password", "two random passwords" for "how many passwords". A number in
    words before any other noun counts something else ("one of the options")."""
    stem = counted_stem(counted)
    if not stem:
        return []
    pattern = rf"\b(?:{_NUMBER_WORDS})\s+(?:[a-z-]+\s+)?{re.escape(stem)}(?:s|es)?\b"
    return [m.group(0) for m in re.finditer(pattern, sentence, flags=re.IGNORECASE)]


# "https://hosted.weblate.org/widgets/iso-4217/287x66-white.png": an address's digits.
_ADDRESS = re.compile(r"\bhttps?://\S+|\bwww\.\S+")


# "1GbE", "10GBASE": a number run together with letters that are no unit it knows is read
# with them, whole.
_JOINED_LETTERS = re.compile(r"[A-Za-z]\w*")


def _with_joined_letters(sentence: str, match: re.Match[str]) -> str:
    joined = _JOINED_LETTERS.match(sentence, match.end())
    return match.group(0) + joined.group(0) if joined else match.group(0)


def _written_numbers(sentence: str) -> list[str]:
    addresses = [m.span() for m in _ADDRESS.finditer(sentence)]
    addresses += [m.span() for m in _WHOLE_DATE.finditer(sentence)]
    return [
        _with_joined_letters(sentence, m).strip()
        for m in NUMBER_WITH_UNIT.finditer(sentence)
        if not any(start <= m.start() < end for start, end in addresses)
        and not _REFERENCE.search(sentence[max(0, m.start() - 12) : m.start()])
        and not (m.start() == 0 and _HEADING_NUMBER.match(sentence))
        and not _PART_OF_DOTTED.match(sentence, m.end())
        and not ("." in m.group(0) and _REVISION_AFTER.match(sentence, m.end()))
        and not (
            _OPTION_BEFORE.search(sentence[max(0, m.start() - 2) : m.start()])
            and m.group(0).strip().isdigit()
        )
        and not (
            _YEAR.fullmatch(m.group(0).strip())
            and _CITING.search(sentence[max(0, m.start() - 30) : m.start()])
        )
    ]


# "(Davison and Hinkley 1997)", "Ward (1977)": the year of a cited work counts nothing.
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_CITING = re.compile(rf"(?:\b{SURNAME}|\bet al\.)\s*[(,]?\s*$")


# A number that ends in one of these is a span of time: "10 secs", "2-3 months", "500 ms".
# A unit's short form is written in lower case: "10 S" on a game's score sheet is south.
_TIME_UNIT = re.compile(
    r"\d\s?(?:(?-i:ms|µs|us|ns|s|secs?|mins?|hrs?)|milliseconds?|microseconds?|nanoseconds?|"
    r"seconds?|minutes?|hours?|days?|weeks?|months?|years?)$|"
    r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)$",
    re.IGNORECASE,
)


# A number that ends in one of these is a length: "1/1200 inch", "2.5 cm", "12 pt".
_LENGTH_UNIT = re.compile(
    r"\d\s?(?:mm|cm|m|km|(?:centi|milli|kilo)?met(?:er|re)s?|inch(?:es)?|feet|foot|ft|pt|"
    r"points?|px|pixels?)$",
    re.IGNORECASE,
)


def lengths(found: list[str]) -> list[str]:
    """The spans of ``found`` that are lengths ("1/1200 inch", "2.5 cm")."""
    return [span for span in found if _LENGTH_UNIT.search(span)]


def durations(found: list[str]) -> list[str]:
    """The spans of ``found`` that are spans of time."""
    return [span for span in found if _TIME_UNIT.search(span)]


# A unit of time as written, and the unit it is: "secs" and "s" are seconds.
_TIME_UNITS = {
    "millisecond": ("ms", "msec", "msecs", "millisecond", "milliseconds"),
    "second": ("s", "sec", "secs", "second", "seconds"),
    "minute": ("min", "mins", "minute", "minutes"),
    "hour": ("h", "hr", "hrs", "hour", "hours"),
    "day": ("day", "days"),
    "week": ("week", "weeks"),
    "month": ("month", "months"),
    "year": ("yr", "yrs", "year", "years"),
}
_UNIT_OF_TIME = {written: unit for unit, forms in _TIME_UNITS.items() for written in forms}


def in_unit_counted(counted: str, found: list[str]) -> list[str]:
    """The spans of time of ``found`` in the unit a "how many hours" question counts: "five
    years" (of training) does not say how many hours a page took. Any question that counts
    no unit of time keeps them all."""
    unit = _UNIT_OF_TIME.get(counted.lower())
    if unit is None:
        return found
    kept = []
    for span in found:
        written = re.search(r"([A-Za-zµ]+)\s*$", span)
        if written is None or _UNIT_OF_TIME.get(written.group(1).lower()) == unit:
            kept.append(span)
    return kept


# "less than an hour", "about half a minute": a span of time with no number in it.
_DURATION_IN_WORDS = re.compile(
    r"\b(?:(?:less|more|fewer) than |under |over |about |around |nearly |almost |roughly )?"
    r"(?:half an?|an?) (?:hour|minute|second|day|week|month|year)\b(?! (?:or|and) )",
    re.IGNORECASE,
)


# "once every minute", "every 5 seconds", "twice a day", "daily": how often, with no number
# before a unit, or with the number after "every".
_FREQUENCY_IN_WORDS = re.compile(
    r"\b(?:(?:once|twice|thrice|(?:\d+|[a-z]+) times) (?:a|an|per|every|each) |"
    r"(?:every|each|per) (?:\d+(?:\.\d+)? |(?:two|three|four|five|ten|few) )?)"
    r"(?:(?:milli|micro)?second|sec|minute|min|hour|day|week|month|year)s?\b|"
    r"\b(?:hourly|daily|nightly|weekly|monthly|yearly)\b",
    re.IGNORECASE,
)


def frequencies_in_words(sentence: str) -> list[str]:
    """How often ``sentence`` says a thing happens in words: "once every minute", "daily"."""
    return [m.group(0) for m in _FREQUENCY_IN_WORDS.finditer(sentence)]


def durations_in_words(sentence: str) -> list[str]:
    """Spans of time ``sentence`` gives with an article for a number: "less than an hour"."""
    return [m.group(0) for m in _DURATION_IN_WORDS.finditer(sentence)]


# "Default time is 2000.", "the delay is 500": a bare number given as a span of time, its
# unit said where the setting is described ("The time (in ms) to wait ...").
_TIME_GIVEN = re.compile(
    r"\b(?:time|delay|timeout|interval|duration|wait)\s+(?:is|of|=|:)\s+(\d+(?:\.\d+)?)\b"
    r"(?!\w|\.\d|\s*(?:%|(?:milli|micro)?s(?:ec(?:ond)?s?)?|ms|mins?|minutes?|h|hours?|days?)\b)",
    re.IGNORECASE,
)


def times_given(sentence: str) -> list[str]:
    """Bare numbers ``sentence`` gives as the value of a time or a delay."""
    return [m.group(1) for m in _TIME_GIVEN.finditer(sentence)]


_TIMES = re.compile(r"\b(?:\d+|[a-z]+) times$", re.IGNORECASE)


def frequencies(found: list[str]) -> list[str]:
    """The spans of ``found`` that say how often: spans of time ("every five minutes") and
    counts of times ("10 times a second")."""
    return [span for span in found if _TIME_UNIT.search(span) or _TIMES.search(span)]


# "32 MiB", "2 GB", and a manual's "7600k" ("Compress usage: 7600k"): an amount of memory or
# storage, asked as one.
_SIZE_UNIT = re.compile(
    r"\d\s?(?:[kmgtp]i?b|bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?)$|\d[kKMGT]$",
    re.IGNORECASE,
)


def sizes(found: list[str]) -> list[str]:
    """The spans of ``found`` that are amounts of memory or storage ("32 MiB", "2 GB")."""
    return [span for span in found if _SIZE_UNIT.search(span)]


# "400 × 300", "2592x1944", "782 x 699 pixels": a width by a height is one size, not two
# numbers.
_DIMENSIONS = re.compile(r"(?<![\w.])\d{1,5}\s?[x×]\s?\d{1,5}(?:\s?(?:px|pixels))?(?!\w|\.\d)")


def dimensions(sentence: str) -> list[str]:
    """The width-by-height sizes ``sentence`` gives, in order of appearance."""
    return [m.group(0) for m in _DIMENSIONS.finditer(sentence)]


# "Which one integrates ODEs composed of complex numbers?": what the question says of the
# thing it asks for, from the verb that follows "which one" or "which function" on.
_ASKED_PREDICATE = re.compile(
    r"\b(?:which|what)(?: (?:other|single))? (?:one|[a-z][\w-]*) (?!(?:is|are|was|were|does|do|"
    r"did|can|could|should|would|will|has|have|had|may|must|of|in|on|for|to|by|with|from)\b)"
    r"([a-z][^?,;]*)",
    re.IGNORECASE,
)
MIN_PREDICATE_WORDS = 3
_NAME_BEFORE = re.compile(r"(-{0,2}[A-Za-z_][\w.+-]*)[\s)]*$")


def subject_of_predicate(question: str, sentence: str) -> str:
    """The name that ``sentence`` says what the question says of the thing it asks for ("zvode"
    of "zvode integrates ODEs composed of complex numbers, full, banded ..." for "which one
    integrates ODEs composed of complex numbers?"): the word just before the longest run of the
    question's words from its verb on, three words at least; else ""."""
    match = _ASKED_PREDICATE.search(question)
    if match is None:
        return ""
    words = match.group(1).split()
    for count in range(len(words), MIN_PREDICATE_WORDS - 1, -1):
        phrase = r"\s+".join(re.escape(word) for word in words[:count])
        said = re.search(rf"(?<![\w-]){phrase}(?![\w-])", sentence, flags=re.IGNORECASE)
        if said is None:
            continue
        before = _NAME_BEFORE.search(sentence[: said.start()])
        name = before.group(1) if before else ""
        if name and name.lower() not in STOPWORDS and name.lower() not in question.lower():
            return name
        return ""
    return ""


# "Lau92 means the limiting distribution", "-x stands for the extended format": a key, a word
# for what it stands for, and what that is, up to the next punctuation mark.
_KEY_MEANS = re.compile(
    r"(?<![\w-])(-{0,2}[A-Za-z_][\w.+-]*)\s+(?:means(?! of\b)|stands for|denotes|selects|refers to)\s+"
    r"([^,;:.()]{3,80})"
)


def key_meaning(question: str, sentence: str) -> str:
    """The key that ``sentence`` says means what the question asks a thing for ("Lau92" of
    "Lau92 means the limiting distribution" for "which pmethod value gives the limiting
    distribution?"): all the content words of what it means are the question's, two at
    least; else ""."""
    asked = set(content_terms(question))
    lowered = question.lower()
    for match in _KEY_MEANS.finditer(sentence):
        key, meaning = match.group(1), match.group(2)
        terms = set(content_terms(meaning))
        if (
            len(terms) >= 2
            and terms <= asked
            and key.lower() not in lowered
            and key.lower() not in STOPWORDS  # "by means of", "this means"
        ):
            return key
    return ""


_RESOLUTION_UNIT = re.compile(r"\d\s?(?:dpi|ppi|pixels?|px)$", re.IGNORECASE)


def resolutions(found: list[str], sentence: str) -> list[str]:
    """The spans of ``found`` that give a resolution ("75 dpi", "300 pixels"), or else the
    width-by-height sizes of ``sentence`` ("1920x1080")."""
    return [s for s in found if _RESOLUTION_UNIT.search(s)] or dimensions(sentence)


_RATIO = re.compile(r"\d\s?(?:x|×|times|fold|%|percent|per ?cent)$", re.IGNORECASE)
_MULTIPLE = re.compile(r"^-?\d+(?:\.\d+)?\s?(?:x|×|times|fold)?$", re.IGNORECASE)


def factors(found: list[str]) -> list[str]:
    """The spans of ``found`` that are multipliers: a bare number or a multiple ("1.5",
    "2x"), not a quantity in its unit ("500ms" is a wait, not the factor it grows by)."""
    return [span for span in found if _MULTIPLE.match(span)]


# A comparison in words: "two orders of magnitude", "twice", "ten times".
# A multiple in words may run to several of them: "three hundred fold", "twenty-five times".
_MULTIPLE_WORD = rf"(?:a |one )?(?:{_CARDINALS})"
_RATIO_IN_WORDS = re.compile(
    r"\b(?:(?:one|two|three|four|five|six|several|many|an|\d+)\s+orders?\s+of\s+magnitude|"
    rf"twice|thrice|{_MULTIPLE_WORD}(?:[\s-]+{_MULTIPLE_WORD})*[\s-]+(?:times|fold))\b",
    re.IGNORECASE,
)


def ratios(found: list[str], sentence: str = "") -> list[str]:
    """The spans of ``found`` that compare: a ratio or a percentage ("2-6x", "3 times", "40%")
    or a span of time ("2 seconds" faster), then the comparisons ``sentence`` says in words
    ("two orders of magnitude"). A bare number, or a clock rate, tells no comparison."""
    numeric = [span for span in found if _RATIO.search(span) or _TIME_UNIT.search(span)]
    return numeric + [m.group(0) for m in _RATIO_IN_WORDS.finditer(sentence)]


def _money(sentence: str) -> list[str]:
    return [s for s in _numbers(sentence) if MONEY.search(s)]


def _dates(sentence: str) -> list[str]:
    """Calendar dates, then days counted from a start ("on the 28th day", "day 28") or in
    every month."""
    cited = [m.span() for m in _CITATION.finditer(sentence)]
    found = [
        m.group(0)
        for m in DATE.finditer(sentence)
        if not any(start <= m.start() < end for start, end in cited)
    ]
    return found + [m.group(0) for m in _COUNTED_DAY.finditer(sentence)]


# "(R Development Core Team 2009)": the year a cited source was written, not a date the
# sentence tells of.
_CITATION = re.compile(
    r"\((?:see |e\.g\.,? |cf\. )?(?:[A-Z][\w'’.-]*,?\s+(?:(?:and|&|et al\.?)\s+)?)+"
    r"(?:19|20)\d\d[a-z]?(?:[;,][^()]*)?\)"
)


# "on the 28th day", "day 28", and a day of every month: "on 15th of every month".
_COUNTED_DAY = re.compile(
    r"\b(?:the )?\d{1,3}(?:st|nd|rd|th) day\b|\bday \d{1,3}\b(?![.,]\d)|"
    r"\b(?:the )?\d{1,2}(?:st|nd|rd|th)(?= of (?:every|each|the) month\b)",
    re.IGNORECASE,
)


# "the crossprod function", "the lintr package": a name the text calls by its kind.
_NAMED_BY_KIND = re.compile(
    # "the dist2gc (distance to great circle) function": what it stands for may come between.
    r"\b([A-Za-z_][\w.]*)\s+(?:\([^()]{1,80}\)\s+)?(?:function|command|method|macro|package|"
    r"module|library|flag|"
    r"variable)s?\b"
)


# "plotres's jitter argument", "the data argument": a function's argument named before the
# word. The words that say what kind of argument it is name none.
_NAMED_ARGUMENT = re.compile(r"\b([A-Za-z_][\w.]*)\s+arguments?\b")
_SAID_OF_ARGUMENTS = frozenset(
    [
        "optional",
        "keyword",
        "default",
        "following",
        "last",
        "second",
        "third",
        "single",
        "extra",
        "additional",
        "required",
        "positional",
        "numeric",
        "logical",
        "character",
        "function",
        "dots",
        "each",
        "every",
        "main",
        "new",
        "old",
        "only",
        "formal",
        "actual",
        "line",
        "command",
        "one",
        "two",
        "three",
        "several",
        "multiple",
        "further",
        "this",
        "that",
    ]
)


# "NOTE: This function does not ...": a label that calls attention to a sentence, no name.
_ADMONITIONS = frozenset(
    [
        "NOTE",
        "NOTES",
        "NB",
        "WARNING",
        "CAUTION",
        "TIP",
        "HINT",
        "IMPORTANT",
        "ATTENTION",
        "DANGER",
        "INFO",
        "TODO",
        "FIXME",
    ]
)


# "[defaults to 'devicelink.icm']": man pages quote a name in plain apostrophes. One word only,
# so that the apostrophes of "don't ... isn't" enclose nothing.
_SINGLE_QUOTED = re.compile(r"(?<![\w'])'([^'\s]*[^\W_][^'\s]*)'(?![\w'])")


def _identifiers(sentence: str) -> list[str]:
    found = [
        m.group(0).rstrip(".")
        for m in IDENTIFIER.finditer(sentence)
        if m.group(0) not in _ADMONITIONS or not sentence[m.end() :].lstrip().startswith(":")
    ]
    # "has a `.` as the first character": a quoted mark alone names nothing.
    quoted = [
        next(g for g in (m.group(1), m.group(2), m.group(3), m.group(5)) if g is not None).strip()
        for m in QUOTED.finditer(sentence)
    ]
    found += [q for q in quoted if re.search(r"[^\W_]", q)]
    found += [m.group(1) for m in _SINGLE_QUOTED.finditer(sentence)]
    found += [
        m.group(1) for m in _NAMED_BY_KIND.finditer(sentence) if m.group(1).lower() not in STOPWORDS
    ]
    found += [
        m.group(1)
        for m in _NAMED_ARGUMENT.finditer(sentence)
        if m.group(1).lower() not in STOPWORDS | _SAID_OF_ARGUMENTS
    ]
    return found


def _people(sentence: str) -> list[str]:
    # "CRAN.R-Project.org": an address's words name no organisation.
    addresses = [m.span() for m in _ADDRESS.finditer(sentence)]
    addresses += [m.span() for m in SHAPED["url"].finditer(sentence)]
    names = [
        m.group(0)
        for m in ORGANISATION.finditer(sentence)
        if not any(start <= m.start() < end for start, end in addresses)
    ]
    names += _person_names(sentence)
    # "Optical Character Recognition" beside "OCR" spells out an abbreviation: no one's name.
    abbreviations = set(re.findall(r"\b[A-Z]{2,}\b", sentence))
    names = [n for n in names if "".join(w[0] for w in n.split()) not in abbreviations]
    names += [m.group(0) for m in HANDLE.finditer(sentence)]
    names += [m.group(0) for m in PUBLISHER.finditer(sentence) if m.group(0) not in names]
    names += [
        m.group(1)
        for m in _CITED.finditer(sentence)
        if m.group(1) not in names and not _NO_SURNAMES & set(m.group(1).lower().split())
    ]
    # "The", "This" opening a sentence are not names.
    return [n for n in names if n.split()[0].lower() not in STOPWORDS]


# "given by Strasser and Weber (1999)", "(Hollander and Wolfe, 1999)", "Ward (1977)": the
# authors a text cites by surname and year.
_CITED = re.compile(
    rf"\b({SURNAME}(?:\s+(?:and|&)\s+{SURNAME}|\s+et\s+al\.)?)(?:\s+\(|,\s+|\s+(?=(?:19|20)\d\d[a-z]?[);]))"
    r"(?:19|20)\d\d[a-z]?\b"
)


# "Subject: Number Theory", "Title: Pari-GP Reference Card": a document's fields that hold
# no one's name, whatever their capitals.
_FIELD_OF_NO_ONE = re.compile(
    r"\b(?:Title|Subject|Keywords|Producer|Description|Summary|Language)\s*:\s*$"
)


# "D-64289 Darmstadt Germany", "MA 02139": what follows a postcode is a town, not a name.
# Four digits that may be a year ("In 1996 Thorsten Ohl ...") are not taken for one.
_POSTCODE = re.compile(r"(?<![\w.-])(?:[A-Z]{1,2}-\d{4,6}|\d{5,6}|(?!1[5-9]\d\d|20\d\d)\d{4})\s+$")


_FIELD_LABELS = frozenset(
    [
        "Title",
        "Subject",
        "Keywords",
        "Producer",
        "Creator",
        "Description",
        "Summary",
        "Language",
        "Author",
        "Authors",
        "Contact",
        "Email",
        "Maintainer",
        "Date",
        "Version",
        "License",
        "Licence",
        "Copyright",
    ]
)


def _person_names(sentence: str) -> list[str]:
    """PERSON's matches; one that opens with a common word ("Other Fixed-Point Algorithms
    Ravi") is tried again from its next word, so that it does not swallow the name after it."""
    names = []
    position = 0
    while match := PERSON.search(sentence, position):
        first = match.group(0).split()[0]
        if first.lower() in STOPWORDS:
            position = match.start() + len(first)
            continue
        if _FIELD_OF_NO_ONE.search(sentence[: match.start()]) or _POSTCODE.search(
            sentence[: match.start()]
        ):
            position = match.end()
            continue
        # "Rich Calaway January 16, 2022": a byline's date is no part of the name.
        name = _CALENDAR_WORDS.sub("", match.group(0))
        words = name.split()
        if words and words[-1] in _FIELD_LABELS and sentence[match.end() :].lstrip()[:1] == ":":
            words = words[:-1]  # "Author: Karim Belabas Subject: ...": the next field's label
        while words and words[-1].lower() in STOPWORDS:  # "1 Introduction The coin package"
            words.pop()
        if len(words) > 1 and not any(_document_part(w) for w in words):
            names.append(" ".join(words))
        position = match.end()
    return names


# The words of a document's headings and running heads, capitalised as names are ("1
# Introduction The", "LZ4(1) User Commands", "General Commands Manual"): no one is called so.
_DOCUMENT_PARTS = frozenset(
    [
        "abstract",
        "acknowledgements",
        "acknowledgments",
        "appendix",
        "bibliography",
        "chapter",
        "commands",
        "conclusion",
        "conclusions",
        "contents",
        "description",
        "discussion",
        "equation",
        "examples",
        "figure",
        "functions",
        "introduction",
        "manual",
        "notes",
        "overview",
        "page",
        "preface",
        "references",
        "section",
        "summary",
        "synopsis",
        "table",
    ]
)


def _document_part(word: str) -> bool:
    """A heading's word, singular or plural ("User Manuals", "Bootstrap Example")."""
    lowered = word.lower()
    return any(
        form in _DOCUMENT_PARTS for form in (lowered, lowered.removesuffix("s"), f"{lowered}s")
    )


# Words before a year that no author is called: "Table (2001)", "January, 2003".
_NO_SURNAMES = (
    _DOCUMENT_PARTS
    | frozenset(MONTHS)
    | frozenset(
        [
            "since",
            "until",
            "before",
            "after",
            "version",
            "release",
        ]
    )
)


_CALENDAR_WORDS = re.compile(
    r"(?:\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))+$"
)


# "5.2.6", "1.0.9a", "1.2-6" (with a packaging revision, as R and Debian number them), "v2",
# "version 4", "release 3.1": a dotted number, or a bare one that "v", "version" or "release"
# introduces. A date ("2007-01-21"), a section number opening a heading and the number of a
# standard's part ("PKCS#1.5") are no versions.
_VERSION = re.compile(
    r"(?<![\w.#-])(v?\d+(?:\.\d+)+[a-z]?(?:-\d+)?)(?![\w-]|\.\d)|\b(v\d+)\b|"
    r"\b(?:version|release)\s+(\d+(?:\.\d+)*[a-z]?(?:-\d+)?)(?![\w-]|\.\d)|"
    # "tlsv1.2", "TLSv1.3": a protocol's version written onto its name.
    r"\b([A-Za-z]{2,}v\d+(?:\.\d+)+)\b",
    re.IGNORECASE,
)


# Words that make "0.5" a release rather than a decimal.
_SPEAKS_OF_RELEASES = re.compile(
    r"\b(?:versions?|releases?|released|releasing|changelog|changes|news|upgraded?|upgrading|"
    r"since|introduced|added|removed|deprecated|new in|fixed in)\b",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w+-]*)\s+$")


def _versions(sentence: str) -> list[str]:
    found = []
    for match in _VERSION.finditer(sentence):
        if match.start() == 0 and _HEADING_NUMBER.match(sentence):
            continue
        version = next(g for g in match.groups() if g)
        if match.group(1) and _decimal(sentence, match.start(), version):
            continue
        if _in_markup_tag(sentence, match.start()):
            continue
        found.append(version)
    return found


def versions_of_named(named: Iterable[str], sentence: str) -> list[str]:
    """ "GCC 10", "Python 3", "gcc-11": a bare number written after a program the question
    names is its version, which ``_versions`` takes only with "version" or dots. The name
    comes with it, as written."""
    found = []
    # An option's argument ("--listen 6266") is no version of it.
    for name in sorted(n for n in named if n[:1].isalpha()):
        pattern = rf"(?<![\w.-]){re.escape(name)}[ -]v?\d+(?:\.\d+)*(?![\w%-]|\.\d)"
        found += [m.group(0) for m in re.finditer(pattern, sentence, re.IGNORECASE)]
    return list(dict.fromkeys(found))


# "the GNU General Public License version 3", "GPL v2", "Apache License, Version 2.0".
_LICENCE_VERSION = re.compile(
    r"(?:\blicen[cs]e|\b(?:A|L)?GPL)[\s,]*(?:version|ver\.|v\.?)?\s*(\d+(?:\.\d+)*)",
    re.IGNORECASE,
)


def licence_versions(sentence: str) -> set[str]:
    """The versions ``sentence`` gives of a licence: no release of the program it licenses."""
    return {m.group(1) for m in _LICENCE_VERSION.finditer(sentence)}


def _in_markup_tag(sentence: str, start: int) -> bool:
    """Whether ``start`` lies inside an XML or HTML tag (``<?xml version="1.0"?>``), where a
    number is an attribute's value, the version of a format, not a release of a program."""
    opened = sentence.rfind("<", 0, start)
    return (
        opened > sentence.rfind(">", 0, start)
        and re.match(r"<[?!/]?[A-Za-z]", sentence[opened:]) is not None
    )


def _decimal(sentence: str, start: int, number: str) -> bool:
    """Whether "0.5" is a plain decimal ("a decimal such as 0.5"), not a release: it has one
    dot, no "v" and no revision, follows no name ("pv 1.6", "Python 3.8") and stands in a
    sentence that does not speak of releases."""
    if number.count(".") != 1 or not number[0].isdigit() or not number[-1].isdigit():
        return False
    if "-" in number or _SPEAKS_OF_RELEASES.search(sentence):
        return False
    word = _WORD_BEFORE.search(sentence, 0, start)
    return word is None or word.group(1).lower() in STOPWORDS


def _values(sentence: str) -> list[str]:
    """Values stated as such ("defaults to 30", "X by default"), else the numbers."""
    found = []
    for match in _VALUE_AFTER.finditer(sentence):
        if match.group("code") is not None:
            found.append(match.group("code").strip())
            continue
        group = "after" if match.group("after") is not None else "written"
        number = NUMBER_WITH_UNIT.match(sentence, match.start(group))
        if number and re.match(r"[^\W_]", sentence[number.end() : number.end() + 1]):
            number = None  # "80x24", a size: the number ends inside the value written
        found.append(number.group(0).strip() if number else match.group(group).rstrip("."))
    found += [m.group(1) for m in _VALUE_BEFORE.finditer(sentence)]
    found += [m.group(1) for m in _EMPTY_DEFAULT.finditer(sentence)]
    found = [v for v in found if v.lower() not in STOPWORDS]
    # A value in quotes is one, be it a common word: 'ALL'.
    found += [m.group(1) or m.group(2) for m in _QUOTED_VALUE_USED.finditer(sentence)]
    return found or _numbers(sentence)


# "'ALL' may be used to print all columns", "use `auto` to pick one": a value in quotes that a
# setting may be given.
_QUOTED_VALUE_USED = re.compile(
    r"(?<![\w'\"“‘`])[\"“'‘`]([^\s\"”'’`]{1,30})[\"”'’`]\s+(?:may|can|could) be "
    r"(?:used|given|passed|specified)\b|"
    r"\b(?:[Uu]se|[Ss]pecify|[Pp]ass|[Gg]ive)\s+[\"“'‘`]([^\s\"”'’`]{1,30})[\"”'’`]\s+(?:to|for)\b"
)
# "Default is '' (empty string).": an empty value has no characters to quote, so the text names
# it.
_EMPTY_DEFAULT = re.compile(
    r"\bdefaults?\b(?: value)?(?: is| to|:)\s*(?:''|\"\"|“”)?\s*\(?(?:(?:an?|the) )?(empty string)\b",
    re.IGNORECASE,
)


# "cutpoints at 45 and 500 days", "a peak at 3.2 GHz": a place on a scale.
_NUMERAL = r"\d+(?:[.,]\d+)*"
_POSITION = re.compile(
    rf"\bat\s+({_NUMERAL}(?:\s*(?:,|and|or)\s*{_NUMERAL})*)(\s?(?:%|[A-Za-z]+\b))?"
)


def _places(sentence: str) -> list[str]:
    # An address is a place whole: "https://cran.r-project.org/bin/windows/Rtools/", not the
    # path that follows its scheme's colon.
    addresses = list(SHAPED["url"].finditer(sentence))

    def in_address(match: re.Match[str]) -> bool:
        return any(a.start() <= match.start() < a.end() for a in addresses)

    return (
        [m.group(1).strip(" ,") for m in PLACE.finditer(sentence)]
        + [m.group(0).rstrip(".,;:") for m in addresses if "/" in m.group(0)]
        + [
            m.group(0)
            for m in IDENTIFIER.finditer(sentence)
            if "/" in m.group(0) and not in_address(m)
        ]
        + [_position(m) for m in _POSITION.finditer(sentence)]
    )


def _position(match: re.Match[str]) -> str:
    """The numbers of a place on a scale, with their unit when a word follows that is one."""
    unit = (match.group(2) or "").strip()
    if unit == "%":
        return f"{match.group(1)}%"
    return f"{match.group(1)} {unit}" if unit and unit.lower() not in STOPWORDS else match.group(1)


# "p = 0.22", "Df: 1", "R-squared=0.74": a number after the name that labels it.
_LABELLED_NUMBER = re.compile(
    r"(?<![\w-])([A-Za-z][\w-]{0,24})\s*[=:]\s*([<>]\s*)?(-?\d+(?:[.:]\d+)*(?:e-?\d+)?(?:/\d+)?)"
    r"(?![\w./])"
)


@functools.lru_cache(maxsize=64)
def _label_words(lowered_question: str) -> frozenset[str]:
    """The words of a question that may label a number, and the parts of its hyphenated
    ones; worked out once for all the sentences read for it."""
    # A possessive's "s" ("Tukey's biweight") labels nothing: "s = 1.5" is another value.
    unpossessed = re.sub(r"['’]s\b", "", lowered_question)
    words = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", unpossessed))
    words |= {part for word in words for part in word.split("-")}
    # "p-value" labels "Pvalue: 0.414" too, written without its hyphen.
    words |= {word.replace("-", "") for word in words}
    # "the high score" is not labelled by "Score: 0", the game's score now; "High score: 0"
    # (or "Highscore") labels it.
    qualified = {m.group(2) for m in QUALIFIED_LABEL.finditer(lowered_question)}
    words |= {f"{m.group(1)}{m.group(2)}" for m in QUALIFIED_LABEL.finditer(lowered_question)}
    return frozenset(words - qualified - STOPWORDS - {"default", "defaults"})


# A word that makes the value it qualifies another one: the best of several, their total.
QUALIFIED_LABEL = re.compile(
    r"\b(high|highest|best|top|record|max|maximum|min|minimum|lowest|average|mean|total|final)"
    r"[\s-]+([a-z]+)\b"
)


def labelled_numbers(lowered_question: str, sentence: str) -> list[str]:
    """Numbers in ``sentence`` labelled by a word of the question ("p" of "p-value"), in
    order of appearance. "Default: 1" labels every row of a settings table: the rules on
    defaults decide those."""
    words = _label_words(lowered_question)
    return [m.group(3) for m in _LABELLED_NUMBER.finditer(sentence) if _labels(m, words)]


def without_other_labels(lowered_question: str, sentence: str) -> str:
    """``sentence`` less the numbers it prints under labels other than the qualified thing
    the question asks for ("Score: 0" for "the high score"). "Default: 10" labels the value
    of what the sentence tells of."""
    # "The minimum number of runs" qualifies no label: a number is no quantity of its own.
    if not any(
        m.group(2) not in _GENERIC_QUANTITIES for m in QUALIFIED_LABEL.finditer(lowered_question)
    ):
        return sentence
    words = _label_words(lowered_question) | {"default", "defaults"}
    return _LABELLED_NUMBER.sub(lambda m: m.group(0) if _labels(m, words) else " ", sentence)


_GENERIC_QUANTITIES = frozenset(["number", "numbers", "value", "values", "amount", "count"])


def _labels(match: re.Match[str], words: frozenset[str]) -> bool:
    """The label of a ``_LABELLED_NUMBER`` match is one of ``words``, alone or with the word
    before it ("High score: 40" for "highscore")."""
    label = match.group(1).lower()
    before = re.search(r"([A-Za-z]+)\s+$", match.string[: match.start()])
    qualified = f"{before.group(1).lower()}{label}" if before else ""
    return label in words or label.replace("_", "-") in words or qualified in words


FINDERS: dict[Wants, Callable[[str], list[str]]] = {
    Wants.PERSON: _people,
    Wants.NUMBER: _numbers,
    Wants.PRICE: _money,
    Wants.DATE: _dates,
    Wants.VERSION: _versions,
    Wants.VALUE: _values,
    Wants.IDENTIFIER: _identifiers,
    Wants.PLACE: _places,
}


# Values recognised by their shape: an ISBN is ten or thirteen digits, a telephone number
# seven or more in groups, a shortcut names a modifier key, an environment variable is
# capitalised.
SHAPED: dict[str, re.Pattern[str]] = {
    "isbn": re.compile(r"(?<![\w-])(?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dX](?![\w-])"),
    "telephone": re.compile(r"(?<![\w.-])\+?\(?\d{1,4}\)?(?:[\s.-]?\(?\d{2,4}\)?){2,5}(?![\w.-])"),
    # "bug-gzip@gnu.org", or spelled out against harvesters: "bug-gzip at gnu dot org".
    "email": re.compile(
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w.+-]+\s(?:at|AT|\[at\])\s[\w-]+"
        r"(?:\s(?:dot|DOT|\[dot\])\s[\w-]+)+"
    ),
    # With a scheme, "www.", or a host under a common top-level domain: "gnu.org/software/".
    "url": re.compile(
        r"https?://[^\s<>)\]]+|\bwww\.[^\s<>)\]]+|\b[\w-]+(?:\.[\w-]+)*\."
        r"(?:org|com|net|io|edu|gov|info|dev)\b(?:/[^\s<>)\]]*)?"
    ),
    # A colour name, light or dark, one word or two ("lightgrey", "sky blue"), or a hex code.
    "colour": re.compile(
        r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|\b(?:(?:light|dark|pale|deep|bright|sky|navy|"
        r"sea|lime|olive|hot|royal|forest|steel|slate)[ -]?)?(?:red|orange|yellow|green|blue|"
        r"purple|violet|pink|brown|white|gr[ae]y|black|gold|silver|teal|cyan|magenta|beige|"
        r"tan|navy|maroon|olive|turquoise|lavender|indigo|crimson|khaki)\b",
        re.IGNORECASE,
    ),
    # An environment variable as it is set and read: a capitalised name with an underscore
    # ("TABULATE_INSTALL=lib-only"), one assigned or expanded ("PAGER=less", "$HOME"), or
    # one the sentence calls a variable ("the EDITOR variable"). A capitalised word alone
    # ("PDF", "NOTE") is no variable.
    "variable": re.compile(
        r"(?<![\w$-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w-])|(?<![\w$-])[A-Z][A-Z0-9]{1,}(?==)|"
        r"(?<=\$)[A-Z][A-Z0-9_]+\b|"
        r"\b[A-Z][A-Z0-9]{1,}(?=\s+(?:environment\s+)?variable)"
    ),
    # "Makefile.bcc", "GNUmakefile", "rules.mk": a makefile by its name.
    "makefile": re.compile(
        r"(?<![\w.-])(?:GNU)?[Mm]akefile(?:\.[\w-]+)?(?![\w-])|(?<![\w.-])[\w-]+\.(?:mk|mak)\b"
    ),
    # "in tenths of a second", "measured in clock ticks", "in KiB": a unit after "in", with
    # the fraction or multiple of it that a value counts.
    "unit": re.compile(
        r"\bin (?:(?:tenths|hundredths|thousandths|millionths|multiples|units|increments) of "
        r"(?:an? |one )?)?(?:(?:kilo|mega|giga|tera|milli|micro|nano)?(?:seconds?|bytes?|bits?|"
        r"met(?:er|re)s?)|minutes?|hours?|days?|weeks?|blocks?|pixels?|points?|percent|degrees?|"
        r"radians?|inch(?:es)?|(?:centi|milli)met(?:er|re)s?|(?:clock )?ticks|jiffies|"
        r"characters?|sectors?|pages?|[KMGT]i?B|[kKMG]?bps|ms|µs|ns|px|pt|em)\b|"
        # "The default unit of distance is meter": the unit named as such.
        r"\bunits? (?:of (?:\w+ ){1,2})?(?:is|are) (?!(?:a|an|the|not|also|always|one)\b)"
        r"(?P<value>[A-Za-zµ]+)"
    ),
    # "basemod.so", "wall.gle": a name and its extension, not an address ("www.r-project.org",
    # "https://...") nor an abbreviation ("e.g.").
    "filename": re.compile(
        r"(?<![\w/.@:-])(?!www\.)[A-Za-z_][\w+-]+(?:\.[\w+-]+)*\.(?!(?:org|com|net|edu|gov|io)\b)"
        r"[a-z][a-z0-9]{0,4}\b(?![\w/@-]|\.\w)"
    ),
    "keys": re.compile(
        r"\b(?:Ctrl|Control|Alt|Shift|Cmd|Command|Meta|Super)\s?[-+]\s?[\w+-]+|"
        r"(?<![\w-])[CMS]-[a-zA-Z](?![\w-])|\bF(?:1[0-2]|[1-9])\b|\^[A-Z]\b|"
        # "hold down the Ctrl key": a key named alone.
        r"\b(?:Ctrl|Control|Alt|Shift|Cmd|Command|Meta|Super|Option|Esc|Escape|Tab|Enter|"
        r"Return|Space|Backspace|Delete)\s+key\b"
    ),
}


_YEARS = re.compile(r"^(?:1[6-9]|20)\d\d\s?[-–]\s?(?:1[6-9]|20)\d\d$")
_DOTTED = re.compile(r"^\d+(?:\.\d+)+$")


def shaped(shape: str, sentence: str) -> list[str]:
    """Spans of ``sentence`` with the shape of the value asked for, in order of appearance."""
    found = [
        (m.groupdict().get("value") or m.group(0)).strip().rstrip(".")
        for m in SHAPED[shape].finditer(sentence)
    ]
    if shape == "telephone":  # "2003-2022" and "3.2.1" have groups of digits too
        found = [
            f
            for f in found
            if sum(c.isdigit() for c in f) >= 7 and not _YEARS.match(f) and not _DOTTED.match(f)
        ]
    return found


def expansions(short: str, sentence: str) -> list[str]:
    """What ``sentence`` spells ``short`` out as: capitalised words whose initials are its
    letters in order ("Just Another Gibbs Sampler" for JAGS, "Frank, Ian & Glenn's Letters"
    for FIGlet, "Very-High-Speed Integrated Circuits" for VHSIC), as many of them as ``short``
    has capitals at least, and all its letters when it has none ("Nnn's Not Noice")."""
    letters = [c.lower() for c in short if c.isalpha()]
    capitals = sum(c.isupper() for c in short)
    least = max(capitals, MIN_EXPANSION_WORDS) if capitals else len(letters)
    # The short form itself ("FIGlet", "VHSIC") spells nothing out.
    itself = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", sentence)]
    words = [
        m
        for m in _EXPANSION_WORD.finditer(sentence)
        if not any(a <= m.start() < b for a, b in itself)
    ]
    found = []
    for start in range(len(words)):
        initials = 0
        end = None
        for match in words[start:]:
            word = match.group(0)
            if initials and word.lower() in _EXPANSION_JOINS:
                continue
            # Only spaces, commas and hyphens part its words ("Frank, Ian & Glenn's").
            between = sentence[end : match.start()] if end is not None else ""
            if initials >= len(letters) or between.strip(" ,&-"):
                break
            if not word[0].isupper() or word[0].lower() != letters[initials]:
                break
            initials += 1
            end = match.end()
        if end is not None and initials >= least:
            found.append(sentence[words[start].start() : end])
    # A longer spelling out holds the shorter ones that start inside it.
    return [f for f in found if not any(f != g and f in g for g in found)]


# A word of a spelling out, a hyphenated one in parts ("Very-High-Speed"); the joins between
# its words have no letter in it ("Frank, Ian & Glenn's Letters", "Bureau of Standards").
_EXPANSION_WORD = re.compile(r"[A-Za-z][a-z'’]*|&")
_EXPANSION_JOINS = frozenset(["&", "and", "of", "for", "the", "to", "in", "on", "a", "an"])
MIN_EXPANSION_WORDS = 2


def kinds(noun: str, sentence: str) -> list[str]:
    """ "A backtracking resolution algorithm" for the kind of "algorithm": the noun with the
    words that qualify it, up to three, stopping at an article or other function word; or a
    name in code that ends in the noun ("YAMLException" for the kind of "exception")."""
    found = []
    stem = re.escape(noun.rstrip("s"))
    # A qualifier starts a word: the "s" of "pip's" is no word of its own.
    for match in re.finditer(rf"(?<![\w'’])((?:[\w-]+\s+){{1,3}})({stem}\w*)\b", sentence, re.I):
        words = match.group(1).split()
        # A list's bullet ("... in directories - Regular expressions") ends what qualifies.
        bullets = [i for i, w in enumerate(words) if not any(ch.isalnum() for ch in w)]
        if bullets:
            words = words[bullets[-1] + 1 :]
        while words and words[0].lower() in STOPWORDS:
            words = words[1:]
        if any(w.lower() in STOPWORDS for w in words):
            cut = max(i for i, w in enumerate(words) if w.lower() in STOPWORDS)
            # "a zinc or pewter plate": two qualifiers joined are one answer.
            joined = words[cut].lower() in ("or", "and") and 0 < cut < len(words) - 1
            if joined and words[cut - 1].lower() not in STOPWORDS:
                cut -= 2
            words = words[cut + 1 :]
        if words:
            found.append((match.start(), " ".join([*words, match.group(2)])))
    # "throws `YAMLException`", "a ValueError": code names its kind in the name's last word.
    capital = re.escape(noun[:1].upper()) + stem[1:]
    found += [
        (m.start(), m.group(1))
        for m in re.finditer(rf"(?<![\w.-])([A-Za-z][A-Za-z0-9]*?{capital}\w*)\b", sentence)
    ]
    return [kind for _, kind in sorted(found)]


# A name written with a capital or a digit, its module path kept: "AHash", "Date::Parse".
# (Possessive, so that a failing match does not try each way to split a long word.)
_CAPITAL_NAME = r"(?:(?=[A-Z])|(?=[a-z][\w+.-]*?[A-Z0-9]))[A-Za-z][\w+.-]++(?:::[\w+.-]++)*+"


def names_of(noun: str, sentence: str, modifiers: Iterable[str] = ()) -> list[str]:
    """The names ``sentence`` gives a thing of kind ``noun`` (a stem, as a question's terms
    are): a word written with a capital, in code or in quotes just before the noun ("the
    default AHash hasher", "the `ahash` hasher", "the "listeria" data set"), or the one used
    "as the" noun ("uses AHash as the default hasher"). Names listed together are one answer,
    and the question's ``modifiers`` (stems) may stand before the noun: "the Time::Duration and
    Date::Parse perl modules" for "which Perl modules"."""
    noun_word = rf"{re.escape(noun)}\w*"
    modified = "".join(rf"(?:{re.escape(m)}\w*\s+)?" for m in modifiers)
    listed = rf"(?:{_CAPITAL_NAME}(?:,\s+|,?\s+(?:and|or)\s+))*{_CAPITAL_NAME}"
    before = re.finditer(
        rf"(?<![\w.-])(?:[`\"“]([A-Za-z][\w+.-]*)[`\"”]|({listed}))\s+"
        rf"(?i:{modified}){noun_word}\b",
        sentence,
    )
    used_as = re.finditer(
        rf"\b(?:uses?|using|used)\s+(?:\[)?`?([A-Za-z][\w+.-]*)`?(?:\]\([^)]*\))?\s+as\s+"
        rf"(?:the|a|an|its)\s+(?:[a-z-]+\s+)?{noun_word}\b",
        sentence,
        re.IGNORECASE,
    )
    names = [m.group(1) for m in used_as] + [m.group(1) or m.group(2) for m in before]
    names += _titled_names(noun, sentence)
    if noun == "journal":
        names += journals_cited(sentence)
    found = [name for name in names if name.lower() not in STOPWORDS]
    return list(dict.fromkeys(found))


# A reference entry's journal, after its title: "... experimental crosses.  Bioinformatics
# 19:889-890".
_JOURNAL_IN_ENTRY = re.compile(rf"(?:^|(?<=[.”\"’])\s+){JOURNAL_VOLUME_PAGES}")


def journals_cited(sentence: str) -> list[str]:
    """The journals of the reference entries in ``sentence``, named before volume and pages."""
    journals = [m.group(1) for m in _JOURNAL_IN_ENTRY.finditer(sentence)]
    # "Comput." alone is the tail of an abbreviation ("SIAM J. Sci. Comput."), no name.
    return [j for j in journals if " " in j or not j.endswith(".")]


def _titled_names(noun: str, sentence: str) -> list[str]:
    """Names in title case that open with the kind and go on with what it is of: "Journal of
    Statistical Software" for "which journal", "University of Michigan" for "which
    university". (A name before the kind, "Stanford University", is one of ``names_of``.)"""
    head = rf"{re.escape(noun[:1].upper() + noun[1:])}\w*"
    found = re.finditer(
        rf"(?<![\w.-])({head}\s+(?:of|for|on|in)(?:\s+the)?(?:\s+[A-Z][\w&'’-]*){{1,4}})", sentence
    )
    return [m.group(1) for m in found]


# "the whole sequence", "the default engine", "the internal parser": words that describe a
# thing before its kind, no name of it.
_DESCRIBES = re.compile(
    r"(?:default|whole|entire|main|same|other|new|old|standard|usual|current|built-in|own|"
    r"first|last|next|previous|only|actual|real|specific|general|simple|full|final|"
    r"[a-z]+(?:al|ed|ing|ive|ous|ful|able|ible|ic|ary|less|est|ly))",
)


def plain_names_of(nouns: list[str], sentence: str) -> list[str]:
    """A name in lower case that ``sentence`` gives before the kind the question asks for,
    one noun or two (stems, in the question's order): "the rubber compilation engine" for
    "what compilation engine". Words that describe ("the default engine") are no names."""
    kind = r"\s+".join(rf"{re.escape(noun)}\w*" for noun in nouns)
    found = re.finditer(
        rf"\b(?:the|a|an|its|their)\s+([a-z][a-z0-9+.-]*[a-z0-9])\s+{kind}\b", sentence
    )
    names = [m.group(1) for m in found]
    return [n for n in dict.fromkeys(names) if n not in STOPWORDS and not _DESCRIBES.fullmatch(n)]


# "the C++ continuation of which earlier monitors", "a port of what library": the noun
# before "of which" names a relation, and what the sentence says it is "of" answers.
_ASKS_OBJECT = re.compile(
    r"\b(?:([a-z][\w-]+) )?([a-z][\w-]{3,}) of (?:which|what)\b", re.IGNORECASE
)
_OBJECT_WORDS = 8


def objects_named(question: str, sentence: str) -> list[str]:
    """What ``sentence`` says the relation the question names is of: "bashtop and bpytop"
    of "C++ version and continuation of bashtop and bpytop." for "the continuation of which
    earlier resource monitors?"; at most a few words, up to a punctuation mark."""
    asked = _ASKS_OBJECT.search(question)
    if not asked:
        return []
    modifier, relation = asked.group(1), asked.group(2)
    if relation.lower() not in STOPWORDS:
        noun = re.escape(relation)
    elif modifier and modifier.lower() not in STOPWORDS:
        # "the absolute value of what process": a common noun names a relation with the word
        # before it.
        noun = rf"{re.escape(modifier)}\s+{re.escape(relation)}"
    else:
        return []
    found = []
    for match in re.finditer(rf"\b{noun}s? of ([^.;:,()]+)", sentence, re.IGNORECASE):
        words = match.group(1).split()
        # "Copies of R/qtl will also be placed on CRAN": the object ends where a verb begins.
        verb = next((i for i, w in enumerate(words) if w.lower() in _AUXILIARIES), len(words))
        # "... of a standardized Brownian bridge and consequently the approximation ...": nor
        # does it go on into the next clause.
        clause = next(
            (i for i, w in enumerate(words) if _opens_clause(w, words[i + 1 : i + 2])), len(words)
        )
        words = words[: min(verb, clause)]
        if 0 < len(words) <= _OBJECT_WORDS and not _restated(words, question):
            found.append(" ".join(words))
    return found


def _opens_clause(word: str, after: list[str]) -> bool:
    """``word`` (with the word ``after`` it) opens a clause of its own: "which", "and
    consequently", "so that"."""
    lowered = word.lower()
    if lowered in _CLAUSE_OPENERS:
        return True
    return lowered in ("and", "or", "but") and bool(after) and after[0].lower() in _LINKING


_CLAUSE_OPENERS = frozenset(
    ["which", "that", "where", "when", "while", "because", "since", "so", "thus", "hence"]
)
_LINKING = frozenset(["consequently", "thus", "hence", "therefore", "so", "then"])


_AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "can",
        "could",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "be",
        "been",
        "does",
        "do",
        "did",
    ]
)


def _restated(words: list[str], question: str) -> bool:
    lowered = question.lower()
    return all(w.lower() in STOPWORDS or w.lower() in lowered for w in words)


# "which other module's argument parser", "whose spring model": the question asks for the
# owner of a thing it names; up to three words of that thing follow the possessive.
_ASKS_OWNER = re.compile(
    r"\b(?:whose|(?:which|what)\s+(?:other\s+)?[a-z]+'s)\s+((?:[\w-]+\s+){0,2}[\w-]+)",
    re.IGNORECASE,
)


# The owner before "'s": a name, with the capitalised words of a person's name before it
# ("Weizhong Li's lab").
_OWNER = r"\b((?-i:(?:[A-Z][\w.-]*\s+){0,2})[A-Za-z][\w.+-]*)"


# Authors named after "by": "Streitberg and Röhmel", "Genz", "Lausen et al.".
_AUTHORS_NAMED = (
    r"((?-i:[A-Z][\w.'’¨-]+(?:\s+[A-Z][\w.'’¨-]+)?)"
    r"(?:(?:,\s+|\s+and\s+)(?-i:[A-Z][\w.'’¨-]+)|\s+et al\.?)*)"
)


def _without_leading_stopwords(name: str) -> str:
    """``name`` without the common words that open its sentence: "The optimist" -> "optimist"."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in STOPWORDS:
        words = words[1:]
    return " ".join(words)


def asks_owner(question: str) -> bool:
    """``question`` asks for the owner of a thing it names: "whose lab", "which module's
    parser"."""
    return bool(_ASKS_OWNER.search(question))


def owners_named(question: str, sentence: str) -> list[str]:
    """The owner ``sentence`` gives the thing a question asks the owner of: "optimist's
    argument parser" answers "the guts of which other module's argument parser?"."""
    asked = _ASKS_OWNER.search(question)
    if not asked:
        return []
    words = asked.group(1).split()
    found: list[str] = []
    # The thing as the question words it, then its first words alone: "argument parser
    # without all the decoration" still names "argument parser".
    for size in range(len(words), 0, -1):
        if words[size - 1].lower() in STOPWORDS:
            continue
        thing = r"\s+".join(rf"{re.escape(w)}\w*" for w in words[:size])
        found += [
            _without_leading_stopwords(m.group(1))
            for m in re.finditer(rf"{_OWNER}['’]s\s+{thing}\b", sentence, re.I)
        ]
        # "The algorithm by Streitberg and Röhmel (1986)" is Streitberg's algorithm.
        found += [
            m.group(1) for m in re.finditer(rf"\b{thing}\s+by\s+{_AUTHORS_NAMED}", sentence, re.I)
        ]
        if found:
            break
    lowered = question.lower()
    return [n for n in dict.fromkeys(found) if n.lower() not in lowered]


def spans(wants: Wants, sentence: str) -> list[str]:
    """Spans of ``sentence`` that could fill what the question wants, in order of appearance."""
    finder = FINDERS.get(wants)
    return finder(sentence) if finder else []


# "... when Avahi isn't available?", "If Avahi is not available at lookup time, ...": the
# condition a claim holds under, which says nothing of the claim's own polarity.
CONDITION = re.compile(r"\b(?:if|when|whenever|unless|while|once)\b[^,;?]*", re.IGNORECASE)
# An outcome that says the thing does not happen: "the lookups will fail".
_FAILS = re.compile(
    r"\bfail(?:s|ed|ing)?\b|\bis not possible\b|\bimpossible\b|"
    # "forces ripgrep to abandon parallelism": what a thing gives up, it no longer does.
    r"\babandon(?:s|ed|ing)?\b|\bgives? up\b",
    re.I,
)
# Verbs that undo what is there, and those that leave it: "Does lz4 delete my original file?"
# is answered "No" by "lz4 preserves original files".
_UNDOES = re.compile(r"\b(?:delet|remov|eras|overwrit|discard)\w*", re.I)
_LEAVES = re.compile(r"\b(?:preserv|keep|kept|retain)\w*", re.I)
_BRACKETED = re.compile(r"\([^()]*\)")


# "without typing it on the command line": how a thing is done, not whether it is. A "way to
# hand it the password without typing it" is affirmed by "it can also be given in IPERF3_PASSWORD".
_MANNER = re.compile(r"\bwithout\b[^,;?.]*", re.IGNORECASE)


def yes_or_no(question: str, sentence: str) -> str:
    """ "Yes" when the sentence agrees with the question's wording, "No" when one of them is
    negated and the other is not. Conditions and manners ("without typing it") do not count: "Can it resolve names when Avahi
    isn't running?" is answered "No" by "If Avahi is not running, the lookups will fail."."""

    def negated(text: str) -> bool:
        claim = _MANNER.sub(" ", CONDITION.sub(" ", text))
        return bool(NEGATION.search(claim) or _FAILS.search(claim))

    def main_clause(text: str) -> str:
        # A remark in brackets ("(see --rm to erase source files)") is no part of the claim.
        return _MANNER.sub(" ", CONDITION.sub(" ", _BRACKETED.sub(" ", text)))

    def undoes(text: str) -> bool:
        """``text`` says a thing is removed rather than left in place."""
        claim = main_clause(text)
        return bool(_UNDOES.search(claim)) and not _LEAVES.search(claim)

    def leaves(text: str) -> bool:
        claim = main_clause(text)
        return bool(_LEAVES.search(claim)) and not _UNDOES.search(claim)

    opposed = (undoes(question) and leaves(sentence)) or (leaves(question) and undoes(sentence))
    return "No" if (negated(question) != negated(sentence)) != opposed else "Yes"


# "Set maximum frame size in milliseconds (2.5, 5, ..., default: 20)": the unit a sentence
# gives its bare numbers once, before them.
_STATED_UNIT = re.compile(
    r"\bin (percent|[kmgt]i?bytes|bytes|bits|kbit/s|mbit/s|kbps|mbps|k?hz|milliseconds|"
    r"microseconds|nanoseconds|seconds|minutes|hours|days|pixels|points|dpi|mm|cm|"
    r"(?:centi|milli|kilo)?met(?:er|re)s|inches|degrees)(?![\w/])",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def with_stated_unit(sentence: str, span: str) -> str:
    """``span``, a bare number, with the unit ``sentence`` states for its numbers before it
    ("20 milliseconds"); any other span as it is."""
    if not _BARE_NUMBER.fullmatch(span):
        return span
    at = sentence.find(span)
    unit = _STATED_UNIT.search(sentence[:at]) if at > 0 else None
    return f"{span} {unit.group(1)}" if unit else span
