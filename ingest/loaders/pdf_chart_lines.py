"""The lines of a line chart drawn as vectors in a PDF page, named from its legend.

A series is a stroked path of several points across most of the plot; its legend entry is a
short stroke (or a marker) of the same colour with the series name just to its right. Axes and
grid lines are straight and grey or black with no legend entry, and are left out by that.
"""

from __future__ import annotations

import ctypes
import logging
from dataclasses import dataclass

from ingest.vision.chart_lines import Series, describe_lines

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]
# A series spans at least this share of the widest path's x range in the figure.
MIN_SPAN = 0.5
# A legend stroke or marker is at most this many points wide and high ...
LEGEND_SAMPLE = 30.0
# ... and its name starts within this many points to its right.
LEGEND_GAP = 12.0


def read_line_chart(objects, box: Box, lines) -> str:
    """Sentences on the chart's highest and lowest lines, or "" when it is no line chart; a
    figure of several charts side by side gets sentences for each, left to right."""
    try:
        readings = [describe_lines(chart) for chart in charts(_series(objects, box, lines))]
        return " ".join(r for r in readings if r)
    except Exception as exc:  # an odd path must not cost the page its figure
        log.debug("line chart not read (%s: %s)", type(exc).__name__, exc)
        return ""


@dataclass(frozen=True)
class Drawn:
    """A named line, where its legend stands and when it was painted (its object's order)."""

    series: Series
    legend_x: float
    order: int


def _series(objects, box: Box, lines) -> list[Drawn]:
    import pypdfium2.raw as raw

    strokes: dict[tuple[int, int, int], list[tuple[int, list[tuple[float, float]]]]] = {}
    samples: list[tuple[tuple[int, int, int], Box]] = []
    for order, item in enumerate(objects):
        if item.kind != raw.FPDF_PAGEOBJ_PATH or not _inside(item.box, box):
            continue
        colour = stroke_colour(item.obj)
        if colour is None:
            continue
        width, height = item.box[2] - item.box[0], item.box[3] - item.box[1]
        if width <= LEGEND_SAMPLE and height <= LEGEND_SAMPLE / 3:
            samples.append((colour, item.box))
        points = _points(item.obj)
        if len(points) >= 3 and len({round(y, 1) for _, y in points}) > 1:
            strokes.setdefault(colour, []).append((order, points))
    if not strokes:
        return []
    widest = max(p[-1][0] - p[0][0] for paths in strokes.values() for _, p in paths)
    drawn = []
    for colour, paths in strokes.items():
        spanning = [(o, p) for o, p in paths if p[-1][0] - p[0][0] >= MIN_SPAN * widest]
        # Markers drawn as one path run back and forth: a line has the fewest points.
        fewest = min((len(p) for _, p in spanning), default=0)
        for order, line in spanning:
            if len(line) != fewest:
                continue
            legend = _legend(colour, line, samples, lines)
            if legend:
                name, x = legend
                drawn.append(Drawn(Series(name, tuple(line)), x, order))
    return drawn


def charts(drawn: list[Drawn]) -> list[list[Series]]:
    """Lines grouped by the legend that names them, left to right. Of two charts or two lines
    painted over each other (a hidden layer under the visible chart), the last painted is seen."""
    legends: dict[int, list[Drawn]] = {}
    for line in drawn:
        legends.setdefault(round(line.legend_x / LEGEND_GAP), []).append(line)
    groups = sorted(legends.values(), key=lambda g: max(d.order for d in g), reverse=True)
    seen: list[list[Drawn]] = []
    for group in groups:
        if not any(_overlap(group[0].series.points, g[0].series.points) for g in seen):
            seen.append(group)
    seen.sort(key=lambda g: g[0].series.points[0][0])
    out = []
    for group in seen:
        # A name drawn twice over one legend: the line painted last hides the other.
        last = {d.series.name: d for d in sorted(group, key=lambda d: d.order)}
        out.append([d.series for d in sorted(last.values(), key=lambda d: d.order)])
    return out


def _overlap(a, b) -> bool:
    """Whether two point runs share most of the narrower one's x range."""
    start, end = max(a[0][0], b[0][0]), min(a[-1][0], b[-1][0])
    narrower = min(a[-1][0] - a[0][0], b[-1][0] - b[0][0])
    return end - start >= MIN_SPAN * narrower


def _inside(inner: Box, outer: Box) -> bool:
    return (
        inner[0] >= outer[0] - 1
        and inner[1] >= outer[1] - 1
        and inner[2] <= outer[2] + 1
        and inner[3] <= outer[3] + 1
    )


def stroke_colour(obj) -> tuple[int, int, int] | None:
    import pypdfium2.raw as raw

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj.raw, fill, stroke) or not stroke.value:
        return None
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetStrokeColor(obj.raw, r, g, b, a):
        return None
    return (r.value, g.value, b.value)


def _points(obj) -> list[tuple[float, float]]:
    """The path's points in page space, left to right; [] for a path that turns back (a
    marker, a curve) since a line of a chart runs one way."""
    import pypdfium2.raw as raw

    matrix = obj.get_matrix()
    points = []
    for index in range(raw.FPDFPath_CountSegments(obj.raw)):
        segment = raw.FPDFPath_GetPathSegment(obj.raw, index)
        x, y = ctypes.c_float(), ctypes.c_float()
        if not raw.FPDFPathSegment_GetPoint(segment, x, y):
            return []
        points.append(tuple(matrix.on_point(x.value, y.value)))
    if len(points) < 2:
        return []
    xs = [x for x, _ in points]
    if xs != sorted(xs) and xs != sorted(xs, reverse=True):
        return []
    return sorted(points)


def _legend(colour, points, samples: list[tuple[tuple[int, int, int], Box]], lines):
    """The text just right of a legend stroke of this colour, on its height, and where the
    stroke stands: of several, the one nearest the line (charts side by side each have one)."""
    names = []
    for sample_colour, sample in samples:
        if sample_colour != colour:
            continue
        middle = (sample[1] + sample[3]) / 2
        for line in lines:
            gap = line.box[0] - sample[2]
            if 0 <= gap <= LEGEND_GAP and line.box[1] - 2 <= middle <= line.box[3] + 2:
                away = max(points[0][0] - sample[2], sample[0] - points[-1][0], 0.0)
                names.append((away, line.text, sample[0]))
                break
    if not names:
        return None
    _, name, x = min(names)
    return name, x
