"""What a browser would not show of an HTML page: left out of the index, since hidden text is
where keyword stuffing and instructions meant for a model hide."""

from __future__ import annotations

import re

# Elements whose text a reader never sees.
NOT_SHOWN = ["script", "style", "noscript", "template"]
_ZERO = re.compile(r"^[+-]?0*\.?0*(px|pt|pc|em|rem|ex|ch|%|vw|vh|vmin|vmax|q|mm|cm|in)?$")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# A conditional block (@media print { ... }, @supports ...) hides only under its condition.
_AT_BLOCK = re.compile(r"@[^{};]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}")
_RULE = re.compile(r"([^{}@;]+)\{([^{}]*)\}")


def hides(style: str | None) -> bool:
    """Whether CSS declarations (``display: none; color: red``) hide what they style."""
    return _visibility(style) is False


def _visibility(style: str | None) -> bool | None:
    """False: the declarations hide; True: they set display or visibility to show; None:
    they say nothing about it."""
    shown = None
    for declaration in (style or "").split(";"):
        name, _, value = declaration.partition(":")
        name = name.strip().lower()
        value = value.lower().replace("!important", "").strip()
        if (
            (name == "display" and value == "none")
            or (name == "visibility" and value in ("hidden", "collapse"))
            or (name in ("font-size", "opacity") and _ZERO.match(value))
        ):
            return False
        if name in ("display", "visibility") and value:
            shown = True
    return shown


def _sheet_hidden(soup) -> list:
    """Elements the page's style sheets hide, less those another rule or their own style
    shows again (the active tab of ``.tab { display: none } .tab.active { display: block }``);
    the cascade's order and specificity are not weighed."""
    hidden, shown = [], set()
    for sheet in soup.find_all("style"):
        css = _AT_BLOCK.sub("", _COMMENT.sub("", sheet.get_text()))
        for selectors, declarations in _RULE.findall(css):
            visible = _visibility(declarations)
            if visible is None:
                continue
            for selector in selectors.split(","):
                try:
                    matched = soup.select(selector.strip())
                except Exception:  # a selector soupsieve does not know (::before, :hover)
                    continue
                if visible:
                    shown.update(id(element) for element in matched)
                else:
                    hidden += matched
    return [
        element
        for element in hidden
        if id(element) not in shown and not _visibility(element.get("style"))
    ]


def drop_hidden(soup) -> None:
    """Remove what a browser would not show: scripts and templates, elements marked
    ``hidden`` or ``aria-hidden="true"``, and elements hidden by an inline style or by a
    style sheet rule of the page (``display: none``, ``visibility: hidden``,
    ``font-size: 0``, ``opacity: 0``). Hidden text is where keyword stuffing and instructions
    meant for a model hide."""
    hidden = _sheet_hidden(soup)
    hidden += soup.find_all(NOT_SHOWN)
    hidden += soup.find_all(attrs={"hidden": True})
    hidden += soup.find_all(attrs={"aria-hidden": re.compile(r"^\s*true\s*$", re.I)})
    hidden += soup.find_all(style=hides)
    for element in hidden:
        if not element.decomposed:
            element.decompose()
