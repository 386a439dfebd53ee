"""The chat page as files: served with a strict Content-Security-Policy, self-contained (it works
without internet), and never turning server data into markup. The browser tests are in
``test_web_page.py``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from server import create_app

STATIC = Path(__file__).resolve().parent.parent / "server" / "static"
ASSETS = ["index.html", "app.js", "app.css", "favicon.svg"]


@pytest.fixture
def client(settings):
    app = create_app(settings)
    app.testing = True
    return app.test_client()


def read(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def test_page_is_served_with_a_strict_policy(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert "<title>Ask your documents</title>" in response.get_data(as_text=True)
    policy = dict(
        part.strip().split(" ", 1)
        for part in response.headers["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["img-src"] == "'self' blob: data:"
    assert policy["object-src"] == "'none'"
    assert "unsafe" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "mimetype"),
    [
        ("app.js", "text/javascript"),
        ("app.css", "text/css"),
        ("favicon.svg", "image/svg+xml"),
    ],
)
def test_assets_are_served(client, name, mimetype):
    response = client.get(f"/assets/{name}")
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.get_data() == (STATIC / name).read_bytes()


def test_page_needs_no_key_but_the_api_does(make_settings):
    client = create_app(make_settings(api_keys=["secret-key"])).test_client()
    assert client.get("/").status_code == 200
    assert client.get("/assets/app.js").status_code == 200
    assert client.get("/api/info").get_json()["auth_required"] is True
    assert client.get("/api/documents").status_code == 401


@pytest.mark.parametrize("name", ASSETS)
def test_no_external_urls(name):
    # Only the SVG namespace may look like a URL: it names, it does not load.
    text = read(name).replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"https?:|//[\w.-]+\.\w|@import|url\(", text), name


def test_html_has_no_inline_script_style_or_handlers():
    html = read("index.html")
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert re.search(r'\bsrc="assets/[\w.]+"', tag), tag
    assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html), "inline script"
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


def test_html_references_files_that_exist():
    for path in re.findall(r'(?:src|href)="assets/([^"]+)"', read("index.html")):
        assert (STATIC / path).is_file(), path


def test_script_never_inserts_markup():
    js = read("app.js")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js, sink
    assert "new Function" not in js and 'setAttribute("style"' not in js


def test_every_element_the_script_uses_exists():
    ids = set(re.findall(r'\bid="([\w-]+)"', read("index.html")))
    used = set(re.findall(r'\$\("([\w-]+)"\)', read("app.js")))
    used |= set(re.findall(r'getElementById\("([\w-]+)"\)', read("app.js")))
    assert used and used <= ids, used - ids


def test_labels_point_at_controls():
    html = read("index.html")
    ids = set(re.findall(r'\bid="([\w-]+)"', html))
    for target in re.findall(r'<label for="([\w-]+)"', html):
        assert target in ids, target
    assert 'aria-live="polite"' in html  # the answer is announced as it arrives
