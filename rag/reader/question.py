"""What a question asks for, and what it pins down.

The answer type decides which span of the best evidence sentence is the direct answer (a
person's name, a number with its unit, a setting's value, a flag). The pinned things (versions,
numbers, identifiers, quoted words, proper names) are what the evidence must mention before it
may answer: a question about 1.0.9 is not answered by a sentence about 1.0.8.

The rules read the question's wording only, the way a reference librarian sorts questions; they
know nothing about any document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from rag.reader.commands import code_kind
from rag.reader.dates import spelled_dates, without_dates
from rag.reader.options import written_options
from rag.reader.terms import content_terms
from rag.text import STOPWORDS, quoted_phrases


class Wants(StrEnum):
    PERSON = "person"  # a person or an organisation
    NUMBER = "number"  # a count, a size, a duration: a number, with its unit when it has one
    PRICE = "price"  # a number that is an amount of money
    DATE = "date"
    VERSION = "version"  # a release: "5.2.6", "v2", "version 4"
    VALUE = "value"  # a setting's value, a default
    IDENTIFIER = "identifier"  # an option, a flag, a command, a variable, a file name
    PLACE = "place"
    YESNO = "yesno"
    EXPLANATION = "explanation"  # how or why: the quote is the answer
    THING = "thing"  # anything else a "what/which" asks for


# Order matters: the first rule that matches decides.
_RULES: list[tuple[Wants, re.Pattern[str]]] = [
    (
        # "Which xz version added ...", "since which release", "what version number", "what is
        # the minimum Python version": a version, not "version control" or a release's date
        # ("on what date was version 1.0 released").
        Wants.VERSION,
        re.compile(
            r"\b(?:which|what)(?! (?:date|day|month|year)s?\b)(?: (?:is|are|was|were) the)?"
            r"(?: [\w.+-]+){0,2}? (?:version|release)s?\b"
            r"(?! (?:control|date|day|year|notes?|history|of (?:the )?(?:year|date)))|"
            r"\b(?:since|in|from|with|until|before|after) (?:which|what)(?: [\w.+-]+){0,2}? "
            r"(?:version|release)s?\b"
        ),
    ),
    (
        Wants.PRICE,
        re.compile(
            r"\b(how much (?:does|do|did|would|will)\b.*\b(cost|charge|pay)|what(?:'s| is| does)?"
            r" (?:the )?(price|cost|fee)|how much money|price of|cost of)\b"
        ),
    ),
    (
        Wants.PERSON,
        re.compile(
            r"^(?:\w+ )?(who|whom|whose)\b|\b(which|what) (person|people|author|authors|company|"
            r"organi[sz]ation|developer|maintainer|team|vendor|group|university|institute|publisher)\b|"
            r"\b(written|created|developed|maintained|invented|proposed|designed|founded|"
            r"published) by\b"
        ),
    ),
    (
        Wants.DATE,
        re.compile(r"^(?:\w+ )?when\b|\b(what|which) (year|date|day|month|decade|century)\b"),
    ),
    (
        Wants.NUMBER,
        re.compile(
            r"\bhow (many|much|long|far|fast|big|large|small|often|old|wide|tall|high|heavy)\b|"
            # "what font size", "which sample size": a word may name what is measured.
            # "What is the largest RSA key size": up to three words before the noun ("what kind
            # of vehicles speed across" asks for a kind).
            r"\b(what|which)(?! (?:kinds?|types?|sorts?) of\b)(?:'s| is| are| was| were)?"
            r"(?: the| a| an)?(?: (?!default\b)[a-z-]+){0,3} "
            r"(number|percentage|percent|size|speed|speedup|rate|ratio|factor|amount|"
            r"count|length|width|height|port|limit|maximum|minimum|"
            # "what is the estimated intercept", "what p-value": a statistic is a number.
            r"intercept|slope|coefficient|estimate|median|variance|quantile|correlation|"
            r"probability|p-value|aic|bic|resolution|"
            # "What exit code does it return": a program's status is a number.
            r"(?:exit code|exit status|return code|status code)(?!\s+\d))\b|\bby what factor\b|"
            # "What is the high score", "what score does it show": a score is a number.
            r"\b(what|which)(?:'s| is| are| was| were)?(?: the| a| an| my)?"
            r"(?: (?:high|highest|best|top|final|total|lowest))? (score|scores)\b"
            r"(?! (?:function|method|column|variable|field|matrix|type|file|table)s?\b)|"
            # "numeric UID" is a number; "numeric output format" is a format ("%.8g").
            r"\bnumeric\b(?!(?: [a-z]+)? (?:formats?|types?|styles?|notation|modes?)\b)|"
            r"\bin (seconds|minutes|hours|days|bytes|kilobytes|megabytes|[kmg]b|"
            r"milliseconds|ms|percent|pixels|points)\b"
        ),
    ),
    (
        Wants.VALUE,
        re.compile(
            # "Does it override them by default?" asks yes or no, about the default.
            r"^(?!(?:is|are|was|were|does|do|did|can|could|should|must|will|would|has|have|may)"
            # "The absolute value of what process?" asks for the process, not a value.
            r"\b).*?\b(default|defaults)\b|\bwhat value\b|"
            r"\bvalue (of(?! (?:which|what)\b)|should|must|does)\b|"
            r"\bset to\b|\bwhat (?:is|are) (?:the )?(setting|mode)\b"
        ),
    ),
    (
        Wants.IDENTIFIER,
        re.compile(
            # "which sqlite3 meta-command": a kind of command is a command.
            r"\b(which|what) (?:\w+ )?(?:[a-z]+-)?(flag|flags|option|options|switch|command|commands|"
            r"function|functions|variable|variables|element|elements|keyword|key|parameter|"
            r"parameters|field|macro|directive|property|attribute|argument|file|files|tool|"
            r"program|package|module|library|header|extension|method|class|type|setting|"
            # "What is type 17?": a number after the noun keys an entry; no name is asked for.
            r"settings|tag|alias|aliases|modifier|modifiers)\b(?!\s+\d)"
        ),
    ),
    (Wants.PLACE, re.compile(r"^(?:\w+ )?where\b|\b(which|what) (city|country|address|place)\b")),
    (
        Wants.YESNO,
        re.compile(
            r"^(is|are|was|were|does|do|did|can|could|should|must|will|would|has|have|may)\b"
        ),
    ),
    (Wants.EXPLANATION, re.compile(r"^(?:\w+ )?(how|why)\b|\bwhat happens\b|\bin what way\b")),
]

# Versions, numbers and identifiers name one thing exactly.
# "1.20.0", "2.07a", and an R package's "3.8-1" whole (not "3.8"); "Solaris 2.5-2.6" is a
# range of two.
_VERSION = re.compile(r"\b\d+(?:\.\d+)+(?:-\d+(?![\w.]))?[a-z]?\b")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?![\w.])")
# "xz -7", "level -1": a preset or a level named by its number, however short.
_DASH_NUMBER = re.compile(r"(?<![\w-])-\d+(?![\w.])")
# "apres1a", "md5sum": letters, digits, then letters again, as an object or a program is
# named and no word is written.
_IDENTIFIER = re.compile(
    r"(?<![\w-])(?:--?[A-Za-z][\w-]*|\w*[A-Za-z]\w*_\w+|[A-Z][A-Z0-9]{2,}|[a-z]+\d+[a-z]\w*\b)"
)
# A capitalised word inside the question (not its first word) is a proper name.
_PROPER = re.compile(r"(?<=[a-z,;:] )[A-Z][a-zA-Z0-9+#-]{2,}")


@dataclass(frozen=True)
class Question:
    text: str
    wants: Wants
    # Lower-cased strings the supporting evidence must contain: versions, numbers, quotes.
    pinned: frozenset[str]
    # Names the evidence should contain (acronyms, proper names, identifiers): a question may
    # name a thing its answer does not repeat ("the CPU"), so missing ones weigh, not veto.
    named: frozenset[str] = frozenset()
    # The thing a "what X / which X" question asks about ("ISBN", "keyboard shortcut"), as
    # stemmed terms: a source that never speaks of it cannot answer.
    asked_for: frozenset[str] = frozenset()
    # A value with a shape of its own that the question asks for ("isbn", "telephone",
    # "email", "url", "keys"), or "": only a span of that shape answers it. (A version is an
    # answer type of its own, ``Wants.VERSION``.)
    shape: str = ""
    # "What kind of algorithm": the noun whose kind is asked; the answer is its modifier
    # ("a backtracking algorithm").
    kind_of: str = ""
    # Names that narrow the question's scope after a preposition ("on ARM processors", "for
    # Windows", "with --quiet"): a source that never names one speaks of another scope.
    qualifiers: frozenset[str] = frozenset()
    # "command" or "option" when the question asks for one ("which command must ... run",
    # "which options should I give"), or "": only a span printed as one answers it.
    code: str = ""
    # Things the question names by their role ("the postgres user", "the sync package"),
    # lower-cased: the sentence that answers speaks of one of them, not of its neighbour.
    subjects: frozenset[str] = frozenset()
    # The sentence that asks, when the question sets a scene before it ("The dot manual
    # mentions a layout utility. Whose approach does it follow?"), else the whole text.
    asking: str = ""
    # The question asks what holds when nothing is set: "the default ...", or in other words
    # ("if I don't give a duration", "unless told otherwise").
    asks_default: bool = False
    # "time" when a number must be a span of time ("how long does it keep sending"), "date"
    # when the question names the calendar unit it wants ("in which year"), or "": only a span
    # of that measure answers it.
    measure: str = ""
    # The thing a "how many" question counts ("how many passwords" -> "passwords"), or "": a
    # number in words before it ("only one password") answers as a figure does.
    counted: str = ""

    @property
    def scene(self) -> str:
        """What the question says before the sentence that asks ("" when nothing)."""
        asking = self.asking or self.text
        return self.text.strip()[: -len(asking)].strip() if asking != self.text else ""


def analyse(text: str) -> Question:
    """The answer type of ``text`` and the things it pins down.

    A question may set the scene before it asks ("The dot manual mentions a layout utility.
    Whose approach does it follow?"): what is asked for comes from the sentence that asks,
    what the evidence must match from the whole question."""
    asking = asking_sentence(text)
    lowered = main_clause(" ".join(without_default_setting(asking).lower().split()))
    lowered = _with_kind_referred_to(lowered, text[: len(text) - len(asking)])
    head = _IDENTIFIER_HEAD.match(lowered)
    wants = (
        Wants.IDENTIFIER
        if head
        else next((w for w, rule in _RULES if rule.search(lowered)), Wants.THING)
    )
    return Question(
        text=text,
        wants=wants,
        pinned=pinned_things(text),
        named=named_things(text),
        asked_for=asked_for(lowered),
        shape="" if head and not head.group(1).startswith("variable") else asked_shape(lowered),
        kind_of=kind_of(lowered),
        qualifiers=qualifiers(text),
        code=code_kind(lowered),
        subjects=subjects(text),
        asking=asking,
        # "In the default scantwo summary, what is lod.full?": a default that places the
        # question is no default asked for.
        asks_default=asks_default(without_default_setting(without_locator(text))),
        measure=measure(lowered, wants),
        counted=counted(lowered),
    )


# "Which of those two computes ...?" after "... built on two functions": the kind asked for
# is the one the scene counts.
_WHICH_OF_COUNTED = re.compile(r"^which of (?:those|these|the|its|their) (two|three|four|five)\b")


def _with_kind_referred_to(lowered: str, scene: str) -> str:
    """``lowered`` asking "which of those two" with the noun the scene counts put in:
    "which function computes ...", so that it asks for a function's name."""
    which = _WHICH_OF_COUNTED.match(lowered)
    if which is None:
        return lowered
    counted = re.search(rf"\b{which.group(1)} ([a-z]+?)s\b", scene.lower())
    rest = lowered[which.end() :]
    if counted is None or counted.group(1) in STOPWORDS or rest.startswith(f" {counted.group(1)}"):
        return lowered  # "which of those two functions" names it already
    return f"which {counted.group(1)}{rest}"


# A sentence ends at ".", "?" or "!" before the capital that opens the next one; "e.g. X" and
# "v1.2" do not end one (no space, or no capital, follows).
# A sentence's end, or a semicolon before a question word: "The README lists some functions;
# which other crate does it recommend?" sets the scene, then asks.
_SCENE_END = re.compile(
    r"(?<=[.?!])\s+(?=[\"“'‘(]?[A-Z])|"
    r"(?<=;)\s+(?=(?:which|what|who|whom|whose|where|when|why|how)\b)"
)


# "When I use svm() for classification, which kernel ...?", "When readr parses a datetime,
# which time zone ...?": a clause that sets the circumstances, then the question after its
# comma. Its "when" or "if" asks nothing.
_CIRCUMSTANCE = re.compile(
    r"^(?:when|whenever|if|once|after|before|while)\s+\w"
    r"[^?]*?,\s*(?=(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|"
    r"did|can|could|should|will|would|must|may)\b)"
)


# "With the default AHash hasher, what speedup ...?": a default named thing sets the
# circumstance the question is asked in; what it asks for is not a default. ("With the default
# settings, which kernel ...?" does ask for a default.)
_DEFAULT_SETTING = re.compile(
    r"^(?i:with|using|under|for)\s+(?i:the|its|a)\s+(?i:default)\s+(?=[A-Z`])[^?,]*,\s*"
    r"(?=(?i:what|which|who|how|is|are|does|do|can)\b)"
)


# "Which formats does dblatex's default backend driver accept?": the default thing is what
# the question asks about; what it asks for is no default value.
_DEFAULT_SUBJECT = re.compile(
    r"(\b(?:does|do|did|can|will|would)\s+(?:(?:the|its|their)\s+(?:[\w.+-]+['’]s\s+)?|"
    r"[\w.+-]+['’]s\s+))default\s+(?=[a-z])",
    re.IGNORECASE,
)


def without_default_setting(text: str) -> str:
    """``text`` without a leading clause that sets the question in a default, and without the
    word where the default thing is what the question asks about."""
    return _DEFAULT_SUBJECT.sub(r"\1", _DEFAULT_SETTING.sub("", text.strip(), count=1))


def main_clause(lowered: str) -> str:
    """The question without a clause that sets its circumstances before it."""
    return _CIRCUMSTANCE.sub("", lowered, count=1)


def asking_sentence(text: str) -> str:
    """The last sentence of ``text`` that asks ("?"), or the whole text when none does or it is
    one sentence: "I have a big graph. Which setting should I not use?" -> the second."""
    parts = _SCENE_END.split(text.strip())
    asking = [p for p in parts if p.rstrip().endswith("?")]
    return asking[-1] if asking else text


# A name's words: a dot stands inside one ("Node.js"), never at its end, where a sentence
# ends ("... with PSPIC. Which option ...").
_NAME_WORD = r"[A-Z][\w+#-]*(?:\.[\w+#-]+)*"
# A lone capital after the name is a language's ("the MNP R package"), not a word of it.
_QUALIFIER = re.compile(
    r"\b(?:on|for|in|under|with|without|from|via|using|inside|within)\s+(?:the\s+)?"
    rf"((?:{_NAME_WORD}|--?[A-Za-z][\w-]*)(?:\s+(?![A-Z]\b){_NAME_WORD})*)"
)


# "the Mac OS version of dotty", "the Windows port": a name that picks one variant of a thing.
_VARIANT = re.compile(
    r"\b(?:the|a|an|its)\s+((?:[A-Z][\w+#.-]*)(?:\s+[A-Z][\w+#.-]*){0,3})\s+"
    r"(?:version|edition|port|build|variant|implementation|flavou?r)\b(?!\s*\d)"
)


# "the screenshot of the Blinken memory game": the name of what a picture shows.
_PICTURE_OF = re.compile(
    r"\b(?:screenshots?|screen shots?|pictures?|photos?|photographs?|images?|windows?|icons?|"
    rf"logos?|splash screens?)\s+of\s+(?:the\s+|my\s+|an?\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD})*)|"
    # "the Naval Battle screenshot", "my KolourPaint window".
    rf"\b(?:the|my|this|that)\s+({_NAME_WORD}(?:\s+{_NAME_WORD})*)\s+(?:screenshots?|screen shots?|"
    r"windows?|splash screens?)\b"
)


def qualifiers(text: str) -> frozenset[str]:
    """Lower-cased names that follow a preposition ("on ARM processors" -> "arm"), pick a
    variant ("the Mac OS version of dotty" -> "mac os") or say what a picture is of ("the
    screenshot of the Blinken game" -> "blinken")."""
    text = without_dates(text)  # "for March 2015" names a month, which pins a date
    found = [m.group(1) for m in _QUALIFIER.finditer(text)]
    found += [m.group(1) for m in _VARIANT.finditer(text)]
    found += [m.group(1) or m.group(2) for m in _PICTURE_OF.finditer(text)]
    return frozenset(name.rstrip(".").lower() for name in found)


# "the postgres user": a name, then the kind of thing it names. Words that describe rather
# than name ("the default user", "the system user") are no names.
_SUBJECT = re.compile(
    r"\bthe ([a-z][\w.+-]*[a-z0-9]) (?:user|group|account|package|daemon|service|library|"
    r"module|program|command|utility|file|directory|attribute|element|function|method|variable|"
    r"field|directive|preset|column|property)s?\b(?!['’]s| line)"
)
_DESCRIBING = frozenset(
    [
        "default",
        "following",
        "new",
        "current",
        "main",
        "given",
        "whole",
        "input",
        "output",
        "system",
        "previous",
        "next",
        "last",
        "special",
        "same",
        "only",
        "config",
        "configuration",
        "source",
        "target",
        "data",
        "log",
        "user",
        "shell",
        "home",
        "top",
        "base",
        "parent",
        "child",
    ]
)


# "the benchmarked programs", "the running service": a participle describes, it names nothing.
_PARTICIPLE = re.compile(r"[a-z]{3,}(?:ed|ing)$")
# "the rightmost column", "the third field", "the left panel": a place in an order or on a
# page picks one of several things; it is no name the answer repeats.
_POSITION = re.compile(
    r"[a-z]+most|left|right|middle|centre|center|upper|lower|bottom|inner|outer|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
)


# "the library, without the command-line utility", "other than the root user": a thing the
# question leaves out, which the answer need not name.
_LEFT_OUT = re.compile(
    r"\b(?:without|besides|apart from|aside from|other than|except(?: for)?) the "
    r"[a-z][\w.+-]*[a-z0-9] \w+"
)


def subjects(text: str) -> frozenset[str]:
    """Names the question gives a thing with its kind: "the postgres user" -> "postgres"."""
    return frozenset(
        m.group(1).lower()  # the evidence is matched lower-cased: "the oPlotSymbl package"
        for m in _SUBJECT.finditer(_LEFT_OUT.sub(" ", text))
        if m.group(1) not in STOPWORDS
        and m.group(1) not in _DESCRIBING
        and not _PARTICIPLE.match(m.group(1))
        and not _POSITION.fullmatch(m.group(1))
    )


# What holds when nothing is set, said outright or in other words: "if I don't give a
# duration", "unless told otherwise", "without passing any flag", "without the --psm option",
# "if I leave out xbins", "with no flags", "when I leave --framesize alone".
_ASKS_DEFAULT = re.compile(
    r"\bdefaults?\b|\bby default\b|"
    r"\bunless (?:i|you|we|one|told|otherwise|changed|configured|set|specified|overridden)\b|"
    r"\bunless (?:(?:the|a|an|my|your|its|their) )?[\w.()-]+ (?:sets|gives|specifies|passes|"
    r"names|changes|overrides|configures|says otherwise)\b|"
    r"\b(?:if|when|while) (?:i|you|we|one) (?:don't|do not|never|leave (?:out|off)|omit|skip)\b|"
    # "I'm encoding a WAV file and don't pass --bitrate."
    r"\b(?:and|but) (?:i |you |we )?(?:don't|do not|never) (?:pass|give|set|specify|supply|"
    r"provide|choose|use) (?:(?:the|an?|any) )?(?:-{1,2}\w|options?\b|flags?\b|values?\b)|"
    r"\b(?:and|but|i|you|we) (?:leave|leaving|left) (?:out|off)\b|"
    r"\bwithout (?:giving|setting|specifying|passing|naming|choosing|any)\b|"
    r"\bwithout (?:the |an? )?(?:-{1,2}\w[\w-]*(?: option| flag| switch)?|(?:option|flag|switch)"
    r" -{1,2}\w[\w-]*)(?![\w-])|"
    r"\bwith no (?:flags?|options?|arguments?|switches|parameters|settings)\b|"
    r"\bif (?:nothing|none|no [\w-]+) (?:is|are) (?:given|set|specified|passed|chosen)\b|"
    r"\b(?:if|when|while) (?:[\w.()-]+ ){1,3}(?:is|are|isn't|aren't) (?:not |never )?"
    r"(?<=n't |not |ver )(?:given|set|specified|passed|supplied|provided)\b|"
    r"\bout of the box\b|\bleft (?:unset|out)\b|"
    # "when I leave --framesize alone", "if it is left alone"
    r"\b(?:leave|leaving) (?:it|them|-{1,2}\w[\w-]*|(?:the|its|that) [\w.-]+ (?:option|flag|"
    r"setting|parameter|argument|value)) alone\b|\b(?:is|are) left alone\b",
    re.IGNORECASE,
)


# "In the tea timer's settings window, ...", "According to the status bar, ...": where the
# question looks, before what it asks.
_LOCATOR = re.compile(r"^\s*(?:in|on|at|from|according to|within)\s[^,?]{1,80},\s*", re.IGNORECASE)


def without_locator(text: str) -> str:
    """``text`` without the phrase that opens it by saying where to look."""
    return _LOCATOR.sub("", text, count=1)


def asks_default(text: str) -> bool:
    """The question asks for what holds when nothing is set, in any of the usual words."""
    return bool(_ASKS_DEFAULT.search(text))


def without_default_words(text: str) -> str:
    """``text`` without the words that ask for the default ("when I leave --framesize
    alone"): they say nothing of the topic. The options they name stay."""
    return _ASKS_DEFAULT.sub(lambda m: f" {' '.join(written_options(m.group()))} ", text)


# "How long does it keep sending", "for how long", "how many seconds": a span of time. "How
# long can a label be" asks a length, which the words after it name.
_TIME = re.compile(
    r"\bhow long\b(?!(?: [\w'-]+){0,4}? (?:be|name|names|key|keys|line|lines|string|strings|"
    r"password|passwords|label|labels|word|words|field|fields|path|paths|filename|filenames|"
    r"identifier|identifiers|message|messages|list|lists|array|arrays|text|hash|cable|side|"
    r"(?:[xyz]-)?ax[ie]s|edges?|arrows?)\b)|"
    r"\bhow many (?:more )?(?:seconds|minutes|hours|days|weeks|months|years|milliseconds)\b|"
    # "How much CPU time did it take": time, whatever clock it is measured on.
    r"\bhow much (?:[\w-]+ )?time\b"
)
# "How long is one Fig Unit?", "how long is a tick?": what a thing measures, in time or in
# length; "how long does it wait" asks a span of time alone.
_EXTENT = re.compile(r"\bhow long (?:is|are|was|were) (?:one|a|an|each|every|the|its)\b")
# "How often are uploads processed?": every so long, or so many times a second; not a count
# of anything else ("the three files").
_FREQUENCY = re.compile(r"\bhow often\b")


# "In which year", "on what date": a "when" may ask for a circumstance, these may not.
_CALENDAR = re.compile(r"\b(?:what|which)(?: \w+)? (?:year|date|month|decade|century)\b")


# "How much memory does each thread need?", "how many gigabytes does it take?": an amount of
# memory or storage, in its units ("a multiple of how many bytes" is a count: "four bytes").
_SIZE = re.compile(
    r"\bhow much (?:more |less )?(?:memory|ram|disk|disk space|space|storage|swap)\b|"
    r"\bhow many (?:[kmgt]i?b|(?:kilo|mega|giga|tera|kibi|mebi|gibi|tebi)bytes)\b|"
    r"\b(?:what|which)(?: is| are)?(?: the)? (?:memory|disk|ram|storage) (?:size|usage|use|"
    r"footprint|requirements?)\b"
)


# "How much faster is it?": a ratio ("2-6x", "3 times", "40%") or an amount in its unit.
_COMPARISON = re.compile(
    r"\bhow (?:much|many times) (?:faster|slower|quicker|bigger|larger|smaller|longer|shorter|"
    r"higher|lower|better|worse|more|less|fewer)\b"
)


# "By what factor does the wait grow?", "what multiplier": a multiple, no quantity.
_FACTOR = re.compile(r"\b(?:what|which)(?: \w+)? (?:factor|multiplier)\b")


# "What canvas size does the status bar show?", "what size will the picture be", "the
# screen resolution": a picture's or a surface's size, which a width by a height gives.
_DIMENSIONS = re.compile(
    r"\b(?:canvas|image|picture|photo|window|screen|display|board|grid|page|paper|frame|video|"
    r"icon|thumbnail|sheet)s? (?:size|dimensions|resolution)\b|\bdimensions\b|"
    r"\bwhat size (?:is|are|was|were|will|would)\b|\bscreen resolution\b"
)


def asks_dimensions(lowered: str) -> bool:
    """The number asked for is a size that a width by a height gives."""
    return bool(_DIMENSIONS.search(lowered))


# "At what resolution was the image scanned?": dots per inch, or a width by a height.
_RESOLUTION = re.compile(r"\bresolution\b|\bdpi\b")


def measure(lowered: str, wants: Wants) -> str:
    """What the span that answers must measure: "time" when the number asked for is a span
    of time, "extent" when it is a span of time or a length ("how long is one unit"), "frequency" when it says how often, "size" when it is an amount of memory or storage, "comparison" when it compares
    ("how much faster"), "factor" when it is a multiplier ("by what factor"), "resolution" when it is a picture's
    ("at what resolution was it scanned"), "length" when it is a length in the unit the question
    names ("how thick, in points"), "date" when the date asked for names its unit, else ""
    (any span, or none)."""
    if wants is Wants.NUMBER and _TIME.search(lowered):
        return "extent" if _EXTENT.search(lowered) else "time"
    if wants is Wants.NUMBER and _FREQUENCY.search(lowered):
        return "frequency"
    if wants is Wants.NUMBER and _SIZE.search(lowered):
        return "size"
    if wants is Wants.DATE and _CALENDAR.search(lowered):
        return "date"
    if wants is Wants.NUMBER and _COMPARISON.search(lowered):
        return "comparison"
    if wants is Wants.NUMBER and _FACTOR.search(lowered):
        return "factor"
    if wants is Wants.NUMBER and _RESOLUTION.search(lowered):
        return "resolution"
    if wants is Wants.NUMBER and _IN_LENGTH_UNIT.search(lowered):
        return "length"
    return ""


# "How thick, in points, is the thick pen?": a length in that unit, not a number ("02139").
_IN_LENGTH_UNIT = re.compile(
    r"\bin (?:points|pixels|inches|(?:centi|milli)?met(?:er|re)s|pt|px|cm|mm)\b"
)


_HOW_MANY = re.compile(r"\bhow many (?:more |other |different )?([a-z][\w-]+)")


def counted(lowered: str) -> str:
    """The noun a "how many" question counts, or ""."""
    match = _HOW_MANY.search(lowered)
    return match.group(1) if match else ""


_KIND_OF = re.compile(r"\b(?:what|which) (?:kind|kinds|type|types|sort|sorts) of ([a-z][\w-]+)")


# "What does the name JAGS stand for?", 'what does the "cif" in ffi_cif stand for': the short
# form whose spelling out is asked.
_STANDS_FOR = re.compile(
    r"\bwhat does (?:the )?(?:name |acronym |abbreviation |initialism )?[\"'“‘`]?"
    r"([A-Za-z][\w-]{1,15})[\"'”’`]?(?: in [^?]{1,40})? stand for\b",
    re.IGNORECASE,
)


def spelled_out(text: str) -> str:
    """The short form a "what does X stand for" question asks to spell out, or ""."""
    match = _STANDS_FOR.search(text)
    return match.group(1) if match else ""


def kind_of(lowered: str) -> str:
    """The noun a "what kind of X" question asks the kind of, or ""."""
    match = _KIND_OF.search(lowered)
    return match.group(1) if match else ""


def compound_head(lowered: str, noun: str) -> str:
    """The noun that ``noun`` qualifies right after it in the question ("what kind of metal
    plate": "plate"), or "" where a function word or the end follows it."""
    match = re.search(rf"\b{re.escape(noun)} ([a-z][\w-]+)", lowered)
    return match.group(1) if match and match.group(1) not in STOPWORDS else ""


# "What is the ISBN", "which telephone number", "what keyboard shortcut": the shaped thing
# stands right after the question word, within a few words.
_ASKS = (
    r"\b(?:what|which)(?:'s| is| are| was| were)?(?: the| a| an| its| their)?(?: [\w'-]+){0,3}? "
)
_SHAPES: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(_ASKS + pattern))
    for name, pattern in [
        ("isbn", r"isbn\b"),
        ("telephone", r"(?:(?:tele)?phone|fax)(?: number)?\b"),
        ("email", r"e-?mail(?: address)?\b"),
        ("url", r"(?:url|web ?site|web address|home ?page)\b"),
        (
            "keys",
            # Not "what does the key binding z do": the question gives the key.
            r"(?:(?:key(?:board)? ?)?shortcut(?: key)?|key ?binding|hot ?key|key combination|"
            r"keystroke)s?\b(?!\s+[`'\"‘“]?\S[`'\"’”]?(?:[\s?.,!]|$))|"
            # "Which key do you hold down to select several": a key pressed, not a map's key.
            r"keys?\b(?=[^?]*\b(?:hold(?:ing)? down|press(?:es|ed|ing)?|hit|tap)\b)",
        ),
        ("variable", r"environment variables?\b"),
        # "Which makefile do I run nmake with": a makefile's name, "Makefile.bcc".
        ("makefile", r"makefiles?\b"),
        # "What is that module's file name": a name with its extension, "basemod.so".
        ("filename", r"file ?names?\b"),
        # "In what unit does --delay take its value": a unit of measure, not a number.
        ("unit", r"units?(?: of measure)?\b(?! tests?\b)"),
        # "Which colour is used for ...", not "which colour theme" (a name) or "colour depth".
        (
            "colour",
            r"colou?rs?\b(?! (?:theme|scheme|space|depth|mode|profile|map|palette|model|names?|"
            r"format|setting|attribute|option|value|code|table|cycle)s?\b)",
        ),
    ]
]


