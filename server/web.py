"""The web chat page at ``/``: plain HTML, CSS and JavaScript that talk to the JSON API.

The page itself needs no API key (it holds no data); it asks for one when ``/api/info`` says the
API requires it. Documents are untrusted, so the page never interprets their text as markup, and
a strict Content-Security-Policy keeps out inline scripts and anything not served from here.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response

web = Blueprint("web", __name__, static_folder="static", static_url_path="/assets")

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' blob: data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


# Types a browser runs scripts in when it opens them: each copy of the page (``/``,
# ``/assets/index.html``, ``/static/index.html``) and any picture that is SVG.
ACTIVE_TYPES = frozenset({"text/html", "application/xhtml+xml", "image/svg+xml"})


@web.get("/")
def index() -> Response:
    response = web.send_static_file("index.html")
    response.headers["Cache-Control"] = "no-cache"
    return response


def protect_pages(response: Response) -> Response:
    """Every response is taken as the type it says; every page carries the policy."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    if response.mimetype in ACTIVE_TYPES:
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["Referrer-Policy"] = "no-referrer"
    return response


def init_pages(app: Flask) -> None:
    app.after_request(protect_pages)
