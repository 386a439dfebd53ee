"""Rendering PDF pages within a pixel budget.

A page's size is whatever its MediaBox says: a 585-byte PDF can declare a page 5 m square,
which at 150 DPI is a 30000 x 30000 bitmap (2.7 GB). Every render of a page or of part of one
goes through ``render`` here, which lowers the resolution until the bitmap fits the budget,
so the memory a render takes is fixed by a setting before pdfium allocates anything.
"""

from __future__ import annotations

from PIL import Image

POINTS_PER_INCH = 72.0

# (left, bottom, right, top) points to leave out at each edge, as pdfium's ``crop`` takes them.
Crop = tuple[float, float, float, float]


def fitting_scale(width_pt: float, height_pt: float, dpi: float, max_pixels: int) -> float:
    """pdfium's scale (pixels per point) for ``dpi``, lowered so the bitmap of a
    ``width_pt`` x ``height_pt`` area holds at most ``max_pixels``."""
    scale = dpi / POINTS_PER_INCH
    area = max(width_pt, 1e-3) * max(height_pt, 1e-3)
    # pdfium rounds each side up, so aim a little under the budget.
    largest = (max_pixels / area) ** 0.5 * 0.999
    return min(scale, largest)


def render(page, *, dpi: float, max_pixels: int, crop: Crop = (0, 0, 0, 0)) -> Image.Image:
    """An RGB picture of a pdfium page (or of the part ``crop`` leaves), at ``dpi`` or at
    the highest resolution that stays within ``max_pixels``."""
    width, height = page.get_size()
    width -= crop[0] + crop[2]
    height -= crop[1] + crop[3]
    scale = fitting_scale(width, height, dpi, max_pixels)
    bitmap = page.render(scale=scale, crop=crop)
    try:
        return bitmap.to_pil().convert("RGB")
    finally:
        bitmap.close()


def render_pdf_page(source, number: int, *, dpi: float, max_pixels: int, password=None):
    """Page ``number`` (1-based) of a PDF file, path or bytes, rendered within the budget."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(source, password=password)
    try:
        page = document[number - 1]
        try:
            return render(page, dpi=dpi, max_pixels=max_pixels)
        finally:
            page.close()
    finally:
        document.close()
