"""Pictures in the evidence: when a picture's look may answer, and with which words.

A picture's chunk holds its description (kind, what it shows, colours, composition) and the
text read in it after ``PICTURE_TEXT_MARKER``. The look answers only a question that speaks of a
picture; the text read in it answers any question, like other text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence

from rag.numbered_parts import captions, captions_other, parts_named, side_asked, told_side
from rag.reader.checkboxes import (
    SPEAKS_OF_CHOICE,
    SPEAKS_OF_TICKS,
    answer_on_boxes,
    answer_on_buttons,
    speaks_of_marks,
    tells_marks,
)
from rag.reader.legends import legend_value
from rag.reader.question import Wants, asks_dimensions
from rag.reader.spans import (
    QUALIFIED_LABEL,
    dimensions,
    labelled_numbers,
    resolutions,
    spans,
    without_other_labels,
)
from rag.text import content_terms, join_words, key_terms, normalize_space, sentences, stem
from rag.types import Evidence

# How a picture's description introduces the text read in it (ingest/vision/describe.py), and
# how a PDF figure's chunk introduces the page text drawn inside it (ingest/pipeline.py).
PICTURE_TEXT_MARKER = "Text in the image:"
DRAWN_TEXT_MARKER = "Text drawn in the figure:"
_READ_MARKER = re.compile(
    "(?:" + "|".join(re.escape(m) for m in (PICTURE_TEXT_MARKER, DRAWN_TEXT_MARKER)) + ")"
)
# Where a question names the text beside the one it quotes: 'the line under the "Hello!"
# heading' is answered by the line after the quoted one.
_AFTER_QUOTED = re.compile(
    r"\b(?:under|below|beneath|underneath|after|following)\b(?:\W+\w+){0,4}?\W*[\"“'‘]",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“]([^\"“”]{1,60})[\"”]")
# Where a question places what it asks about beside a line it writes out, unquoted: "the row
# right after Small Straight [30]", "printed under the word Asymptote", "the line above Total".
# The text is read top to bottom, so these are the next line or the one before.
_NEXT_TO_NAMED = re.compile(
    r"\b(?:(under|below|beneath|underneath|after|following)|(above|before|preceding))\s+"
    r"(?:(?:the|a|an|word|words|row|line|entry|item|heading|title|label|text)\s+){0,3}",
    re.IGNORECASE,
)
# How a picture's description opens: its caption in a PDF, or its kind.
_DESCRIPTION_HEAD = re.compile(
    r"(?:(?:figure|fig\.|table|plate|chart|exhibit)\s+[\w.-]+\s*[:.]|"
    r"(?:photograph|drawing|chart|pie chart|screenshot|page of text|logo|round logo|"
    r"hexagon logo|diagram|"
    r"picture)\b)",
    re.IGNORECASE,
)
# "in my screenshot of the print settings", "on one of my logos": where a question says which
# picture it asks about.
_PICTURE_SCENE = re.compile(
    r"\b(?:in|on|from)\s+(?:one of\s+)?(?:my|the|this|that|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:screenshots?|screen shots?|photos?|photographs?|pictures?|images?|scans?|scanned page|"
    r"drawings?|charts?|plots?|logos?|icons?|diagrams?|stickers?)\b(?:\s+of\s+[^,?]*)?",
    re.IGNORECASE,
)
# How a plot's sentence quotes its title and its axes' labels (ingest/loaders/pdf_axes.py), and
# the questions that ask for them: "what is the title of", "what is the y-axis labelled", "which
# variable is on the vertical axis". A tick label is no axis label.
_TITLED = re.compile(r'\btitled "([^"]+)"')
_AXIS_LABEL = re.compile(r'\b(horizontal|vertical) \([xy]\) axis is labelled "([^"]+)"')
_ASKS_TITLE = re.compile(r"^(?!.*\blegend).*\btitle[sd]?\b(?! bar)", re.IGNORECASE)
_NAMES_AXIS = re.compile(r"\b([xy]|horizontal|vertical)[- ]?axis\b", re.IGNORECASE)
_ASKS_AXIS_LABEL = re.compile(
    r"^(?!.*\btick).*(?:\b(?:labell?ed|label|measures?|variable|quantity)\b|"
    # "What is on the vertical axis", "what is shown on it", "what does the y axis show".
    r"\bwhat(?:'s| is| are| goes)?(?: (?:shown|plotted|drawn|displayed|given))? (?:on|along) the\b|"
    r"\baxis (?:shows?|represents?|plots?)\b)",
    re.IGNORECASE,
)
# "The highest value marked on the Frequency axis", "the top tick label on the y axis": an end
# of an axis's ticks, which the plot's sentence gives.
_ASKS_HIGH_END = re.compile(
    r"\b(?:highest|largest|biggest|greatest|maximum|top|uppermost|rightmost|last)\b"
    r"(?:\s+[\w-]+){0,2}?\s+(?:values?|numbers?|ticks?|labels?|marks?|figures?)\b",
    re.IGNORECASE,
)
_ASKS_LOW_END = re.compile(
    r"\b(?:lowest|smallest|least|minimum|bottom|lowermost|leftmost|first)\b"
    r"(?:\s+[\w-]+){0,2}?\s+(?:values?|numbers?|ticks?|labels?|marks?|figures?)\b",
    re.IGNORECASE,
)
# "the Frequency axis": an axis a question names by its label.
_LABELLED_AXIS = re.compile(r"\b(?:the|its)\s+([A-Za-z][\w().,-]*)\s+axis\b")
# The plot's sentence on an axis (ingest/loaders/pdf_axes.py).
_AXIS_TICKS = re.compile(
    r'\b(horizontal|vertical) \([xy]\) axis (?:is labelled "([^"]+)", with|has) ticks from '
    r"(\S+) at the (?:left|bottom) to (\S+) at the (?:right|top)"
)
# "what is the Unicode name of the selected character": the thing asked for, by its head word.
_ASKED_HEAD = re.compile(
    r"\b(?:what|which)(?:'s| is| are| was| were)\s+(?:the|its|their)\s+(?:[\w+-]+\s+){0,2}?"
    r"([a-z]+)\s+(?:of|for|shown|displayed|given|listed|in|on)\b"
)
# Where a question places the text it asks about: the last line read, or the first.
_AT_BOTTOM = re.compile(
    r"\b(?:status (?:bar|line)|at the bottom|bottom (?:line|row|left|right|edge)|footer|"
    r"last (?:line|entry|item|row))\b",
    re.IGNORECASE,
)
_AT_TOP = re.compile(
    r"\b(?:title bar|at the top|top (?:line|row|edge)|first (?:line|entry|item|row))\b",
    re.IGNORECASE,
)
# A labelled line of a screenshot or a form: "Name: LATIN CAPITAL LETTER L".
_LABELLED = re.compile(r"^([^:]{1,40}?)\s*:(?=\s+\S)")
_DIGIT = re.compile(r"\d")
# The pictures among this many pieces of evidence from the first compete for the answer.
PICTURE_CHOICE = 3
# Identifiers and numbers the question names weigh this much more than other words.
KEY_TERM_FACTOR = 3.0
_EXCLUSION = re.compile(
    r"\b(?:besides|apart from|aside from|other than|except(?: for)?)\s+(?:the\s+)?"
    r"(\"[^\"]+\"|[^,?;]+)",
    re.IGNORECASE,
)
COLOUR_WORDS = re.compile(
    r"\b(red|orange|yellow|green|blue|purple|violet|pink|brown|white|gr[ae]y|black|gold|silver|"
    r"teal|cyan|magenta|beige|tan|navy|maroon|olive|turquoise)\b",
    re.IGNORECASE,
)
# "Which menu is selected": the kind of thing a question asks for.
_WHICH_KIND = re.compile(r"\b(?:which|what)\s+([a-z]+)\b", re.IGNORECASE)
# How a screenshot's description tells its selected row (ingest/vision/selection.py).
SELECTED_ROW = re.compile(r'^Selected \(highlighted in ([a-z]+)\): "(.+)"\.?$')
# A line chart's reading (ingest/vision/chart_lines.py) names its highest and lowest lines.
HIGHEST_LINE = re.compile(r"\bHighest line\b")
LOWEST_LINE = re.compile(r"\bLowest line\b")
# Words that speak of a picture: a question holding one may be answered by a picture's look.
VISUAL_WORDS = frozenset(
    stem(w)
    for w in [
        "photo",
        "photograph",
        "picture",
        "pictured",
        "image",
        "screenshot",
        "diagram",
        "painting",
        "scan",
        "scanned",
        "drawing",
        "drawn",
        "illustration",
        "figure",
        "chart",
        "plot",
        "graph",
        "logo",
        "icon",
        "sticker",
        "shown",
        "show",
        "shows",
        "depicted",
        "appear",
        "appears",
        "visible",
        "colour",
        "color",
        "colored",
        "coloured",
        "look",
        "looks",
        "sign",
        "poster",
        "photos",
        "pictures",
        "images",
    ]
)


# The words a description's kind and shape are named with ("Round logo", "Page of text",
# "Shaped as a hexagon, as a sticker is"): a line of nothing else tells only what a question
# that speaks of a picture already said of it.
_SAID_OF_KIND = VISUAL_WORDS | {
    stem(w) for w in ["round", "hexagon", "shaped", "shape", "page", "text", "pie"]
}


def repeats_question(line: str, question: str) -> bool:
    """A line of a picture's description that says only what the question said of the picture
    ("Hexagon logo." for "what is drawn on my hexagon logo"): no answer to it."""
    return not set(content_terms(line)) - set(content_terms(question)) - _SAID_OF_KIND


def picture_to_read(
    question: str, evidence: Sequence[Evidence], usable: Sequence[int]
) -> int | None:
    """Where a picture answer starts: the first usable evidence when it is a picture; or,
    among the first PICTURE_CHOICE, a picture that tells of check boxes or radio buttons for
    a question on them, or a chart that names a line for a question about a chart's highest
    or lowest line (the table the chart plots may rank above it, and holds no line)."""
    if not usable:
        return None
    if evidence[usable[0]].chunk.modality == "image":
        return usable[0]
    if speaks_of_marks(question):
        # "In GTG's Modify Tags dialog, is the Apply to subtasks box ticked?": the program's
        # manual shares the question's names and ranks above its dialog, which holds no mark.
        for index in usable[:PICTURE_CHOICE]:
            chunk = evidence[index].chunk
            if chunk.modality == "image" and tells_marks(chunk.text):
                return index
        return None
    cue = _picture_cue(question)
    if cue not in (HIGHEST_LINE, LOWEST_LINE):
        return None
    for index in usable[:PICTURE_CHOICE]:
        chunk = evidence[index].chunk
        if chunk.modality == "image" and cue.search(chunk.text):
            return index
    return None


def _answer_on_marks(question: str, same: Sequence[tuple[int, Evidence]]) -> str:
    """The answer the check boxes or radio buttons of a picture (its chunks ``same``, by
    evidence index) give, quoted with their marks, or "": "which plugins are ticked", "is the
    Force Full Backup box ticked", "which indentation type is selected"."""
    for speaks, answer_on in (
        (SPEAKS_OF_TICKS, answer_on_boxes),
        (SPEAKS_OF_CHOICE, answer_on_buttons),
    ):
        if speaks.search(question):
            for index, item in same:
                if told := answer_on(question, item.chunk.text):
                    return f"{told[0]} — {told[1]} [{index + 1}]"
    return ""


