"""Read the evidence for the answer: score sentences, pick the one that fills what the question
asks for, lead with the filling span, quote the sentence, or say the documents do not tell.

A sentence is scored by meaning (embedding cosine with the question), by wording (the share of
the question's topic terms it holds, rare and exact terms weighing most) and by whether it holds
a span of the type asked for that the question does not already state. The answer is refused
when the question's topic is mostly absent, when no sentence is relevant enough, when the
supporting document does not mention what the question pins down (a version, a number, a name),
or when a question asking for a number, a price or a version finds none on topic. A picture answers
only a question that speaks of a picture.

``parts`` switches each part off for measurement (an ablation); all are on by default.
"""

from __future__ import annotations

import functools
import itertools
import logging
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from rag.authorship import asks_affiliation, asks_author
from rag.cited_works import (
    SURNAME,
    Work,
    asks_about_source,
    cited_by_author,
    cited_works,
    cites,
    holds_entry,
    tells_of_work,
)
from rag.embedders import Embedder
from rag.embedders.base import Span
from rag.embedders.packed import unpack
from rag.headings import release_named
from rag.query_words import agent_nouns
from rag.reader.affiliations import affiliation_of, people_asked
from rag.reader.bounds import covered_numbers
from rag.reader.checkboxes import speaks_of_marks
from rag.reader.commands import code_spans
from rag.reader.dates import (
    dated_months,
    is_date_pin,
    prints_dates,
    renders_date,
    states_date,
)
from rag.reader.entries import (
    after_key,
    default_entry,
    default_heading,
    default_in_words,
    entry_openings,
    entry_term,
    headings_named,
    inline_meaning,
    keyed_by_letter,
    keyed_by_pinned,
    named_by_code,
    named_by_heading,
    opens_entry,
    option_entries,
    release_headings,
    release_of,
)
from rag.reader.instructions import addressed_to_a_model, asks_about_instructions
from rag.reader.legends import legend_value
from rag.reader.lists import other_members
from rag.reader.options import (
    bare_head,
    compared_options,
    compared_terms,
    entry_options,
    excluded_options,
    excluded_terms,
    head_options,
    named_options,
    option_terms,
    options_asked,
    set_aside,
    unused_options,
    used_case_options,
    without_set_aside,
)
from rag.reader.pictures import (
    PICTURE_CHOICE,
    answer_from_picture,
    asks_name,
    describes_picture,
    field_value,
    picture_to_read,
    readable_text,
    repeats_question,
    split_read_text,
    told_by_plot,
    told_by_titled_plot,
)
from rag.reader.question import (
    Question,
    Wants,
    analyse,
    asks_dimensions,
    compound_head,
    spelled_out,
    versioned_names,
    without_default_setting,
    without_default_words,
    without_locator,
)
from rag.reader.spans import (
    CARDINALS,
    CONDITION,
    PUBLISHER,
    asks_owner,
    counted_stem,
    counts_in_digits,
    counts_in_words,
    dimensions,
    durations,
    durations_in_words,
    expansions,
    factors,
    frequencies,
    frequencies_in_words,
    in_unit_counted,
    journals_cited,
    key_meaning,
    kinds,
    labelled_numbers,
    lengths,
    licence_versions,
    names_of,
    numbered_through,
    objects_named,
    owners_named,
    plain_names_of,
    ratios,
    resolutions,
    shaped,
    sizes,
    spans,
    subject_of_predicate,
    times_given,
    versions_of_named,
    with_stated_unit,
    without_other_labels,
    yes_or_no,
)
from rag.reader.tables import (
    Cell,
    answer_cell,
    contradicts_row,
    empty_asked_cell,
    lacks_named_column,
    listed_cells,
    marked_keys,
    names_row,
    parse_row,
    stated_keys,
)
from rag.reader.terms import content_terms, key_terms, label_hits
from rag.settings import READER_PARTS
from rag.text import (
    STOPWORDS,
    entry_publisher,
    initialisms,
    is_reference_entry,
    join_words,
    normalize_space,
    sentences,
)
from rag.types import Chunk, Evidence

log = logging.getLogger(__name__)

PARTS = READER_PARTS

DENSE_WEIGHT = 0.5
LEXICAL_WEIGHT = 0.5
# A sentence that holds a span of the asked type, not stated by the question, is preferred.
TYPE_BONUS = 0.12
# An answer adds something to the question: a sentence that only restates it is not one.
NOVELTY_WEIGHT = 0.15
RANK_BONUS = 0.05
KEY_TERM_FACTOR = 3.0
CONTEXT_FACTOR = 0.5
# Units embedded per question: the evidence sentences that share the question's wording most.
MAX_EMBEDDED = 24
BRIDGE_BONUS = 0.25
ENTRY_STEP = 1e-3  # less than any score difference that matters: it only orders entries
ENTRY_AUTHORS = 80  # characters of a reference entry that name its authors, when no year ends them
ROW_KEY_BONUS = 0.1  # a table row whose key the question states whole is the row it asks about
EXCLUDED_PENALTY = 0.1
# A line typed at an interactive prompt (">>> parse(xml)", "R> dip(x)") is code: it answers a
# question that asks for code, a value or a number (what the session prints), not one asked in
# prose ("what parser is it built on?"), whose words such a line repeats as names.
TYPED_CODE_PENALTY = 0.05
# A picture that names what the question names is read from this far down the evidence.
NAMED_PICTURE_CHOICE = 5
MISSING_NAME_PENALTY = 0.08
# A sentence that restates a question of fewer topic terms may share them by chance.
MIN_RESTATED = 2
OTHER_SECTION_PENALTY = 0.08
# A candidate from another file than the one the question names as files are named.
OTHER_FILE_PENALTY = 0.15
# Types whose answer must be found as a span, or the question is not answered: "which
# version added --block-list" is not answered by the option's description.
REQUIRED_SPAN = frozenset({Wants.NUMBER, Wants.PRICE, Wants.VERSION})
TYPED = frozenset(Wants) - {Wants.THING, Wants.EXPLANATION, Wants.YESNO}

_DEFAULT = re.compile(r"\bdefault", re.IGNORECASE)
_NATIVELY = re.compile(r"\bout of the box\b", re.IGNORECASE)
# The entries of a list that a line ending in ":" introduces, at most this many units on.
LIST_REACH = 8
# An entry is as relevant as this share of what introduces its list.
LIST_SHARE = 0.7
# A short sentence is as relevant as this share of the sentence before it ("Defaults to 7.").
FOLLOW_SHARE = 0.7
FOLLOW_WORDS = 12
# "What does gzip do by default?" asks what happens, which a text may tell without the word.
_ASKS_BEHAVIOUR = re.compile(
    r"\bwhat (?:does|do|did|will|would)\b.*\b(?:do|happen)\b|\bwhat happens\b|"
    r"^how\b(?! (?:many|much|long|big|large|often|far|fast)\b)|"
    r"\bbehaviou?r\b",
    re.IGNORECASE,
)
_IDENTIFIER = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\d_])\w{3,}\b")
# What a question wants done is to turn something off: "so that it prints without colours",
# "to turn off the bell", "which option disables the cache". ("Which option stops the search
# after 10 results" wants an end, not an off switch.)
_ASKS_TO_STOP = re.compile(
    r"\bso (?:that )?[^,?]*\b(?:without|no|not|never)\b|"
    r"\b(?:to|which \w+|what \w+) (?:\w+ )?(?:disables?|turns? off|switch(?:es)? off|"
    r"suppress(?:es)?|silences?|prevents?)\b",
    re.IGNORECASE,
)
# A question about the help a program prints: "which option lists its usage".
_ASKS_HELP = re.compile(r"\b(?:help|usage|synopsis)\b", re.IGNORECASE)


def _help_entry(cand: Candidate) -> bool:
    """``cand`` is the entry of a program's help option ("-h, --help Show this message")."""
    return "help" in cand.entry or ("h" in cand.entry and "help" in cand.text.lower())


