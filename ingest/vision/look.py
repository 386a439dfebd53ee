"""What a picture looks like, from its pixels alone: colours, background, shapes, counts.

Classical measurements on a small copy of the picture (no model): they answer the questions
people ask that ImageNet labels cannot ("the red cup", "a black-and-white photo", "a silhouette",
"tiny specks on a black background", "a round logo", "how many"). Every statement has a
threshold that keeps it quiet when the picture does not show it clearly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image

from ingest.vision import colours

ANALYSIS_SIDE = 256  # colours and shapes; specks are counted on a larger copy
DETAIL_SIDE = 640
NOISE_PIXELS = 384 * 384
BORDER = 0.05  # the frame whose colour is taken for the background
CLEAN_BACKGROUND = 0.85  # share of the frame within NEAR of its median colour
NEAR = 14.0  # Lab distance: the same colour, allowing for JPEG noise
FAR = 28.0  # Lab distance: clearly another colour than the background


@dataclass
class Look:
    grayscale: bool = False
    black_and_white: bool = False  # two tones: ink on paper, line art, a silhouette
    colours: list[str] = field(default_factory=list)  # main colour words, largest share first
    accents: list[str] = field(default_factory=list)  # small touches of colour on a plain picture
    strokes: list[str] = field(default_factory=list)  # colours of thin lines on a plain picture
    background: str | None = None  # "dark", "bright" or None
    background_colour: str | None = None
    clean_background: bool = False
    subject_colour: str | None = None
    silhouette: str | None = None  # the silhouette's colour word
    specks: bool = False
    count: int | None = None
    rows: tuple[int, int] | None = None  # (rows, per row) when the objects lie in a grid
    round: bool = False
    hexagon: bool = False  # the shape of a hex sticker, as R packages' logos are printed
    # Measurements the picture kind is decided from.
    flat_share: float = 0.0
    straight_edges: float = 0.0
    transparent: float = 0.0
    foreground_share: float = 0.0
    noise_share: float = 0.0  # photographs are noisy, drawn pictures are not
    chromatic_share: float = 0.0
    colour_count: int = 0  # colour words with a real share (pie charts, logos)
    # The picture at up to DETAIL_SIDE pixels (RGB, transparency on white), for later steps.
    pixels: np.ndarray | None = field(default=None, repr=False, compare=False)


def small_copy(image: Image.Image, side: int) -> np.ndarray:
    """An RGB array no larger than side, with transparency laid on white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat.alpha_composite(rgba)
        image = flat
    rgb = image.convert("RGB")
    if max(rgb.size) > side:
        scale = side / max(rgb.size)
        size = (max(1, round(rgb.width * scale)), max(1, round(rgb.height * scale)))
        rgb = rgb.resize(size, Image.Resampling.BOX, reducing_gap=2.0)
    return np.asarray(rgb)


def shrink(rgb: np.ndarray, side: int) -> np.ndarray:
    """An array copy no larger than side (area averaging)."""
    h, w = rgb.shape[:2]
    if max(h, w) <= side:
        return rgb
    scale = side / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)


def transparent_share(image: Image.Image) -> float:
    if image.mode not in ("RGBA", "LA", "PA", "P"):
        return 0.0
    if image.mode == "P" and "transparency" not in image.info:
        return 0.0
    alpha = np.asarray(
        image.convert("RGBA").getchannel("A").reduce(4)
        if min(image.size) > 64
        else image.convert("RGBA").getchannel("A")
    )
    return float((alpha < 128).mean())


def stride_sample(image: Image.Image) -> np.ndarray:
    """Every n-th pixel of the original, about NOISE_PIXELS of them: nothing is blended, so
    noise and one-pixel lines survive."""
    rgb = np.asarray(image if image.mode == "RGB" else image.convert("RGB"))
    step = max(1, int(np.sqrt(rgb.shape[0] * rgb.shape[1] / NOISE_PIXELS)))
    return np.ascontiguousarray(rgb[::step, ::step])