def answer_from_picture(
    question: str,
    evidence: Sequence[Evidence],
    top: int,
    max_quotes: int,
    kind: str = "",
    *,
    number: bool = False,
    measure: str = "",
    named: frozenset[str] = frozenset(),
    shows: Callable[[int], bool] = lambda index: True,
) -> str:
    """A picture ranked first for a question about a picture: lead with the part of its
    description that the question asks about (its colours, its count, what it shows), or with
    the line of text read in it that holds what the question names and its description does
    not ("which colour theme is selected" -> "Color Theme All Pastel"). ``kind`` is the kind
    of thing a "what kind of bird" question asks about. A question that asks for a
    ``number`` ("what is the high score") is answered only by a line that holds one: a
    button's "Show High Scores" holds the question's words and no score; one that
    ``measure``s a resolution leads with one ("75 dpi"). Only a picture
    that ``shows`` what the question names of it (by its evidence index) answers."""
    topic = set(content_terms(question)) - VISUAL_WORDS
    side = side_asked(question)
    chosen = _picture_on_topic(
        topic, evidence, top, kind, side, named, _figure_asked(question), shows
    )
    if chosen is None:
        return ""
    top = chosen
    chunk = evidence[top].chunk
    if _SCANNED_PAGE.match(chunk.text) and _picture_cue(question) is None:
        # "Which libraries does my scanned page say it uses?": a page of text answers with
        # what it says, which the sentences read in it give as any text does.
        return ""
    same = [(index, item) for index, item in enumerate(evidence) if item.chunk.image == chunk.image]
    described = {term for _, item in same for term in content_terms(item.chunk.text)}
    if not topic & described:
        return ""
    if marked := _answer_on_marks(question, same):
        return marked
    # A long description (much text read in the picture) spans several chunks: read them all.
    lines = [(index, line) for index, item in same for line in sentences(item.chunk.text)]
    if not lines:
        return ""
    asks = _picture_cue(question)
    if (
        asks is COLOUR_WORDS
        and _ASKS_PART_COLOUR.search(question)
        and not _CLOSE_UP.search(question)
        and _PHOTO.search(chunk.text)
    ):
        # "What colour is the driver's cap?": a photo's colours are its whole scene's, and its
        # subject's; a part of a thing in it (a cap, a helmet) is too small to tell, unless a
        # close-up fills the frame with it ("my close-up of a bee on a flower").
        return ""
    # ("What colour is the line labelled 50" asks for a colour.) Only of a picture its first
    # line names as the question does ("Figure 2: Default color wheel"): the text read in a
    # sticker the question does not describe is another sticker's.
    opening = sentences(chunk.text)[:1]
    named_by_opening = bool(opening) and bool(
        topic & set(content_terms(opening[0])) - _SAID_OF_KIND
    )
    asks_written = _ASKS_WRITTEN.search(question) and asks is not COLOUR_WORDS and named_by_opening

    plots = _plot_titles(same)
    asked_kind = (
        set(content_terms(kind_asked.group(1)))
        if (kind_asked := _WHICH_KIND.search(question))
        else set()
    )

    def where_asked(line: str) -> bool:
        """A selected row the question names as where to look, not as what it asks for: "On
        the Preview page of the dialog, which conversion is chosen" has the Preview page
        selected in the dialog's list of pages. A row that says what kind of thing is asked
        ("which menu is selected": "File menu") is the answer all the same."""
        row = SELECTED_ROW.search(line)
        if row is None or asks is not SELECTED_ROW:
            return False
        words = set(content_terms(row[2]))
        return bool(words & topic) and not words & asked_kind

    def fit(unit: tuple[int, str]) -> tuple[bool, bool, int, int, int]:
        index, line = unit
        cue = 1 if asks and asks.search(line) else 0
        if SELECTED_ROW.search(line) and not SPEAKS_OF_SELECTION.search(question):
            cue = 0  # "what colour is the accuracy line": not the selected row's band
        if cue and asks is SELECTED_ROW:
            # Of two selected rows, the one that says what kind of thing is asked ("which menu
            # is selected": "File menu"), else one the question does not name.
            row = set(content_terms(asks.search(line)[2]))
            cue += 2 if row & asked_kind else 1
        # "What percentage is written on each slice": the text read in it, which shares no
        # word with the question, not the caption that names the figure.
        cue += 1 if asks_written and _READ_MARKER.search(line) else 0
        overlap = len(topic & (set(content_terms(line)) | plots.get(unit, set())))
        if where_asked(line):
            cue = overlap = 0
        if _SWATCHES.match(line) and not legend_value(question, line):
            # A settings page's colours ("Black's move (orange)") answer a question on the
            # colour of one they name, not one that shares their words ("the game with black
            # and white stones", "the title of the dialog with a grid of colour swatches").
            cue = overlap = 0
        # The sentence that quotes the title or axis label asked for holds the answer.
        return (
            told_side(line) == side != "",
            bool(_told_value(question, line)),
            cue,
            overlap,
            -index,
        )

    at, best = max(lines, key=fit)
    head = sentences(chunk.text)[0] if sentences(chunk.text) else best
    if repeats_question(best, question):
        # "Shaped as a hexagon, as a sticker is" says only what the question said of the
        # picture; what the description opens with may say more ("Hexagon logo: a bus").
        at, best = top, head
    # "Screenshot of a program window." says what kind of picture was found, which answers
    # only a question on the kind: to "which file template is selected" it says nothing.
    vacuous = repeats_question(best, question) or (
        bool(_BARE_KIND.fullmatch(best)) and not _ASKS_PICTURE_KIND.search(question)
    )
    if best == head or max_quotes < 2:
        answer = f"{best} [{at + 1}]"
    elif at == top:
        answer = f"{best} {head} [{top + 1}]"
    else:
        answer = f"{best} [{at + 1}] {head} [{top + 1}]"
    told = legend_value(question, best) or _told_value(question, best)
    if told:
        return f"{told} — {answer}"  # the title or axis label asked for, as the plot's told
    if (
        (row := SELECTED_ROW.search(best))
        and asks in (SELECTED_ROW, COLOUR_WORDS)
        and not where_asked(best)
    ):
        # "Perth — Selected (highlighted in gray): "Perth".", or "gray — ..." for its colour.
        return f"{row[2] if asks is SELECTED_ROW else row[1]} — {answer}"
    # A chart's highest or lowest line is the answer itself: no line of text goes before it.
    charted = asks in (HIGHEST_LINE, LOWEST_LINE) and asks.search(best)
    read = matching_read_line(
        question, topic, [(i, item.chunk.text) for i, item in same], number=number
    )
    if read and not charted and normalize_space(_READ_MARKER.sub(" ", best)) != read[1]:
        # A labelled line's value is the direct answer: "LATIN CAPITAL LETTER L — Name: ...".
        numbers = labelled_numbers(question.lower(), read[1])
        if asks_dimensions(question.lower()):
            # "What canvas size does the status bar show?": "400 × 300", whatever it labels.
            numbers = dimensions(read[1]) or numbers
        elif measure == "resolution":
            # "At what resolution was it scanned?": "75 dpi" of "3 colors,75 dpi x75 dpi".
            numbers = resolutions(spans(Wants.NUMBER, read[1]), read[1]) or numbers
        value = (
            _labelled_value(read[1], _asked_head(question))
            or (numbers[0] if numbers else "")
            or ("" if _asked_head(question) else _named_field_value(read[1], topic))
        )
        lead = f"{value} — " if value else ""
        return f"{lead}{read[1]} [{read[0] + 1}] {answer}"
    if vacuous or (number and not _DIGIT.search(best)):
        return ""  # "Hexagon logo.", "Photograph in colour: an animal." for "which animal"
    if number and _READ_MARKER.search(best) and not _ASKS_WRITTEN_NUMBER.search(question):
        # A named quantity ("what is the high score") is read on the line its name labels
        # ("Score: 40"), which ``read`` would have found: the other numbers read in the
        # picture ("Time left: 1:16") answer other questions. "What number is written above
        # the bracket" names none: any number read there may be it.
        return ""
    if asks_name(question) and not _READ_MARKER.search(best):
        # A name is read in a picture (a title bar, a caption); what its look is called
        # ("possibly a hare", "a clock") names a kind of thing, never the one in the picture.
        return ""
    # "Mostly white, with some red" answers "what colours are its stripes?" only when read
    # closely: the answer names them together first.
    named = _colour_list(best) if asks is COLOUR_WORDS else ""
    if named and named.lower() not in best.lower():
        return f"{named} — {answer}"
    return answer


