"""CORS for pages on other origins that call the API (``RAG_CORS_ORIGINS``; empty: none).

Only the listed origins get ``Access-Control-Allow-Origin``; the API authenticates with the
``Authorization`` header, never cookies, so credentials are not allowed. A preflight
(``OPTIONS``) needs no key and is not counted by the rate limit (``server.auth``,
``server.limits``).
"""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS

# The surfaces a page elsewhere may call: the JSON API and the OpenAI-compatible one.
RESOURCES = (r"/api/*", r"/v1/*")
# What a page may read from a response: the rate limit's headers say when to retry.
EXPOSED = ("Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")


def init_cors(app: Flask, origins: list[str]) -> None:
    if not origins:
        return
    CORS(
        app,
        resources={pattern: {} for pattern in RESOURCES},
        origins=origins,
        allow_headers=["Authorization", "Content-Type"],
        expose_headers=list(EXPOSED),
        supports_credentials=False,
        max_age=600,
    )
