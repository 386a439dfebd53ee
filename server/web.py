"""The web chat page at ``/``: plain HTML, CSS and JavaScript that talk to the JSON API.

The page itself needs no API key (it holds no data); it asks for one when ``/api/info`` says the
API requires it. Documents are untrusted, so the page never interprets their text as markup, and
a strict Content-Security-Policy keeps out inline scripts and anything not served from here.
"""

from __future__ import annotations

from flask import Blueprint, Response

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


@web.get("/")
def index() -> Response:
    response = web.send_static_file("index.html")
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-cache"
    return response


@web.after_request
def no_sniffing(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