# How a description tells a settings page's colours (ingest/vision/swatches.py).
_SWATCHES = re.compile(r"^Colour swatches: ")
# "What colour is the driver's cap", "their hat", "the helmet of the person riding it": the
# colour of a part of a thing, not of a thing the picture shows.
_ASKS_PART_COLOUR = re.compile(
    r"\bwhat colou?rs? (?:is|are|was|were) (?:the (?:[\w-]+ ){0,3}?[\w-]+'s?|his|her|its|their)"
    r" [\w-]+\b|"
    r"\bwhat colou?rs? (?:is|are|was|were) the [\w-]+ of (?:the|a|an|his|her|its|their) "
    r"(?![\w-]*(?:photo|picture|image|screenshot|drawing|chart))",
    re.IGNORECASE,
)
_CLOSE_UP = re.compile(r"\bclose[- ]?ups?\b|\bmacro\b", re.IGNORECASE)
# How a photograph's description opens (ingest/vision/describe.py).
_PHOTO = re.compile(r"^Photograph\b", re.MULTILINE)


# A chunk that goes on with the sentence the chunk before it cut: ". The plot's vertical ...".
_CONTINUES = re.compile(r"\s*[.,;:)a-z]")


def _plot_titles(same: Sequence[tuple[int, Evidence]]) -> dict[tuple[int, str], set[str]]:
    """The terms of the title of the plot each sentence of a picture's description tells of,
    read in the order of its chunks: "Left plot titled "(c) UK passenger motor vehicle
    production", ...", then "The plot's vertical (y) axis is labelled "Thousands of cars"" is
    about that plot, which a chunk's cut may leave in the chunk before."""
    titles: dict[tuple[int, str], set[str]] = {}
    current: set[str] = set()
    for index, item in sorted(same, key=lambda pair: pair[1].chunk.chunk_index):
        if not _CONTINUES.match(item.chunk.text):
            current = set()  # a chunk of its own, not the rest of a sentence cut short
        for line in sentences(item.chunk.text):
            title = _TITLED.search(line)
            if title:
                current = set(content_terms(title.group(1)))
            titles[(index, line)] = current
    return titles