def asked_shape(lowered: str) -> str:
    """The name of the shaped value the question asks for, or ""."""
    return next((name for name, rule in _SHAPES if rule.search(lowered)), "")


# "Which argument sets the colour to use as default", "which method is no longer the
# default": the question word's own noun is a kind of name, and it is what is asked for,
# whatever default, value or colour the rest speaks of. ("What objective function value"
# asks for a value; "which key holds the text" may ask for a dictionary's key, a value.)
_IDENTIFIER_HEAD = re.compile(
    # "which sqlite3 meta-command": a kind may carry a prefix ("meta-", "sub-").
    r"^(?:(?!\b(?:which|what)\b)[^?])*?\b(?:which|what) (?:[\w-]+ )?(?:[a-z]+-)?(argument|option|flag|switch|"
    r"command|function|keyword|parameter|method|setting|macro|directive|property|attribute|"
    r"field|variable|file)s?\b"
    r"(?! (?:size|value|name|length|number|count|type|default|format|extension|system)s?\b)"
)


# "What is the ISBN of ...", "Which keyboard shortcut opens ...": the words between the
# question word and the verb or preposition that follows them.
_ASKED_FOR = re.compile(
    r"^(?:(?:leaving|setting|putting|besides|apart from|aside from|other than)\b[^,?]*,\s*)?"
    r"(?:what|which)\s+(?:is|are|was|were)?\s*(?:the\s+|a\s+|an\s+)?([a-z][\w\s-]{1,40}?)\s+"
    r"(?:of|for|in|on|does|do|did|is|are|was|were|should|can|could|would|will|has|have|to|"
    r"that|which|opens|makes|gives|sets|appears|runs)\b"
)
# Words that say what kind of answer is wanted, not what it is about.
_GENERIC = frozenset(
    [
        "kind",
        "kinds",
        "type",
        "types",
        "sort",
        "sorts",
        "name",
        "names",
        "number",
        "value",
        "values",
        "amount",
        "way",
        "part",
        "thing",
        "things",
        "one",
        "ones",
        "word",
        "words",
        "line",
        "text",
        "term",
        "form",
        # "the minimum number of runs": which number, in words a text may not use ("at least").
        "minimum",
        "maximum",
        # "Which organisation maintains it?": the kind of answer, which a name never says.
        "organisation",
        "organization",
        "company",
        "person",
        # "What happens to hidden files", "what lies beyond the ridge": an event or a scene is
        # asked for, and the text that tells it need not use the verb.
        "happens",
        "happened",
        "occurs",
        "lies",
        "goes",
        # "What do I pass to configure": what is passed is the answer, which a text shows
        # without the verb ("use ./configure --disable-gifview").
        "pass",
    ]
)