# A sentence that says it stops something.
_STOPS = re.compile(
    r"\b(?:disabl\w*|turns? off|switch(?:es)? off|suppress\w*|silenc\w*|stops?|prevents?|"
    r"no|not|never|without)\b|\bNO_|(?<![\w-])--no-",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Signals:
    """What a candidate's score is made of, kept for measuring other ways to combine them
    (``bench/reader_scoring.py``)."""

    dense: float = 0.0  # cosine of the unit's vector with the question's
    lexical: float = 0.0  # weighted share of the question's topic terms the unit holds
    inherited: float = 0.0  # from the line introducing its list or the sentence before
    novelty: float = 0.0  # share of terms the question does not already hold (0-1)
    typed: bool = False  # holds a span of the asked type that the question does not state
    table_row: bool = False
    row_key: bool = False  # a table row whose key the question names
    excluded: bool = False  # speaks of what the question sets aside ("besides X")
    evidence_rank: int = 0  # the position of its chunk in the evidence, from 0


@dataclass(frozen=True)
class Candidate:
    evidence_index: int
    text: str
    score: float  # orders candidates: relevance, rank prior, novelty, type
    relevance: float  # decides whether anything answers at all: meaning and wording only
    spans: tuple[str, ...] = ()  # spans of the asked type the question does not state
    bridged: bool = False
    follows: str = ""  # the next sentence of the same chunk, for a sentence ending in ":"
    previous: str = ""  # the unit before it in its chunk: an entry's name, a heading
    refers_back: bool = False  # "This allows ...": its answer is named in ``previous``
    entry: frozenset[str] = frozenset()  # the options whose entry it is in ("-F, --file ...")
    # For a bare default ("The default is 80x24."), the unit that opens its list entry.
    opening: str = ""
    # In a NEWS file, the release whose heading it is listed under ("Version 1.6.3").
    release: str = ""
    caption: str = ""  # for a table row, the line that introduces its table
    signals: Signals = Signals()


@dataclass(frozen=True)
class Reading:
    text: str  # the answer with [n] markers (1-based evidence positions), or "" to abstain
    question: Question


class Reader:
    def __init__(
        self,
        embedder: Embedder,
        *,
        min_support: float = 0.45,
        max_quotes: int = 2,
        parts: frozenset[str] = PARTS,
    ) -> None:
        self.embedder = embedder
        self.min_support = min_support
        self.max_quotes = max_quotes
        self.parts = parts
        self._warned_unstored = False

    def read(self, question: str, evidence: Sequence[Evidence], *, context: str = "") -> Reading:
        """Answer ``question``; ``context`` is the turn a follow-up continues ("and on
        Sundays?"): it helps find the topic, while the question decides what is asked."""
        asked = analyse(question)
        pictures_ok = "pictures" not in self.parts or describes_picture(question)
        # A picture's look names no author, date or price: those come from text (a label
        # such as "Cocker Spaniel" is no photographer).
        on_marks = speaks_of_marks(question)
        # A path the question names ("/dev/sde1") is exact: the answer's document writes it.
        paths = _PATH.findall(asked.text)
        looks_answer = asked.wants not in (Wants.PERSON, Wants.DATE, Wants.PRICE) or on_marks
        # Nor does it name the thing it shows ("what is the rabbit called" is no "hare"): a
        # name is read in a picture, so only the text read in it stays to quote.
        looks_name = looks_answer and not asks_name(question)
        # A picture's look answers only a question about a picture; the text read in it is
        # text like any other.
        readable = {i: readable_text(e, pictures_ok and looks_name) for i, e in enumerate(evidence)}
        if "pinned" in self.parts and not _asks_document_information(asked):
            # A PDF's document information card shares the title's words with every question
            # on the document, and tells only its title, authors and dates: it answers a
            # question on those, not "which font technology was removed".
            readable = {i: "" if _is_card(text) else text for i, text in readable.items()}
        usable = [i for i, text in readable.items() if text]
        if not usable:
            return Reading("", asked)
        first = picture_to_read(question, evidence, usable) if pictures_ok else None
        if pictures_ok and "pinned" in self.parts:
            first = _named_picture(asked.named, evidence, usable, first)
        # A picture answers a question that pins a number down ("the plot of 20,000 points")
        # only when it shows that number: a histogram of 10,000 is another picture.
        if first is not None and not _picture_states(asked.pinned, evidence, first):
            # "the 'debianedu' logo": another of the first pictures may show it.
            first = next(
                (
                    i
                    for i in usable[:PICTURE_CHOICE]
                    if evidence[i].chunk.modality == "image"
                    and _picture_states(asked.pinned, evidence, i)
                ),
                None,
            )
        titled = told_by_titled_plot(question, evidence, usable) if pictures_ok else ""
        if titled:
            return Reading(titled, asked)
        if first is not None and looks_answer:
            # "The Hitori screenshot": a picture that does not show the name the question
            # gives it is a picture of something else, as a passage is of another program.
            # A dialog seldom shows its program's name, though: a question on its marks
            # ("which indentation type is selected in Geany's preferences") is answered by
            # the marks whose labels it names.
            given = asked.qualifiers if "pinned" in self.parts and not on_marks else frozenset()
            picture = answer_from_picture(
                question,
                evidence,
                first,
                self.max_quotes,
                asked.kind_of,
                number=asked.wants in (Wants.NUMBER, Wants.PRICE),
                measure=asked.measure,
                named=asked.named,
                shows=lambda index: (
                    _document_states(given, evidence, index)
                    and _writes_paths(paths, evidence, index)
                ),
            )
            if (
                picture
                and asked.wants is Wants.VERSION
                and (not _gives_release(picture) or _asks_when_changed(asked))
            ):
                # "Which version does the splash screen show" is not answered by its slogan,
                # nor by the licence's version in its small print; and a picture shows what
                # is, not in which release it came.
                picture = ""
            if picture:
                return Reading(picture, asked)
        plotted = told_by_plot(question, evidence, usable) if pictures_ok else ""
        if plotted:
            return Reading(plotted, asked)
        if "spans" in self.parts and asks_affiliation(question):
            # "At which university was Christian Kleiber": the title page prints it under
            # his name, in no sentence.
            people = people_asked(question)
            # Without a name, only "the author" is asked about: the one a title page prints.
            for index in usable if people or asks_author(question) else ():
                found = affiliation_of(people, evidence[index].chunk.text)
                if found is not None:
                    quote = f"{found.person}, {found.place} [{index + 1}]"
                    return Reading(f"{found.place} — {quote}", asked)
        # A question may name the document it asks ("the etcd hardware guide"): the file's
        # name says what the document is about as much as its passages do.
        names = {_file_words(evidence[i].chunk.file) for i in usable}
        if _missing_topic_terms(
            f"{context}\n{question}", [readable[i] for i in usable] + sorted(names)
        ):
            return Reading("", asked)
        # The scene a question sets before it asks ("The dot manual mentions a layout
        # utility. Whose approach does it follow?") finds the topic, like the turn a
        # follow-up continues; the sentence that asks decides which evidence answers.
        candidates = self.rank(
            asked,
            readable,
            usable,
            "\n".join(t for t in (context, asked.scene) if t),
            evidence=evidence,
        )
        if not candidates or max(c.relevance for c in candidates) < self.min_support:
            return Reading("", asked)
        hop = candidates[0]
        if "bridge" in self.parts:
            candidates = _follow_bridge(question, candidates)
        floor = self.min_support * 0.8
        candidates = [c for c in candidates if c.relevance >= floor]
        if not asks_about_instructions(question):
            candidates = [c for c in candidates if not addressed_to_a_model(c.text)]
        if "pinned" in self.parts:
            candidates = _weigh_names(asked, candidates, evidence)
            candidates = _weigh_files(asked.text, candidates, evidence)
            # "44.1 kHz or higher" speaks of the 48 kHz file a question pins down.
            candidates = [
                c
                for c in candidates
                if _mentions(asked.pinned - covered_numbers(asked.text, c.text), c, evidence)
            ]
            # "The HbA1c for March 2015" is not read from a line of the values of February
            # and April: a passage that dates what it gives gives the pinned date's.
            dates = [p for p in asked.pinned if is_date_pin(p)]
            candidates = [
                c
                for c in candidates
                if not dates
                or not prints_dates(c.text)
                or any(states_date(c.text, d) for d in dates)
            ]
            candidates = [c for c in candidates if _mentions(asked.qualifiers, c, evidence)]
            # "When was metafor 4.0 released?" is not answered by a table of Debian's
            # releases: the document that tells of a version names what it is a version of.
            # (The text read in a picture misses words too often to refuse on.)
            versioned = versioned_names(asked.text)
            candidates = [
                c
                for c in candidates
                if evidence[c.evidence_index].chunk.modality == "image"
                or _mentions(versioned, c, evidence)
            ]
            candidates = _about_the_change(asked, candidates, evidence)
            if asked.wants not in (Wants.DATE, Wants.VERSION):
                # "# dbscan 1.1-0 (2017-03-18)" heads the entries that say what the release
                # added; it tells only when it came, and which.
                candidates = [c for c in candidates if not release_named(c.text)]
            candidates = _in_named_entry(asked.text, candidates)
            # "What does rainbow_hcl() return by default?" is not answered by a passage on
            # heat_hcl(): a function the question calls is named where the answer stands.
            called = set(_CALL.findall(asked.text))
            candidates = [c for c in candidates if _chunk_mentions(called, c, evidence)]
            # "How long does it take to format f32::MIN_POSITIVE?": a name in code is exact,
            # and a document that never writes it does not tell of it.
            coded = [_squeezed(m) for m in _CODE_NAME.findall(asked.text)]
            candidates = [
                c
                for c in candidates
                if all(n in _squeezed(_text_of_document(evidence, c.evidence_index)) for n in coded)
                and _writes_paths(paths, evidence, c.evidence_index)
            ]
            if asked.shape in _IDENTIFYING_SHAPES:
                # "The ISBN of Greene's Econometric Analysis": an ISBN in a passage that does
                # not name that book belongs to another one; in a reference list, an ISBN
                # in an entry that does not name it.
                owner = asked.named - asked.asked_for
                candidates = [
                    c
                    for c in candidates
                    if _chunk_mentions(owner, c, evidence)
                    and (not is_reference_entry(c.text) or _states(owner, c))
                ]
            # A value of the shape asked for ("Ctrl+L") speaks of it without the word.
            # So does a number printed under the question's word for it ("p = 0.22").
            if not asked.shape:
                labels = asked.text.lower() if _reads_labels(asked) else ""
                candidates = [
                    c
                    for c in candidates
                    if _speaks_of(asked.asked_for, c, evidence)
                    or _restates_question(asked, c)
                    or (labels and not c.signals.table_row and labelled_numbers(labels, c.text))
                    # "Which command installs it": a README shows the command, never says so.
                    or (asked.code == "command" and bool(c.spans))
                    # "What date is on the title page": a date is written, never called one.
                    or (
                        asked.asked_for <= _DATE_WORDS
                        and asked.wants is Wants.DATE
                        and bool(c.spans)
                    )
                    # "The absolute value of what process?": the sentence that says what the
                    # absolute value is of answers, never calling it a process.
                    or bool(set(objects_named(asked.text, c.text)) & set(c.spans))
                ]
            product = asked.asked_for & asked.named
            if asked.wants in (Wants.VALUE, Wants.NUMBER) and product:
                # "What HbA1c value ... for March 2015?": a reading is told with its name,
                # and a passage that never names it (a blood sugar table) gives another one.
                candidates = [c for c in candidates if _chunk_mentions(product, c, evidence)]
            if asked.wants is Wants.VERSION and product:
                # "Which Python versions does PrettyTable support?": a version of Python is
                # said with its name; "versions 0.5 and earlier" are PrettyTable's own.
                candidates = [c for c in candidates if _states(frozenset(product), c)]
            if _ASKS_MEMORY.search(asked.text):
                # "How much memory does each thread need?" is not answered by "128 KB chunks"
                # in a manual that never speaks of memory. A table of memory use may print
                # only "Compress usage" in its rows: the document says what they measure.
                candidates = [
                    c
                    for c in candidates
                    if _SPEAKS_OF_MEMORY.search(_text_of_document(evidence, c.evidence_index))
                ]
            if asked.wants is Wants.DATE and not _ASKS_OF_DOCUMENT.search(asked.text):
                # "In which year were the soil samples collected?" is not answered by the date
                # under a tutorial's title: that date is the document's own.
                candidates = [c for c in candidates if not _opens_document(c, evidence)]
            if asked.wants is Wants.VERSION and _ASKS_REQUIRED_VERSION.search(asked.text):
                # "The minimum Go version it requires" is not answered by "Go 1.10 introduced
                # strings.Builder": the version required is stated as a requirement.
                candidates = [
                    c for c in candidates if _STATES_REQUIREMENT.search(f"{c.text} {c.follows}")
                ]
            # "What is the default of --deskew-scan-step" is not answered by a sentence
            # about --deskew-scan-range: an option the question names is named by the answer.
            options = (
                named_options(question)
                - excluded_options(question)
                - compared_options(question)
                - unused_options(question)
            )
            # The entry a list under the option keys by the letter the question gives ("what
            # does the letter J stand for" in the fields -o takes) may stand in a chunk of its
            # own, past the option's head.
            candidates = [
                c
                for c in candidates
                if all(_about_option(o, c, evidence) for o in options)
                or keyed_by_letter(question, c.text)
            ]
            # A row with a blank cell under the column the question names says nothing of it;
            # when the rows the question names best are all blank there, the table does not
            # give what is asked, and another row's figure is no answer.
            blank = _blank_rows(question, candidates, evidence)
            if blank is None:
                return Reading("", asked)
            candidates = [c for c in candidates if id(c) not in blank]
            # "With 32 threads" is not read from the row with "Threads: 8", nor "on MR4" from
            # a row of MR1 to MR3; nor from that row as the page's text prints it.
            candidates = _without_rows(
                candidates,
                lambda cells: (
                    contradicts_row(question, cells) or lacks_named_column(question, cells)
                ),
            )
            # "The largest key size it accepts" is not answered by "keys must be at least 2048
            # bits": a bound the other way round.
            candidates = [c for c in candidates if not _other_bound(question, c.text)]
            # "What UID does the postgres user have" is not answered by the sentence on the
            # gnats user: the sentence, or the entry name before it, names the one asked about.
            # The entry of a cited work answers for the sentence that cites it, which names
            # what the question says of it ("written together with the diagram package").
            cited_entry = asks_about_source(question)
            candidates = [
                c
                for c in candidates
                if _names_subjects(asked.subjects, c, evidence)
                or (cited_entry and c.bridged and is_reference_entry(c.text))
                # "the weight function w(x)": a legend names it by the label the question gives
                or legend_value(question, c.text)
            ]
            # "In the default scantwo summary, what is lod.full?": a default that places the
            # question, before what it asks, is no default asked for.
            defaulted_question = _DEFAULT.search(without_default_setting(without_locator(question)))
            if defaulted_question and not _ASKS_BEHAVIOUR.search(question):
                # A value is the default only where the text says so: "a value of 0.1 will
                # lead to ..." gives an example, not what holds when nothing is set.
                # "Use a tab for each indentation level instead of two spaces" tells what
                # holds without the option: the value it replaces.
                candidates = [
                    c
                    for c in candidates
                    # A table of "Default P-value thresholds" gives a default in each row.
                    if _DEFAULT.search(f"{c.caption} {c.text} {c.follows}") or _replaces_value(c)
                ]
                # "htop's default delay" is not told by "by default htop reads its
                # configuration from ...": the default stated is of the thing asked about.
                defaulted = _DEFAULTED.search(question.lower()) or _DEFAULT_OF.search(
                    question.lower()
                )
                if defaulted:
                    thing = frozenset(content_terms(defaulted.group(1)))
                    symbols = _symbols(question)
                    candidates = [
                        c
                        for c in candidates
                        if _tells_of(thing, c) or _sets_symbol(symbols, c.text)
                    ]
                if asked.wants is Wants.VALUE:
                    # "with default settings" names no value: a default value is stated.
                    candidates = [c for c in candidates if c.spans]
            elif asked.asks_default or defaulted_question:
                # What holds when nothing is set, asked in other words or as a behaviour, may be
                # told without the word ("h = 260" in a signature); a sentence that does say
                # "default" comes first.
                # Unless a behaviour is asked, one that does neither, and states no value,
                # does not answer it ("out of the box" may also ask what is there natively,
                # which a sentence tells as a fact).
                told_as_fact = _ASKS_BEHAVIOUR.search(question) or _NATIVELY.search(question)
                candidates = sorted(
                    (
                        c
                        for c in candidates
                        if c.spans or _says_default(f"{c.text} {c.follows}") or told_as_fact
                    ),
                    key=lambda c: not _says_default(f"{c.text} {c.follows}"),
                )
        if "types" in self.parts and (asked.wants in REQUIRED_SPAN or asked.shape or asked.measure):
            candidates = [c for c in candidates if c.spans]
        elif "types" in self.parts and (
            asked.wants in TYPED or asked.kind_of or asked.code or spelled_out(asked.text)
        ):
            # What the question asks for decides first: a relevant sentence that holds it
            # beats a more similar one that does not.
            candidates = sorted(candidates, key=lambda c: not c.spans)
        if _reads_labels(asked):
            # "What p-value does the test print?": "p = 0.22" states it under its name.
            lowered = asked.text.lower()

            # Every row of a table prints its numbers under the same headers: the rules on
            # cells pick the row, and a row whose key the question states ("the cc2 row") goes
            # first.
            # The best sentence that counts what "how many ships" asks ("Reinforcements
            # (2 ships) have arrived") states it as plainly as a "Ships: 16" label does.
            floor = candidates[0].relevance - COUNT_MARGIN if candidates else 0.0

            def labelled(c: Candidate) -> int:
                if c.signals.table_row:
                    return 0 if c.signals.row_key else 2
                counts = c.relevance >= floor and bool(counts_in_digits(asked.counted, c.text))
                return 1 if counts or labelled_numbers(lowered, c.text) else 2

            candidates = sorted(candidates, key=labelled)
        direction = _axis_direction(asked.text)
        if direction:
            # "What does the x axis measure?" is answered by a plot's sentence on its
            # horizontal axis, not by the vertical axis's title, however much of the question
            # that title shares.
            other = "vertical" if direction == "horizontal" else "horizontal"

            def on_axis(c: Candidate) -> int:
                text = c.text.lower()
                return 0 if f"{direction} (" in text else 2 if f"{other} (" in text else 1

            candidates = sorted(candidates, key=on_axis)
        if asked.wants is Wants.PERSON and _ASKS_MANUAL_PAGE.search(asked.text):
            # "Who originally wrote the gnote manual page?": the man page's own credit ("This
            # manual page was originally written by Luca Capello"), not the program's authors
            # that the AUTHORS heading above it lists.
            candidates = sorted(
                candidates, key=lambda c: not (c.spans and _MANUAL_PAGE.search(c.text))
            )
        elif asked.wants is Wants.PERSON:
            # "Who wrote it?": the name under the manual's AUTHOR heading, before a name that
            # merely shares the question's words (a footer's "Mosquitto Project").
            candidates = sorted(
                candidates,
                key=lambda c: (
                    not (
                        c.spans
                        and (
                            _headed_by_question_word(asked, c.text)
                            or _headed_credits(asked, c.text)
                            or _authors_byline(asked, c.text, c.spans, c.evidence_index, evidence)
                        )
                    )
                ),
            )
        if "spans" in self.parts and asked.wants in _RELATED_ASKED:
            # "Which pmethod value gives the limiting distribution?": "Lau92 means the limiting
            # distribution" says a key means all that the question says of the thing, before
            # code that merely shares more of its words.
            candidates = sorted(
                candidates,
                key=lambda c: not c.spans or key_meaning(asked.text, c.text) not in c.spans,
            )
        if "spans" in self.parts and asks_owner(asked.text):
            # "Whose lab developed CD-HIT?": the name the sentence gives that thing to
            # ("developed by Weizhong Li's lab"), before the authors a citation names.
            candidates = sorted(candidates, key=lambda c: not owners_named(asked.text, c.text))
        deed = _DEED_ASKED.search(asked.text) if asked.wants is Wants.PERSON else None
        if deed:
            # "Who introduced the meuse data set?": a sentence that tells who did that deed
            # ("The data set was introduced by Burrough and McDonnell") before the byline of
            # the tutorial that uses it.
            done = frozenset(content_terms(deed.group(1)))
            candidates = sorted(
                candidates, key=lambda c: not (c.spans and done <= _question_terms(c.text))
            )
        if asked.wants is Wants.PERSON and _ASKS_PUBLISHER.search(asked.text):
            # "Who published the book?": a publisher ("Springer-Verlag") before the authors
            # and the teams a reference list also names.
            candidates = sorted(
                candidates,
                key=lambda c: (
                    not any(PUBLISHER.fullmatch(s) or s == entry_publisher(c.text) for s in c.spans)
                ),
            )
        exact = {p for p in asked.pinned if not p.isdigit()}
        if "pinned" in self.parts and exact:
            # The document names what the question pins down; of its sentences, one that
            # names it too comes first: "zstd 1.5.1 -1" is not answered by the row of
            # "zstd 1.5.1 --fast=4", nor "xz -7" by the sentence on "-9". (A plain number
            # often describes and is said otherwise: "32-bit X86" in a table of "X86".) An
            # entry of a NEWS file names the release it is listed under.
            candidates = sorted(
                candidates,
                key=lambda c: not (_states(exact, c, evidence) or c.release.lower() in exact),
            )
        if "pinned" in self.parts:
            # "What does code 137 mean?", "exits with status 2": the entry a list keys by that
            # number comes first.
            candidates = sorted(
                candidates,
                key=lambda c: not (keyed_by_pinned(asked, c.text) or inline_meaning(asked, c.text)),
            )
        done_by = _options_doing(asked.text) if "pinned" in self.parts else set()
        if done_by:
            # "What does jo's -D option do?": the option's own entry ("-D Deduplicate object
            # keys.") tells, before a usage line that lists it among the others.
            candidates = sorted(candidates, key=lambda c: not done_by & c.entry)
        if asked.wants is not Wants.YESNO and _ASKS_TO_STOP.search(asked.text):
            # "Which variable makes it print without colours?": what turns a thing off is said
            # with a "no" of its own ("NO_COLOR: Disables colorized output"), and the sentence
            # on the thing itself ("LS_COLORS: how to colorize") shares more of the words.
            candidates = sorted(candidates, key=lambda c: not _STOPS.search(c.text))
        if asked.wants is Wants.YESNO:
            # "Can it resolve names when Avahi isn't available?": the sentence that states the
            # same condition answers for it.
            condition = _condition_terms(asked.text)
            if condition:
                candidates = sorted(
                    candidates, key=lambda c: not condition <= _condition_terms(c.text)
                )
        else:
            # A sentence that only restates the question tells nothing it did not: any
            # sentence that adds something comes first ("is it so?" is answered by the echo).
            # A span its section or its entry brings ("### `ttlAutopurge`" over "Preemptively
            # remove stale items") is something the echo adds.
            # So does the option an entry is of: "--background Run Gnote in background." says
            # how to "start gnote so that it runs in the background".
            written = named_options(asked.text)
            candidates = sorted(
                candidates,
                key=lambda c: (
                    (_restates(asked.text, c.text) and not c.spans and not c.entry - written)
                    or bare_head(c.text)
                ),
            )
        unused = unused_options(asked.text) if "pinned" in self.parts else set()
        if unused:
            # "Which exit status ... when -q is not used?" is not told by "if the --quiet or
            # -q option is used, pdfgrep will return 0": that is the other case.
            candidates = sorted(candidates, key=lambda c: bool(unused & used_case_options(c.text)))
        if "types" in self.parts and asked.code == "option" and not _ASKS_HELP.search(asked.text):
            # Every program has a "-h, --help" entry, and its words ("Prints some information
            # about gtg's usage and options") share any option question's: it answers only a
            # question about help itself, not "which option changes the application's name".
            candidates = [c for c in candidates if not _help_entry(c)]
        if (
            "types" in self.parts
            and asked.wants is Wants.PERSON
            and _ASKS_CREDIT.search(asked.text)
        ):
            # "Who reported the Fortran warnings that 1.7-0 fixed?": a person the text credits
            # ("reported by", "thanks to", "kindly provided by"). The author heading a change
            # log's entry, or an entry that names no one, does not tell.
            candidates = [
                c for c in candidates if c.spans and _CREDITS.search(f"{c.text} {c.follows}")
            ]
        if not candidates:
            return Reading("", asked)
        if "pinned" in self.parts and not candidates[0].bridged:
            named = _named_files(question, evidence)
            if named and candidates[0].evidence_index not in named:
                # "According to the gower vignette, which ...": the question names the file it
                # asks about, and another file's passage tells of something else. When none of
                # the named file's passages is left ("what does element 16 of deSolve's istate
                # hold" and no passage of it gives a 16), nothing answers.
                candidates = [c for c in candidates if c.evidence_index in named]
            if not candidates:
                return Reading("", asked)
        best = candidates[0]
        text = self._compose(asked, best, candidates, evidence)
        if best.bridged and hop is not best:
            text += f" {hop.text} [{hop.evidence_index + 1}]"
        return Reading(text, asked)

    # Scoring ----------------------------------------------------------------------------

    def rank(
        self,
        asked: Question,
        readable: dict[int, str],
        usable: Sequence[int],
        context: str = "",
        *,
        evidence: Sequence[Evidence] = (),
    ) -> list[Candidate]:
        """``evidence`` (what ``readable`` was read from) brings the sentence vectors stored
        with its chunks; without it, or for a chunk without them, sentences are embedded. The
        words that count are those of the sentence that asks; its scene comes in ``context``."""
        question = asked.asking or asked.text
        q_terms = content_terms(question)
        if asked.asks_default:  # "unless told otherwise": the text says "by default"
            q_terms += [t for t in content_terms("default") if t not in q_terms]
        # "the x axis" names its direction with a letter, which is too short to be a term: the
        # plot's reading says "horizontal (x) axis".
        q_terms += [t for t in content_terms(_axis_direction(question)) if t not in q_terms]
        # "What does -N do?": an option is a term of its own, which stemming would drop.
        asked_options = (
            option_terms(asked.text)
            - option_terms(set_aside(asked.text))
            - {t for o in compared_options(asked.text) for t in option_terms(o)}
        )
        q_terms += sorted(asked_options - set(q_terms))
        earlier = [t for t in content_terms(context) if t not in q_terms]
        if not q_terms:  # "And from when?" names no topic of its own: the turn before does
            q_terms, earlier = earlier, []
        elif earlier and set(q_terms) <= _ASKED_KINDS:
            # "I want passwords with no vowels. Which option do I use?": the sentence that asks
            # names only the kind of answer; the scene says what it must do.
            q_terms, earlier = q_terms + earlier, []
        # evidence index, unit, the one after it, the unit as scored (with its table caption)
        units: list[tuple[int, str, str, str]] = []
        previous: list[str] = []
        for index in usable:
            split = reading_units(readable[index])
            if evidence[index].chunk.modality == "image":
                split = [(text, c) for text, c in split if not repeats_question(text, question)]
            if not split:  # text too short to hold a sentence ("OK" read in a picture)
                continue
            nexts = [text for text, _ in split[1:]] + [""]
            units += [
                (index, text, after, f"{caption} {text}" if caption else text)
                for (text, caption), after in zip(split, nexts, strict=True)
            ]
            previous += ["", *(text for text, _ in split[:-1])]
        if not units or not q_terms:
            return []
        unit_terms = [
            frozenset(content_terms(scored))
            | _in_compounds(q_terms + earlier, scored)
            | option_terms(scored)
            for _, _, _, scored in units
        ]
        carried = {index: evidence[index].chunk.headings for index in usable}
        release_lines = release_headings(units, carried)
        # "Which datasets were added to dbscan in version 1.1-0?": an entry listed under the
        # release the question pins ("* Datasets added: DS3 and moon." under "# dbscan 1.1-0")
        # says the name and version its heading says.
        pinned_terms = frozenset(q_terms)
        unit_terms = [
            terms | (frozenset(content_terms(line)) & pinned_terms)
            if version and version in asked.pinned
            else terms
            for terms, (version, line) in zip(unit_terms, release_lines, strict=True)
        ]
        weights = _term_weights(q_terms, unit_terms)
        for term, weight in _term_weights(earlier, unit_terms).items():
            weights[term] = CONTEXT_FACTOR * weight  # the turn before names the topic only
        excluded = excluded_terms(question)
        # An option the question asks about ("what does -N do") identifies the entry that
        # answers; in a yes/no question the claim's words decide, the option sets the topic.
        keys = key_terms(question) | (asked_options if asked.wants is not Wants.YESNO else set())
        for term in keys & weights.keys():
            weights[term] *= KEY_TERM_FACTOR
        # What the question only compares with ("the way gzip does") is not what it asks about.
        for term in compared_terms(question) & weights.keys():
            weights[term] = 0.0
        for term in excluded & weights.keys():
            weights[term] = 0.0
        total = sum(weights.values()) or 1.0
        q_set = frozenset(q_terms)
        lexicals = [
            sum(w for t, w in weights.items() if t in terms) / total for terms in unit_terms
        ]
        query = f"{context}\n{question}" if context else question
        dense = self._dense(query, units, lexicals, [e.chunk for e in evidence])
        typed = "types" in self.parts
        own = [
            DENSE_WEIGHT * float(cosine) + LEXICAL_WEIGHT * lexical
            for cosine, lexical in zip(dense, lexicals, strict=True)
        ]
        predicate = _predicate_terms(asked)
        entries, heads, entry_names = option_entries(units)
        headed = headings_named(units, carried)
        released = [version for version, _ in release_lines]
        openings = entry_openings(units)
        # "Use this option to install man as a non-setuid program": in an option's entry, a
        # sentence that says what the option does names it by its head.
        wants_option = asked.code == "option" and asked.wants in (Wants.IDENTIFIER, Wants.THING)
        how_to = asked.wants is Wants.EXPLANATION and bool(_ASKS_HOW_TO.search(asked.text))
        options = named_options(asked.text) - excluded_options(asked.text)
        prose_asked = not asked.code and asked.wants in _ASKED_IN_PROSE
        inherited = [
            max(listed, followed, entered)
            for listed, followed, entered in zip(
                _list_relevance(units, own, _continued(evidence)),
                _follow_relevance(units, own),
                _entry_relevance(units, own, entries, heads, options, defaults=asked.asks_default),
                strict=True,
            )
        ]
        # How well each chunk's best unit matches: a chart's legend is about the figure its
        # chunk tells, whose caption names what the question calls it.
        chunk_best: dict[int, float] = {}
        for (index, *_), relevance in zip(units, own, strict=True):
            chunk_best[index] = max(chunk_best.get(index, 0.0), relevance)
        scored = []
        for i, (
            (index, text, after, scored_as),
            terms,
            mine,
            lead,
            before,
            cosine,
            lexical,
        ) in enumerate(
            zip(units, unit_terms, own, inherited, previous, dense, lexicals, strict=True)
        ):
            entry = entries[i]
            novelty = min(1.0, len(terms - q_set) / 3) if terms else 0.0
            relevance = max(mine, lead)
            found = (
                _new_spans(asked, text)
                or default_entry(asked, text, openings[i])
                or default_heading(asked, text, headed[i])
                or default_in_words(asked, text)
                or entry_term(asked, text, openings[i])
                or named_by_code(asked.text, text)
                or release_of(asked, text, released[i])
            )
            if (
                not found
                and not heads[i]
                and (wants_option or (how_to and _SAYS_THIS_OPTION.search(text)))
            ):
                # "How do I make jpegoptim skip ...?" and "this option can be used to make
                # jpegoptim skip ...": the option is the one whose entry says so.
                found = [n for n in entry_names[i] if n.lower() not in asked.text.lower()]
            if not found:
                opens_section = bool(before) and before.lstrip().startswith("#")
                found = named_by_heading(asked, text, headed[i], opens_section=opens_section)
            # "Which web browser is set": the field a dialog labels with the word asked for
            # ("Browser: firefox"), in the lines read in a screenshot.
            field = typed and _field_in_picture(asked, text, index, evidence)
            if field:
                found = [field]
            refers_back = False
            if not found and before and _REFERS_BACK.match(text):
                # "Ncdu reads your shell from NCDU_SHELL. This allows you to run another
                # command when 'b' is pressed.": what "this" does, the sentence before names.
                found = _new_spans(asked, before) if typed else []
                refers_back = bool(found)
            # The command that completes "... change into `src` and run" is quoted with it.
            refers_back = refers_back or bool(before and _RUN_WHAT_FOLLOWS.search(before))
            credit = _CREDITS_BACK.match(after) if asked.wants is Wants.PERSON else None
            credited = False
            if not found and credit is not None:
                # "Added a travis-ci test matrix ... Thanks to Thomas Weber (debian) for this
                # great improvement.": who did what a sentence tells, the thanks after it names.
                found = _new_spans(asked, credit.group(0)) if typed else []
                credited = bool(found)
            others = other_members(asked.text, text)
            if others and not any(o in found for o in others):
                found = others
            if excluded:
                # "Apart from radians, which angle units ...": "in radians" is the unit the
                # question sets aside, no answer to it.
                found = [span for span in found if not _only_terms_of(span, excluded)]
            cells = parse_row(text) if "tables" in self.parts else []
            if typed and found and not cells and _headed_by_question_word(asked, text):
                # "AUTHORS Andrew Gallant <...>", "Maintainer: ...": the heading that the
                # question's word names says what the value under it is, which the bare
                # value's own words (a name, an address) never share with the question.
                relevance = max(relevance, self.min_support)
            if typed and _authors_byline(asked, text, found, index, evidence):
                # "Uwe Ligges and Martin Mächler" under a paper's title: the names alone on
                # the first lines of a document are its authors', in no word of the question.
                relevance = max(relevance, self.min_support)
            if legend_value(asked.text, text):
                # "Legend: ρ(x) (black), w(x) (green).": the entry the question names, in the
                # legend of the figure its chunk is about.
                relevance = max(relevance, chunk_best[index])
            keyed = keyed_by_pinned(asked, text) or bool(inline_meaning(asked, text))
            if keyed:
                # "• 137 Server busy": the entry a list keys by the number the question gives
                # is about it, whatever else the two share.
                relevance = max(relevance, self.min_support)
            printed_row = typed and _printed_row_named(asked.text, text)
            counted_by_label = typed and (_labels_count(asked.counted, text) or printed_row)
            if counted_by_label:
                # "## Number of iterations = 131": printed under the count the question asks
                # for, in no other word of it; "log(income) 17.514 ...", under the term it
                # names, as a table's row is keyed.
                relevance = max(relevance, self.min_support)
            if printed_row:
                # The row's printout is what its chunk is about: the command above it ("R>
                # S(lm1) ... Coefficients:") shares the question's words for the table.
                relevance = max(relevance, chunk_best[index])
            if field:
                # "Browser: firefox" shares one word with "which web browser is set in the tool
                # paths": the dialog's field is what its picture's text is about.
                relevance = max(relevance, chunk_best[index])
            if typed and found and heads[i]:
                # "-nocolor Forces grayscale output": an option's entry that says what the
                # question asks adds the option, however few words of its own it has.
                novelty = 1.0
            score = relevance + NOVELTY_WEIGHT * (novelty - 1.0) + RANK_BONUS / (index + 1)
            if counted_by_label or field:
                score += ROW_KEY_BONUS
            row_key = False
            if cells:
                # A row holding a cell under the header the question names answers it.
                cell = _answer_cell(asked, cells)
                found = [cell.value] if cell is not None else found
                row_key = names_row(question, cells)
                marked = marked_keys(question, cells, evidence[index].chunk.text)
                if marked is not None:
                    # "Which library offers X?" over a table of check marks: the rows that
                    # mark X answer with their keys; the others, a mark or a blank, do not.
                    row_key = cells[0].value in marked
                    found = [cells[0].value] if row_key else []
                    if row_key:
                        # Its marks, not its words, match the question: the table is what
                        # its chunk is about.
                        lift = max(0.0, chunk_best[index] - relevance)
                        relevance += lift
                        score += lift
                if row_key:
                    score += ROW_KEY_BONUS
                    if stated_keys(question, cells) > 1:
                        # Named by its group and its own key: more than its group's rows.
                        score += ROW_KEY_BONUS / 2
            if typed and found:
                score += TYPE_BONUS
            if (
                typed
                and asked.wants in (Wants.NUMBER, Wants.VALUE)
                and _printed_values(asked.text, text)
            ):
                # "cvfit$lambda.min ## [1] 0.06284188": printed under the very name the
                # question gives, as a table's row is keyed by it.
                score += ROW_KEY_BONUS
            if typed and found and predicate and predicate <= terms:
                # "Which option stops on the first warning?": "--hardwarnings Stop on the first
                # warning" says all the question says the option does.
                score += ROW_KEY_BONUS
            if (
                typed
                and asked.wants in _RELATED_ASKED
                and _called_by_asked_kind(asked, text, found)
            ):
                # "Which library does it use?": "It uses the `minimatch` library" calls its
                # name by the very kind asked for.
                score += ROW_KEY_BONUS
            if typed and asked.wants in _RELATED_ASKED and objects_named(asked.text, text):
                # "continuation of bashtop and bpytop": the relation the question names
                # ("the continuation of which monitors"), said of something new.
                score += ROW_KEY_BONUS
            if excluded & terms and not others:  # "besides X": a sentence about X is no answer
                score -= EXCLUDED_PENALTY
            if prose_asked and _SESSION_PROMPT.search(text):
                score -= TYPED_CODE_PENALTY
            follows = after if text.rstrip().endswith(":") else ""
            if credited and credit is not None:
                follows = f"{credit.group(0)}."  # the thanks, not the entries after it
            signals = Signals(
                dense=float(cosine),
                lexical=lexical,
                inherited=lead,
                novelty=novelty,
                typed=bool(typed and found),
                table_row=bool(cells),
                row_key=row_key,
                excluded=bool(excluded & terms) and not others,
                evidence_rank=index,
            )
            scored.append(
                Candidate(
                    index,
                    text,
                    score,
                    relevance,
                    tuple(found),
                    follows=follows,
                    previous=before,
                    refers_back=refers_back,
                    entry=entry,
                    opening=_bare_default_opening(units, i, openings, entries, heads),
                    release=released[i],
                    caption=scored_as[: -len(text)].strip() if scored_as != text else "",
                    signals=signals,
                )
            )
        scored.sort(key=lambda c: (-c.score, c.evidence_index, c.text))
        return scored

    def _dense(
        self,
        query: str,
        units: Sequence[tuple[int, str, str, str]],
        lexicals: Sequence[float],
        chunks: Sequence[Chunk] = (),
    ) -> list[float]:
        """Cosines with the question for the units that share its wording (the most
        sharing first, at most ``MAX_EMBEDDED``); a unit that shares none is not a candidate
        worth a forward pass, and its cosine is 0."""
        chosen = sorted(
            (i for i, lexical in enumerate(lexicals) if lexical > 0),
            key=lambda i: (-lexicals[i], i),
        )[:MAX_EMBEDDED]
        dense = [0.0] * len(units)
        if not chosen:
            return dense
        stored = self._stored_vectors(chunks, {units[i][0] for i in chosen})
        missing = list(
            dict.fromkeys(units[i][3] for i in chosen if units[i][3] not in stored[units[i][0]])
        )
        # The question is the one retrieval embedded: a cached embedder answers it from memory.
        embedded = self.embedder.embed([query, *missing])
        fresh = dict(zip(missing, embedded[1:], strict=True))
        for i in chosen:
            vector = stored[units[i][0]].get(units[i][3])
            dense[i] = float((vector if vector is not None else fresh[units[i][3]]) @ embedded[0])
        return dense

    def _stored_vectors(
        self, chunks: Sequence[Chunk], indexes: set[int]
    ) -> dict[int, dict[str, np.ndarray]]:
        """The sentence vectors ingest stored with each chunk in ``indexes``, by scored text;
        empty for a chunk without them (an older index), which is said once."""
        stored: dict[int, dict[str, np.ndarray]] = {index: {} for index in indexes}
        unstored = 0
        for index in indexes:
            if index >= len(chunks):
                continue  # read without its chunks (a test, a caller with text only)
            texts = sentence_texts(chunks[index])
            vectors = unpack(chunks[index].sentence_vectors, texts)
            if vectors is None:
                unstored += 1
                continue
            stored[index] = dict(zip(texts, vectors, strict=True))
        if unstored and not self._warned_unstored:
            self._warned_unstored = True
            log.warning(
                "the index holds chunks without the sentence vectors ingest now stores (it was "
                "built by an older version): their sentences are embedded at question time, "
                "which is slower. Re-ingest to store them: `rag delete DOCUMENT` then `rag "
                "ingest PATH` for each document, or `rag ingest` everything into a new "
                "RAG_DATA_DIR or RAG_COLLECTION"
            )
        return stored

    # Composition ------------------------------------------------------------------------

    def _compose(
        self,
        asked: Question,
        best: Candidate,
        candidates: Sequence[Candidate],
        evidence: Sequence[Evidence],
    ) -> str:
        lead = self._direct(asked, best) if "spans" in self.parts else ""
        if (
            lead
            and _ASKS_SEVERAL_PEOPLE.search(asked.text)
            and _authors_byline(asked, best.text, best.spans, best.evidence_index, evidence)
        ):
            # "Who are the authors?": all the names of the byline that answers, which is
            # then the whole quote.
            lead = join_words(best.spans)
            if lead == normalize_space(best.text).rstrip(" ."):
                return _quote(best)
        if lead:
            return f"{lead} — {_quote(best)}"
        if asked.wants in (Wants.EXPLANATION, Wants.THING):
            quoted = [best]
            for cand in candidates[1:]:
                if len(quoted) >= self.max_quotes:
                    break
                if cand.text in best.text or best.text in cand.text:
                    continue
                if bare_head(cand.text):  # "-N" alone says nothing the answer needs
                    continue
                if cand.relevance >= best.relevance - 0.05:
                    quoted.append(cand)
            # The end of a bridge holds what was asked ("in which journal": the reference
            # entry); the sentence that led to it comes after.
            quoted.sort(key=lambda c: not c.bridged)
            return " ".join(_quote(c) for c in quoted)
        return _quote(best)

    def _direct(self, asked: Question, best: Candidate) -> str:
        """The span that answers, or "" when the sentence itself is the answer."""
        if "tables" in self.parts:
            cells = parse_row(best.text)
            if cells and (listed := listed_cells(asked.text, cells)):
                # "What red, green and blue values ...": each of the cells it lists.
                return ", ".join(cell.value for cell in listed)
            if cells and best.spans == (cells[0].value,):
                return cells[0].value  # a row picked by its mark answers with its key
            if cells:
                cell = _answer_cell(asked, cells)
                if cell is not None:
                    return cell.value
        if asked.wants is Wants.YESNO:
            return yes_or_no(asked.text, best.text)
        meaning = inline_meaning(asked, best.text) if asked.wants is Wants.THING else ""
        if not best.spans and meaning:
            # "-1: excess work done, -2: excess accuracy requested" for "what does -2 mean".
            return meaning
        if not best.spans and asked.wants is Wants.THING and keyed_by_pinned(asked, best.text):
            # "• 137 Server busy" answers "what does code 137 mean" with what follows its key.
            # Its first sentence: "(e.g. file not found)" does not end it.
            return sentences(after_key(asked.text, best.text))[0].rstrip(".")
        if not best.spans:
            return ""
        if asked.wants is Wants.NUMBER and asked.counted:
            # "Model 1 Model 2 Model 3" counts three models; the label "Model" gives no count.
            through = numbered_through(asked.counted, best.text)
            if through and through[0] in best.spans:
                return f"{through[0]} {asked.counted}"
        if _reads_labels(asked):
            labelled = labelled_numbers(asked.text.lower(), best.text)
            if labelled and labelled[0] in best.spans:
                return labelled[0]
        if asked.asks_default:
            # "set x size 15 makes the x-axis 15 centimeters long, instead of the default of
            # 10 centimeters": the value the sentence calls the default, however near the
            # question's words the other stands.
            stated = [s for s in best.spans if _called_default(best.text, s)]
            if stated:
                return with_stated_unit(best.text, stated[0])
        owners = [o for o in owners_named(asked.text, best.text) if o in best.spans]
        if owners:
            return owners[0]  # "Weizhong Li's lab" for "whose lab", however near the rest
        if asked.wants is Wants.PERSON and _ASKS_PUBLISHER.search(asked.text):
            # A reference entry names its publisher after the authors and title, however near
            # the authors the question names stand.
            publisher = entry_publisher(best.text)
            if publisher in best.spans:
                return publisher
        return with_stated_unit(best.text, _nearest_span(asked.text, best.text, best.spans))


def reading_units(text: str) -> list[tuple[str, str]]:
    """(unit, context) pairs: sentences, and each indexed table row as a unit of its own whose
    context is the line that introduces its table (the caption), read with it when scoring."""
    units: list[tuple[str, str]] = []
    prose: list[str] = []
    caption = ""
    for line in text.split("\n"):
        if parse_row(line):
            units += [(s, "") for s in sentences("\n".join(prose))]
            if prose and prose[-1].strip():
                caption = normalize_space(prose[-1])
            units.append((normalize_space(line), caption))
            prose = []
        else:
            prose.append(line)
    return units + [(s, "") for s in sentences("\n".join(prose))]


def sentence_texts(chunk: Chunk) -> list[str]:
    """What the reader may embed of a chunk, each text once, in a fixed order: the scored text
    of each of its reading units and, for a picture's chunk, of the units of the text read in
    it (all a question that does not speak of a picture reads). Ingest embeds these and stores
    them with the chunk, so that reading costs no forward pass."""
    return list(dict.fromkeys(scored for _, scored, _, _ in _scored_units(chunk)))


def sentence_spans(chunk: Chunk) -> list[Span]:
    """``sentence_texts`` with where each stands in the chunk's text: the character ranges of
    the unit (and of its table caption, before it), found in order, whitespace as the text
    has it. A text not found there has no ranges."""
    spans: dict[str, Span] = {}
    cursor, reading_at = 0, None
    for reading, scored, unit, caption in _scored_units(chunk):
        if reading != reading_at:  # the units of the text read in a picture: from where it is
            reading_at = reading
            cursor = max(chunk.text.find(reading), 0)
        found = _locate(chunk.text, unit, cursor)
        if found is None:
            spans.setdefault(scored, Span(scored))
            continue
        cursor = found[1]
        ranges: tuple[tuple[int, int], ...] = (found,)
        if caption:
            before = _locate(chunk.text, caption, 0, before=found[0])
            ranges = (before, found) if before is not None else ()
        spans.setdefault(scored, Span(scored, ranges))
    return list(spans.values())


def _scored_units(chunk: Chunk) -> list[tuple[str, str, str, str]]:
    """(reading, scored text, unit, caption) of each unit of each text the reader reads."""
    readings = [chunk.text]
    if chunk.modality == "image":
        readings.append(readable_text(Evidence(chunk, 0.0, 0), pictures_ok=False))
    return [
        (reading, f"{caption} {unit}" if caption else unit, unit, caption)
        for reading in readings
        for unit, caption in reading_units(reading)
    ]


def _locate(text: str, piece: str, start: int, *, before: int = -1) -> tuple[int, int] | None:
    """Where ``piece`` (a text with its whitespace normalised) stands in ``text``: the first
    place from ``start`` on, else from the beginning; with ``before``, the last place that
    starts before it."""
    pattern = re.compile(r"\s+".join(re.escape(word) for word in piece.split(" ")))
    if before >= 0:
        last = None
        for last in pattern.finditer(text, 0, before):  # noqa: B007 - the last one is wanted
            pass
        return last.span() if last is not None else None
    found = pattern.search(text, start) or pattern.search(text)
    return found.span() if found is not None else None


def _quote(cand: Candidate) -> str:
    """The sentence with its marker; one that introduces what follows (":") brings it along,
    and one that refers back ("This allows ...") the sentence it refers to."""
    text = f"{cand.text} {cand.follows}" if cand.follows else cand.text
    if cand.refers_back:
        text = f"{cand.previous} {text}"
    return f"{text} [{cand.evidence_index + 1}]"


def _new_spans(asked: Question, sentence: str) -> list[str]:
    short = spelled_out(asked.text)
    spelled = expansions(short, sentence) if short else []
    if spelled:
        # "What does the name JAGS stand for?": "Just Another Gibbs Sampler".
        return spelled
    lowered = asked.text.lower()
    charted = legend_value(asked.text, sentence)
    if charted:
        # "Legend: ρ(x) (black), w(x) (green).": the colour or line of the entry asked about.
        return [charted]
    labelled = _labelled_word(asked, sentence)
    if labelled:
        # "Unit:Adjectives" on a window answers "which unit": the label is the question's
        # noun, whatever shape the noun alone would ask for (a unit of measure).
        found = labelled
    elif asked.shape:
        found = shaped(asked.shape, sentence)
    elif asked.kind_of:
        # The kind is new to the question: "what kind of algorithm ..." is not answered by
        # "the algorithm", nor by a qualifier the question already uses.
        q_terms = set(content_terms(asked.text))
        found = [k for k in kinds(asked.kind_of, sentence) if set(content_terms(k)) - q_terms]
        head = compound_head(lowered, asked.kind_of)
        if not found and head:
            # "What kind of metal plate": "a zinc or pewter plate" names the kind of plate.
            found = [k for k in kinds(head, sentence) if set(content_terms(k)) - q_terms]
    elif asked.code and asked.wants in (Wants.IDENTIFIER, Wants.THING):
        # A command or an option, not any name: a path or a product in capitals beside it
        # does not answer "which command".
        found = code_spans(asked.code, sentence)
    else:
        found = spans(asked.wants, sentence)
        if asked.measure == "time":  # "how long": 5201 is no span of time, "10 secs" is
            found = durations(found) + durations_in_words(sentence) + times_given(sentence)
            found = in_unit_counted(asked.counted, found)
        elif asked.measure == "extent":  # "how long is one unit": "1/1200 inch" or "10 ms"
            found = durations(found) + durations_in_words(sentence) + lengths(found)
        elif asked.measure == "frequency":  # "how often": "three files" is no frequency
            # "once every minute" says it whole, before "5 minutes" said of something else.
            worded = frequencies_in_words(sentence)
            found = worded + [s for s in frequencies(found) if not any(s in w for w in worded)]
        elif asked.measure == "size":  # "how much memory": 11 is no amount, "32 MiB" is
            found = sizes(found)
        elif asked.measure == "comparison":  # "how much faster": 3 is no ratio, "2-6x" is
            found = ratios(found, sentence)
        elif asked.measure == "factor":  # "by what factor": "500ms" is no multiplier
            found = factors(found)
        elif asked.measure == "resolution":  # "at what resolution": "75 dpi", not "3 colors"
            found = resolutions(found, sentence)
        elif asked.measure == "length":  # "how thick, in points": "0.8pt", not "MA 02139"
            found = lengths(found)
        elif asked.wants is Wants.NUMBER and asked.counted:
            found += [s for s in counts_in_words(asked.counted, sentence) if s not in found]
            # "(van der Putten ... 2000)", "in the 2000 Coil Challenge": a year counts nothing,
            # unless the thing counted follows it ("2000 files").
            found = [s for s in found if not _year_not_counting(s, asked.counted, sentence)]
        elif asked.wants in (Wants.VALUE, Wants.THING) and len(asked.asked_for) == 1:
            # "Which hasher does it use by default?": "the default AHash hasher" names it
            # before the noun the question asks with, which no number stands for.
            (noun,) = asked.asked_for
            named = [n for n in names_of(noun, sentence) if n.lower() not in lowered]
            if noun in _SOFTWARE_KINDS:
                # "Which crate does bstr always pull in?": "except for `memchr`" names it in
                # code, without the word.
                coded = [n for n in _IN_BACKTICKS.findall(sentence) if n.lower() not in lowered]
                named += [n for n in coded if n not in named]
            found = named + [s for s in found if s not in named]
        elif asked.wants in (Wants.VALUE, Wants.THING) and len(asked.asked_for) == 2:
            # "What compilation engine does it use?": "the rubber compilation engine" names
            # it, in lower case, before the kind the question asks for.
            kind = list(dict.fromkeys(t for t in content_terms(lowered) if t in asked.asked_for))
            named = [n for n in plain_names_of(kind, sentence) if n not in lowered]
            if not named:
                # "Which music font ...": "the Opus font" names it by the head noun alone.
                named = [
                    n for n in names_of(kind[-1], sentence, kind[:-1]) if n.lower() not in lowered
                ]
            found = named + [s for s in found if s not in named]
        elif asked.wants is Wants.VERSION and not _LICENCE.search(asked.text):
            # "under the GNU General Public License version 3": the licence's version, not
            # the program's, unless the question asks about the licence.
            licences = licence_versions(sentence)
            found = [s for s in found if s not in licences]
            # "Needs GCC 10 or higher": no dots, no "version", yet the number after a
            # program the question names is its version.
            found = found or versions_of_named(asked.named, sentence)
    if asked.wants in (Wants.THING, Wants.IDENTIFIER):
        # "Which one integrates ODEs composed of complex numbers?": the name the sentence says
        # it of ("zvode integrates ODEs composed of complex numbers").
        # "Which pmethod value gives the limiting distribution?": "Lau92 means the limiting
        # distribution".
        subject = subject_of_predicate(asked.text, sentence) or key_meaning(asked.text, sentence)
        if subject:
            found = [subject, *(s for s in found if s != subject)]
    if asked.wants is Wants.IDENTIFIER and _ASKS_FUNCTION.search(asked.text):
        # "Which function should I call?": "[-t]" in a usage line is an option, no function.
        found = [s for s in found if not s.startswith("-")]
    if asked.wants in (Wants.NUMBER, Wants.VALUE):
        # "I never set num_threads, how many threads ...": "a default value num_threads=2"
        # gives it as the value of the setting the question names.
        assigned = _assigned_values(asked.named, sentence) + _printed_values(asked.text, sentence)
        found = [*assigned, *(s for s in found if s not in assigned)]
    if _reads_labels(asked):
        # "what p-value does the test print": of "Chisquare = 1.521, Df = 1, p = 0.22", the
        # value the question's word labels comes first.
        labelled = labelled_numbers(lowered, sentence)
        found = [*labelled, *(s for s in found if s not in labelled)]
        # "The high score" is not "Points: 10" beside a "Show High Scores" button.
        kept = without_other_labels(lowered, sentence)
        if kept != sentence:
            found = [
                s for s in found if re.search(rf"(?<![\w.:]){re.escape(s)}(?![\w:]|\.\d)", kept)
            ]
    if asked.wants is Wants.NUMBER and asks_dimensions(lowered):
        # "What size will the picture be?": "782 x 699", not its width alone ("782", "782 x").
        pairs = dimensions(sentence)
        found = [*pairs, *(s for s in found if s not in pairs and not _half_of(s, pairs))]
    if asked.wants is Wants.PERSON:
        found = [_after_asked_words(s, asked) for s in found]
        # "Pure Rust implementation of ...": capitalised words that end with a thing the
        # question names are that thing's description, no person's name. Unless the thing is
        # the kind of body asked for: "at which university" is "Princeton University".
        body = _BODY_ASKED.search(asked.text)
        q_terms = _question_terms(asked.text) - set(content_terms(body.group(1) if body else ""))
        found = [
            s for s in found if not s.split() or not set(content_terms(s.split()[-1])) & q_terms
        ]
        publisher = entry_publisher(sentence) if _ASKS_PUBLISHER.search(asked.text) else ""
        if publisher:
            # "Who published that book?": the publisher its reference entry names, before
            # the authors the entry opens with.
            found = [publisher, *(s for s in found if s != publisher)]
    owners = owners_named(asked.text, sentence)
    if owners:
        # "the guts of which other module's argument parser?": the name before "'s" that owns
        # what the question names ("optimist's argument parser").
        found = [*owners, *(s for s in found if s not in owners)]
    # An owner asked for ("the guts of which other module's argument parser") stands before
    # its "'s", not in all that follows "of".
    asks_related = asked.wants in _RELATED_ASKED and not owners
    related = objects_named(asked.text, sentence) if asks_related else []
    if related:
        # "the C++ continuation of which earlier monitors?": "continuation of bashtop and
        # bpytop" says what it continues.
        found = [*related, *(s for s in found if s not in related)]
    written = options_asked(asked.text)
    head = head_options(sentence) if written else []
    if written & {option.lstrip("-–—−") for option in head}:
        # "When I run jpegoptim with -P, what extension ...": "-P, --preserve-perms" heads
        # the entry of the option the question names, and its other name is no answer.
        found = [s for s in found if s not in head]
    dates = [p for p in asked.pinned if is_date_pin(p)]
    return [
        s
        for s in found
        if s
        and not _stated_in(s, lowered)
        and not _asked_word(s, asked)
        and not any(renders_date(s, d) for d in dates)
    ]


def _options_doing(question: str) -> set[str]:
    """The options a "what does X do" question asks about ("What does jo's -D option
    do?")."""
    match = _WHAT_DOES.search(question)
    return named_options(match.group(1)) if match else set()


_WHAT_DOES = re.compile(r"\bwhat does\b(.{1,40}?)\bdo\b", re.IGNORECASE)


def _stated_in(span: str, lowered: str) -> bool:
    """The question states ``span`` already, as words of its own: "-p" is not stated by
    "pretty-prints"."""
    return bool(re.search(rf"(?<!\w){re.escape(span.lower())}(?!\w)", lowered))


# "Which js-yaml function should I call?", "what method": a function is asked for.
_ASKS_FUNCTION = re.compile(
    r"\b(?:which|what)\b(?: [\w'-]+){0,3}? (?:function|method)s?\b", re.IGNORECASE
)
# "the default of 10", "default: 4", "defaults to 2", "the default value is 8": what stands
# just before a value that the sentence calls the default.
_STATED_DEFAULT = re.compile(
    # "[defaults to 'devicelink.icm']": the value may stand in quotes.
    r"\bdefaults?(?: value)?(?: is| of| to|:| =)\s+(?:the |an? )?[`'\"“‘]?\Z",
    re.IGNORECASE,
)


def _year_not_counting(span: str, counted: str, sentence: str) -> bool:
    """``span`` reads as a year (``_YEAR``, as a citation gives one) and nowhere in
    ``sentence`` stands before the thing counted."""
    return bool(_YEAR.fullmatch(span)) and span not in counts_in_digits(counted, sentence)


def _called_default(sentence: str, span: str) -> bool:
    """``sentence`` calls ``span`` the default at one of its places: "(2.5, 5, 10, 20, 40, 60,
    default: 20)" lists 20 among the choices before it names it the default."""
    return any(
        _STATED_DEFAULT.search(sentence[max(0, m.start() - 40) : m.start()])
        for m in re.finditer(rf"(?<![\w.]){re.escape(span)}(?![\w])", sentence)
    )


# "glob's cwd option", "the option nodir": an option the question names by its name.
_NAMED_OPTION = re.compile(r"\b([a-z][\w.-]*) option\b|\boption `?([a-z][\w.-]*)`?", re.I)
# "* `cwd` The current working directory ...": a Markdown list's entry for a named thing.
_ENTRY_HEAD = re.compile(r"^\s*[*-]\s+`([^`\s]{1,40})`")


# "Since which release can ...", "in which version was X added": the question asks when a
# change came, and only an entry that tells of the change says so.
_ASKS_WHEN_CHANGED = re.compile(
    r"\b(?:since|added|introduced|fixed|removed|changed|dropped|deprecated|renamed|became|"
    r"first|start|started|began|stopped)\b|\bnew in\b",
    re.IGNORECASE,
)
# The words of such a question that ask when, not what changed.
_CHANGE_WORDS = frozenset(
    content_terms(
        "since which what when release releases version versions added introduced fixed "
        "removed changed dropped deprecated renamed became first new start started began "
        "stopped package"
    )
)
# "Which surveillance release", "in which pst-3dplot version": what the release is of.
_RELEASE_OF = re.compile(r"\b(?:which|what)\s+([\w.+-]+)\s+(?:release|version)s?\b", re.IGNORECASE)


def _asks_when_changed(asked: Question) -> bool:
    return asked.wants is Wants.VERSION and bool(
        _ASKS_WHEN_CHANGED.search(asked.asking or asked.text)
    )


def _about_the_change(
    asked: Question, candidates: list[Candidate], evidence: Sequence[Evidence]
) -> list[Candidate]:
    """For a question that asks in which release something changed, the candidates that
    speak of what changed and tell of a change: a title page's "pst-3dplot ... v2.07a" names
    the package and a version, and "For spatstat version 3.0-3 ... an overview of the spatial
    datasets" the datasets too, and neither tells of a change. Nor does the text read in a
    picture, which shows what is, not when it came."""
    if not _asks_when_changed(asked):
        return candidates
    asking = asked.asking or asked.text
    of = {name for m in _RELEASE_OF.finditer(asking) for name in content_terms(m.group(1))}
    of |= {t for name in versioned_names(asked.text) for t in content_terms(name)}
    topic = set(content_terms(asking)) - _CHANGE_WORDS - of
    if not topic:
        return candidates
    return [
        c
        for c in candidates
        if evidence[c.evidence_index].chunk.modality != "image" and _tells_of_change(c, topic)
    ]


def _tells_of_change(cand: Candidate, topic: set[str]) -> bool:
    """``cand`` speaks of one of ``topic`` and tells of a change, or is listed under a
    release."""
    told = _told_with(cand)
    return bool(topic & set(content_terms(told))) and bool(
        cand.release or _STATES_CHANGE.search(told)
    )


# "was added", "the new summary.scantwo", "now requires", "no longer", "as of version 0.4.0 ...
# no more command-line arguments": a sentence that tells of a change. (An entry of a NEWS file
# or a changelog needs none: where it is listed says so.)
_STATES_CHANGE = re.compile(
    r"\b(?:add(?:s|ed|ing|ition)?|new|newly|introduc\w*|chang\w*|fix\w*|remov\w*|drop\w*|"
    r"deprecat\w*|renam\w*|replac\w*|improv\w*|now|no longer|since|first|start\w*|began|"
    r"stopp\w*|support\w*|enabl\w*|switch\w*|mov(?:e|ed|es)|updat\w*|upgrad\w*|"
    r"incorporat\w*|bundl\w*|ported|rewr\w*|became|becomes|release[ds]?|as of|no more|"
    r"any ?more|onwards?)\b",
    re.IGNORECASE,
)


# "These options were deprecated in version 5": a sentence that goes on about what the one
# before it named.
_GOES_ON_ABOUT = re.compile(r"\s*(?:these|this|those|they|it|its|such)\b", re.IGNORECASE)


def _told_with(cand: Candidate) -> str:
    """The candidate's sentence with what it introduces and, when it goes on about what the
    sentence before it named, that sentence."""
    before = cand.previous if cand.refers_back or _GOES_ON_ABOUT.match(cand.text) else ""
    return f"{before} {cand.text} {cand.follows}"


def _in_named_entry(question: str, candidates: list[Candidate]) -> list[Candidate]:
    """Without the sentences of another option's entry, where the question names an option
    whose own entry is among them: "Defaults to `path.resolve(options.cwd, "/")`" is said
    in the entry for `root`, not in the one for `cwd`."""
    named = {
        (m.group(1) or m.group(2)).lower()
        for m in _NAMED_OPTION.finditer(question)
        if (m.group(1) or m.group(2)).lower() not in STOPWORDS
    }
    if not named:
        return candidates
    entries = [_entry_named(c) for c in candidates]
    if not named & set(entries):
        return candidates
    return [c for c, entry in zip(candidates, entries, strict=True) if not entry or entry in named]


def _entry_named(cand: Candidate) -> str:
    """The name of the Markdown list entry ``cand`` opens or goes on, lowercased, or ""."""
    for unit in (cand.text, cand.opening, cand.previous):
        head = _ENTRY_HEAD.match(unit)
        if head:
            return head.group(1).lower()
    return ""


# "Which openscad command-line option stops on the first warning": what the option does
# follows the kind of name asked for.
_ASKED_NAME_KIND = re.compile(
    r"^(?:which|what) (?:[\w-]+ ){0,3}?(?:option|flag|switch|command|function|method|macro|"
    r"directive|keyword|variable|setting)s?(?![\w-])"
)
MIN_PREDICATE_TERMS = 2


def _predicate_terms(asked: Question) -> frozenset[str]:
    """The terms of what a question asking for a name says it does ("stops on the first
    warning"), when there are two at least; else none."""
    if asked.wants is not Wants.IDENTIFIER:
        return frozenset()
    lowered = (asked.asking or asked.text).lower()
    kind = _ASKED_NAME_KIND.match(lowered)
    if kind is None:
        return frozenset()
    terms = frozenset(content_terms(lowered[kind.end() :])) - asked.named
    return terms if len(terms) >= MIN_PREDICATE_TERMS else frozenset()


_ASKED_KIND = re.compile(
    r"\b(?:which|what) (?:([\w-]+) )?(function|method|macro|package|module|library|tool|"
    r"program)s?\b"
)


def _called_by_asked_kind(asked: Question, sentence: str, found: Sequence[str]) -> bool:
    """``sentence`` calls one of ``found``, quoted as a name or written with capitals, by the
    kind the question asks for ("the `minimatch` library" for "which library", "the
    Time::Duration and Date::Parse perl modules" for "which Perl modules"). Not an option or a
    command: "without the -s option" mentions one in passing."""
    kind = _ASKED_KIND.search(asked.text.lower())
    if kind is None:
        return False
    modifier = rf"(?:{re.escape(kind.group(1))}\s+)?" if kind.group(1) else ""
    called = rf"\s+{modifier}{kind.group(2)}s?\b"
    return any(
        re.search(rf"[`'\"“‘]{re.escape(span)}[`'\"”’]{called}", sentence, re.I)
        or (
            re.search(r"[A-Z]", span)
            and re.search(rf"(?<![\w`'\"“‘]){re.escape(span)}{called}", sentence, re.I)
        )
        for span in found
    )


def _only_terms_of(span: str, terms: set[str]) -> bool:
    """Every content word of ``span`` is one of ``terms`` (and it has one: "-d" has none)."""
    own = set(content_terms(span))
    return bool(own) and own <= terms


def _half_of(span: str, pairs: Sequence[str]) -> bool:
    """``span`` is the width or the height of one of ``pairs`` ("782" or "782 x" of "782 x
    699")."""
    number = re.sub(r"\s*[x×]$", "", span)
    return any(number in re.split(r"\s*[x×]\s*", pair) for pair in pairs)


# "How do I make it skip ...", "how can I get ...": what a user does, which a manual answers
# with an option or a command.
_ASKS_HOW_TO = re.compile(
    r"^(?:\w+ )?how (?:do|can|could|would|should|might) (?:i|we|you|one)\b", re.IGNORECASE
)
# "This option can be used to ...": a sentence of an option's entry that names it by its head.
_SAYS_THIS_OPTION = re.compile(r"\bthis (?:option|flag|switch)\b", re.IGNORECASE)


# What a README names in code when it names it: "which crate", "which package".
_SOFTWARE_KINDS = frozenset(content_terms("crate package library module plugin gem"))
# "`memchr`": one name in backticks.
_IN_BACKTICKS = re.compile(r"`([A-Za-z][\w.+-]*)`")


def _gives_release(text: str) -> bool:
    """``text`` gives a release's version, not only a licence's."""
    return bool(set(spans(Wants.VERSION, text)) - licence_versions(text))


def _assigned_values(names: frozenset[str], sentence: str) -> list[str]:
    """The values ``sentence`` assigns to the identifiers among ``names`` ("num_threads=2")."""
    found = []
    for name in sorted(n for n in names if "_" in n):
        pattern = rf"(?<![\w.-]){re.escape(name)}\s*=\s*([\w.-]*\w)"
        found += [m.group(1) for m in re.finditer(pattern, sentence, re.IGNORECASE)]
    return found


# A number as a console prints it in a row of numbers: "17.514", "-0.466", "4.1e-08", "<2e-16".
_PRINTED_NUMBER = re.compile(r"[-−<]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-−+]?\d+)?")


def _printed_row_named(question: str, sentence: str) -> bool:
    """``sentence`` is a printed row of numbers keyed by a term the question writes as it is
    printed: "log(income) 17.514 2.916 6.01 4.1e-08" for "the estimate for log(income)"."""
    key, *values = re.sub(r"<\s+(?=\d)", "<", sentence).split() or [""]
    if len(values) < 2 or len(key) < 2 or not all(_PRINTED_NUMBER.fullmatch(v) for v in values):
        return False
    return bool(re.search(rf"(?<![\w.(]){re.escape(key)}(?![\w(]|\.\w)", question))


# "which unit", "which Maxima function": the words after the question word, its noun last.
_WHICH_NOUN = re.compile(r"\b(?:which|what)\s+((?:[a-z]+\s+){0,2}[a-z]{3,})\b")


def _labelled_word(asked: Question, sentence: str) -> list[str]:
    """The word a label written as the question's noun gives: "Adjectives" of
    "Unit:Adjectives" for "which unit is being practised". A label starts with a capital, as a
    window or a form prints it; what follows is a word, not a number."""
    if asked.wants not in (Wants.THING, Wants.VALUE, Wants.IDENTIFIER):
        return []
    lowered = asked.text.lower()
    phrase = _WHICH_NOUN.search(lowered)
    said = phrase.group(1).split() if phrase else []
    for noun in reversed(list(itertools.takewhile(lambda w: w not in STOPWORDS, said))):
        pattern = rf"\b({re.escape(noun)})s?\s*:\s*([A-Za-z][\w'’-]*)"
        found = [
            m.group(2)
            for m in re.finditer(pattern, sentence, re.IGNORECASE)
            if m.group(1)[0].isupper() and m.group(2).lower() not in lowered
        ]
        if found:
            return found
    return []


def _labels_count(counted: str, sentence: str) -> bool:
    """``sentence`` prints a number under the label "number of" the thing a "how many"
    question counts: "Number of iterations = 131", "number of clusters: 2"."""
    if not counted:
        return False
    stem = re.escape(counted_stem(counted))
    return bool(re.search(rf"\bnumber of {stem}\w*\s*[=:]\s*\d", sentence, re.IGNORECASE))


# "lambda.min", "fit$df.residual": an identifier of code, joined by dots or underscores.
_DOTTED_NAME = re.compile(r"(?<![\w.])[A-Za-z]\w*(?:[._]\w+)+")


def _printed_values(question: str, sentence: str) -> list[str]:
    """The values an R session prints for the identifiers the question names: "0.06284188"
    of "cvfit$lambda.min ## [1] 0.06284188" for "what value of lambda.min"."""
    found = []
    for name in dict.fromkeys(_DOTTED_NAME.findall(question)):
        pattern = rf"(?<![\w.]){re.escape(name)}\s*(?:##\s*)?\[1\]\s+([^\s#]+)"
        found += [m.group(1) for m in re.finditer(pattern, sentence)]
    return found


def _after_asked_words(name: str, asked: Question) -> str:
    """A name without the title words before it that the question uses: a title page runs
    "... Fixed-Point Algorithms Ravi Varadhan" together, and a person's name does not share the
    words of a question about their work. A name is kept whole when less would be left than
    two words."""
    words = name.split()
    q_terms = _question_terms(asked.text)
    last = max((i for i, w in enumerate(words) if set(content_terms(w)) & q_terms), default=-1)
    return " ".join(words[last + 1 :]) if 0 <= last <= len(words) - 3 else name


def _asked_word(span: str, asked: Question) -> bool:
    """``span`` is a plain word the question already uses, in another case or number: it is
    not what the question asks for ("VARIABLES" heading a list does not answer "which
    environment variable")."""
    if not span.isalpha():
        return False
    terms = set(content_terms(span))
    return bool(terms) and terms <= _question_terms(asked.text)


# A heading that opens a unit: a man page's section name in capitals ("AUTHORS", "SEE ALSO")
# or a label before a colon ("Maintainer:", "Bug reports:").
_OPENING_HEADING = re.compile(
    # A title page's footnote opens with its mark: "* Contact author: Joshua M. Ulrich".
    r"^\s*(?:[*†‡]\s*)?(?:([A-Z][A-Z-]{2,}(?: [A-Z][A-Z-]+)?)\s|([A-Za-z][\w -]{0,30}):\s)"
)


# What a question asks for when it asks in prose, not for code or what code prints.
_ASKED_IN_PROSE = frozenset(
    {
        Wants.THING,
        Wants.PERSON,
        Wants.PLACE,
        Wants.EXPLANATION,
        Wants.YESNO,
        Wants.DATE,
        Wants.VERSION,
    }
)
# The prompt of an interactive session of a language (Python, R). A shell's "$" is left out: a
# shell line is what a user runs ("what do I pip install?"), which prose asks for too.
_SESSION_PROMPT = re.compile(r"(?:^|\s)(?:>>>|R>)\s+\S")


_LICENCE = re.compile(r"\blicen[cs]e|\b(?:a|l)?gpl\b", re.IGNORECASE)


def _headed_by_question_word(asked: Question, unit: str) -> bool:
    """``unit`` opens with a heading whose last word is one of the question's ("Who is the
    author" and "AUTHORS ...")."""
    match = _OPENING_HEADING.match(unit)
    if not match:
        return False
    words = (match.group(1) or match.group(2)).split()
    # A heading that names the program the question names ("PARI Types & Input Formats") is
    # its topic, not the role asked for.
    topic = {t for name in asked.named for t in content_terms(name)}
    asked_terms = (_question_terms(asked.text) | _agents_asked(asked.text)) - topic
    return bool(set(content_terms(words[-1])) & asked_terms)


def _headed_credits(asked: Question, unit: str) -> bool:
    """``unit`` opens a CREDITS section, which names who wrote what, for a question that asks
    who wrote something: "CREDITS • This program uses json.[ch], by Joseph A. Adams."."""
    match = _OPENING_HEADING.match(unit)
    heading = (match.group(1) or match.group(2) or "") if match else ""
    return heading.lower() == "credits" and asks_author(asked.text)


# "Who are the authors", "which people wrote it": more than one person is asked for.
_ASKS_SEVERAL_PEOPLE = re.compile(
    r"\b(?:authors|maintainers|developers|people)\b|\bwho (?:are|were)\b", re.IGNORECASE
)


# What may stand between the names of a byline: "and", commas, footnote marks.
_BYLINE_GLUE = re.compile(r"^(?:\s|,|&|\band\b|\bby\b|[*†‡§¹²³\d])*$", re.IGNORECASE)


def _authors_byline(
    asked: Question, unit: str, names: Sequence[str], index: int, evidence: Sequence[Evidence]
) -> bool:
    """For a question that asks who wrote something, ``unit`` is the byline at the head of its
    document: nothing but ``names`` (people found in it), in the document's first chunk."""
    if asked.wants is not Wants.PERSON or not asks_author(asked.text):
        return False
    if index >= len(evidence) or evidence[index].chunk.chunk_index != 0:
        return False
    rest = unit
    for name in names:
        if name not in rest:
            return False
        rest = rest.replace(name, " ", 1)
    return bool(names) and bool(_BYLINE_GLUE.match(rest))


@functools.lru_cache(maxsize=64)
def _agents_asked(question: str) -> frozenset[str]:
    """The terms of the agent nouns a question's verbs ask for: "author" for "who wrote"."""
    return frozenset(t for noun in agent_nouns(question) for t in content_terms(noun))


_AXIS = re.compile(r"\b([xy])[- ]?axis\b", re.IGNORECASE)
# The kinds of answer a question names when it says nothing else ("Which option do I use?").
# "The continuation of which monitors?", "a rewrite of which program?": the relation's other
# end is a thing, or a name of the kind asked for.
_RELATED_ASKED = frozenset({Wants.THING, Wants.IDENTIFIER})
_ASKED_KINDS = frozenset(
    content_terms(
        "option options flag flags switch switches command commands variable variables argument "
        "arguments parameter parameters setting settings function functions method methods"
    )
)
# A sentence that speaks of what the one before it named: "This allows you to ...".
_CREDITS_BACK = re.compile(
    r"(?:(?:many|special|big) )?thanks(?: go(?:es)?)? to\b[^.]*?\bfor (?:doing |providing )?"
    r"(?:this|that|these|those|it)\b[^.]*",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(r"^(?:This|That|These|It) (?:allows|lets|makes|means|enables|can)\b")


COUNT_MARGIN = 0.1

# "Who introduced ...", "who first proposed ...": the deed a question asks the doer of.
# "Who reported ...", "who is thanked for ...", "who contributed ...": the credit a text gives
# a person for a part of the work.
_ASKS_CREDIT = re.compile(
    r"^\s*who(?:m)?\s+(?:\w+\s+)?(?:reported|suggested|contributed|provided|submitted|"
    r"requested|spotted|noticed|found|thanked|patched)\b",
    re.IGNORECASE,
)
_CREDITS = re.compile(
    r"\b(?:report|thank|suggest|contribut|provid|courtesy|kindly|patch|submit|request|credit|"
    r"spott|notic|found|help)",
    re.IGNORECASE,
)
_DEED_ASKED = re.compile(r"^\s*who\s+(?:first\s+|originally\s+)?([a-z]+ed)\b", re.IGNORECASE)


# A question about a document's own date: when it was written, published or last changed.
_ASKS_OF_DOCUMENT = re.compile(
    r"\b(?:writ|wrote|publish|releas|dated?\b|updat|revis|compil|process|print|issu|creat|"
    r"document|vignette|tutorial|manual|paper|article|guide|note|report|card|page|readme|"
    r"version|edition|copyright)",
    re.IGNORECASE,
)


def _opens_document(cand: Candidate, evidence: Sequence[Evidence]) -> bool:
    """``cand`` opens the first page of a paged document (a PDF's title block, with its byline)
    and dates it with a year. A text file's first sentence ("Herons fish at dawn.") is no
    title block, and a time without a year ("every Tuesday") dates no document."""
    chunk = evidence[cand.evidence_index].chunk
    if chunk.page != 1 or chunk.chunk_index != 0:
        return False
    if not any(_YEAR_IN_DATE.search(span) for span in cand.spans):
        return False
    return " ".join(chunk.text.split()).startswith(cand.text[:60])


_YEAR_IN_DATE = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def _axis_direction(question: str) -> str:
    """The direction of the axis a question names by its letter: "horizontal" for "the x
    axis", "vertical" for "the y-axis", else ""."""
    match = _AXIS.search(question)
    if not match:
        return ""
    return "horizontal" if match.group(1).lower() == "x" else "vertical"


@functools.lru_cache(maxsize=64)
def _question_terms(question: str) -> frozenset[str]:
    """The question's content terms, worked out once for all the sentences read for it."""
    return frozenset(content_terms(question))


def _reads_labels(asked: Question) -> bool:
    """The question asks for a plain number or value, which output may print under the name
    the question uses; not for a value of a shape (a colour), a kind or an option."""
    plain = not (asked.shape or asked.kind_of or asked.code)
    return plain and asked.wants in (Wants.VALUE, Wants.NUMBER, Wants.THING)


def _field_in_picture(asked: Question, text: str, index: int, evidence: Sequence[Evidence]) -> str:
    """The value of a field labelled with the word the question asks for, on a line read in
    the picture whose unit ``text`` is, or ""."""
    if not asked.asked_for or index >= len(evidence):
        return ""
    chunk = evidence[index].chunk
    if chunk.modality != "image":
        return ""
    _, read = split_read_text(chunk.text)
    line, value = field_value(asked.asked_for, asked.text, read)
    return value if line and line in text else ""


def _answer_cell(asked: Question, cells: list[Cell]) -> Cell | None:
    """The cell under the header the question names; for a question asking for a value of
    a shape (a colour), only a cell of that shape: "Default: 50" is no colour."""
    cell = answer_cell(asked.text, cells, asked.asked_for)
    if cell is not None and asked.shape and not shaped(asked.shape, cell.value):
        return None
    if (
        cell is not None
        and (
            asked.wants in (Wants.VERSION, Wants.PRICE)
            or (asked.wants is Wants.PERSON and _ASKS_WHO.match(asked.text))
        )
        and not spans(asked.wants, cell.value)
    ):
        # "In which version was the hook added?": "before parsing direct subcommand", under
        # the header that names the hook, is no version; "who is thanked" is no "Beta"
        # ("which team" may be "TCU"). ("How much of X does it support?" may be answered
        # in words: "partial".)
        return None
    if cell is not None and _ASKS_COUNT.search(asked.text) and not _COUNT_VALUE.search(cell.value):
        # "How many types of nodes ...?": "END", under the header "Node", counts nothing.
        return None
    return cell


_ASKS_COUNT = re.compile(r"\bhow many\b", re.IGNORECASE)
_COUNT_VALUE = re.compile(rf"\d|\b(?:no|none|dozen|{CARDINALS})\b", re.IGNORECASE)


# "At which university", "what company": the kind of body a "who" question asks for.
_BODY_ASKED = re.compile(r"\b(?:which|what) ([a-z]+)\b", re.IGNORECASE)
_ASKS_WHO = re.compile(r"(?:\w+ )?(?:who|whom|whose)\b", re.IGNORECASE)


# "SHELL is set to /bin/sh": what a program sets by itself, unless told otherwise, is its
# default, though the sentence does not use the word; "if X is set to 1, ..." is a condition.
_SET_BY_ITSELF = re.compile(r"\b(?:is|are) (?:automatically )?set (?:up )?to\b", re.IGNORECASE)
_CONDITION_WORD = re.compile(r"\b(?:if|when|whenever|unless|once|while)\b", re.IGNORECASE)


_DATE_WORDS = frozenset(content_terms("date dates day year"))
# "... instead of two spaces", "rather than the first match": what an option replaces.
_REPLACED = re.compile(r"\b(?:instead of|rather than)\s+(?:the\s+)?(.+)", re.IGNORECASE)


def _replaces_value(cand: Candidate) -> bool:
    """The candidate's sentence tells what it holds instead of one of its values ("Use a tab
    ... instead of two spaces"): that value holds when the option is not given."""
    replaced = _REPLACED.search(cand.text)
    return replaced is not None and any(replaced.group(1).startswith(span) for span in cand.spans)


def _says_default(text: str) -> bool:
    """``text`` says what holds by default: in the word, or as a value a program sets."""
    if _DEFAULT.search(text):
        return True
    return bool(_SET_BY_ITSELF.search(text)) and not _CONDITION_WORD.search(text)


# A table's row as a page's text prints it: its key, then its figures.
_FIGURES = re.compile(r"^(?:\s+[-−+]?\d[\d.,]*%?)+\s*$")


def _without_rows(
    candidates: list[Candidate], rejects: Callable[[list[Cell]], bool]
) -> list[Candidate]:
    """The candidates but the table rows ``rejects``, and those rows as the page's text prints
    them ("Letter.Group -0.06 0.21 0.64" beside "Variable: Letter.Group — MR1: -0.06 ...")."""
    kept, keys = [], set()
    for cand in candidates:
        cells = parse_row(cand.text) if cand.signals.table_row else None
        if cells and rejects(cells):
            keys.add(next((c.value for c in cells if c.header), cells[0].value))
            continue
        kept.append(cand)
    return [
        c
        for c in kept
        if c.signals.table_row
        or not any(c.text.startswith(k) and _FIGURES.match(c.text[len(k) :]) for k in keys)
    ]


def _blank_rows(
    question: str, candidates: Sequence[Candidate], evidence: Sequence[Evidence]
) -> set[int] | None:
    """The ids of the candidate table rows blank under the column the question names (see
    ``empty_asked_cell``); None when every row whose keys the question states most fully is
    one of them."""
    rows = [(c, parse_row(c.text)) for c in candidates if c.signals.table_row]
    # "Which library has no index acceleration": in a table of marks, a blank answers.
    blank = {
        id(c)
        for c, cells in rows
        if cells
        and empty_asked_cell(question, cells, evidence[c.evidence_index].chunk.text)
        and marked_keys(question, cells, evidence[c.evidence_index].chunk.text) is None
    }
    if not blank:
        return blank
    stated = {id(c): stated_keys(question, cells) for c, cells in rows if cells}
    most = max(stated.values())
    if most and all(key in blank for key, count in stated.items() if count == most):
        return None
    return blank


def _nearest_span(question: str, sentence: str, found: Sequence[str]) -> str:
    """Of several spans, the one closest to where the sentence speaks of the question's topic."""
    if len(found) == 1:
        return found[0]
    lowered = sentence.lower()
    anchors: list[int] = []
    # "In the tea timer's settings window, after how long would the popup hide itself?": the
    # words that place the question ("tea") stand all over its evidence; the words it asks
    # with ("popup", "hide") stand by its answer.
    for words in (without_locator(question), question):
        q_terms = set(content_terms(words))
        anchors = [
            m.start()
            for m in re.finditer(r"\w+", lowered)
            if q_terms & set(content_terms(m.group(0)))
        ]
        if anchors:
            break
    if not anchors:
        return found[0]

    def distance(span: str) -> tuple[bool, int]:
        at = lowered.find(span.lower())
        if at < 0:
            return True, 10**6
        # "basemod.so on Unix/Linux or basemod.dll on Windows": a span stands with the words
        # of its own clause, however near the next clause's span comes to them.
        start = max((m.end() for m in _CLAUSE_BREAK.finditer(lowered, 0, at)), default=0)
        end = next((m.start() for m in _CLAUSE_BREAK.finditer(lowered, at + len(span))), None)
        # A word of the span itself ("University" of "Harvard University", for "which
        # university") places no span nearer than another.
        outside = [a for a in anchors if not at <= a < at + len(span)] or anchors
        own_clause = any(start <= a < (len(lowered) if end is None else end) for a in outside)
        return not own_clause, min(abs(at - a) for a in outside)

    return min(found, key=distance)


# Where one clause of a sentence gives way to the next: "X on Linux or Y on Windows".
_CLAUSE_BREAK = re.compile(r"\s+(?:or|and|but|whereas|while)\s+|[;,]\s+")


def _list_relevance(
    units: Sequence[tuple[int, str, str, str]],
    own: Sequence[float],
    continues: dict[int, int] | None = None,
) -> list[float]:
    """What each unit inherits from the list it belongs to: a list's entries ("crc64 Calculate
    CRC64 ...") rarely repeat the question's words, which the lines introducing the list hold
    ("Specify the type of the integrity check. ... Supported check types:"). An entry gets
    ``LIST_SHARE`` of the better of the introducing line and the sentence before it. A list
    goes on into the chunk that ``continues`` (evidence index -> the one it follows) says comes
    next in its document."""

    def run(starts: dict[int, tuple[float, int]]):
        inherited = [0.0] * len(units)
        ends: dict[int, tuple[float, int]] = {}
        lead, reach = 0.0, 0
        for i, (index, text, _, _) in enumerate(units):
            if i == 0 or units[i - 1][0] != index:
                lead, reach = starts.get(index, (0.0, 0))  # a list ends with its chunk
            if reach:
                inherited[i] = lead
                reach -= 1
            if text.rstrip().endswith(":"):
                before = own[i - 1] if i and units[i - 1][0] == index else 0.0
                lead = LIST_SHARE * max(own[i], before)
                reach = LIST_REACH
            ends[index] = (lead, reach)
        return inherited, ends

    inherited, ends = run({})
    starts = {
        index: ends[before]
        for index, before in (continues or {}).items()
        if before in ends and ends[before][1]
    }
    return run(starts)[0] if starts else inherited


def _continued(evidence: Sequence[Evidence]) -> dict[int, int]:
    """For each piece of evidence whose chunk's predecessor in its document is evidence too,
    the predecessor's index."""
    at = {(e.chunk.doc_id, e.chunk.chunk_index): i for i, e in enumerate(evidence)}
    return {
        i: at[(e.chunk.doc_id, e.chunk.chunk_index - 1)]
        for i, e in enumerate(evidence)
        if (e.chunk.doc_id, e.chunk.chunk_index - 1) in at
    }


def _follow_relevance(
    units: Sequence[tuple[int, str, str, str]], own: Sequence[float]
) -> list[float]:
    """What each unit inherits from the sentence before it in its chunk: a sentence that
    goes on about what the one before introduced ("--fido2-with-client-pin=BOOL Controls
    whether ... Defaults to "yes".") rarely repeats its words. It gets ``FOLLOW_SHARE`` of
    that sentence's relevance; a short one, which names little of its own, only. A sentence
    that says how the one before is done ("This is done by ...") gets all of it."""
    inherited = [0.0] * len(units)
    for i in range(1, len(units)):
        if units[i][0] != units[i - 1][0]:
            continue
        if _SAYS_HOW.match(units[i][1]) or _RUN_WHAT_FOLLOWS.search(units[i - 1][1]):
            inherited[i] = own[i - 1]
        elif len(units[i][1].split()) <= FOLLOW_WORDS:
            inherited[i] = FOLLOW_SHARE * own[i - 1]
    return inherited


# "To build it with Borland C++, change into the `src` directory and run" and the command on
# a line of its own: a sentence cut off at its verb goes on in what follows it.
_RUN_WHAT_FOLLOWS = re.compile(r"\b(?:run|type|enter|execute|issue|use)\s*$", re.IGNORECASE)


# "... the package can compute the total number of bars. This is done by issuing the command
# \printNbBars": how the sentence before is done, whose relevance is all its own.
_SAYS_HOW = re.compile(
    r"^\s*(?:(?:This|That|It) (?:is|can be) (?:done|achieved|accomplished) "
    r"(?:by|with|using|through|via)\b|To do (?:this|so|that)\b)",
    re.IGNORECASE,
)


def _entry_relevance(
    units: Sequence[tuple[int, str, str, str]],
    own: Sequence[float],
    entries: Sequence[frozenset[str]],
    heads: Sequence[bool],
    options: set[str],
    *,
    defaults: bool = False,
) -> list[float]:
    """What each unit inherits from the head of the option entry it belongs to, when the
    question names that option: "--tpm2-pcrs= [PCR...] Configures the PCRs to bind ... If not
    used, defaults to PCR 7 only." The entry's later sentences speak of the option without
    naming it or repeating the question's words. Each gets ``FOLLOW_SHARE`` of the head's
    relevance; the first after a head that only names the option ("-N", then "An alias for
    '--shell=none'.") gets all of it, since it says what the head would. For a question that
    asks a default (``defaults``), an entry's bare default ("The default is 1.5.") inherits
    ``FOLLOW_SHARE`` of the best sentence of its entry before it, the option named or not: it
    says nothing without them ("-B, --backoff=N Backoff factor. ..."); a sentence of the
    named option's entry that states a default gets all of the head's."""
    inherited = [0.0] * len(units)
    head = 0.0
    for i, entry in enumerate(entries):
        if defaults and entry and not heads[i] and _BARE_DEFAULT.match(units[i][1]):
            inherited[i] = FOLLOW_SHARE * max(own[j] for j in _entry_before(entries, heads, i))
        elif defaults and not entry and _BARE_DEFAULT.match(units[i][1]):
            # "default-size XxY Set the default size of new windows ... The default is
            # 80x24.": an entry named without dashes, its bare default as far down.
            opened = _opened_before(units, i)
            if opened:
                inherited[i] = FOLLOW_SHARE * max(own[j] for j in opened)
        if not options & entry:
            head = 0.0
        elif heads[i]:
            head = own[i]
        else:
            bare_before = heads[i - 1] and bare_head(units[i - 1][1])
            # Asked for the option's default, the entry's sentence that states one says what
            # the head would: "The default for input ... is 64 kbit/s per mono stream".
            whole = bare_before or (defaults and bool(_DEFAULT.search(units[i][1])))
            inherited[i] = max(inherited[i], head if whole else FOLLOW_SHARE * head)
    return inherited


# "The default is 1.5.", "Default: 3", "Defaults to off.", "Default is 8192 bytes.": a
# default with no word of its own, but for its unit.
_BARE_DEFAULT = re.compile(
    r"^\s*(?:the\s+)?(?:default(?:\s+value)?\s*(?:is|:)|defaults\s+to)\s+[^\s,;]+"
    r"(?:\s+[a-z]+)?\s*\.?\s*$",
    re.IGNORECASE,
)


def _bare_default_opening(
    units: Sequence[tuple[int, str, str, str]],
    i: int,
    openings: Sequence[str],
    entries: Sequence[frozenset[str]],
    heads: Sequence[bool],
) -> str:
    """For a bare default ("Default is 8192 bytes."), what opens its entry and says what the
    default is of: an option's entry from its head ("-b<size> Sets the data transfer block
    <size>. At most <size> bytes ..."), or the unit that opens a list entry named without
    dashes. "" for any other unit."""
    if not _BARE_DEFAULT.match(units[i][1]):
        return ""
    if not entries[i]:
        return openings[i]
    return " ".join(units[j][1] for j in _entry_before(entries, heads, i) if j < i)


def _opened_before(units: Sequence[tuple[int, str, str, str]], i: int) -> range:
    """The positions of the units of unit ``i``'s chunk from the last one before it that opens
    a list entry by its name (``opens_entry``) up to it; empty if none does."""
    for start in range(i - 1, -1, -1):
        if units[start][0] != units[i][0]:
            break
        if opens_entry(units[start][1]):
            return range(start, i)
    return range(0)


def _entry_before(entries: Sequence[frozenset[str]], heads: Sequence[bool], i: int) -> range:
    """The positions of the units of unit ``i``'s entry before it, from its head."""
    start = i
    while start > 0 and not heads[start] and entries[start - 1] == entries[i]:
        start -= 1
    return range(start, i) if start < i else range(i, i + 1)


def _condition_terms(text: str) -> frozenset[str]:
    """The topic terms of the conditions ``text`` states ("when Avahi isn't available")."""
    return frozenset(t for m in CONDITION.finditer(text) for t in content_terms(m.group(0)))


def _restates(question: str, sentence: str) -> bool:
    """Every topic term of ``sentence`` is already in ``question``."""
    return set(content_terms(sentence)) <= set(content_terms(question))


def _text_of_document(evidence: Sequence[Evidence], index: int) -> str:
    """What the document of the evidence at ``index`` says in the evidence: its retrieved
    chunks with the headings they stand under, its name."""
    doc = evidence[index].chunk.doc_id
    return " ".join(
        f"{e.chunk.file} {e.chunk.headings} {e.chunk.text}"
        for e in evidence
        if e.chunk.doc_id == doc
    ).lower()


def _mentions(things: frozenset[str], cand: Candidate, evidence: Sequence[Evidence]) -> bool:
    """The candidate's document names every one of ``things``."""
    return _document_states(things, evidence, cand.evidence_index)


# "How much memory", "how much RAM": an amount of memory, not of anything else in bytes.
_ASKS_MEMORY = re.compile(r"\bhow much (?:more |less )?(?:memory|ram)\b", re.IGNORECASE)
# "memory", "CompMem", "RAM": the words and headers that say an amount is of memory.
_SPEAKS_OF_MEMORY = re.compile(r"mem|\bram\b", re.IGNORECASE)


# "The minimum Go version it requires", "the oldest Python version it supports".
_ASKS_REQUIRED_VERSION = re.compile(
    r"\b(?:minimum|oldest|earliest|lowest|required|requires?|needs?|at least)\b", re.IGNORECASE
)
_STATES_REQUIREMENT = re.compile(
    r"\b(?:requires?|required|requirements?|needs?|needed|minimum|at least|or later|or newer|"
    r"or higher|or above|newer than|supports?|supported|works with|compatible)\b|>=|≥",
    re.IGNORECASE,
)
_ASKS_PUBLISHER = re.compile(r"\bpublish(?:ed|es|ers?)?\b", re.IGNORECASE)
_MANUAL_PAGE = re.compile(r"\b(?:manual|man)[ -]?page\b", re.IGNORECASE)
# "Who wrote the Debian man page for linkicc?": the page's author, not the program's. (In
# "Who wrote datamash, according to its man page?" the page is where the answer stands.)
_ASKS_MANUAL_PAGE = re.compile(
    r"\bwho\b[^?,]*?\b(?:wrote|written|write|authored|created)\s+(?:the\s+)?(?:[\w.+-]+\s+){0,3}"
    r"(?:manual|man)[ -]?page\b",
    re.IGNORECASE,
)
# "svm()", "String.prototype.normalize()": a function as a question calls it.
_CALL = re.compile(r"(?<![\w.])([A-Za-z_][\w.]*)\(\)")


def _squeezed(text: str) -> str:
    """``text`` lower-cased, letters and digits only: "asn1_write_value" is the name a PDF's
    text gives as "asn1 write value"."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


# "MIN_POSITIVE" of "f32::MIN_POSITIVE", "num_threads": a name in code, by its last part.
_CODE_NAME = re.compile(
    r"(?<![\w-])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9](?![\w-])|"
    # "the maximum number of iterations (iterMax)": the name in code a phrase stands for.
    r"(?<=\()[a-z]+[A-Z][A-Za-z0-9]*(?=\))"
)
# A path of the file system: "/dev/sde1", "/var", "/media/bb/HGST-1,5TB-sda1".
_PATH = re.compile(r"(?<![\w.~/:])/(?:[\w.+-]+/)*[\w.+-]*[\w+]")
# Text read in a picture may break a long path ("/media/bb/HGST- 1,5TB-sda1"); a short one is
# matched whole, as "var" is in many a word.
MIN_SQUEEZED_PATH = 8


def _writes_paths(paths: Sequence[str], evidence: Sequence[Evidence], index: int) -> bool:
    """The document of the evidence at ``index`` writes every one of ``paths`` the question
    names: "how much free space does /dev/sde1 have" is not told by a list of /dev/sda1 to
    /dev/sda6."""
    if not paths:
        return True
    text = _text_of_document(evidence, index)
    for path in paths:
        written = re.search(rf"(?<![\w/]){re.escape(path)}(?![\w/])", text, re.IGNORECASE)
        if not written and not (
            len(path) >= MIN_SQUEEZED_PATH and _squeezed(path) in _squeezed(text)
        ):
            return False
    return True


# Values that belong to one thing each: a book's ISBN, a telephone number, an address.
_IDENTIFYING_SHAPES = frozenset({"isbn", "telephone", "email"})


def _chunk_mentions(things: frozenset[str], cand: Candidate, evidence: Sequence[Evidence]) -> bool:
    """The candidate's own chunk, or its document's name, names every one of ``things``."""
    if not things:
        return True
    if cand.evidence_index >= len(evidence):
        return _mentions(things, cand, evidence)
    chunk = evidence[cand.evidence_index].chunk
    text = f"{chunk.file} {chunk.text}".lower()
    return all(_contains(text, thing) for thing in things)


def _picture_states(things: frozenset[str], evidence: Sequence[Evidence], index: int) -> bool:
    """The picture at ``index`` (all its chunks) names every one of ``things``."""
    image = evidence[index].chunk.image
    text = " ".join(e.chunk.text for e in evidence if e.chunk.image == image).lower()
    return all(_contains(text, thing) for thing in things)


def _is_card(text: str) -> bool:
    return text.startswith(DOCUMENT_INFORMATION)


def _asks_document_information(asked: Question) -> bool:
    """The question asks what a document information card tells: who wrote the document,
    when, or under which title or subject."""
    return asked.wants in (Wants.PERSON, Wants.DATE) or bool(_ASKS_CARD_FIELD.search(asked.text))


# The first line of a PDF's document information card (ingest/loaders/pdf_meta.py).
DOCUMENT_INFORMATION = "Document information\n"
_ASKS_CARD_FIELD = re.compile(
    r"\b(?:author|authors|wr[io]te|written|title|titled|subject|keywords?|created|creat(?:ion|ed)|"
    r"publish\w*|dated?|year)\b",
    re.IGNORECASE,
)


def _named_picture(
    named: frozenset[str], evidence: Sequence[Evidence], usable: Sequence[int], first: int | None
) -> int | None:
    """The picture to read for a question that names what it shows ("the Wireshark I/O
    graph"): of the first NAMED_PICTURE_CHOICE evidence, a picture that names more of the
    question's names than the first evidence does. Retrieval may rank another program's
    plot, or a manual's passage, above the screenshot whose text holds the name."""
    names = frozenset(_distinct_names(named))
    if not names or not usable:
        return first
    lead = usable[0] if first is None else first

    def naming(index: int) -> int:
        return sum(_document_states(frozenset({name}), evidence, index) for name in names)

    pictures = [i for i in usable[:NAMED_PICTURE_CHOICE] if evidence[i].chunk.modality == "image"]
    if not pictures:
        return first
    best = max(pictures, key=lambda i: (naming(i), -i))
    return best if naming(best) > naming(lead) else first


def _document_states(things: frozenset[str], evidence: Sequence[Evidence], index: int) -> bool:
    """The document of the evidence at ``index`` (its retrieved chunks, its name) names every
    one of ``things``: a figure's document names what its picture may not."""
    text = _text_of_document(evidence, index)
    if index < len(evidence) and evidence[index].chunk.modality == "image":
        # A picture's text is read in its own order ("New Game —KSquares" in a title bar):
        # a name of several words is there when each of its words is.
        return all(all(_contains(text, word) for word in thing.split()) for thing in things)
    return all(_contains(text, thing) for thing in things)


def _states(things: frozenset[str], cand: Candidate, evidence: Sequence[Evidence] = ()) -> bool:
    """The candidate's sentence (with what it introduces, and, when it speaks of "this mode",
    the sentences of its paragraph before it) names every one of ``things``."""
    text = f"{cand.text} {cand.follows}".lower()
    if _SPEAKS_OF_THE_LAST.search(cand.text):
        text = f"{_paragraph_before(cand, evidence)} {text}".lower()
    return all(_contains(text, thing) for thing in things)


def _paragraph_before(cand: Candidate, evidence: Sequence[Evidence]) -> str:
    """The text of the candidate's paragraph before its sentence, as its chunk holds it."""
    if cand.evidence_index >= len(evidence):
        return cand.previous
    for paragraph in re.split(r"\n\s*\n", evidence[cand.evidence_index].chunk.text):
        flat = normalize_space(paragraph)
        at = flat.find(cand.text)
        if at >= 0:
            return flat[:at]
    return cand.previous


# "... converts timestamps to relative times, such as "15m5s ago". Note that the
# Time::Duration and Date::Parse perl modules are required for this mode to work.": the
# sentence speaks of what the one before it tells.
_SPEAKS_OF_THE_LAST = re.compile(
    r"\b(?:this|that|these|those) (?:mode|option|switch|flag|setting|case|feature|format|"
    r"behaviou?r|function|command|style|method|variable)s?\b",
    re.IGNORECASE,
)


# "the default delay", "its default width": the thing whose default is asked, named after
# the word. "Default value", "default settings" name none.
_DEFAULTED = re.compile(
    r"\bdefault (?!(?:value|values|setting|settings|behaviou?r|option|options|mode|one|is|are|"
    r"for|of|when|if|in|on|to|and|or)\b)([a-z][a-z-]{2,})\b"
)


# "the default value of gamma", "knitr's default value for the fig.width chunk option": the
# thing whose default is asked, named after the words for a value (its owner's name aside).
_DEFAULT_OF = re.compile(
    r"\bdefault (?:value|values|setting|settings) (?:of|for) (?:the |a |an )?"
    r"(?:[\w.-]+'s )?(\\?[\w.-]*\w)"
)


# "the default k-mer length k", "the default step size h": a one-letter symbol the question
# gives for the thing, which the document may name it by alone ("By default k is set to 41").
_SYMBOL = re.compile(r"(?<![\w-])([b-hj-zB-HJ-Z])(?![\w-])")


def _symbols(question: str) -> set[str]:
    return set(_SYMBOL.findall(question))


def _sets_symbol(symbols: set[str], text: str) -> bool:
    """``text`` gives one of ``symbols`` a value: "k is set to 41", "h = 260"."""
    return any(
        re.search(rf"(?<![\w-]){re.escape(s)}\s*(?:=|is (?:set to|equal to)\b)", text)
        for s in symbols
    )


# Words a manual uses for one kind of setting: "the default cap" is stated as "the default
# limit is 10M", "the default interval" as "the delay".
_ONE_KIND = [
    frozenset(content_terms(words))
    for words in (
        "cap limit maximum ceiling",
        "interval delay period",
        "folder directory",
    )
]


def _tells_of(terms: frozenset[str], cand: Candidate) -> bool:
    """The sentence, or the ones beside it, or the opening of the entry whose bare default it
    is, say each of ``terms`` (content-term stems), or a word for the same kind of setting."""
    said = set(content_terms(f"{cand.opening} {cand.previous} {cand.text} {cand.follows}"))
    return all(
        term in said or any(term in kind and kind & said for kind in _ONE_KIND) for term in terms
    )


def _names_subjects(
    subjects: frozenset[str], cand: Candidate, evidence: Sequence[Evidence] = ()
) -> bool:
    """The sentence, or the ones around it, names each subject; a subject the file's name
    names ("the shape package" in shape-graphical-shapes.pdf) is what the whole file is about."""
    said = f"{cand.previous} {cand.text} {cand.follows}"
    text = said.lower()
    if cand.evidence_index < len(evidence):
        text = f"{evidence[cand.evidence_index].chunk.file.lower()} {text}"
    return all(_contains(text, subject) or _abbreviated(said, subject) for subject in subjects)


def _abbreviated(text: str, word: str) -> bool:
    """``text`` names ``word`` by a contraction in capitals: its first letter, then some of
    its consonants in order, "STD" for "standard" (a table's row "STD" is the standard
    library's). "SAD" keeps a vowel: a word of its own."""
    for token in set(re.findall(r"\b[A-Z]{2,5}\b", text)):
        short = iter(word)
        if (
            token[0].lower() == word[:1]
            and not set(token[1:]) & set("AEIOU")
            and len(word) >= 2 * len(token)
            and all(letter in short for letter in token.lower())
        ):
            return True
    return False


# What a program or a function is given, by its many names (stems, as content_terms gives).
_INPUTS = frozenset(["argument", "paramet", "option", "flag", "switch", "keyword", "kwarg"])


def _restates_question(asked: Question, cand: Candidate) -> bool:
    """The candidate says all the question says of the thing it asks for, so it gives that
    thing without the question's word for its kind: "Charis SIL is very closely based on
    the design of Bitstream Charter" answers "which typeface is Charis SIL very closely based
    on". A version, a value, a number or a person is still told under its own word."""
    if asked.wants not in (Wants.THING, Wants.IDENTIFIER):
        return False
    rest = set(content_terms(asked.text)) - asked.asked_for
    said = set(content_terms(cand.text))
    return len(rest) >= MIN_RESTATED and len(rest - said) <= len(rest) // 4


def _speaks_of(terms: frozenset[str], cand: Candidate, evidence: Sequence[Evidence]) -> bool:
    """The candidate's document speaks of what the question asks for, in one word at least:
    "which build system" may be answered by "CMake" in a text that never says "system"."""
    said = set(content_terms(_text_of_document(evidence, cand.evidence_index)))
    if not terms or terms & said:
        return True
    if cand.bridged and is_reference_entry(cand.text) and tells_of_work(terms):
        return True  # the entry of the work cited gives its publisher, never saying so
    # "Which argument" is answered by a text that calls it a parameter or an option, or that
    # shows it passed (a name in code).
    if terms & _INPUTS and (said & _INPUTS or any(_passed(span, cand.text) for span in cand.spans)):
        return True
    # "What file does it write to?": "defaults to 'devicelink.icm'" names a file by its
    # extension, in a manual that calls it a profile.
    if "file" in terms and any(_NAMED_FILE.fullmatch(span) for span in cand.spans):
        return True
    # "In which journal was it published?": a reference entry names its journal before the
    # volume and pages ("Bioinformatics 19:889-890"), in a document that never says "journal".
    if "journal" in terms and journals_cited(cand.text):
        return True
    # A table row speaks of what its headers name, shortened or not: "lifeExp: 66.8" gives
    # a life expectancy.
    cells = parse_row(cand.text) or []
    return any(label_hits(set(terms), cell.header) for cell in cells)


_NAMED_FILE = re.compile(r"[\w./+-]*\w\.[A-Za-z][A-Za-z0-9]{0,4}")


# A question that asks for an upper bound or a lower one, and a sentence that states one.
_ASKS_MOST = re.compile(
    r"\b(?:largest|biggest|maximum|max|highest|longest|at most|upper (?:limit|bound))\b", re.I
)
_ASKS_LEAST = re.compile(
    r"\b(?:smallest|minimum|min|lowest|shortest|fewest|at least|lower (?:limit|bound))\b", re.I
)
_STATES_MOST = re.compile(
    r"\b(?:at most|maximum|max|no more than|up to|or less|or fewer|or smaller|not exceed)\b", re.I
)
_STATES_LEAST = re.compile(
    r"\b(?:at least|minimum|min|no (?:fewer|less) than|or more|or larger|or greater)\b", re.I
)


def _other_bound(question: str, sentence: str) -> bool:
    """The question asks for one bound ("the largest key size") and the sentence states only
    the other ("keys must be at least 2048 bits")."""
    most, least = bool(_ASKS_MOST.search(question)), bool(_ASKS_LEAST.search(question))
    if most == least:
        return False
    if most:
        return bool(_STATES_LEAST.search(sentence)) and not _STATES_MOST.search(sentence)
    return bool(_STATES_MOST.search(sentence)) and not _STATES_LEAST.search(sentence)


def _passed(name: str, text: str) -> bool:
    """``name`` is passed by keyword in a call that ``text`` shows: "f(x, name=3)"."""
    return bool(re.search(rf"[(,]\s*{re.escape(name)}\s*=", text))


def _weigh_names(
    asked: Question, candidates: list[Candidate], evidence: Sequence[Evidence]
) -> list[Candidate]:
    """A candidate whose document lacks names the question gives loses relevance for each."""
    if not asked.named:
        return candidates

    def penalty(cand: Candidate) -> float:
        text = _text_of_document(evidence, cand.evidence_index)
        # Of a document that names them, a passage whose chunk does not is likely about a
        # neighbouring section ("the constant for 95% efficiency" under Huber, not Tukey). A
        # table's rows leave the names to its caption and the prose around it.
        chunk = "" if cand.signals.table_row else evidence[cand.evidence_index].chunk.text.lower()
        return sum(
            MISSING_NAME_PENALTY
            if not _contains(text, name)
            else (OTHER_SECTION_PENALTY if chunk and not _contains(chunk, name) else 0.0)
            for name in names
        )

    names = _distinct_names(asked.named)
    return _penalised(candidates, penalty)


def _distinct_names(named: frozenset[str]) -> list[str]:
    """The names a question gives, each thing once: "PARI-GP" names one program, which "pari"
    (a part of it) must not make two."""
    return sorted(n for n in named if not any(n != m and n in re.split(r"[-_.]", m) for m in named))


def _penalised(
    candidates: list[Candidate], penalty: Callable[[Candidate], float]
) -> list[Candidate]:
    """The candidates with ``penalty`` taken off each one's score and relevance, best first."""
    weighed = []
    for cand in candidates:
        off = penalty(cand)
        weighed.append(replace(cand, score=cand.score - off, relevance=cand.relevance - off))
    weighed.sort(key=lambda c: (-c.score, c.evidence_index, c.text))
    return weighed


def _telling_file_words(
    question: str, evidence: Sequence[Evidence]
) -> tuple[dict[int, set[str]], set[str]]:
    """The words of each evidence file's name, and those of the question's words that tell
    some of the files apart ("fd" of fd-manpage.txt beside rg-manpage.txt)."""
    names = {i: set(_file_words(e.chunk.file).lower().split()) for i, e in enumerate(evidence)}
    words = set(re.findall(r"[a-z0-9][\w+-]*", question.lower())) - STOPWORDS
    # A word in every file's name ("manpage") tells none of them apart.
    telling = {w for w in words if 0 < sum(w in n for n in names.values()) < len(names)}
    return names, telling


def _weigh_files(
    question: str, candidates: list[Candidate], evidence: Sequence[Evidence]
) -> list[Candidate]:
    """A question that names a program or document the way a file of the evidence is named
    ("... so that fd prints without colours" and fd-manpage.txt beside rg-manpage.txt) is
    about that file: a candidate from a file whose name lacks the word loses relevance."""
    names, telling = _telling_file_words(question, evidence)
    if not telling:
        return candidates
    return _penalised(
        candidates,
        lambda c: 0.0 if telling & names.get(c.evidence_index, set()) else OTHER_FILE_PENALTY,
    )


def _named_files(question: str, evidence: Sequence[Evidence]) -> set[int]:
    """The evidence of the files the question names as documents, by their names' words
    ("deSolve's table", "the gower vignette"); empty when it names none. A word of a file's
    name that the question only uses ("how many airships", beside airships.pdf) names no file."""
    names, telling = _telling_file_words(question, evidence)
    named = {
        word
        for word in telling
        if _as_document(word).search(question) or _names_own_document(word, question)
    }
    found = {index for index, words in names.items() if named & words}
    # "the minimum Python version that python-dotenv supports": a program written as its own
    # README's name ("python-dotenv-README.md"), hyphenated, is the document asked about.
    for index, item in enumerate(evidence):
        program = _PROGRAM_FILE.match(re.split(r"[\\/]", item.chunk.file)[-1])
        if program and re.search(
            rf"(?<![\w-]){re.escape(program.group(1))}(?![\w-])", question, re.IGNORECASE
        ):
            found.add(index)
    return found


# A program's own document, named by the program: "python-dotenv-README.md", "s-tui-README.md".
_PROGRAM_FILE = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)+)-(?:README|manpage)\.\w+$", re.IGNORECASE)


# How a question names a document by a word of its file's name: "deSolve's table", "the gower
# vignette", "in the pigz manual".
_DOCUMENT_NOUNS = (
    r"vignette|manual|man ?page|guide|paper|article|readme|documentation|docs|note|notes|"
    r"reference card|refcard|faq|introduction|tutorial|specification|spec|book|report|news|"
    r"changelog"
)


def _names_own_document(word: str, question: str) -> bool:
    """``word`` of a file's name is itself a kind of document, which the question names as
    the one it means: "according to its README", "the FAQ says". A package has one NEWS
    file, which "the package's NEWS" names; "the survey package's vignette" may be any of its
    vignettes, whose file names need not say so."""
    owner = r"the|its|their|this" + (r"|[\w-]+['’]s" if word.lower() in _ONE_PER_PACKAGE else "")
    return bool(
        re.fullmatch(_DOCUMENT_NOUNS, word, re.IGNORECASE)
        and re.search(rf"\b(?:{owner})\s+{re.escape(word)}\b", question, re.IGNORECASE)
    )


_ONE_PER_PACKAGE = frozenset({"news", "changelog"})


@functools.lru_cache(maxsize=256)
def _as_document(word: str) -> re.Pattern[str]:
    """How ``question`` would name a document by ``word``, as a pattern (one per word)."""
    return re.compile(
        rf"(?<![\w-]){re.escape(word)}(?:'s\b|\s+(?:[\w-]+\s+)?(?:{_DOCUMENT_NOUNS})\b)",
        re.IGNORECASE,
    )


# "hba1c", "utf8", "x86_64": a name that mixes two letters or more with digits.
_ALPHANUMERIC_NAME = re.compile(r"(?=(?:[^a-z]*[a-z]){2})(?=[^\d]*\d)[a-z][a-z0-9_-]{3,}")


def _contains(text: str, thing: str) -> bool:
    """``thing`` stands in ``text`` as a whole token; "D-Bus" meets "dbus", "1.0.8" never
    meets "1.0.9". A plain number also stands as the end of a range ("60514...60577",
    "1..16") and before the unit written onto it ("16bit", "150MiB"); a preset ("-3") or a
    version stays whole ("-3e" is another preset)."""
    if is_date_pin(thing):
        return states_date(text, thing)
    if _ALPHANUMERIC_NAME.fullmatch(thing):
        # "HbA1c" printed "HbA 1c", "utf8" printed "UTF-8": a name of letters and digits
        # survives the spaces and dashes a PDF's text puts into it.
        return _squeezed(thing) in _squeezed(text)
    if re.search(r"\d", thing):
        if thing.isdigit():
            pattern = rf"(?:(?<![\w.])|(?<=\.\.)){thing}(?!\d|[.,]\d)"
        else:
            pattern = rf"(?<![\w.]){re.escape(thing)}(?![\w]|\.\d)"
        return re.search(pattern, text) is not None
    return _squeezed(thing) in _squeezed(text)


def _term_weights(q_terms: list[str], unit_terms: list[frozenset[str]]) -> dict[str, float]:
    """Inverse frequency over the candidate sentences: a term every sentence has says little."""
    n = len(unit_terms)
    return {
        term: math.log(1 + n / (1 + sum(1 for terms in unit_terms if term in terms)))
        for term in q_terms
    }


# "topologicalfisheyecoarsestcolor": an attribute's name run together from its words.
_COMPOUND = re.compile(r"\b[a-z]{12,}\b")
MIN_COMPOUND_PART = 4


def _in_compounds(terms: Sequence[str], text: str) -> frozenset[str]:
    """The question's terms that a name run together from words holds ("coarsest" in
    "topologicalfisheyecoarsestcolor"): such a name says what its row is about."""
    compounds = _COMPOUND.findall(text)
    return frozenset(
        t for t in terms if len(t) >= MIN_COMPOUND_PART and any(t in c for c in compounds)
    )


def _file_words(path: str) -> str:
    """A file's name as words: "docs/etcd-hardware.md" gives "etcd hardware"."""
    stem = re.split(r"[\\/]", path)[-1].rsplit(".", 1)[0]
    return " ".join(re.split(r"[\W_]+", stem))


def _missing_topic_terms(question: str, texts: Sequence[str]) -> bool:
    """Most of the question's topic terms appear nowhere in the evidence. (A month of a
    date it spells is printed in figures; what it sets aside need not be there, nor the
    words it asks for the default with.)"""
    months = set(content_terms(" ".join(dated_months(question))))
    topic = without_default_words(without_set_aside(question))
    q_terms = [t for t in content_terms(topic) if t not in months]
    present = {term for text in texts for term in content_terms(text)}
    # A phrase the evidence names by its initials ("end of life" in an "eol" column) is there.
    for abbreviation, terms in initialisms(question).items():
        if len(terms) > 1 and abbreviation in present:
            present.update(terms)
    # A table's header names its column's topic, shortened or not ("lifeExp", "pop").
    headers = {
        cell.header
        for text in texts
        for line in text.splitlines()
        for cell in parse_row(line) or []
    }
    missing = [
        t for t in q_terms if t not in present and not any(label_hits({t}, h) for h in headers)
    ]
    return len(missing) > len(q_terms) / 2


def _about_option(option: str, cand: Candidate, evidence: Sequence[Evidence]) -> bool:
    """The candidate speaks of ``option``: it names it, or it is in the option's own entry
    ("--quiet: Suppress output. The default is off.")."""
    named = named_options(cand.text)
    if named or cand.entry:  # "-N: An alias for --shell=none" speaks of -N as well
        return option in named | cand.entry
    if cand.evidence_index >= len(evidence):
        return False
    text = normalize_space(evidence[cand.evidence_index].chunk.text)
    at = text.find(cand.text)
    if at < 0:
        return False
    heads = entry_options(text[:at])
    if not heads:
        # A chunk may begin inside an entry ("--sort SORTBY ... values are:" ends the chunk
        # before, "accessed  Sort by the last accessed time" opens this one): the entry is
        # the one the document's chunk just before ends in, when that was retrieved too.
        before = _continued(evidence).get(cand.evidence_index)
        if before is not None:
            heads = entry_options(normalize_space(evidence[before].chunk.text))
    return option in heads


def _identifiers(text: str) -> set[str]:
    """Names in ``text``; of a table row, those in its cells only: rows of one table share
    their headers ("64K", "256K"), which name no thing to follow to another row."""
    cells = parse_row(text)
    if cells:
        text = " ".join(cell.value for cell in cells)
    return {m.group(0).lower() for m in _IDENTIFIER.finditer(text)}


_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _cited_works(text: str) -> set[tuple[str, str]]:
    """(first surname, year) of each work ``text`` cites."""
    return set(cited_by_author(text))


def _follow_bridge(question: str, candidates: list[Candidate]) -> list[Candidate]:
    """Boost sentences that explain a name the best sentence introduced (two-hop questions).
    A question about a work the best sentence cites ("that book's title") is answered by the
    work's reference entry: it goes first, as relevant as the sentence that cites it."""
    source = asks_about_source(question)
    # Which work is meant, the sentence that cites it tells; an entry of the reference list
    # names a work of its own.
    top = candidates[0]
    if source:
        top = next((c for c in candidates if not is_reference_entry(c.text)), top)
    bridges = _identifiers(top.text) - _identifiers(question)
    # "credits a 1973 paper": the work cited with the year the question gives, wherever it is
    # cited, leads to its reference entry too.
    years = set(_YEAR.findall(question))
    cited = _cited_works(top.text) | {
        work for c in candidates for work in _cited_works(c.text) if work[1] in years
    }
    cited -= _cited_works(question)
    numbered = [w for w in cited_works(top.text) if w.number]
    if not bridges and not cited and not numbered:
        return candidates
    works = [Work(surname=surname, year=year) for surname, year in sorted(cited)] + numbered

    def entry(c: Candidate) -> bool:
        return is_reference_entry(c.text) and any(holds_entry(c.text, w) for w in works)

    def follows(c: Candidate) -> bool:
        # A sentence that cites the work in its text leads to the entry; it is none itself.
        return (
            bool(bridges & _identifiers(c.text))
            or any(
                cites(c.text, surname, year) and (surname, year) not in _cited_works(c.text)
                for surname, year in cited
            )
            or entry(c)
        )

    # The entry whose authors the question names goes first ("a book by Soetaert and
    # Herman" is not Soetaert's alone), then the others in the order they are cited; each
    # scores a little less than the one before, so that later orderings by score keep it.
    order = {work: place for place, work in enumerate(cited_works(top.text))}
    entries = sorted(
        (c for c in candidates if source and c is not top and entry(c)),
        key=lambda c: (
            -_authors_named(question, c.text),
            min(order.get(w, len(order)) for w in works if holds_entry(c.text, w)),
        ),
    )
    places = {id(c): place for place, c in enumerate(entries)}

    def bridged(c: Candidate) -> Candidate:
        if id(c) in places:
            return replace(
                c,
                score=top.score + BRIDGE_BONUS - ENTRY_STEP * places[id(c)],
                relevance=max(c.relevance + BRIDGE_BONUS, top.relevance),
                bridged=True,
            )
        return replace(
            c, score=c.score + BRIDGE_BONUS, relevance=c.relevance + BRIDGE_BONUS, bridged=True
        )

    boosted = [bridged(c) if c is not top and follows(c) else c for c in candidates]
    lead = boosted[candidates.index(top)]
    rest = sorted(
        (c for c in boosted if c is not lead), key=lambda c: (-c.score, c.evidence_index, c.text)
    )
    if entries:
        firsts = [c for c in rest if c.bridged and entry(c)]
        return [*firsts, lead, *(c for c in rest if not (c.bridged and entry(c)))]
    return [lead, *rest]


def _authors_named(question: str, entry: str) -> int:
    """How many of the names in ``question`` stand among the authors ``entry`` opens with."""
    authors = entry[: entry.find("(")] if "(" in entry else entry[:ENTRY_AUTHORS]
    return sum(
        bool(re.search(rf"\b{re.escape(name)}\b", authors))
        for name in set(re.findall(SURNAME, question))
    )
