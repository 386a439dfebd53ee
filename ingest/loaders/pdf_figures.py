"""Figures in PDF pages: pictures with their captions, and vector drawings as pictures.

A chart or diagram drawn with PDF paths has no embedded image, so without this it never
becomes a picture chunk; and an embedded picture without its caption cannot be found by
"Figure 3" or by what the caption says. pdfium gives every page object and text run with its
position, so this module:

- reads the page's text lines with their boxes, and finds caption lines ("Figure 2-33: ...",
  "Fig. 3.", "Table 4: ...");
- places each embedded picture on the page (pdfium's image objects, matched by pixel size);
- finds drawings: clusters of filled or stroked paths that are not thin rules, and the area
  above a figure caption that has no picture;
- gives each picture the nearest caption below or above it, and the page text drawn inside
  its area (labels, legends), and renders each drawing as a picture.

Coordinates are PDF points, origin bottom-left: boxes are (left, bottom, right, top).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ingest.document import PageImage, Segment
from ingest.loaders.pdf_axes import Text, find_plots
from ingest.loaders.pdf_chart_lines import read_line_chart
from ingest.loaders.pdf_legend import legend_entries, legend_sentence
from ingest.loaders.pdf_text import ot1_ligatures
from rag.render import render

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]

CAPTION = re.compile(
    r"^(?P<label>figure|fig\.?|table|tab\.|chart|diagram|plate|exhibit|illustration|listing)"
    # The number is taken whole (an atomic group): "Figure 1.3a shows" must not read as
    # "Figure 1." followed by the rest.
    r"\s*(?P<number>(?>[A-Z]?\d+(?:[.\-–]\d+)*[a-z]?))"
    # What follows the number tells a caption from a sentence that mentions the figure:
    # "Figure 3: Results", "Fig. 3. Results", "Figure 3 Results" but not "Figure 3 shows".
    r"(?:\s*[:.\-–—|]|\s*$|\s+(?=(?-i:[A-Z(\"“])))",
    re.IGNORECASE,
)
# A path this thin (points) in one direction is a rule, an underline or a table border.
THIN = 2.0
# A drawing has at least this many non-thin paths and is at least this big (points).
MIN_DRAWING_PATHS = 8
MIN_DRAWING_SIDE = 60.0
# Paths closer than this (points) belong to the same drawing.
CLUSTER_GAP = 8.0
# Text closer to a drawing than this (in line heights) labels it.
LABEL_GAP = 0.6
# Text (char boxes) covering more of an area than this makes it a table, not a drawing.
MAX_TEXT_COVER = 0.3
# A caption belongs to a figure at most this far away, as a share of the page height.
CAPTION_REACH = 0.25
# A drawing grows to its caption's region up to this far (points) above its top: the panels'
# titles.
TITLE_REACH = 30.0
# Caption lines after the first that join it, at most.
CAPTION_LINES = 3
# Points: a legend may stand just outside the figure or plot it belongs to (under the axis).
LEGEND_REACH = 30.0
# Pictures side by side share a caption (sub-figures "(a)" and "(b)") when their heights
# overlap by at least this share of the shorter one.
ROW_OVERLAP = 0.5
# An uncaptioned picture is introduced by the sentence that ends at most this many line
# heights above it, when that sentence announces a picture ("The screen dump below shows").
LEAD_IN_GAP = 1.5
LEAD_IN = re.compile(r"\b(?:below|following|as follows)\b|:$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")
# A character is looked for in this many text runs from the current one before all of them.
RUN_LOOKAHEAD = 16
# Rendered drawings are kept under this many pixels.
FIGURE_MAX_PIXELS = 4_000_000
MARGIN = 4.0  # points of white kept around a rendered drawing


@dataclass
class Line:
    text: str
    box: Box

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


@dataclass
class Caption:
    text: str
    box: Box  # the first line's box
    figure: bool  # a figure's caption (not a table's)
    taken: bool = False


@dataclass
class Placed:
    """A picture or drawing at its place on the page."""

    box: Box
    picture: PageImage | None = None  # None: a drawing, still to render
    caption: str = ""
    paths: int = 0
    caption_box: Box | None = None  # where ``caption`` is printed, once it has one
    lead_in: str = ""  # the sentence above that announces a picture without a caption


class PdfFigures:
    """Captions and drawings for the pages of one PDF, opened once with pdfium."""

    def __init__(
        self, data: bytes, password: str | None, *, dpi: int, max_pixels: int = FIGURE_MAX_PIXELS
    ) -> None:
        self._data = data
        self._password = password
        self.dpi = dpi
        # A drawing is rendered within FIGURE_MAX_PIXELS and the page budget, the smaller.
        self.max_pixels = min(max_pixels, FIGURE_MAX_PIXELS)
        self._document = None

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None

    def on_page(self, number: int, pictures: Iterable[PageImage]) -> Iterator[PageImage | Segment]:
        """The page's pictures with captions and drawn text, then its rendered drawings, then
        the plots outside them, told in words."""
        pictures = list(pictures)
        try:
            found = self._figures(number, pictures)
        except Exception as exc:  # a damaged page must not cost the document its pictures
            log.warning("page %d: figures not located (%s: %s)", number, type(exc).__name__, exc)
            yield from pictures
            return
        yield from found

    def document(self):
        """The PDF opened with pdfium, once; ``close`` closes it."""
        if self._document is None:
            import pypdfium2 as pdfium

            self._document = pdfium.PdfDocument(self._data, password=self._password)
        return self._document

    def _figures(self, number: int, pictures: list[PageImage]) -> list[PageImage | Segment]:
        page = self.document()[number - 1]
        try:
            textpage = page.get_textpage()
            try:
                runs = text_runs(textpage)
                return locate(
                    page,
                    number,
                    pictures,
                    merge_runs(runs),
                    textpage,
                    dpi=self.dpi,
                    max_pixels=self.max_pixels,
                    runs=runs,
                )
            finally:
                textpage.close()
        finally:
            page.close()


def locate(
    page,
    number: int,
    pictures: list[PageImage],
    lines: list[Line],
    textpage,
    *,
    dpi: int,
    max_pixels: int = FIGURE_MAX_PIXELS,
    runs: list[Line] | None = None,
) -> list[PageImage | Segment]:
    """The page's pictures with their captions and drawn text, its drawings rendered, and the
    plots read from the text of their axes (``runs``): a plot in a figure is told in the
    figure's chunk, one outside any figure (too few paths to be a drawing) in a segment of its
    own."""
    crop = tuple(page.get_cropbox())
    height = crop[3] - crop[1]
    captions = find_captions(lines)
    objects = page_objects(page, crop)
    images = image_boxes(objects)
    placed = [Placed(box, picture) for picture, box in place_pictures(pictures, images)]
    unplaced = [p for p in pictures if not any(q.picture is p for q in placed)]
    drawings = [
        Placed(box, paths=count)
        for box, count in drawing_boxes(objects, crop, lines)
        if not any(covers(image, box) for image, _ in images)
    ]
    figures = placed + drawings
    attach_captions(figures, captions, height)
    grow_to_captions(figures, captions, lines, crop, objects)
    figures += caption_regions(captions, lines, figures, crop, objects)
    for figure in placed:
        if not figure.caption:
            figure.lead_in = lead_in(lines, figure.box)
    result: list[PageImage | Segment] = list(unplaced)
    rotated = page.get_rotation() % 360 != 0
    plots = find_plots([Text(run.text, run.box) for run in runs or []])
    told: set[int] = set()

    legend = legend_entries(objects, runs or [])

    def axes_in(box: Box) -> str:
        """The sentences of the plots whose ticks stand in ``box``."""
        mine = [i for i, plot in enumerate(plots) if i not in told and inside(plot.box, box)]
        told.update(mine)
        return " ".join(plots[i].sentence for i in mine)

    def legend_in(box: Box) -> str:
        """The sentence of the legend entries in ``box`` not told yet."""
        mine = [e for e in legend if inside(e.box, box, slack=LEGEND_REACH)]
        for entry in mine:
            legend.remove(entry)
        return legend_sentence(mine)

    drawn = 0
    for figure in sorted(figures, key=lambda f: (-f.box[3], f.box[0])):
        inside_text = drawn_text(lines, figure.box)
        if figure.picture is not None:
            result.append(
                replace(
                    figure.picture,
                    caption=figure.caption,
                    drawn_text=inside_text,
                    lead_in=figure.lead_in,
                    chart=" ".join(c for c in (figure.picture.chart, axes_in(figure.box)) if c),
                    legend=legend_in(figure.box),
                )
            )
            continue
        if rotated:  # crops are measured on the unrotated page; not worth the arithmetic
            continue
        drawn += 1
        image = render_region(page, figure.box, crop, dpi, max_pixels)
        name = f"p{number}-fig{drawn}"
        chart = read_line_chart(objects, figure.box, lines)
        result.append(
            PageImage(
                image,
                page=number,
                name=name,
                caption=figure.caption,
                drawn_text=inside_text,
                chart=" ".join(c for c in (chart, axes_in(figure.box)) if c),
                legend=legend_in(figure.box),
            )
        )
    loose = [
        f"{_caption_below(plot.box, captions, height)}\n{plot.sentence}".lstrip()
        + (f" {told_legend}" if (told_legend := legend_in(plot.box)) else "")
        for i, plot in enumerate(plots)
        if i not in told
    ]
    if legend:  # a legend beside no figure and no plot read from its ticks
        loose.append(legend_sentence(legend))
    if loose:
        result.append(Segment("\n".join(loose), page=number))
    return result


def as_page_text_says(segment: Segment, page_text: str) -> Segment:
    """``segment`` (plots told outside any figure) with each caption line as the page's own
    text has it: pdfium's runs drop what pypdf keeps ("0.902 · (1.5, 3.5, 8)")."""
    lines = page_text.split("\n")
    told = []
    for line in segment.text.split("\n"):
        match = CAPTION.match(line)
        if match:
            label = f"{match.group('label')} {match.group('number')}".lower()
            same = [
                own
                for own in lines
                if (m := CAPTION.match(own.strip()))
                and f"{m.group('label')} {m.group('number')}".lower() == label
            ]
            line = same[0].strip() if len(same) == 1 else line
        told.append(line)
    return replace(segment, text="\n".join(told))


