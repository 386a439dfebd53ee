"""The axes of a plot drawn as vectors in a PDF page, read from where its text stands.

A plot's tick labels, axis titles and panel titles are page text inside the figure, and the
page's text order scatters them ("0 100 200 ... Time since catheter insertion Cumulative
Hazard"). Their places say what each is:

- horizontal-axis ticks: a row of numbers on one baseline, at the foot of the plot;
- vertical-axis ticks: a column of numbers, one above another, with a common left or right edge;
- an axis title: the text just below the horizontal ticks, or the text turned on its side
  (a box taller than wide) just left of the vertical ticks;
- panel titles: text above the topmost tick, one title per panel, left to right.

Each axis becomes a sentence in the words people ask with ("the x axis is labelled ...,
ticks from 0 at the bottom to 4 at the top"). A figure without a row and a column of numbers
is no plot, and gets nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF points)

# A tick label: "0", "−0.2", "1e+05", "50%", "1,000".
_NUMBER = re.compile(r"[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-−+]?\d+)?%?")
MIN_TICKS = 3
ALIGN = 2.5  # points: tick labels of one axis share a baseline or an edge within this
# An axis title stands at most this many tick-label heights from its ticks.
TITLE_REACH = 4.0
# Tick labels stand at steady steps: the widest gap is at most this many times the narrowest
# (labels of uneven width shift their centres a little).
STEADY = 2.5
# A plot's title stands at most this far (points) above its topmost tick label, and is no wider
# than this many times the plot's ticks.
TITLE_ABOVE = 30.0
TITLE_WIDTH = 2.0
# A figure's caption or a console line is never an axis title.
_NOT_A_TITLE = re.compile(r"^(?:figure|fig\.|table)\s*\d|^[>+]\s|\w=\S", re.IGNORECASE)
# The two axes of one plot: the row of ticks starts and stands at most this far (points) from
# the column's labels.
PLOT_REACH = 60.0


@dataclass(frozen=True)
class Text:
    text: str
    box: Box

    @property
    def width(self) -> float:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    @property
    def sideways(self) -> bool:
        """Turned on its side: a box much taller than wide around several characters."""
        return len(self.text.strip()) > 2 and self.height > 2 * self.width


def _is_number(token: str) -> bool:
    return bool(token) and any(c.isdigit() for c in token) and bool(_NUMBER.fullmatch(token))


def _value(token: str) -> float:
    return float(token.replace("−", "-").replace(",", "").rstrip("%"))


def _ticks(values: Sequence[str], places: Sequence[float]) -> bool:
    """Tick labels: values that rise along the axis at steady steps (points plotted as
    digits, "1 1 2 1", do not)."""
    try:
        numbers = [_value(v) for v in values]
    except ValueError:
        return False
    if any(b <= a for a, b in zip(numbers, numbers[1:], strict=False)):
        return False
    gaps = [b - a for a, b in zip(places, places[1:], strict=False)]
    return min(gaps) > 0 and max(gaps) <= STEADY * min(gaps)


def _numeric(text: Text) -> bool:
    tokens = text.text.split()
    return bool(tokens) and all(_is_number(t) for t in tokens)


@dataclass(frozen=True)
class Axis:
    ticks: list[str]  # in reading order: left to right, or bottom to top
    box: Box  # around the tick labels
    title: str = ""


def _horizontal_axes(texts: Sequence[Text]) -> list[Axis]:
    """Rows of numbers on one baseline: a line of several numbers, or numbers side by side."""
    rows: list[list[Text]] = []
    for text in sorted(
        (t for t in texts if _numeric(t) and not t.sideways), key=lambda t: t.box[1]
    ):
        for row in rows:
            if abs(row[0].box[1] - text.box[1]) <= ALIGN:
                row.append(text)
                break
        else:
            rows.append([text])
    axes = []
    for row in rows:
        row.sort(key=lambda t: t.box[0])
        for group in _monotonic_runs(row):
            ticks = [token for t in group for token in t.text.split()]
            # A line of several numbers has one box: its tokens are taken as evenly placed.
            places = (
                [(t.box[0] + t.box[2]) / 2 for t in group]
                if len(group) == len(ticks)
                else range(len(ticks))
            )
            if len(ticks) >= MIN_TICKS and _ticks(ticks, places):
                axes.append(Axis(ticks, _union([t.box for t in group])))
    return axes


def _monotonic_runs(row: Sequence[Text]) -> list[list[Text]]:
    """A row of numbers cut where the values fall back: plots side by side print their
    horizontal ticks on one baseline ("8 10 12 14 8 10 12 14")."""
    runs: list[list[Text]] = []
    last = None
    for text in row:
        first = _value_or_none(text.text.split()[0])
        if not runs or last is None or first is None or first <= last:
            runs.append([text])
        else:
            runs[-1].append(text)
        last = _value_or_none(text.text.split()[-1])
    return runs


def _vertical_axes(texts: Sequence[Text], taken: set[int]) -> list[Axis]:
    """Columns of single numbers one above another, sharing a left or a right edge."""
    singles = [
        (i, t)
        for i, t in enumerate(texts)
        if i not in taken and _numeric(t) and len(t.text.split()) == 1
    ]
    axes = []
    # Labels turned on their side, as R draws them by default, come as one run: "−1 0 1 2".
    for i, text in enumerate(texts):
        tokens = text.text.split()
        if i in taken or not text.sideways or not _numeric(text) or len(tokens) < MIN_TICKS:
            continue
        if _ticks(tokens, range(len(tokens))):
            axes.append(Axis(tokens, text.box))
    # Labels written across share their right edge (or their left one): of the columns found
    # both ways, the fullest are taken first, each label in one.
    columns: list[list[tuple[int, Text]]] = []
    for edge in (2, 0):
        for whole in _columns(singles, edge):
            whole.sort(key=lambda it: it[1].box[1])
            # Plots stacked on a page print their ticks in one column ("-4 ... 4 -4 ... 4"):
            # each plot's ticks run one way, and the next plot's start over.
            for column in _one_way_runs(whole):
                values = [t.text.strip() for _, t in column]
                middles = [(t.box[1] + t.box[3]) / 2 for _, t in column]
                if len(column) >= MIN_TICKS and _ticks(values, middles):
                    columns.append(column)
    used: set[int] = set()
    for column in sorted(columns, key=len, reverse=True):
        if used.isdisjoint(i for i, _ in column):
            used.update(i for i, _ in column)
            axes.append(
                Axis([t.text.strip() for _, t in column], _union([t.box for _, t in column]))
            )
    return axes


def _one_way_runs(column: list[tuple[int, Text]]) -> list[list[tuple[int, Text]]]:
    """``column`` (bottom to top) cut where its values turn back or stop moving: a value that
    goes the other way from its run's steps starts the next run."""
    runs: list[list[tuple[int, Text]]] = []
    direction = 0
    for item in column:
        value = _value_or_none(item[1].text.strip())
        previous = _value_or_none(runs[-1][-1][1].text.strip()) if runs else None
        step = 0 if value is None or previous is None else (value > previous) - (value < previous)
        if not runs or step == 0 or (direction and step != direction):
            runs.append([item])
            direction = 0
        else:
            runs[-1].append(item)
            direction = step
    return runs