# "What number is written above the bracket", "which year is printed": a question that asks
# for the number itself rather than a quantity the picture labels.
_ASKS_WRITTEN_NUMBER = re.compile(
    r"\b(?:what|which)\s+(?:numbers?|values?|figures?|digits?|years?|percentages?)\b",
    re.IGNORECASE,
)
# "What percentage is written on each slice", "what word is printed under it": the question
# asks for text the picture holds.
_ASKS_WRITTEN = re.compile(r"\b(?:written|printed|labell?ed|reads?|lettered)\b", re.IGNORECASE)


# How the description of a scanned page of text opens (ingest/vision/describe.py).
_SCANNED_PAGE = re.compile(r"^Page of text\b")
# A description's opening that tells only the picture's kind (describe.py's ``render``).
_BARE_KIND = re.compile(
    r"(?:photograph|drawing|chart|pie chart|screenshot|screenshot of a program window|"
    r"page of text|logo|round logo|hexagon logo|diagram)(?: in (?:colour|black and white"
    r"(?: \(grayscale\))?))?\.",
    re.IGNORECASE,
)
_ASKS_PICTURE_KIND = re.compile(
    r"\b(?:kind|type|sort)\s+of\s+(?:picture|image|graphic|illustration)\b|"
    r"^\s*(?:is|was)\b.*\ban?\s+(?:photo(?:graph)?|screenshot|chart|drawing|diagram|logo)\b",
    re.IGNORECASE,
)