def noise_share(sample: np.ndarray) -> float:
    """Share of the non-background pixels that differ slightly (1-6 levels) from their
    neighbours' median: the sensor and JPEG noise every photograph has, cut-outs on a white
    background included. Drawn pictures are exactly flat or change sharply at edges.
    """
    red, green, blue = cv2.split(cv2.absdiff(sample, cv2.medianBlur(sample, 3)))
    residual = cv2.max(cv2.max(red, green), blue)
    gray = cv2.cvtColor(sample, cv2.COLOR_RGB2GRAY)
    plain = int(np.argmax(np.bincount(gray[_frame_mask(gray.shape)], minlength=256)))
    rest = residual[gray != plain]
    if rest.size == 0:
        return 0.0
    return float(((rest >= 1) & (rest <= 6)).mean())


def look(image: Image.Image) -> Look:
    detail = small_copy(image, DETAIL_SIDE)
    rgb = shrink(detail, ANALYSIS_SIDE)
    sample = stride_sample(image)
    result = Look(transparent=transparent_share(image), pixels=detail)
    hue, sat, val = colours.hsv(rgb)
    _tones(rgb, sample, result)
    _texture(rgb, result)
    lab = cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB).astype(np.float32)
    names = colours.name_hsv(hue, sat, val)
    share = colours.shares(names)
    result.colours = colours.dominant(share)
    result.chromatic_share = float(1.0 - sum(share[i] for i in colours.COLOURLESS))
    result.colour_count = int((share >= 0.03).sum())
    if result.chromatic_share < 0.3:
        result.accents = [
            name
            for name in colours.dominant(share, minimum=0.015, most=5)
            if name not in result.colours and colours.NAMES.index(name) not in colours.COLOURLESS
        ][:2]
        if not result.accents and not result.grayscale:
            # A plot's coloured curves cover too little of it to count by area.
            result.strokes = result.strokes or stroke_colours(sample)
            result.accents = [c for c in result.strokes if c not in result.colours][:2]
    result.noise_share = noise_share(sample)
    frame = _frame_mask(rgb.shape[:2])
    _background(rgb, lab, names, frame, result)
    # A sticker's corners reach the frame, so its background is not clean: looked for anyway.
    _hexagon(_distance(lab, np.median(lab[frame], axis=0)) > FAR, result)
    if result.clean_background:
        _shapes(detail, lab, names, frame, result)
    else:
        result.subject_colour = _centre_colour(names, frame, result.background_colour)
        if not result.hexagon:  # a hex sticker is as round by these measures
            _disc_in_frame(lab, result)
        _backlit(rgb, names, result)
        if result.background == "dark":
            _star_field(detail, result)
    return result


def _tones(rgb: np.ndarray, sample: np.ndarray, out: Look) -> None:
    """Grayscale when no pixel has real colour; black and white when mid-tones are rare.

    Slightly blurred first: the coloured fringes of sub-pixel rendered text and of JPEG
    artefacts cancel out, real colour does not. Checked on the small copy (broad tints) and
    on the stride sample (a thin coloured line, which the small copy blends away).
    """
    _, sat, val = colours.hsv(cv2.blur(rgb, (5, 5)))
    chroma = sat * val * 255.0
    _, sat, val = colours.hsv(cv2.blur(sample, (3, 3)))
    fine = sat * val * 255.0
    looks_gray = bool(
        np.percentile(chroma, 99) <= 24 and chroma.mean() <= 6 and (fine > 60).mean() < 0.001
    )
    # Lines drawn in colour are all the colour such a picture has: looked for only there.
    out.strokes = stroke_colours(sample) if looks_gray else []
    out.grayscale = looks_gray and not out.strokes
    if out.grayscale:
        gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        out.black_and_white = bool(((gray > 60) & (gray < 195)).mean() < 0.08)


# A drawn line in one colour: this many connected strongly coloured pixels of one hue. The
# colour fringes of sub-pixel rendered text change hue along a glyph and stay short.
STROKE_PIXELS = 40
STROKE_CHROMA = 80
STROKE_HUE_COHERENCE = 0.9


