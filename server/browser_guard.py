"""What a web page elsewhere may not make a browser do to this server.

A server without API keys trusts whoever reaches it, and a browser on the same machine reaches
it for any page it opens. Two checks keep those pages out:

- Writes (POST, PUT, PATCH, DELETE) from another origin are refused: the browser says where a
  request comes from in ``Origin`` and ``Sec-Fetch-Site``. Same-origin pages and clients that
  are not browsers (curl, SDKs, Slack: no ``Origin``) pass; so do the origins listed in
  ``RAG_CORS_ORIGINS``.
- DNS rebinding (a page whose name is made to point at 127.0.0.1, so that its reads count as
  same-origin) is refused by the ``Host`` check: only the names in ``RAG_ALLOWED_HOSTS`` (by
  default the loopback names, the address the server binds and the host of ``RAG_PUBLIC_URL``)
  are answered. It applies to keyless servers, which rebinding can harm, and to any server
  where ``RAG_ALLOWED_HOSTS`` is set; a rebinding page has no API key to send.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, request
from werkzeug.exceptions import BadRequest, Forbidden

from rag.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
# Liveness and readiness probes come from orchestrators that address the server by its IP.
PROBE_ENDPOINTS = frozenset({"health.healthz", "health.readyz", "health.metrics"})
WILDCARD_BINDS = ("", "0.0.0.0", "::")


def host_name(netloc: str) -> str | None:
    """The host of ``host[:port]`` (``[v6]:port`` too), lower case; None when malformed."""
    try:
        return urlsplit(f"//{netloc}").hostname
    except ValueError:
        return None


def origin_of(url: str) -> str | None:
    """``scheme://host[:port]`` of a URL, lower case; None when it has none."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


class BrowserGuard:
    def __init__(self, settings: Settings, bind_host: str | None = None) -> None:
        self.any_host = "*" in settings.allowed_hosts
        self.check_host = bool(settings.allowed_hosts) or not settings.api_keys
        self.hosts = self._hosts(settings, bind_host)
        self.origins = {o for o in (origin_of(u) for u in settings.cors_origins) if o}
        if settings.public_url and (public := origin_of(settings.public_url)):
            self.origins.add(public)

    @staticmethod
    def _hosts(settings: Settings, bind_host: str | None) -> set[str]:
        if settings.allowed_hosts:
            names = [h.strip("[]") for h in settings.allowed_hosts]
        else:
            names = list(LOOPBACK_NAMES)
            if bind_host and bind_host not in WILDCARD_BINDS:
                names.append(bind_host.strip("[]"))
            if settings.public_url and (public := urlsplit(settings.public_url).hostname):
                names.append(public)
        return {name.lower().rstrip(".") for name in names}

    def init_app(self, app: Flask) -> None:
        app.extensions["browser_guard"] = self
        app.before_request(self.check)

    def check(self) -> None:
        if self.check_host and not self.any_host and request.endpoint not in PROBE_ENDPOINTS:
            self._check_host()
        if request.method not in SAFE_METHODS:
            self._check_origin()

    def _check_host(self) -> None:
        given = request.headers.get("Host", "")
        name = host_name(given)
        if name is None or name.rstrip(".") not in self.hosts:
            raise BadRequest(
                f"this server does not answer to the host {given!r}: add it to "
                "RAG_ALLOWED_HOSTS if it is one of its names"
            )

    def _check_origin(self) -> None:
        origin = request.headers.get("Origin")
        site = request.headers.get("Sec-Fetch-Site", "").lower()
        if origin is None:
            # A browser that sends Sec-Fetch-Site but no Origin still says where it came from.
            if site in ("", "same-origin", "none"):
                return
            raise Forbidden(
                f"a {site} write is refused: send it from this server's own page, or list the "
                "page's origin in RAG_CORS_ORIGINS"
            )
        normalised = origin_of(origin)
        if normalised is not None and (
            normalised in self.origins or urlsplit(normalised).netloc == request.host.lower()
        ):
            return
        raise Forbidden(
            f"a write from the origin {origin!r} is refused: only this server's own page may "
            "send it, or origins listed in RAG_CORS_ORIGINS"
        )