def _value_or_none(token: str) -> float | None:
    try:
        return _value(token)
    except ValueError:
        return None


def _columns(singles: Sequence[tuple[int, Text]], edge: int) -> list[list[tuple[int, Text]]]:
    """The labels grouped by a common edge (0: left, 2: right), within ALIGN of the first."""
    columns: list[list[tuple[int, Text]]] = []
    for i, text in sorted(singles, key=lambda it: it[1].box[edge]):
        for column in columns:
            if abs(column[0][1].box[edge] - text.box[edge]) <= ALIGN:
                column.append((i, text))
                break
        else:
            columns.append([(i, text)])
    return columns


def _x_title(axis: Axis, texts: Sequence[Text]) -> str:
    """The text just below the ticks, overlapping them across."""
    height = axis.box[3] - axis.box[1]
    below = [
        t
        for t in texts
        if not _numeric(t)
        and not t.sideways
        and not _NOT_A_TITLE.match(t.text)
        and t.box[3] <= axis.box[1] + ALIGN
        and axis.box[1] - t.box[3] <= TITLE_REACH * height
        and t.box[0] < axis.box[2]
        and t.box[2] > axis.box[0]
    ]
    return max(below, key=lambda t: t.box[3]).text.strip() if below else ""


def _y_title(axis: Axis, texts: Sequence[Text]) -> str:
    """The text just left of the ticks, overlapping them up and down: turned on its side, or a
    short name written across ("Y")."""
    width = max(axis.box[2] - axis.box[0], 1.0)
    left = [
        t
        for t in texts
        if (t.sideways or len(t.text.strip()) <= 3)
        and not _numeric(t)
        and not _NOT_A_TITLE.match(t.text)
        and t.box[2] <= axis.box[0] + ALIGN
        and axis.box[0] - t.box[2] <= TITLE_REACH * max(width, 6.0)
        and t.box[1] < axis.box[3]
        and t.box[3] > axis.box[1]
    ]
    if not left:
        return ""
    nearest = max(left, key=lambda t: t.box[2])
    # A turned title comes in pieces where its font changes ("f", "(", "x", ")"): the pieces
    # stacked in its column, read bottom to top.
    centre = (nearest.box[0] + nearest.box[2]) / 2
    column = sorted(
        (t for t in left if abs((t.box[0] + t.box[2]) / 2 - centre) <= 2 * ALIGN),
        key=lambda t: t.box[1],
    )
    at = column.index(nearest)
    first, last = at, at
    while first > 0 and column[first].box[1] - column[first - 1].box[3] <= ALIGN:
        first -= 1
    while last + 1 < len(column) and column[last + 1].box[1] - column[last].box[3] <= ALIGN:
        last += 1
    return "".join(t.text.strip() for t in column[first : last + 1])