def stroke_colours(sample: np.ndarray) -> list[str]:
    """The colours of the lines ``sample`` draws in colour (a plot's thin coloured contours or
    curves, which blurring and their small share of the picture would pass for gray), the
    longest line's first."""
    hue, sat, val = colours.hsv(sample)
    mask = (sat * val * 255.0 > STROKE_CHROMA).astype(np.uint8)
    if int(mask.sum()) < STROKE_PIXELS:
        return []
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    names = colours.name_hsv(hue, sat, val)
    found: dict[str, int] = {}
    for label in range(1, count):
        area = int(stats[label, cv2.CC_STAT_AREA])
        if area < STROKE_PIXELS:
            continue
        inside = labels == label
        if abs(np.exp(1j * np.deg2rad(hue[inside])).mean()) < STROKE_HUE_COHERENCE:
            continue
        name = colours.NAMES[int(np.bincount(names[inside].astype(np.int64)).argmax())]
        found[name] = found.get(name, 0) + area
    return sorted(found, key=lambda name: (-found[name], name))


def _texture(rgb: np.ndarray, out: Look) -> None:
    """Flat areas and straight edges mark drawings, charts and screens."""
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1, ksize=3)
    magnitude = np.abs(gx) + np.abs(gy)
    out.flat_share = float((magnitude < 8).mean())
    strong = magnitude > 120
    if strong.sum() >= 20:
        ax, ay = np.abs(gx[strong]), np.abs(gy[strong])
        out.straight_edges = float(((ax < 0.1 * ay) | (ay < 0.1 * ax)).mean())


def _distance(lab: np.ndarray, colour: np.ndarray) -> np.ndarray:
    """Euclidean Lab distance of every pixel from one colour (8-bit Lab units)."""
    d0, d1, d2 = (lab[..., i] - colour[i] for i in range(3))
    return np.sqrt(d0 * d0 + d1 * d1 + d2 * d2)


def _frame_mask(shape: tuple[int, int]) -> np.ndarray:
    h, w = shape
    band = max(1, round(BORDER * min(h, w)))
    mask = np.zeros((h, w), dtype=bool)
    mask[:band], mask[-band:], mask[:, :band], mask[:, -band:] = True, True, True, True
    return mask


def _background(rgb, lab, names, frame, out: Look) -> None:
    border_lab = lab[frame]
    median = np.median(border_lab, axis=0)
    near = _distance(border_lab, median) < NEAR
    out.clean_background = bool(near.mean() >= CLEAN_BACKGROUND)
    border_share = colours.shares(names[frame])
    main = int(np.argmax(border_share))
    if border_share[main] >= 0.5:
        out.background_colour = colours.NAMES[main]
    lightness = border_lab[:, 0] / 255.0
    if (lightness < 0.22).mean() >= 0.75:
        out.background = "dark"
    elif (lightness > 0.85).mean() >= 0.75 and out.background_colour in ("white", "gray", None):
        out.background = "bright"


