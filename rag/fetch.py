"""Fetch a document over http(s) without letting a URL reach inside the network.

Every hop (the URL and each redirect) is checked before a byte is sent: the scheme must be
http or https, and every address the host resolves to must be globally routable unless private
addresses are allowed. The connection then goes to the address that was checked (the Host
header and TLS server name stay the host's), so a name that resolves differently a moment later
(DNS rebinding) cannot slip through. The body is read against a size limit and a deadline.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote

import httpx

from rag.errors import EmptyFileError, FetchError, FileTooLargeError

SCHEMES = ("http", "https")
REDIRECTS = (301, 302, 303, 307, 308)
# The extension a type is read as when the URL's own name does not say (``/about``, ``/``).
EXTENSIONS = {
    "application/pdf": ".pdf",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-rst": ".rst",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "image/bmp": ".bmp",
    "image/tiff": ".tiff",
}

# Names that already say how to read them (the loaders' extensions).
KNOWN_SUFFIXES = set(EXTENSIONS.values()) | {
    ".jpeg",
    ".htm",
    ".xhtml",
    ".tif",
    ".markdown",
    ".text",
}

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int
    timeout_s: float
    max_redirects: int
    allow_private: bool = False

    @classmethod
    def of(cls, settings) -> FetchLimits:
        return cls(
            max_bytes=int(settings.url_max_mb * 1024 * 1024),
            timeout_s=settings.url_timeout_s,
            max_redirects=settings.url_max_redirects,
            allow_private=settings.url_allow_private,
        )


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked for: the document's source
    final_url: str  # after redirects
    name: str  # a file name to read the bytes as: the URL's last segment, typed by the server
    content_type: str
    data: bytes


def is_url(text: str) -> bool:
    """Whether a command-line argument is meant as a URL rather than a path."""
    return "://" in text


def address_problem(address: IpAddress) -> str | None:
    """Why connecting to ``address`` would reach inside the network, or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for kind, test in (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    ):
        if test:
            return kind
    if not address.is_global:  # shared (100.64/10), documentation, benchmarking ranges
        return "reserved"
    return None


def resolve(host: str, port: int) -> list[IpAddress]:
    """Every address ``host`` resolves to, in the resolver's order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(host, f"cannot resolve host {host!r}: {exc}") from exc
    addresses: list[IpAddress] = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def checked_address(
    url: httpx.URL, allow_private: bool, shown: str, *, redirected: bool = False
) -> IpAddress:
    """The address to connect to for ``url``, after checking every one the host resolves to."""
    where = f"redirected to {url}: " if redirected else ""
    if url.scheme not in SCHEMES:
        raise FetchError(
            shown,
            f"{where}unsupported URL scheme {url.scheme!r}: only http and https are fetched",
        )
    host = url.raw_host.decode("ascii")  # IDNA-encoded: what the resolver is asked
    if not host:
        raise FetchError(shown, "the URL has no host")
    addresses = resolve(host, url.port or (443 if url.scheme == "https" else 80))
    if not addresses:
        raise FetchError(shown, f"host {url.host!r} resolves to no address")
    if not allow_private:
        for address in addresses:
            if problem := address_problem(address):
                raise FetchError(
                    shown,
                    f"refused: {where}{url.host} resolves to {address}, a {problem} address "
                    "(RAG_URL_ALLOW_PRIVATE=true allows private addresses)",
                )
    return addresses[0]


def fetch(url: str, limits: FetchLimits) -> Fetched:
    """GET ``url`` and its redirects, within ``limits``; raises ``FetchError`` (refused,
    unreachable, HTTP error, too slow), ``FileTooLargeError`` or ``EmptyFileError``."""
    deadline = time.monotonic() + limits.timeout_s
    try:
        current = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"not a valid URL: {exc}") from exc
    # trust_env off: a proxy from the environment would connect somewhere unchecked.
    with httpx.Client(trust_env=False, follow_redirects=False) as client:
        for hop in range(limits.max_redirects + 1):
            address = checked_address(current, limits.allow_private, url, redirected=hop > 0)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _too_slow(url, limits)
            request = client.build_request(
                "GET",
                current.copy_with(host=str(address)),
                headers={"Host": _host_header(current), "Accept": "*/*"},
                extensions={"sni_hostname": current.raw_host.decode("ascii")},
                timeout=httpx.Timeout(remaining),
            )
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException as exc:
                raise _too_slow(url, limits) from exc
            except httpx.HTTPError as exc:
                raise FetchError(url, f"cannot fetch {current}: {exc}") from exc
            try:
                if response.status_code in REDIRECTS and "location" in response.headers:
                    if hop == limits.max_redirects:
                        raise FetchError(
                            url,
                            f"more than {limits.max_redirects} redirects (RAG_URL_MAX_REDIRECTS)",
                        )
                    try:
                        current = current.join(response.headers["location"])
                    except httpx.InvalidURL as exc:
                        raise FetchError(url, f"redirected to an invalid URL: {exc}") from exc
                    continue
                if response.status_code >= 400:
                    raise FetchError(
                        url, f"the server answered {response.status_code} {response.reason_phrase}"
                    )
                data = _read_body(response, url, limits, deadline)
                content_type = response.headers.get("content-type", "").split(";")[0].strip()
                return Fetched(
                    url=url,
                    final_url=str(current),
                    name=file_name(current, content_type),
                    content_type=content_type,
                    data=data,
                )
            finally:
                response.close()
    raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover


def _read_body(response: httpx.Response, url: str, limits: FetchLimits, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise _too_large(url, int(declared), limits)
    body = bytearray()
    try:
        for piece in response.iter_bytes():
            body += piece
            if len(body) > limits.max_bytes:
                raise _too_large(url, None, limits)
            if time.monotonic() > deadline:
                raise _too_slow(url, limits)
    except httpx.TimeoutException as exc:
        raise _too_slow(url, limits) from exc
    except httpx.HTTPError as exc:
        raise FetchError(url, f"the download broke off: {exc}") from exc
    if not body:
        raise EmptyFileError(url, "empty response (0 bytes)")
    return bytes(body)


def file_name(url: httpx.URL, content_type: str) -> str:
    """What the bytes are read as: the URL's last segment, given the extension of the type
    the server declared when the segment has none of its own (``/guide`` served as HTML)."""
    from_url = unquote(PurePosixPath(url.path).name)
    name = PurePosixPath(from_url) if from_url not in ("", ".", "..") else PurePosixPath("index")
    declared = EXTENSIONS.get(content_type.lower())
    if declared and name.suffix.lower() not in KNOWN_SUFFIXES:
        return f"{name.name}{declared}"
    return name.name


def _host_header(url: httpx.URL) -> str:
    ascii_host = url.raw_host.decode("ascii")
    host = f"[{ascii_host}]" if ":" in ascii_host else ascii_host
    default = 443 if url.scheme == "https" else 80
    return host if url.port in (None, default) else f"{host}:{url.port}"


def _too_large(url: str, size: int | None, limits: FetchLimits) -> FileTooLargeError:
    limit_mb = limits.max_bytes / 1048576
    said = f"{size / 1048576:.1f} MB is" if size is not None else "the download grew"
    return FileTooLargeError(url, f"{said} over the limit of {limit_mb:g} MB (RAG_URL_MAX_MB)")


def _too_slow(url: str, limits: FetchLimits) -> FetchError:
    return FetchError(url, f"took longer than {limits.timeout_s:g} s (RAG_URL_TIMEOUT_S)")