def _caption_below(box: Box, captions: list[Caption], page_height: float) -> str:
    """The figure caption nearest below ``box`` (a plot told outside any figure), or ""."""
    below = [
        c
        for c in captions
        if c.figure and c.box[3] <= box[1] and box[1] - c.box[3] <= CAPTION_REACH * page_height
    ]
    return min(below, key=lambda c: box[1] - c.box[3]).text if below else ""


# Text ---------------------------------------------------------------------------------------


def text_lines(textpage) -> list[Line]:
    """pdfium's text runs grouped into lines, top to bottom, each left to right."""
    return merge_runs(text_runs(textpage))


def text_runs(textpage) -> list[Line]:
    """pdfium's text runs, each with its box, in the page's character order."""
    runs: list[Line] = []
    for box, text in zip(run_boxes(textpage), run_texts(textpage), strict=True):
        # A TeX document's caption keeps its ligatures ("graph file", not "graph le").
        text = " ".join(ot1_ligatures(text).split())
        if text:
            runs.append(Line(text, box))
    return runs


def merge_runs(runs: list[Line]) -> list[Line]:
    """Runs grouped into lines, top to bottom, each left to right."""
    runs = sorted(runs, key=lambda r: (-r.box[3], r.box[0]))
    # Runs side by side make a line, whatever order they come in: union-find over the pairs
    # that overlap vertically (runs are sorted by top, so the scan stops early).
    parent = list(range(len(runs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, run in enumerate(runs):
        for j in range(i + 1, len(runs)):
            if runs[j].box[3] < run.box[1]:
                break
            if _same_line(run.box, runs[j].box):
                parent[root(j)] = root(i)
    groups: dict[int, list[Line]] = {}
    for i, run in enumerate(runs):
        groups.setdefault(root(i), []).append(run)
    lines = list(groups.values())
    merged = []
    for line in lines:
        line.sort(key=lambda r: r.box[0])
        text = line[0].text
        for before, run in zip(line, line[1:], strict=False):
            # pdfium splits runs at font changes too: "CL" "-" "128" touch and make one word.
            touching = run.box[0] - before.box[2] < 0.25 * max(before.height, run.height, 1)
            text += run.text if touching else " " + run.text
        merged.append(Line(text, union(r.box for r in line)))
    merged.sort(key=lambda line: (-line.box[3], line.box[0]))
    return merged


def run_boxes(textpage) -> list[Box]:
    return [tuple(textpage.get_rect(index)) for index in range(textpage.count_rects())]


def run_texts(textpage) -> list[str]:
    """The characters of each of pdfium's text runs (``run_boxes``), each character in one run.

    pdfium's text in a run's box also holds the characters of neighbouring runs that reach
    into it: a kerned or small-caps word split into two runs reads "dottyty" for "dotty".
    Runs follow the page's character order, so the characters are handed out in that order:
    each to the first run, from the current one on, that holds its centre (looked for among
    the next RUN_LOOKAHEAD runs, then among all; one that none holds stays in the current).
    """
    import pypdfium2.raw as raw

    boxes = run_boxes(textpage)
    texts = [""] * len(boxes)
    if not boxes:
        return texts
    current = 0
    for index in range(textpage.count_chars()):
        code = raw.FPDFText_GetUnicode(textpage, index)
        char = chr(code) if 0 < code < 0x110000 else ""
        box = textpage.get_charbox(index)
        if box[2] - box[0] <= 0 and box[3] - box[1] <= 0:
            texts[current] += " "  # pdfium's own spaces and line breaks have no box
            continue
        centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        ahead = range(current, min(current + RUN_LOOKAHEAD, len(boxes)))
        holder = _holder(centre, boxes, ahead)
        if holder is None:
            holder = _holder(centre, boxes, range(len(boxes)))
        if holder is not None:
            current = holder
        texts[current] += char
    return texts


def _holder(point: tuple[float, float], boxes: list[Box], candidates: range) -> int | None:
    x, y = point
    for run in candidates:
        left, bottom, right, top = boxes[run]
        if left <= x <= right and bottom <= y <= top:
            return run
    return None


def _same_line(a: Box, b: Box) -> bool:
    """Whether two runs sit side by side on one line (in either order)."""
    height = max(min(a[3] - a[1], b[3] - b[1]), 1.0)  # a hyphen's box can be flat
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    gap = max(b[0] - a[2], a[0] - b[2])
    # Columns of a two-column page sit on the same baselines: a wide gap keeps them apart.
    return overlap >= 0.5 * min(height, a[3] - a[1], b[3] - b[1]) and gap < 2.5 * height


def find_captions(lines: list[Line]) -> list[Caption]:
    """Caption lines, each with the lines below it that continue it."""
    captions = []
    for i, line in enumerate(lines):
        match = CAPTION.match(line.text)
        if not match:
            continue
        text = [line.text]
        bottom = line.box
        for following in lines[i + 1 : i + 1 + CAPTION_LINES]:
            gap = bottom[1] - following.box[3]
            if CAPTION.match(following.text) or not (-1 < gap < 0.8 * line.height):
                break
            if not _aligned(following.box, line.box, line.height):
                break  # a table's first row under its caption, not more caption
            text.append(following.text)
            bottom = following.box
        figure = not match["label"].lower().startswith("tab")
        captions.append(Caption(_join(text), line.box, figure))
    return captions


def _aligned(a: Box, b: Box, tolerance: float) -> bool:
    """Left-aligned or centred on each other, as the lines of one caption are."""
    same_left = abs(a[0] - b[0]) <= tolerance
    same_centre = abs((a[0] + a[2]) - (b[0] + b[2])) / 2 <= tolerance
    return same_left or same_centre


def _join(lines: list[str]) -> str:
    text = ""
    for line in lines:
        if text.endswith("-") and line[:1].islower():
            text = text[:-1] + line  # a word hyphenated across the line break
        else:
            text = f"{text} {line}" if text else line
    return text


def drawn_text(lines: list[Line], box: Box) -> str:
    """The page text inside ``box``, each line once (charts often hide a copy of their labels
    under the visible ones)."""
    seen: list[str] = []
    for line in lines:
        if inside(line.box, box) and line.text not in seen:
            seen.append(line.text)
    return "\n".join(seen)


# Pictures -----------------------------------------------------------------------------------


@dataclass
class PageObject:
    kind: int  # pdfium's FPDF_PAGEOBJ_*
    box: Box  # the visible part: clipped to the page and to the forms it is drawn in
    obj: object


def page_objects(page, crop: Box, *, form=None, matrices=(), depth: int = 0) -> list[PageObject]:
    """The page's text, path and image objects, also those inside form XObjects.

    pdfium gives an object's bounds in the space of the form that holds it, so they are
    mapped through each enclosing form's matrix. A form clips what it draws to its box, and
    charts exported from office programs keep hidden layers outside it: without clipping,
    their bounds swallow half the page.
    """
    import pypdfium2.raw as raw

    found = []
    for obj in page.get_objects(form=form, max_depth=1):
        box = tuple(obj.get_bounds())
        for matrix in matrices:  # innermost form first
            box = tuple(matrix.on_rect(*box))
        box = clip(box, crop)
        if box is None:
            continue
        if obj.type == raw.FPDF_PAGEOBJ_FORM:
            if depth < 4:
                inner = (obj.get_matrix(), *matrices)
                found += page_objects(page, box, form=obj, matrices=inner, depth=depth + 1)
        else:
            found.append(PageObject(obj.type, box, obj))
    return found


def image_boxes(objects: list[PageObject]) -> list[tuple[Box, tuple[int, int]]]:
    """Embedded images on the page with their pixel sizes."""
    import pypdfium2.raw as raw

    found = []
    for item in objects:
        if item.kind != raw.FPDF_PAGEOBJ_IMAGE:
            continue
        try:
            size = tuple(item.obj.get_px_size())
        except Exception:  # an image pdfium cannot decode: placed without a size
            size = (0, 0)
        found.append((item.box, size))
    return found


def place_pictures(pictures: list[PageImage], images: list[tuple[Box, tuple[int, int]]]):
    """Pair pypdf's pictures with pdfium's image objects: same pixel size, in page order."""
    free = list(images)
    for picture in pictures:
        for k, (box, size) in enumerate(free):
            if tuple(size) == (picture.source_size or picture.image.size):
                del free[k]
                yield picture, box
                break


# Drawings -----------------------------------------------------------------------------------


def drawing_boxes(objects: list[PageObject], crop: Box, lines: list[Line]):
    """Clusters of non-thin paths big enough to be a chart or a diagram: (box, paths)."""
    import pypdfium2.raw as raw

    page_area = (crop[2] - crop[0]) * (crop[3] - crop[1])
    boxes = []
    for item in objects:
        if item.kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        box = item.box
        width, height = box[2] - box[0], box[3] - box[1]
        if min(width, height) < THIN or width * height > 0.5 * page_area:
            continue  # a rule, or a page background
        boxes.append(box)
    found = []
    for box, count in cluster(boxes, CLUSTER_GAP):
        if count < MIN_DRAWING_PATHS or min(box[2] - box[0], box[3] - box[1]) < MIN_DRAWING_SIDE:
            continue
        box = _with_labels(box, lines)
        if text_cover(lines, box) > MAX_TEXT_COVER:
            continue  # shaded table cells, not a drawing
        found.append((box, count))
    return found


def cluster(boxes: list[Box], gap: float) -> list[tuple[Box, int]]:
    """Merge boxes closer than ``gap`` into groups: (bounding box, members)."""
    groups: list[list] = []  # [box, count]
    for box in sorted(boxes, key=lambda b: -b[3]):
        for group in groups:
            if near(group[0], box, gap):
                group[0] = union([group[0], box])
                group[1] += 1
                break
        else:
            groups.append([box, 1])
    merged = True
    while merged:  # groups that grew into each other
        merged = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                if near(groups[i][0], groups[j][0], gap):
                    groups[i] = [union([groups[i][0], groups[j][0]]), groups[i][1] + groups[j][1]]
                    del groups[j]
                    merged = True
                    break
            if merged:
                break
    return [(g[0], g[1]) for g in groups]


def _with_labels(box: Box, lines: list[Line]) -> Box:
    """Grow a drawing by the short text lines that touch it: tick values sit just outside a
    chart's frame, and the axis titles just outside those. Body text keeps a line's height
    or more away."""
    width = box[2] - box[0]
    for _ in range(3):
        grown = box
        for line in lines:
            line_width = line.box[2] - line.box[0]
            if line_width < 0.5 * width and near(grown, line.box, LABEL_GAP * line.height):
                grown = union([grown, line.box])
        if grown == box:
            break
        box = grown
    return box


def text_cover(lines: list[Line], box: Box) -> float:
    area = (box[2] - box[0]) * (box[3] - box[1])
    covered = sum(
        (line.box[2] - line.box[0]) * (line.box[3] - line.box[1])
        for line in lines
        if inside(line.box, box)
    )
    return covered / area if area > 0 else 0.0


def caption_regions(captions, lines, figures, crop: Box, objects) -> list[Placed]:
    """Figures drawn without enough paths to be found (text and thin lines only): the area
    above a figure caption that no picture claimed, up to the text above it."""
    regions = []
    for caption in captions:
        if caption.taken or not caption.figure:
            continue
        region = region_above(caption, lines, crop, objects)
        if region is None or any(covers(f.box, region) for f in figures):
            continue
        caption.taken = True
        regions.append(Placed(region, caption=caption.text))
    return regions


def region_above(
    caption: Caption, lines, crop: Box, objects, ceiling: float | None = None
) -> Box | None:
    """What is drawn (paths, and the text among them) between a figure caption and the body
    text above it (or ``ceiling``, if lower), or None when that is no drawing."""
    import pypdfium2.raw as raw

    top = crop[3] if ceiling is None else ceiling
    for line in lines:
        # Body text above: a line at least 60% of the caption's width.
        wide = line.box[2] - line.box[0] >= 0.6 * (caption.box[2] - caption.box[0])
        if wide and line.box[1] >= caption.box[3] and _overlaps_x(line.box, caption.box):
            top = min(top, line.box[1])
    bottom = caption.box[3]
    if top - bottom < MIN_DRAWING_SIDE:
        return None
    box = (crop[0], bottom, crop[2], top)
    kinds = (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_TEXT)
    shapes = [item for item in objects if item.kind in kinds and inside(item.box, box)]
    if sum(item.kind == raw.FPDF_PAGEOBJ_PATH for item in shapes) < 2:
        return None  # text alone under a caption is a listing, already in the page text
    return union(item.box for item in shapes)


def grow_to_captions(figures: list[Placed], captions: list[Caption], lines, crop: Box, objects):
    """A drawing found as one panel of a figure (a contour plot beside another whose few
    paths make no drawing of their own, without its title and axis labels) is the whole
    region above its caption, when that region holds it and no other figure."""
    for figure in figures:
        if figure.picture is not None or figure.caption_box is None:
            continue
        caption = next((c for c in captions if c.box == figure.caption_box), None)
        if caption is None or not caption.figure:
            continue
        # A panel's title and the panel beside it, not a listing printed above the figure.
        ceiling = figure.box[3] + TITLE_REACH
        region = region_above(caption, lines, crop, objects, ceiling)
        if region is None or not covers(region, figure.box):
            continue
        if any(other is not figure and _overlapping(other.box, region) for other in figures):
            continue
        figure.box = region


def render_region(page, box: Box, crop: Box, dpi: int, max_pixels: int = FIGURE_MAX_PIXELS):
    """Render part of a page: at ``dpi``, or lower to stay within ``max_pixels``."""
    left = max(crop[0], box[0] - MARGIN)
    bottom = max(crop[1], box[1] - MARGIN)
    right = min(crop[2], box[2] + MARGIN)
    top = min(crop[3], box[3] + MARGIN)
    edges = (left - crop[0], bottom - crop[1], crop[2] - right, crop[3] - top)
    return render(page, dpi=dpi, max_pixels=max_pixels, crop=edges)


# Captions -------------------------------------------------------------------------------------


def attach_captions(figures: list[Placed], captions: list[Caption], page_height: float) -> None:
    """Give each figure the nearest caption below or above it (a caption serves one figure);
    a figure with none near takes the nearest unused caption above it, as a chart under a
    table takes the table's."""
    reach = CAPTION_REACH * page_height
    pairs = []
    for f, figure in enumerate(figures):
        for c, caption in enumerate(captions):
            if not _overlaps_x(caption.box, figure.box):
                continue
            below = figure.box[1] - caption.box[3]  # caption under the figure
            above = caption.box[1] - figure.box[3]  # caption over the figure
            distance = below if below >= -2 else above if above >= -2 else None
            if distance is not None and distance <= reach:
                # Figures carry their captions below, tables above: prefer those.
                preferred = (below >= -2) == caption.figure
                pairs.append((not preferred, max(distance, 0), f, c))
    # A caption on its own side first; then the parts of one figure side by side share theirs
    # ("(a)" and "(b)" over one caption), before a part takes a caption from the other side,
    # which belongs to the figure above or below.
    for other_side in (False, True):
        for unpreferred, _, f, c in sorted(pairs):
            if unpreferred != other_side or figures[f].caption or captions[c].taken:
                continue
            figures[f].caption = captions[c].text
            figures[f].caption_box = captions[c].box
            captions[c].taken = True
        share_row_captions(figures, reach)
    for figure in figures:
        if figure.caption:
            continue
        above = [
            c
            for c in captions
            if not c.taken and c.box[1] >= figure.box[3] and _overlaps_x(c.box, figure.box)
        ]
        if above:
            nearest = min(above, key=lambda c: c.box[1] - figure.box[3])
            figure.caption = nearest.text


def share_row_captions(figures: list[Placed], reach: float) -> None:
    """Pictures side by side over (or under) one caption are the parts of one figure, "(a)"
    and "(b)": each part without a caption of its own takes the one its row shares."""
    for figure in figures:
        if figure.caption:
            continue
        for other in figures:
            box = other.caption_box
            if box is None or not _same_row(figure.box, other.box):
                continue
            bottom = min(figure.box[1], other.box[1])
            top = max(figure.box[3], other.box[3])
            below = bottom - box[3]
            above = box[1] - top
            if -2 <= below <= reach or -2 <= above <= reach:
                figure.caption, figure.caption_box = other.caption, box
                break


def _overlapping(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _same_row(a: Box, b: Box) -> bool:
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    shorter = min(a[3] - a[1], b[3] - b[1])
    return shorter > 0 and overlap >= ROW_OVERLAP * shorter and not _overlaps_x(a, b)


def lead_in(lines: list[Line], box: Box) -> str:
    """The sentence printed just above a picture that announces it ("The screen dump below
    shows a snapshot of a typical session."), for a picture without a caption; or ""."""
    above = [
        i
        for i, line in enumerate(lines)
        if line.box[1] >= box[3] - 2 and _overlaps_x(line.box, box)
    ]
    if not above:
        return ""
    last = min(above, key=lambda i: lines[i].box[1] - box[3])
    line = lines[last]
    if line.box[1] - box[3] > LEAD_IN_GAP * max(line.height, 1.0) or CAPTION.match(line.text):
        return ""
    paragraph = [line]
    for before in reversed(lines[max(0, last - CAPTION_LINES) : last]):
        gap = before.box[1] - paragraph[0].box[3]
        if not (-1 < gap < 0.8 * paragraph[0].height):
            break
        paragraph.insert(0, before)
    sentence = _SENTENCE_END.split(_join([part.text for part in paragraph]))[-1]
    return sentence if LEAD_IN.search(sentence) else ""


# Geometry -------------------------------------------------------------------------------------


def union(boxes: Iterable[Box]) -> Box:
    boxes = list(boxes)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def clip(box: Box, to: Box) -> Box | None:
    clipped = (max(box[0], to[0]), max(box[1], to[1]), min(box[2], to[2]), min(box[3], to[3]))
    if clipped[2] <= clipped[0] or clipped[3] <= clipped[1]:
        return None
    return clipped


def near(a: Box, b: Box, gap: float) -> bool:
    return a[0] - gap <= b[2] and b[0] - gap <= a[2] and a[1] - gap <= b[3] and b[1] - gap <= a[3]


def inside(box: Box, outer: Box, slack: float = 2.0) -> bool:
    """Whether ``box``'s centre lies in ``outer``."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return outer[0] - slack <= cx <= outer[2] + slack and outer[1] - slack <= cy <= outer[3] + slack


def covers(outer: Box, box: Box) -> bool:
    """Whether most of ``box`` lies inside ``outer``."""
    shared = clip(box, outer)
    if shared is None:
        return False
    area = (box[2] - box[0]) * (box[3] - box[1])
    return area > 0 and (shared[2] - shared[0]) * (shared[3] - shared[1]) >= 0.6 * area


def _overlaps_x(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 0
