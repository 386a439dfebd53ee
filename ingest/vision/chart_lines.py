"""Which line of a line chart runs highest and which lowest, in words.

People ask of a line chart "which series runs along the top" or "which line is lowest for
large inputs". A chart drawn as vectors in a PDF gives each line as a path with its colour, and
its legend as short strokes of the same colours beside the series names. Given the lines with
their names, this says which is highest and lowest over most of the chart, and at either end
where that differs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

# Where the lines' heights are compared, evenly across the x range they share.
SAMPLES = 41


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[tuple[float, float], ...]  # (x, y), y growing upwards

    def y_at(self, x: float) -> float:
        points = self.points
        if x <= points[0][0]:
            return points[0][1]
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            if x0 <= x <= x1:
                return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        return points[-1][1]


def describe_lines(series: list[Series]) -> str:
    """Sentences on the highest and lowest lines, or "" for fewer than two named lines."""
    series = [s for s in series if s.name and len(s.points) >= 2]
    if len(series) < 2 or len({s.name for s in series}) < len(series):
        return ""
    start = max(s.points[0][0] for s in series)
    end = min(s.points[-1][0] for s in series)
    if end <= start:
        return ""
    xs = [start + (end - start) * i / (SAMPLES - 1) for i in range(SAMPLES)]
    tops = [max(series, key=lambda s: s.y_at(x)).name for x in xs]
    bottoms = [min(series, key=lambda s: s.y_at(x)).name for x in xs]
    highest = Counter(tops).most_common(1)[0][0]
    lowest = Counter(bottoms).most_common(1)[0][0]
    out = [f"Line chart of {len(series)} lines. Highest line: {highest}. Lowest line: {lowest}."]
    for end_name, index in (("left", 0), ("right", -1)):
        if tops[index] != highest:
            out.append(f"Highest line at the {end_name} end: {tops[index]}.")
        if bottoms[index] != lowest:
            out.append(f"Lowest line at the {end_name} end: {bottoms[index]}.")
    return " ".join(out)