# "What is the name of the rabbit in my photo", "what is the activity called".
_ASKS_NAME = re.compile(
    r"\b(?:what|which)(?:'s| is| was| are)? (?:the )?names? of\b|"
    r"\bwhat (?:is|was|are)\b[^?,;]* called\b|"
    r"\bwhat(?:'s| is) (?:his|her|its|their) names?\b|"
    # "Which telescope took my photo": who or what made a picture is no part of its look;
    # nor is an identifier painted small on a thing ("the plane's registration").
    r"\b(?:who|which [\w-]+) (?:took|shot|photographed|painted|drew|made)\b|"
    r"\b(?:registration|serial number|licen[cs]e plate|number plate|tail number)\b|"
    # Nor is the title of a book in it, nor a house's address: they are read, or not told.
    r"\btitle of (?:the|a|this|that|her|his|their) (?:book|novel|film|movie|album|song)\b|"
    r"\b(?:book|novel|film|movie|album)'s title\b|"
    r"\b(?:street|postal|home|house|mailing) address\b|\bhouse number\b|"
    # Nor is the place a photo shows: "which city is the skyline" is read on a sign, or not told.
    r"\b(?:which|what) (?:city|town|village|country)\b",
    re.IGNORECASE,
)


def asks_name(question: str) -> bool:
    """The question asks what something is called: a name is read, not seen."""
    return bool(_ASKS_NAME.search(question))


def _told_value(question: str, line: str) -> str:
    """The title or axis label a plot's sentence quotes ('Plot titled "SD Bootstrap", ...: the
    horizontal (x) axis is labelled "Samples"'), when the question asks for it: the direct
    answer, said before the sentence."""
    if _picture_cue(question) is not None:
        return ""  # "what colour are the title strips", "how many plots": not the title itself
    told = ""
    axis = _NAMES_AXIS.search(question)
    if _ASKS_TITLE.search(question) and axis is None:
        match = _TITLED.search(line)
        told = match.group(1) if match else ""
    elif axis is not None and _ASKS_AXIS_LABEL.search(question):
        direction = "horizontal" if axis.group(1).lower() in ("x", "horizontal") else "vertical"
        told = next((m.group(2) for m in _AXIS_LABEL.finditer(line) if m.group(1) == direction), "")
    if not told:
        told = _axis_end(question, line, axis.group(1) if axis else "")
    # "Which plot is titled 'SD Bootstrap'?" states the title: it is no answer.
    return told if told.lower() not in question.lower() else ""


def told_by_plot(question: str, evidence: Sequence[Evidence], usable: Sequence[int]) -> str:
    """The title, axis label or end tick a question asks for, from the sentences that tell a
    plot drawn outside any figure (a text chunk, ingest/loaders/pdf_axes.py), led by the value:
    "700 — The plot's vertical (y) axis is labelled "Frequency", ... [1]"; else "". A question
    that numbers a figure reads only the chunks that caption it."""
    return next(
        (told for told, image, _ in _told_by_plots(question, evidence, usable) if not image), ""
    )


def told_by_titled_plot(question: str, evidence: Sequence[Evidence], usable: Sequence[int]) -> str:
    """``told_by_plot``'s answer from the plot the question names by its whole title ("the x
    axis of the Residual QQ panel"), a picture's own plot too; else "". Other plots of the
    figure share the question's other words, and the first of them is no answer."""
    topic = _plot_topic(question)
    return next(
        (
            told
            for told, _, title in _told_by_plots(question, evidence, usable)
            if _names_title(topic, title)
        ),
        "",
    )


def _told_by_plots(
    question: str, evidence: Sequence[Evidence], usable: Sequence[int]
) -> Iterator[tuple[str, bool, str]]:
    """(answer, from a picture's chunk, the plot's title) of each plot's sentence that tells
    what the question asks, in evidence order."""
    figure = _figure_asked(question)
    side = side_asked(question)
    # "In the small chart of shoe wear, what is the x-axis label?": the plot's chunk speaks of
    # shoe wear; another document's plot is not it.
    topic = _plot_topic(question)
    for index in usable:
        chunk = evidence[index].chunk
        if figure is not None and not captions(chunk.text, figure):
            continue
        if topic and not topic & set(content_terms(f"{chunk.file} {chunk.text}")):
            continue
        plot_side, title = "", ""
        for line in sentences(chunk.text):
            # "Right plot of ...: the horizontal axis ...", then "The plot's vertical axis ...".
            plot_side = told_side(line) or plot_side
            if (titled := _TITLED.search(line)) or _OPENS_PLOT.match(line):
                title = titled.group(1) if titled else ""
            if side and plot_side != side:
                continue
            told = _told_value(question, line) if _AXIS_TICKS.search(line) else ""
            if told:
                yield f"{told} — {line} [{index + 1}]", chunk.modality == "image", title


def _plot_topic(question: str) -> set[str]:
    return set(content_terms(question)) - VISUAL_WORDS - _PLOT_WORDS


# How a plot's sentence opens (ingest/loaders/pdf_axes.py): "Left plot titled ...", "Plot of".
_OPENS_PLOT = re.compile(r"^(?:(?:Left|Right|Top|Bottom|Middle) )?[Pp]lot\b")


def _names_title(topic: set[str], title: str) -> bool:
    """The question names a plot by its whole title ("the Residual QQ panel" for "Residual
    QQ"), not by one word that other titles share ("residuals")."""
    words = set(content_terms(title))
    return bool(words) and words <= topic


# The words any question about a plot's axes uses, which tell no plot apart.
_PLOT_WORDS = frozenset(
    content_terms(
        "axis axes label labelled labeled horizontal vertical tick ticks value marked highest "
        "lowest largest smallest top bottom left right title titled side hand end number"
    )
)


