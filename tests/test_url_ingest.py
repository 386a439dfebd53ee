"""`rag ingest URL`: fetched within limits, refused where it would reach inside the network,
read by the same type detection and loaders as a file. A server on 127.0.0.1 stands in for
the web (allowed by RAG_URL_ALLOW_PRIVATE where a test fetches from it)."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import build_pdf

import rag.cli
import rag.fetch
from rag.errors import EmptyFileError, FetchError, FileTooLargeError
from rag.fetch import FetchLimits, address_problem, fetch, file_name

GUIDE = (
    b"<html><head><title>Kite guide</title></head><body>"
    b"<p>Launch the kite with the wind at your back.</p></body></html>"
)
PDF = build_pdf([["The lighthouse keeper logs the fog signal every hour."]])


class Site(BaseHTTPRequestHandler):
    """The routes the tests fetch; ``hosts`` records the Host header of each request."""

    hosts: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        Site.hosts.append(self.headers.get("Host", ""))
        port = self.server.server_address[1]
        routes = {
            "/guide": lambda: self._send(200, "text/html; charset=utf-8", GUIDE),
            "/files/report.pdf": lambda: self._send(200, "application/pdf", PDF),
            "/mislabelled.pdf": lambda: self._send(200, "application/pdf", GUIDE),
            "/empty": lambda: self._send(200, "text/plain", b""),
            "/missing": lambda: self._send(404, "text/plain", b"not here"),
            "/big": lambda: self._send(200, "text/plain", b"x" * 300_000),
            "/big-unsized": self._unsized,
            "/slow": self._slow,
            "/drip": self._drip,
            "/moved": lambda: self._redirect("/guide"),
            "/to-private": lambda: self._redirect("http://10.1.2.3/secret"),
            "/to-metadata": lambda: self._redirect("http://169.254.169.254/latest/meta-data/"),
            "/to-file": lambda: self._redirect("file:///etc/passwd"),
            "/loop": lambda: self._redirect(f"http://127.0.0.1:{port}/loop"),
        }
        routes.get(self.path, lambda: self._send(404, "text/plain", b"no route"))()

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _unsized(self) -> None:  # no Content-Length: only counting the body finds it too big
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(30):
            self.wfile.write(b"y" * 10_000)

    def _slow(self) -> None:
        time.sleep(2)
        self._send(200, "text/plain", b"too late")

    def _drip(self) -> None:  # each read is quick, the whole download is not
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "40")
        self.end_headers()
        for _ in range(40):
            self.wfile.write(b"z")
            self.wfile.flush()
            time.sleep(0.05)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Site.hosts = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


LIMITS = FetchLimits(max_bytes=100_000, timeout_s=1.0, max_redirects=3, allow_private=True)


@pytest.fixture
def loopback_counts_as_public(monkeypatch):
    """The stand-in for a public site is on 127.0.0.1: let that one address pass the check,
    so a redirect from it shows the check made again on the next hop."""
    real = rag.fetch.address_problem
    monkeypatch.setattr(
        rag.fetch,
        "address_problem",
        lambda address: None if str(address) == "127.0.0.1" else real(address),
    )


# Fetched and ingested -----------------------------------------------------------------------


def test_a_page_is_ingested_with_the_url_as_its_source(make_service, make_settings, site):
    service = make_service(settings_=make_settings(url_allow_private=True))
    report = service.ingest([], urls=[f"{site}/guide", f"{site}/files/report.pdf"])

    assert [(r.path, r.status, r.kind) for r in report.results] == [
        (f"{site}/guide", "ingested", "text"),
        (f"{site}/files/report.pdf", "ingested", "pdf"),
    ]
    records = {d.path: d for d in service.documents()}
    assert set(records) == {f"{site}/guide", f"{site}/files/report.pdf"}
    assert records[f"{site}/guide"].file == "guide.html"
    assert records[f"{site}/files/report.pdf"].pages == 1
    answer = service.ask("Which way should the wind blow when you launch the kite?")
    assert answer.sources and answer.sources[0].file == "guide.html"

    again = service.ingest([], urls=[f"{site}/guide"])  # same bytes: nothing written
    assert again.results[0].status == "unchanged"
    deleted = service.delete(f"{site}/guide")  # `rag delete URL`
    assert deleted.path == f"{site}/guide"


def test_redirects_are_followed_and_the_document_keeps_the_url_asked_for(
    make_service, make_settings, site
):
    service = make_service(settings_=make_settings(url_allow_private=True))
    report = service.ingest([], urls=[f"{site}/moved"])
    assert report.results[0].status == "ingested"
    assert [d.path for d in service.documents()] == [f"{site}/moved"]


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch, site):
    """A name is resolved once, checked, and connected to by address: the Host header still
    names the host, so a second lookup (DNS rebinding) never decides where bytes go."""
    port = int(site.rsplit(":", 1)[1])
    lookups: list[str] = []

    def resolver(host, *args, **kwargs):
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(rag.fetch.socket, "getaddrinfo", resolver)
    fetched = fetch(f"http://docs.example:{port}/guide", LIMITS)
    assert fetched.data == GUIDE
    names = [host for host in lookups if not _is_address(host)]
    assert names == ["docs.example"]  # the connection itself looked up only the address
    assert Site.hosts == [f"docs.example:{port}"]


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def test_the_served_type_names_a_url_without_an_extension():
    from httpx import URL

    assert file_name(URL("https://example.org/guide"), "text/html") == "guide.html"
    assert file_name(URL("https://example.org/"), "text/html") == "index.html"
    assert file_name(URL("https://example.org/a/notes.md"), "text/plain") == "notes.md"
    assert file_name(URL("https://example.org/run.php"), "application/pdf") == "run.php.pdf"
    assert file_name(URL("https://example.org/My%20Report.pdf"), "") == "My Report.pdf"


def test_a_mislabelled_download_is_refused_like_a_mislabelled_file(
    make_service, make_settings, site
):
    service = make_service(settings_=make_settings(url_allow_private=True))
    result = service.ingest([], urls=[f"{site}/mislabelled.pdf"]).results[0]
    assert result.status == "failed" and "mislabelled" in result.reason


# Refused ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.0.0.8", "private"),
        ("192.168.1.1", "private"),
        ("172.16.0.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "reserved"),
        ("93.184.215.14", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_classes(address, problem):
    assert address_problem(ipaddress.ip_address(address)) == problem


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_is_refused_by_default(make_service, site, host):
    service = make_service()  # RAG_URL_ALLOW_PRIVATE unset
    url = site.replace("127.0.0.1", host) + "/guide"
    result = service.ingest([], urls=[url]).results[0]
    assert result.status == "failed" and result.error == "FetchError"
    assert "loopback address" in result.reason and "RAG_URL_ALLOW_PRIVATE" in result.reason
    assert Site.hosts == []  # refused before connecting
    assert service.documents() == []


@pytest.mark.parametrize("route", ["/to-private", "/to-metadata"])
def test_a_redirect_to_an_inside_address_is_refused(loopback_counts_as_public, site, route):
    limits = FetchLimits(max_bytes=100_000, timeout_s=5, max_redirects=3, allow_private=False)
    with pytest.raises(
        FetchError, match=r"refused: redirected to .* a (private|link-local) address"
    ):
        fetch(f"{site}{route}", limits)
    assert len(Site.hosts) == 1  # the first hop only


def test_a_redirect_to_another_scheme_is_refused(site):
    with pytest.raises(
        FetchError, match="redirected to file:/+etc/passwd: unsupported URL scheme 'file'"
    ):
        fetch(f"{site}/to-file", LIMITS)


@pytest.mark.parametrize("url", ["ftp://example.org/a.pdf", "file:///etc/passwd", "gopher://x/"])
def test_other_schemes_are_refused(make_service, url):
    result = make_service().ingest([], urls=[url]).results[0]
    assert result.status == "failed" and "only http and https" in result.reason


def test_too_many_redirects(site):
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(f"{site}/loop", LIMITS)
    assert len(Site.hosts) == 4


@pytest.mark.parametrize("route", ["/big", "/big-unsized"])
def test_oversize_is_refused(site, route):
    with pytest.raises(FileTooLargeError, match="over the limit of .* MB .RAG_URL_MAX_MB."):
        fetch(f"{site}{route}", LIMITS)


@pytest.mark.parametrize("route", ["/slow", "/drip"])
def test_timeout(site, route):
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 1 s \(RAG_URL_TIMEOUT_S\)"):
        fetch(f"{site}{route}", LIMITS)
    assert time.monotonic() - started < 1.8


def test_http_errors_empty_bodies_and_bad_hosts(site):
    with pytest.raises(FetchError, match="the server answered 404 Not Found"):
        fetch(f"{site}/missing", LIMITS)
    with pytest.raises(EmptyFileError, match="empty response"):
        fetch(f"{site}/empty", LIMITS)
    with pytest.raises(FetchError, match="cannot resolve host"):
        fetch("http://no-such-host.invalid/", LIMITS)
    with pytest.raises(FetchError, match="no host"):
        fetch("http:///path-only", LIMITS)


# The command -------------------------------------------------------------------------------


def test_the_command_takes_urls_and_paths_together(fake_rag_cli, tmp_path, site):
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nThe dome opens at nine.\n")
    done = fake_rag_cli(
        "ingest", str(notes), f"{site}/guide", env={"RAG_URL_ALLOW_PRIVATE": "true"}
    )
    assert done.exit_code == 0, done.output
    assert "2 files: 2 ingested" in done.output

    refused = fake_rag_cli("ingest", f"{site}/guide", env={"RAG_DATA_DIR": str(tmp_path / "d2")})
    assert refused.exit_code == 1
    assert f"FAILED  {site}/guide: refused: 127.0.0.1 resolves to 127.0.0.1" in refused.output


def test_https_to_a_checked_address_still_names_the_host_for_tls(monkeypatch, tmp_path):
    """Connecting by address must not weaken TLS: the server is asked for the host's name
    (SNI) and the certificate is verified against the host, not the address."""
    import datetime
    import ssl

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "docs.example")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("docs.example")]), False)
        .sign(key, hashes.SHA256())
    )
    (tmp_path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    asked_for: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    context.sni_callback = lambda _socket, server_name, _context: asked_for.append(server_name)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    real_getaddrinfo = socket.getaddrinfo

    def resolver(host, *args, **kwargs):
        if host == "docs.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(rag.fetch.socket, "getaddrinfo", resolver)
    try:
        # Self-signed, so not trusted: verified against docs.example, it fails as untrusted,
        # not as a certificate for the wrong name (which an address would be).
        with pytest.raises(FetchError, match="certificate verify failed: self.signed"):
            fetch(f"https://docs.example:{port}/guide", LIMITS)
    finally:
        server.shutdown()
        server.server_close()
    assert asked_for == ["docs.example"]