def _union(boxes: Sequence[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@dataclass(frozen=True)
class Plot:
    box: Box  # around its tick labels
    sentence: str


def find_plots(texts: Sequence[Text]) -> list[Plot]:
    """The plots among a page's texts: a column of numbers (the vertical axis) with a row of
    numbers just below it and to its right (the horizontal one), each told in a sentence. A
    table's numbers make no plot: its rows and columns cross."""
    horizontal = _horizontal_axes(texts)
    taken = {
        i
        for i, t in enumerate(texts)
        if _numeric(t) and any(_inside(t.box, a.box) for a in horizontal)
    }
    axes = []
    for y_axis in _vertical_axes(texts, taken):
        x_axis = _x_axis_of(y_axis, horizontal)
        if x_axis is not None and not _tabulated(y_axis, x_axis, texts):
            axes.append((x_axis, y_axis))
    plots = []
    for x_axis, y_axis in axes:
        box = _union([x_axis.box, y_axis.box])
        # Plots side by side have their titles on one line, however high each one's top tick
        # stands ("1.2" at the top of one panel, "1.5" lower down in the next): a row's title
        # line is looked for above the row's highest tick.
        row_top = max(
            _union([x.box, y.box])[3] for x, y in axes if abs(x.box[1] - x_axis.box[1]) <= ALIGN
        )
        title = _plot_title((box[0], box[1], box[2], row_top), texts)
        plots.append(Plot(box, _sentence(x_axis, y_axis, texts, title)))
    plots.sort(key=lambda p: (-p.box[3], p.box[0]))
    return _placed(plots)


def _x_axis_of(y_axis: Axis, horizontal: Sequence[Axis]) -> Axis | None:
    """The row of ticks that starts right of the column's labels and stands just below its
    lowest one, the nearest such."""
    tick = max(y_axis.box[3] - y_axis.box[1], 1.0) / len(y_axis.ticks)
    below = [
        a
        for a in horizontal
        if a.box[0] >= y_axis.box[2] - ALIGN
        and a.box[0] - y_axis.box[2] <= PLOT_REACH
        and a.box[3] <= y_axis.box[1] + tick
        and y_axis.box[1] - a.box[3] <= PLOT_REACH
    ]
    return min(below, key=lambda a: y_axis.box[1] - a.box[3]) if below else None


def _tabulated(y_axis: Axis, x_axis: Axis, texts: Sequence[Text]) -> bool:
    """The column's numbers have numbers beside them, on their own baselines, over the row's
    width: a table's column, not an axis (a plot's marks beside a tick are fewer)."""
    numbers = [t for t in texts if _numeric(t) and not _inside(t.box, y_axis.box)]
    beside = 0
    for tick in (t for t in texts if _numeric(t) and _inside(t.box, y_axis.box)):
        middle = (tick.box[1] + tick.box[3]) / 2
        beside += any(
            n.box[1] <= middle <= n.box[3] and x_axis.box[0] <= n.box[0] <= x_axis.box[2]
            for n in numbers
        )
    return beside * 2 > len(y_axis.ticks)


def _sentence(x_axis: Axis, y_axis: Axis, texts: Sequence[Text], title: str) -> str:
    x_title, y_title = _x_title(x_axis, texts), _y_title(y_axis, texts)
    # "Plot of Cumulative Hazard against Time": what the plot shows names it in the sentence
    # on either axis.
    shows = f' of "{y_title}" against "{x_title}"' if x_title and y_title else ""
    named = f'Plot titled "{title}"{"," if shows else ""}{shows}' if title else f"Plot{shows}"
    x_named = f'is labelled "{x_title}", with' if x_title else "has"
    y_named = f'is labelled "{y_title}", with' if y_title else "has"
    # One sentence per axis: a question asks about one of them.
    return (
        f"{named}: the horizontal (x) axis {x_named} ticks from {x_axis.ticks[0]} at the left "
        f"to {x_axis.ticks[-1]} at the right. The plot's vertical (y) axis {y_named} ticks from "
        f"{y_axis.ticks[0]} at the bottom to {y_axis.ticks[-1]} at the top."
    )


def _plot_title(box: Box, texts: Sequence[Text]) -> str:
    """The line just above the plot's topmost tick, over the plot and not much wider."""
    above = [
        t
        for t in texts
        if not t.sideways
        and not _numeric(t)
        and not _NOT_A_TITLE.match(t.text)
        and t.box[1] >= box[3]
        and t.box[1] - box[3] <= TITLE_ABOVE
        and t.box[0] < box[2]
        and t.box[2] > box[0]
        and t.width <= TITLE_WIDTH * (box[2] - box[0])
    ]
    return min(above, key=lambda t: t.box[1]).text.strip() if above else ""


def _placed(plots: list[Plot]) -> list[Plot]:
    """Plots side by side say which is which: "Left plot ...", "Middle plot ...", "Right
    plot ..."; a row of more says its place from the left."""
    placed = []
    for plot in plots:
        row = sorted(
            (p for p in plots if p.box[1] < plot.box[3] and p.box[3] > plot.box[1]),
            key=lambda p: p.box[0],
        )
        at = row.index(plot)
        if len(row) == 1:
            placed.append(plot)
            continue
        if len(row) <= 3:
            side = ["Left", "Middle", "Right"][at] if len(row) == 3 else ["Left", "Right"][at]
        else:
            side = f"Number {at + 1} from the left:"
        placed.append(Plot(plot.box, f"{side} {plot.sentence[0].lower()}{plot.sentence[1:]}"))
    return placed


def _inside(box: Box, outer: Box) -> bool:
    return (
        box[0] >= outer[0] - 0.5
        and box[2] <= outer[2] + 0.5
        and box[1] >= outer[1] - 0.5
        and box[3] <= outer[3] + 0.5
    )