def _axis_end(question: str, line: str, axis_named: str) -> str:
    """The end tick of the axis the question names (by its direction or its label) that it
    asks for: "highest value marked on the Frequency axis" -> "700"; else ""."""
    high, low = _ASKS_HIGH_END.search(question), _ASKS_LOW_END.search(question)
    if bool(high) == bool(low):
        return ""
    direction = ""
    if axis_named:
        direction = "horizontal" if axis_named.lower() in ("x", "horizontal") else "vertical"
    label = _LABELLED_AXIS.search(question)
    for match in _AXIS_TICKS.finditer(line):
        if direction and match.group(1) != direction:
            continue
        if not direction and not (
            label and match.group(2) and match.group(2).lower() == label.group(1).lower()
        ):
            continue
        return match.group(4) if high else match.group(3)
    return ""


def _figure_asked(question: str) -> tuple[str, str] | None:
    """The first figure ``question`` names by number ("In Figure 3 of ..."), or None."""
    return next((part for part in parts_named(question) if part[0] == "figure"), None)


def _picture_on_topic(
    topic: set[str],
    evidence: Sequence[Evidence],
    top: int,
    kind: str = "",
    side: str = "",
    named: frozenset[str] = frozenset(),
    figure: tuple[str, str] | None = None,
    shows: Callable[[int], bool] = lambda index: True,
) -> int | None:
    """Of the pictures among the PICTURE_CHOICE evidence from ``top``, the first of those that
    share the most of the question's topic: retrieval may rank a picture that matches the
    question's wording in general ("screenshot", "table") over the one that holds its words
    ("ANOVA"). The kind of thing asked about counts twice: "what kind of bird ... flying" is
    about the picture of a bird, more than about one of a flying insect. Only pictures that
    ``shows`` accepts count; None when there are none."""
    kind_terms = set(content_terms(kind))
    # A name the question gives ("under the word Steadiness") is read in one picture; a
    # common word it shares ("caption") may be read in many.
    name_terms = set(content_terms(" ".join(sorted(named)))) & topic
    shared: dict[str | None, set[str]] = {}
    for item in evidence:
        if item.chunk.modality == "image":
            shared.setdefault(item.chunk.image, set()).update(content_terms(item.chunk.text))
    window = list(range(top, min(top + PICTURE_CHOICE, len(evidence))))
    if figure is not None:
        # The figure the question numbers may be told in several chunks (its plots side by
        # side): each of them is one to choose from, however far down retrieval ranked it.
        window += [
            i
            for i in range(len(evidence))
            if i not in window and captions(evidence[i].chunk.text, figure)
        ]
    pictures = [
        i
        for i in window
        if evidence[i].chunk.modality == "image"
        and shows(i)
        # The figure the question numbers is not the one another caption numbers.
        and not (figure is not None and captions_other(evidence[i].chunk.text, figure))
    ]
    if not pictures:
        return None

    # A figure's plots side by side may be told in chunks of their own: the side the question
    # names picks its plot's chunk before the one its caption and words share more with.
    def fit(i: int) -> tuple[bool, bool, int, int]:
        terms = shared[evidence[i].chunk.image]
        # The figure the question numbers comes before a side told in another figure.
        numbered = figure is not None and captions(evidence[i].chunk.text, figure)
        told = side != "" and any(
            told_side(line) == side for line in sentences(evidence[i].chunk.text)
        )
        overlap = len(topic & terms) + len(kind_terms & terms) + 2 * len(name_terms & terms)
        return (numbered, told, overlap, -i)

    return max(pictures, key=fit)


def split_read_text(text: str) -> tuple[str, list[str]]:
    """A picture chunk's description and the lines of text read or drawn in the picture. A chunk
    without a marker continues the text read in a long picture, unless it opens as a
    description does (its kind, or a figure's caption)."""
    parts = _READ_MARKER.split(text)
    if len(parts) == 1 and not _DESCRIPTION_HEAD.match(text.lstrip()):
        parts = ["", text]
    read = [normalize_space(line) for part in parts[1:] for line in part.split("\n")]
    return parts[0], [line for line in read if line]