def _centre_colour(names, frame, background: str | None) -> str | None:
    """The colour the middle of the picture has much more of than its edges: the subject."""
    h, w = names.shape
    centre = names[h // 4 : h - h // 4, w // 4 : w - w // 4]
    inside = colours.shares(centre)
    outside = colours.shares(names[frame])
    gain = inside - outside
    best = int(np.argmax(gain))
    if inside[best] < 0.15 or gain[best] < 0.15 or colours.NAMES[best] == background:
        return None
    return colours.NAMES[best]


def _shapes(detail, lab, names, frame, out: Look) -> None:
    """On a clean background: the foreground's colour, silhouette, roundness and count."""
    median = np.median(lab[frame], axis=0)
    foreground = _distance(lab, median) > FAR
    out.foreground_share = float(foreground.mean())
    _count(detail, median, out)  # on a larger copy: specks may vanish at this size
    if out.foreground_share < 0.002:
        return
    fg_share = colours.shares(names[foreground])
    main = int(np.argmax(fg_share))
    if colours.NAMES[main] != out.background_colour and fg_share[main] >= 0.4:
        out.subject_colour = colours.NAMES[main]
    _silhouette(names, foreground, fg_share, out)
    _round(foreground, out)


def _silhouette(names, foreground, fg_share, out: Look) -> None:
    """One large solid shape, black on a light background or white on a dark one."""
    if not 0.05 <= out.foreground_share <= 0.7:
        return
    main = int(np.argmax(fg_share))
    if fg_share[main] < 0.9:
        return
    dark_on_light = main == colours.BLACK and out.background != "dark"
    light_on_dark = main == colours.WHITE and out.background == "dark"
    if not (dark_on_light or light_on_dark):
        return
    mask = foreground.astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if count < 2 or stats[1:, cv2.CC_STAT_AREA].max() < 0.6 * mask.sum():
        return
    out.silhouette = colours.NAMES[main]


def _backlit(rgb: np.ndarray, names: np.ndarray, out: Look) -> None:
    """A dark shape against a bright sky (a sunset, a figure against a window): no plain
    background, but the dark part is one piece and all the rest is bright."""
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    dark = gray < 45
    if not 0.1 <= dark.mean() <= 0.65:
        return
    rest = gray[~dark]
    if np.median(rest) < 140 or np.percentile(rest, 10) < 80:
        return
    # Lit from behind: the sky above is bright, the shape stands on the bottom edge.
    if dark[0].mean() > 0.2 or dark[-1].mean() < 0.5:
        return
    _, _, stats, _ = cv2.connectedComponentsWithStats(dark.astype(np.uint8), connectivity=8)
    if stats[1:, cv2.CC_STAT_AREA].max() < 0.8 * dark.sum():
        return
    out.silhouette = "black"
    out.background_colour = colours.dominant(colours.shares(names[~dark]), most=1)[0]


def _star_field(detail: np.ndarray, out: Look) -> None:
    """Many tiny bright points on a dark, smooth sky, even where a glow or a horizon keeps
    the background from being plain. Foliage against the light is dark too, but not smooth."""
    gray = cv2.cvtColor(detail, cv2.COLOR_RGB2GRAY)
    if np.percentile(gray, 60) > 50:
        return
    dark = gray < 60
    roughness = cv2.absdiff(gray, cv2.blur(gray, (5, 5)))
    if np.percentile(roughness[dark], 90) > 5:
        return
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7))
    points = (cv2.morphologyEx(gray, cv2.MORPH_TOPHAT, kernel) > 50).astype(np.uint8)
    _, _, stats, _ = cv2.connectedComponentsWithStats(points, connectivity=8)
    out.specks = bool((stats[1:, cv2.CC_STAT_AREA] <= 30).sum() >= 60)


def _largest_shape(foreground: np.ndarray) -> tuple[np.ndarray, float] | None:
    """The outline of the largest shape of the foreground and the share of the picture it
    covers, or None when there is no shape."""
    mask = foreground.astype(np.uint8) * 255
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return None
    largest = max(contours, key=cv2.contourArea)
    return largest, cv2.contourArea(largest) / mask.size


def _round(foreground: np.ndarray, out: Look) -> None:
    """The largest shape is a disc: its area fills the circle its outline implies."""
    shape = _largest_shape(foreground)
    if shape is None:
        return
    largest, share = shape
    area = cv2.contourArea(largest)
    if share < 0.02:
        return
    hull = cv2.convexHull(largest)
    perimeter = cv2.arcLength(hull, True)
    circularity = 4 * np.pi * cv2.contourArea(hull) / (perimeter * perimeter) if perimeter else 0
    (_, _), radius = cv2.minEnclosingCircle(largest)
    fill = area / (np.pi * radius * radius) if radius else 0
    # An octagon (a stop sign) is as compact as a disc; its outline keeps its eight corners
    # where a circle's needs many more straight pieces to follow.
    corners = len(cv2.approxPolyDP(hull, ROUND_OUTLINE * perimeter, True))
    out.round = bool(circularity > 0.88 and fill > 0.8 and corners > POLYGON_CORNERS)