# "The sample data files are copies of which data set?": the kind asked for ends the question.
_ASKED_FOR_LAST = re.compile(
    r"\b(?:of|from|in|to|by|for|on) (?:which|what) "
    r"((?!(?:[a-z-]+ )*(?:is|are|was|were|does|do|did|can|will|has|have)\b)[a-z][a-z -]{1,30}?)"
    r"\s*\?$"
)
# "In which journal was it published?": where a work appeared. (Other questions that open with
# a preposition, "on which port", "by what factor", ask for a value, not a named thing.)
_ASKED_VENUE = re.compile(r"^in (?:which|what) (journal|proceedings)\b")


def asked_for(lowered: str) -> frozenset[str]:
    match = (
        _ASKED_FOR.search(lowered)
        or _ASKED_FOR_LAST.search(lowered)
        or _ASKED_VENUE.search(lowered)
    )
    if not match:
        return frozenset()
    words = [w for w in match.group(1).split() if w not in _GENERIC]
    return frozenset(content_terms(" ".join(words)))


def pinned_things(text: str) -> frozenset[str]:
    found: set[str] = set(spelled_dates(text))
    text = without_dates(text)  # its day and year are pinned as the date
    found.update(_VERSION.findall(text))
    found.update(m for m in _NUMBER.findall(text) if not _is_year_like_noise(m))
    found.update(_DASH_NUMBER.findall(text))
    found.update(quoted_phrases(text, shortest=2))
    return frozenset(f.lower() for f in found if f.strip("-"))