def matching_read_line(
    question: str, topic: set[str], chunks: Sequence[tuple[int, str]], *, number: bool = False
) -> tuple[int, str] | None:
    """The line of text read in a picture that holds what the question names beyond the
    picture's description: weighted by how few lines hold each term, identifiers and numbers
    ("2920", "as3257") most. A line that is the text the question quotes wins outright, and then
    a question about the line under or after it gets the next line, as does one that writes out
    a line unquoted ("the row after Small Straight [30]"). A question that asks for a
    ``number`` is answered only by a line that holds one: a header row ("Language Settings
    Font Size") shares the question's words, the row under it holds the size."""
    looks: set[str] = set()
    read: list[tuple[int, str]] = []
    for index, text in chunks:
        description, read_lines = split_read_text(text)
        looks.update(content_terms(description))
        read += [(index, line) for line in read_lines]
    if not read:
        return None
    beside = _beside_named_line(question, [line for _, line in read])
    if beside is not None:
        return read[beside]
    # "Apart from the Sports Centre, which centre ...": "sports" is excluded, "centre" is not.
    named = {t for m in _EXCLUSION.finditer(question) for t in content_terms(m.group(1))}
    excluded = named - set(content_terms(_EXCLUSION.sub(" ", question)))
    wanted = topic - looks - excluded
    # "In my screenshot of an Advanced Filter over a sales table, what are Tokyo's sales?":
    # the words that describe the picture found it; the rest of the question picks the line.
    asking = set(content_terms(_PICTURE_SCENE.sub(" ", question))) & wanted
    if asking:
        wanted = asking
    quoted = {normalize_space(q).lower() for q in _QUOTED.findall(question)}
    line_terms = [set(content_terms(line)) for _, line in read]
    # Numbers and identifiers with digits ("2920", "as3257") pick out a line; a name such as
    # "X.Org" more often names the whole page.
    keys = {t for t in key_terms(question) if any(c.isdigit() for c in t)}
    keys |= {t for q in quoted for t in content_terms(q)}
    weights = {
        term: math.log(1 + len(read) / (1 + sum(term in terms for terms in line_terms)))
        * (KEY_TERM_FACTOR if term in keys else 1.0)
        for term in wanted
    }

    # A line labelled with the word the question asks for ("what is the Unicode name ..." and
    # "Name: LATIN CAPITAL LETTER L") holds its value, whatever else the other lines share.
    # So does a line that prints a number under the question's word ("p=0.22" for "what
    # p-value").
    head = _asked_head(question)
    lowered = question.lower()
    # A field the question names ("Mathgroup: dvi --> png" for "which conversion is chosen for
    # Mathgroup") holds its value too, after a field labelled with the word asked for; not
    # when the question says what it asks for ("what is the heading of the ANOVA table": the
    # line "Anova: Two-Factor" is the heading, not the Anova field's value).
    labelled = [
        2
        if _labelled_value(line, head) or labelled_numbers(lowered, line)
        else int(not head and bool(_named_field_value(line, wanted)))
        for _, line in read
    ]

    # "What does the status bar say", "the button at the bottom": the text is read top to
    # bottom, so the place the question names is a line's position.
    placed = len(read) - 1 if _AT_BOTTOM.search(question) else None
    if placed is None and _AT_TOP.search(question):
        placed = 0

    # "Which raw file is open": a line that holds a file's name ("Tonemap D700h00200.nef"),
    # not the menu that shares the word ("File Edit View").
    names_file = bool(_ASKS_FILE.search(question))

    def score(position: int) -> tuple[bool, int, bool, bool, float, int, int]:
        terms = line_terms[position]
        exact = read[position][1].lower() in quoted
        filed = names_file and bool(_FILE_NAME.search(read[position][1]))
        matched = sum(weights[t] for t in sorted(wanted & terms))
        if terms & excluded:
            matched /= 2
        # Of two lines that hold the same words, the one that adds something answers.
        novel = min(len(terms - topic - excluded), 3)
        return (exact, labelled[position], filed, position == placed, matched, novel, -position)

    # "The high score" is not read on "Score: 0", the game's score now.
    positions = [
        p
        for p in range(len(read))
        if not number or _DIGIT.search(without_other_labels(lowered, read[p][1]))
    ]
    # "How much free space does /dev/sde1 have": a number is read on the line of the thing
    # the question names by an identifier; when no line holds it, none answers.
    named = {t for t in keys if t not in quoted and any(c.isalpha() for c in t)}
    if number and named:
        positions = [p for p in positions if named & line_terms[p]]
    if not positions:
        return None
    position = max(positions, key=score)
    exact, label, filed, at_place, matched, novel, _ = score(position)
    # A line that only repeats the question's words (an axis tick "7") answers nothing.
    if not exact and not label and not filed and not at_place and (matched <= 0 or novel == 0):
        return None
    if exact and _AFTER_QUOTED.search(question) and position + 1 < len(read):
        return read[position + 1]
    return read[position]


_ASKS_FILE = re.compile(r"\b(?:which|what)\b(?:\s+[\w-]+){0,2}?\s+files?\b", re.IGNORECASE)
# A file's name: a word, a dot, an extension of letters ("D700h00200.nef", "notes.txt").
_FILE_NAME = re.compile(r"(?<![\w.])[\w-]+\.(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{2,4}(?![\w.])")


def _beside_named_line(question: str, lines: Sequence[str]) -> int | None:
    """The line next to one the question writes out in full after a word of place ("which row
    comes right after Small Straight [30]"): the one after it, or before it for "above". The
    question writes the line as it reads, capitals included, and as a name: a line of one
    common word ("two") is more often the question's own word than the line it means."""
    for match in _NEXT_TO_NAMED.finditer(question):
        rest = question[match.end() :]
        step = 1 if match.group(1) else -1
        # Text in two columns is read a row at a time ("Dynamic Steadiness"): a capitalised
        # name that ends or starts a line, up to the question's next stop, is that column's.
        named = re.match(r"[A-Z][\w-]+(?: [A-Z][\w-]+)*(?=\s*(?:[?,.;]|$))", rest)
        for position, line in enumerate(lines):
            if not re.match(r"[A-Z0-9]", line) or not re.search(r"[A-Za-z]{2}", line):
                continue
            # The whole line, not the first letters of a longer word.
            whole = rest.startswith(line) and not re.match(r"\w", rest[len(line) : len(line) + 1])
            column = named is not None and (
                line.endswith(f" {named.group(0)}") or line.startswith(f"{named.group(0)} ")
            )
            if not (whole or column):
                continue
            if 0 <= position + step < len(lines):
                return position + step
    return None


# "Files Developer: ColombanWendling x", "Via length: 1.6 mm Thermal resistance: 83.29 -C/W":
# the fields of a dialog read line by line, each a label of up to three words and its value
# (a sidebar's entry may stand before the label, a widget's glyph after the value).
_FIELD_LABEL = re.compile(r"((?:[A-Za-z][\w.&/-]*\s){0,2}[A-Za-z][\w.&/-]*):(?:\s+|$)")
_WIDGET_GLYPH = re.compile(r"\s+(?:[^\w\s]{1,3}|\w)$")