ROUND_OUTLINE = 0.01  # how far (of its length) a straight piece may stray from an outline
POLYGON_CORNERS = 10  # an outline followed by this many straight pieces or fewer is a polygon
CORNER = 0.08  # the side of each corner patch, as a share of the picture's shorter side


def _disc_in_frame(lab: np.ndarray, out: Look) -> None:
    """A disc that fills the picture (a planet, a round photo, a badge) reaches the frame on
    every side, so the frame is no clean background; its four corners are. When they share
    one colour, the shape that differs from it is looked at for roundness, and the corners
    say how light the background is."""
    h, w = lab.shape[:2]
    side = max(2, round(CORNER * min(h, w)))
    corners = np.concatenate(
        [
            lab[:side, :side].reshape(-1, 3),
            lab[:side, -side:].reshape(-1, 3),
            lab[-side:, :side].reshape(-1, 3),
            lab[-side:, -side:].reshape(-1, 3),
        ]
    )
    median = np.median(corners, axis=0)
    if (_distance(corners, median) < NEAR).mean() < CLEAN_BACKGROUND:
        return
    _round(_distance(lab, median) > FAR, out)
    if out.round and out.background is None:
        lightness = median[0] / 255.0
        out.background = "dark" if lightness < 0.22 else "bright" if lightness > 0.85 else None


HEXAGON_SHARE = 0.3  # of the picture, at least
HEXAGON_SOLIDITY = 0.97  # of its convex hull, at least: a filled shape, not an outline's points
HEXAGON_TOLERANCE = 0.03  # of the outline's length: how far a side may bend and stay one side


def _hexagon(foreground: np.ndarray, out: Look) -> None:
    """The largest shape is a filled hexagon: its hull has six sides, and it fills its hull."""
    shape = _largest_shape(foreground)
    if shape is None:
        return
    largest, share = shape
    hull = cv2.convexHull(largest)
    if share < HEXAGON_SHARE or cv2.contourArea(largest) < HEXAGON_SOLIDITY * cv2.contourArea(hull):
        return
    sides = cv2.approxPolyDP(hull, HEXAGON_TOLERANCE * cv2.arcLength(hull, True), True)
    out.hexagon = len(sides) == 6


def _count(detail: np.ndarray, background_lab: np.ndarray, out: Look) -> None:
    """Separate objects on the clean background, counted on a larger copy."""
    lab = cv2.cvtColor(detail, cv2.COLOR_RGB2LAB).astype(np.float32)
    mask = (_distance(lab, background_lab) > FAR).astype(np.uint8)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    areas = stats[1:, cv2.CC_STAT_AREA]
    keep = areas >= max(4, 0.00002 * mask.size)
    areas, boxes, centres = areas[keep], stats[1:][keep], centroids[1:][keep]
    n = len(areas)
    if n >= 40 and np.median(areas) < 0.0005 * mask.size:
        # Text and patterns make many small marks on paper; specks are light on dark.
        out.specks = out.background == "dark"
        return
    if not 2 <= n <= 30:
        return
    # Confident only when the objects are alike in size and none is a fragment of another.
    if areas.max() > 8 * np.median(areas) or areas.min() < 0.15 * np.median(areas):
        return
    out.count = n
    out.rows = _rows(centres, boxes)


def _rows(centres: np.ndarray, boxes: np.ndarray) -> tuple[int, int] | None:
    """(rows, per row) when the objects' centres line up in equal rows."""
    order = np.argsort(centres[:, 1], kind="stable")
    tolerance = 0.5 * np.median(boxes[:, cv2.CC_STAT_HEIGHT])
    rows: list[list[int]] = []
    for i in order:
        if rows and abs(centres[i, 1] - centres[rows[-1][0], 1]) <= tolerance:
            rows[-1].append(int(i))
        else:
            rows.append([int(i)])
    sizes = {len(r) for r in rows}
    if len(rows) >= 2 and len(sizes) == 1 and sizes.pop() >= 2:
        return len(rows), len(rows[0])
    return None