# "metafor 4.0", "Dynare 5.3", "pst-3dplot 2.08": a name, then the version of it the question
# pins down. The name is what the version is of: another program's 4.0 is no answer.
_NAME_BEFORE_VERSION = re.compile(
    r"(?<![\w./-])([A-Za-z][\w+-]*[A-Za-z0-9+])\s+v?\d+(?:\.\d+)+(?:-\d+)?[a-z]?(?![\w.-])"
)
# Words that stand before a number without naming what it is of ("version 2.0", "to 0.5").
_NOT_NAMES = frozenset(
    {
        "version",
        "versions",
        "release",
        "releases",
        "v",
        "ver",
        "rev",
        "revision",
        "page",
        "pages",
        "figure",
        "fig",
        "table",
        "section",
        "chapter",
        "equation",
        "step",
        "level",
        "line",
        "row",
        "column",
        "about",
        "around",
        "near",
        "nearly",
        "under",
        "over",
        "above",
        "below",
        "than",
        "like",
        "reaches",
        "reached",
        "upper",
        "lower",
    }
)


def versioned_names(text: str) -> frozenset[str]:
    """The names ``text`` pins a version of, lower-cased ("metafor" in "When was metafor 4.0
    released?")."""
    return frozenset(
        name.lower()
        for name in _NAME_BEFORE_VERSION.findall(without_dates(text))
        if name.lower() not in STOPWORDS and name.lower() not in _NOT_NAMES
    )


def named_things(text: str) -> frozenset[str]:
    text = without_dates(text)
    found = set(_IDENTIFIER.findall(text))
    found.update(p for p in _PROPER.findall(text) if p.lower() not in STOPWORDS)
    return frozenset(f.lower() for f in found if f.strip("-")) - pinned_things(text)


def _is_year_like_noise(number: str) -> bool:
    """A lone single digit ("1 file") pins little; keep multi-digit numbers and versions."""
    return len(number) == 1