def field_value(
    asked_for: frozenset[str], question: str, read_lines: Sequence[str]
) -> tuple[str, str]:
    """The line and value of the field that the question asks for by its label ("which web
    browser is set" and "Browser: firefox"), among the lines of text read in a picture; or
    two empty strings. The label ends with a word of what the question asks for; of several,
    the one that holds most of its words ("Thermal resistance", not "Resistance", for "what
    thermal resistance"). A value the question states answers nothing."""
    lowered = question.lower()
    best: tuple[int, str, str] = (0, "", "")
    qualifiers = list(QUALIFIED_LABEL.finditer(lowered))
    for line in read_lines:
        # "Score: 0" is no "high score": a label the question qualifies otherwise.
        kept = without_other_labels(lowered, line)
        labels = list(_FIELD_LABEL.finditer(line))
        ends = [m.start() for m in labels[1:]] + [len(line)] if labels else []
        for label, end in zip(labels, ends, strict=True):
            if label.group(0).strip() not in kept:
                continue
            words = [stem(w) for w in label.group(1).lower().split()]
            value = line[label.end() : end].strip()
            value = _WIDGET_GLYPH.sub("", value) if len(value) > 2 else value
            if words[-1] not in asked_for or not value or value.lower() in lowered:
                continue
            # "Current score: O" is no "high score", nor is a label without its qualifier.
            if any(
                stem(m.group(2)) == words[-1] and m.group(1) not in label.group(1).lower()
                for m in qualifiers
            ):
                continue
            covered = len(set(words) & asked_for)
            if covered > best[0]:
                best = (covered, line, value)
    return best[1], best[2]


def _asked_head(question: str) -> str:
    """The head word of what a question about a picture asks for, or ""."""
    match = _ASKED_HEAD.search(_PICTURE_SCENE.sub(" ", question).lower())
    return match.group(1) if match else ""


def _labelled_value(line: str, head: str) -> str:
    """The value ``line`` gives under a label that ends with ``head`` ("Name: X" -> "X" for
    "name"), or ""."""
    match = _LABELLED.match(line)
    if not head or not match:
        return ""
    words = re.findall(r"[a-z]+", match.group(1).lower())
    return line[match.end(1) :].lstrip(" :") if words and stem(words[-1]) == stem(head) else ""


def _named_field_value(line: str, wanted: set[str]) -> str:
    """The value of a field whose label the question names among the words it picks a line
    by ("Mathgroup: dvi --> png" for "which conversion is chosen for Mathgroup"), or ""."""
    match = _LABELLED.match(line)
    if not match:
        return ""
    label = set(content_terms(match.group(1)))
    value = line[match.end(1) :].lstrip(" :")
    return value if label and label <= wanted and content_terms(value) else ""


def _colour_list(line: str) -> str:
    """The colours a description line names, as an answer: "White and red"."""
    named = list(dict.fromkeys(m.lower() for m in COLOUR_WORDS.findall(line)))
    if not named:
        return ""
    listed = join_words(named)
    return listed[0].upper() + listed[1:]


def _picture_cue(question: str) -> re.Pattern[str] | None:
    """What a question about a picture asks for, as the words its answer would use."""
    lowered = question.lower()
    # "the default color wheel", "its colour scheme": a thing named with the word, no colour
    # asked for.
    if re.search(
        r"\b(colou?rs?|colou?red)\b(?! (?:wheels?|schemes?|palettes?|maps?|space|model|picker))",
        lowered,
    ):
        return COLOUR_WORDS
    # "count" alone: the "count-regression vignette" asks for no count.
    if re.search(r"\bhow many\b|\bnumber of\b|(?<![\w-])count(?![\w-])", lowered):
        return re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
    if re.search(r"\b(highest|top|uppermost)\b", lowered) and "line" in lowered:
        return HIGHEST_LINE
    if re.search(r"\b(lowest|bottom|lowermost)\b", lowered) and "line" in lowered:
        return LOWEST_LINE
    if re.search(r"\b(black[- ]and[- ]white|gr[ae]y ?scale|monochrome)\b", lowered):
        return re.compile(r"black and white|grayscale|greyscale|monochrome", re.I)
    # "Which town is highlighted", "which process is selected": the row a band marks.
    if SPEAKS_OF_SELECTION.search(question):
        return SELECTED_ROW
    return None


def readable_text(item: Evidence, pictures_ok: bool) -> str:
    chunk = item.chunk
    if chunk.modality != "image" or pictures_ok:
        return chunk.text
    # The text read or drawn in the picture, also where a long text read continues in a
    # chunk of its own (no marker) or a figure has drawn text and no text read.
    return "\n".join(split_read_text(chunk.text)[1])


# Kinds of picture a question may name a picture by ("the dendrogram of US states"), which
# also name what it shows: they stay in its topic, unlike the words of ``VISUAL_WORDS``.
PICTURE_KINDS = frozenset(
    stem(w)
    for w in [
        "histogram",
        "dendrogram",
        "scatterplot",
        "boxplot",
        "barplot",
        "heatmap",
        "cartoon",
        "clipart",
        "sketch",
        "wallpaper",
        # What a program shows as it starts, a page's strip of artwork, a small copy.
        "splash",
        "banner",
        "thumbnail",
    ]
)


# "the status bar of the Shisen-Sho window", "the status line at the bottom of the Kiriki
# window": what a window shows along its edge, read in its screenshot. ("The main window" alone
# may be one a manual describes in words.)
_WINDOW_BAR = re.compile(r"\b(?:status|title) ?(?:bar|line)s?\b", re.IGNORECASE)


def describes_picture(question: str) -> bool:
    """The question speaks of a picture (a photo, a screenshot, a figure, a colour, a
    histogram, a window's status bar, what a screen shows highlighted, ticked or selected)."""
    return bool(set(content_terms(question)) & (VISUAL_WORDS | PICTURE_KINDS)) or bool(
        _WINDOW_BAR.search(question)
        or SPEAKS_OF_SELECTION.search(question)
        or SPEAKS_OF_TICKS.search(question)
        or SPEAKS_OF_CHOICE.search(question)
    )


# "Which town is highlighted", "which process is selected in the list": a line a screen marks
# as chosen. ("Which option is selected by default" names no part of a screen.)
_SCREEN_PART = r"(?:list|menu|row|tab|sidebar|panel|window|dialog|drop-?down|toolbar|column|tree)"
SPEAKS_OF_SELECTION = re.compile(
    rf"\bhighlighted\b|\b(?:selected|chosen|picked)\b.*\b{_SCREEN_PART}s?\b|"
    rf"\b{_SCREEN_PART}s?\b.*\b(?:selected|chosen|picked)\b",
    re.IGNORECASE,
)
