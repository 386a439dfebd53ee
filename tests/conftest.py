"""Shared fixtures: deterministic fake models, hermetic settings, services, file builders.

Nothing here loads a real model, touches the network or reads the user's configuration:
every test runs with the ``RAG_*`` environment cleared and the working directory set to its
own temporary folder (so no ``./rag.toml`` is picked up).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import threading
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ingest.vision.describe import ImageDescriber
from ingest.vision.labels import Labeler
from ingest.vision.ocr import Ocr
from rag.embedders.base import Embedder
from rag.generators import Draft, Generator, Turn
from rag.service import RagService
from rag.settings import Settings
from rag.store.base import SparseVec
from rag.types import Chunk, Evidence

# The headless browser's fixtures (``driver``, ``page``) for every module that drives the page.
pytest_plugins = ["browser"]

# Fakes ----------------------------------------------------------------------------------

FAKE_DIM = 64
_FAKE_STOPWORD_TEXT = (
    "a an and are as at be by does did do for from how in is it of on or says say should the "
    "this to was were what when where which who why with"
)
_FAKE_STOPWORDS = frozenset(_FAKE_STOPWORD_TEXT.split())
_FAKE_SUFFIXES = ("ing", "ed", "es", "s", "e")


def _fake_stem(token: str) -> str:
    for suffix in _FAKE_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


_WORD = re.compile(r"[a-z0-9]+")


def _bucket(token: str) -> int:
    return int.from_bytes(hashlib.sha256(token.encode()).digest()[:4], "big") % FAKE_DIM


def fake_vector(text: str) -> np.ndarray:
    """Hashed bag of crudely stemmed words (stopwords dropped), unit length; a fixed vector for
    text without words."""
    vec = np.zeros(FAKE_DIM, dtype=np.float32)
    for token in _WORD.findall(text.lower()):
        if token in _FAKE_STOPWORDS:
            continue
        vec[_bucket(_fake_stem(token))] += 1.0
    norm = float(np.linalg.norm(vec))
    if norm == 0.0:
        vec[0] = 1.0
        return vec
    return vec / norm


class FakeEmbedder(Embedder):
    """Deterministic: the vector is a pure function of the text. Counts what it embeds."""

    batch_size = 8

    def __init__(self) -> None:
        self.calls = 0
        self.texts = 0

    @property
    def dim(self) -> int:
        return FAKE_DIM

    def embed_batch(self, items: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(items)
        return np.stack([fake_vector(t) for t in items])


FAKE_OCR_TEXT = "Quarterly zeppelin inventory: 42 airships counted in the hangar."
FAKE_LABELS = [("tabby cat", 0.71), ("tiger cat", 0.12), ("lynx", 0.05)]


class FakeOcr(Ocr):
    """Returns fixed text for every image and remembers the sizes it was shown."""

    def __init__(self, text: str = FAKE_OCR_TEXT) -> None:
        self.text = text
        self.seen: list[tuple[int, int]] = []

    def read(self, image: Image.Image) -> str:
        self.seen.append(image.size)
        return self.text


class FakeLabeler(Labeler):
    def __init__(self, labels: list[tuple[str, float]] | None = None) -> None:
        self._labels = list(labels or FAKE_LABELS)
        self.calls = 0

    def labels(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        self.calls += 1
        return self._labels[:top_k]


@dataclass(frozen=True)
class GeneratorCall:
    """One ``generate`` call, as the generator saw it."""

    question: str
    evidence: list[Evidence]
    turns: list[Turn]  # the ``history`` argument: the conversation so far
    query_image: Image.Image | None


Reply = Draft | str | Callable[[GeneratorCall], Draft | str]


class ScriptedGenerator(Generator):
    """A generator that answers from a script and keeps a ``history`` of every call.

    Replies are used in order and the last one answers every call after it, so
    ``ScriptedGenerator("Kites need wind [1].")`` answers every question alike. A reply is a
    ``Draft``, a string (a draft that does not abstain) or a callable that computes the reply
    from the ``GeneratorCall`` (to block, or to answer from the evidence). Calls may come from
    several threads, as the Slack bot's workers make them.
    """

    def __init__(self, *replies: Reply) -> None:
        if not replies:
            raise ValueError("ScriptedGenerator needs at least one reply")
        self._replies: deque[Reply] = deque(replies)
        self.history: list[GeneratorCall] = []
        self._lock = threading.Lock()

    def enqueue(self, *replies: Reply) -> None:
        with self._lock:
            self._replies.extend(replies)

    def generate(self, question, evidence, *, history=(), query_image=None) -> Draft:
        call = GeneratorCall(question, list(evidence), list(history), query_image)
        with self._lock:
            self.history.append(call)
            reply = self._replies.popleft() if len(self._replies) > 1 else self._replies[0]
        if callable(reply):
            reply = reply(call)
        return reply if isinstance(reply, Draft) else Draft(reply)


def pytest_configure(config: pytest.Config) -> None:
    # qdrant-client's local mode says payload indexes do nothing there; the Edge and server
    # paths use them. Not a problem of the code under test.
    config.addinivalue_line("filterwarnings", "ignore:Payload indexes have no effect:UserWarning")


# Hermetic environment and settings ---------------------------------------------------------


@pytest.fixture(autouse=True)
def hermetic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No RAG_* variable from the outside and no ./rag.toml: each test sees only its own setup."""
    for name in list(os.environ):
        if name.upper().startswith("RAG_"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def make_settings(tmp_path: Path):
    def make(**overrides) -> Settings:
        values = {"data_dir": tmp_path / "data", "torch_threads": 1}
        values.update(overrides)
        return Settings(**values)

    return make


@pytest.fixture
def evidence_given(make_service, make_settings, tmp_path: Path):
    """``given(backend, root, question, **setting)``: the evidence a generator is given for
    ``question``, asked with ``top_k=1`` of a fresh index of ``root`` cut into 200-character
    chunks, under ``setting`` (the settings a test turns on and off: each combination gets a
    data directory of its own)."""

    def given(backend: str, root: Path, question: str, **setting) -> list[Evidence]:
        name = "-".join(f"{key}-{value}" for key, value in sorted(setting.items()))
        generator = ScriptedGenerator("Noted [1].")
        settings = make_settings(
            chunk_size=200, chunk_overlap=0, data_dir=tmp_path / f"data-{name}", **setting
        )
        service = make_service(backend, settings, generator=generator)
        assert service.ingest([root]).failed == 0
        service.ask(question, top_k=1)
        return generator.history[-1].evidence

    return given


@pytest.fixture
def settings(make_settings) -> Settings:
    return make_settings()


# Stores and services -------------------------------------------------------------------------

BACKENDS = ["edge", "memory"]


def open_backend(kind: str, base: Path):
    if kind == "edge":
        from rag.store.edge import EdgeStore

        return EdgeStore(base / "shard")
    from rag.store.server import ServerStore

    return ServerStore(":memory:", "test")


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def store(backend: str, tmp_path: Path) -> Iterator:
    """An unopened store of each backend (call ``ensure_schema`` to open it)."""
    opened = open_backend(backend, tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def fake_ocr() -> FakeOcr:
    return FakeOcr()


@pytest.fixture
def fake_labeler() -> FakeLabeler:
    return FakeLabeler()


@pytest.fixture
def make_service(settings: Settings, fake_ocr: FakeOcr, fake_labeler: FakeLabeler, tmp_path: Path):
    """Build RagServices with fakes; ``backend='memory'`` puts them on qdrant-client :memory:."""
    made: list[RagService] = []

    def make(backend: str = "edge", settings_: Settings | None = None, **kwargs) -> RagService:
        kwargs.setdefault("embedder", FakeEmbedder())
        kwargs.setdefault("describer", ImageDescriber(fake_ocr, fake_labeler))
        if backend == "memory":
            from rag.store.server import ServerStore

            kwargs.setdefault("store", ServerStore(":memory:", "test"))
        service = RagService(settings_ or settings, **kwargs)
        made.append(service)
        return service

    yield make
    for service in made:
        service.close()


@pytest.fixture
def service(request, make_service) -> RagService:
    """A service with fakes on the embedded Edge store; parametrize indirectly for both."""
    return make_service(getattr(request, "param", "edge"))


def stored_chunks(service: RagService, **filters) -> list[Chunk]:
    """Every chunk in the index (optionally filtered), ordered by document and index."""
    store = service.store
    if store.count() == 0:
        return []
    probe = np.full(service.embedder.dim, 1.0)
    probe /= np.linalg.norm(probe)
    evidence = store.hybrid_query(
        dense=probe,
        sparse=None,
        limit=10_000,
        prefetch_limit=10_000,
        rrf_k=60,
        filters=filters or None,
    )
    return sorted((e.chunk for e in evidence), key=lambda c: (c.file, c.doc_id, c.chunk_index))


def sparse_of(text: str) -> SparseVec:
    from rag.sparse import Bm25Encoder

    return Bm25Encoder().document(text)


# File builders --------------------------------------------------------------------------------


@dataclass
class PdfPage:
    lines: Sequence[str] = ()
    image: Image.Image | None = None  # drawn below the text, 240 x 180 points


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def build_pdf(pages: Sequence[PdfPage | Sequence[str]], *, title: str | None = None) -> bytes:
    """A small, valid PDF written by hand: Helvetica text lines and optional RGB images."""
    pages = [p if isinstance(p, PdfPage) else PdfPage(lines=list(p)) for p in pages]
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for page in pages:
        ops = []
        if page.lines:
            ops.append("BT /F1 12 Tf 16 TL 72 740 Td")
            for line in page.lines:
                ops.append(f"({_pdf_escape(line)}) Tj T*")
            ops.append("ET")
        xobjects = b""
        if page.image is not None:
            rgb = page.image.convert("RGB")
            raw = zlib.compress(rgb.tobytes())
            image_obj = add(
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                % (rgb.width, rgb.height, len(raw), raw)
            )
            xobjects = b" /XObject << /Im1 %d 0 R >>" % image_obj
            ops.append("q 240 0 0 180 72 300 cm /Im1 Do Q")
        content = "\n".join(ops).encode("latin-1")
        content_obj = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >>%s >> >>"
                % (pages_obj, content_obj, font, xobjects)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info = None
    if title is not None:
        info = add(b"<< /Title (%s) >>" % _pdf_escape(title).encode("latin-1"))

    return serialize_pdf(objects, root=catalog, info=info)


def serialize_pdf(objects: Sequence[bytes], *, root: int, info: int | None = None) -> bytes:
    """A PDF file of numbered object bodies (object n is ``objects[n - 1]``), with its xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, root)
    if info is not None:
        trailer += b" /Info %d 0 R" % info
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def write_pdf(path: Path, pages: Sequence[PdfPage | Sequence[str]], **kwargs) -> Path:
    path.write_bytes(build_pdf(pages, **kwargs))
    return path


# The small manual the service tests ask about: descaling is on page 2, the warranty in the FAQ.
MANUAL_PAGES = [
    ["Chapter one introduces the espresso machine."],
    ["Descale the espresso machine every 8 weeks with citric acid."],
]
FAQ_TEXT = "The warranty lasts 3 years from the date of purchase."


def write_manual(folder: Path) -> list[Path]:
    """``manual.pdf`` and ``faq.txt`` in ``folder``; returns both paths."""
    faq = folder / "faq.txt"
    faq.write_text(FAQ_TEXT)
    return [write_pdf(folder / "manual.pdf", MANUAL_PAGES), faq]


def picture(size: tuple[int, int] = (160, 120), seed: int = 0) -> Image.Image:
    """A deterministic colourful picture (no text), big enough to count as a figure."""
    width, height = size
    image = Image.new("RGB", size, (240, 240, 240))
    draw = ImageDraw.Draw(image)
    for i in range(5):
        shade = ((seed * 50 + i * 40) % 256, (i * 70) % 256, (255 - i * 30) % 256)
        box = (
            i * width // 12,
            i * height // 12,
            width - 1 - i * width // 12,
            height - 1 - i * height // 12,
        )
        draw.ellipse(box, outline=shade, width=3)
    draw.rectangle((5, 5, width // 3, height // 3), fill=(200, 30, 30))
    return image


def text_image(
    lines: Sequence[str], size: tuple[int, int] = (900, 220), font_size: int = 48
) -> Image.Image:
    """Black text on white, large enough for real OCR."""
    from PIL import ImageFont

    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=font_size)
    y = 30
    for line in lines:
        draw.text((30, y), line, fill="black", font=font)
        y += int(font_size * 1.4)
    return image


def save_image(image: Image.Image, path: Path, **kwargs) -> Path:
    image.save(path, **kwargs)
    return path


DEV_SET_ROOTS = (
    Path(__file__).resolve().parent.parent,
    Path(__file__).resolve().parent.parent.parent,
)


def dev_file(name: str) -> Path:
    """A file of the development set, inside the checkout or beside it (where CI lays it);
    never skipped in CI, which always has it."""
    for base in DEV_SET_ROOTS:
        path = base / "shared" / "eval" / "dev" / "corpus" / name
        if path.is_file():
            return path
    if os.environ.get("CI"):
        pytest.fail(f"the development set (shared/eval/dev) has no {name}", pytrace=False)
    pytest.skip(f"the development set (shared/eval/dev) has no {name}")


@pytest.fixture
def fake_rag_cli(monkeypatch, tmp_path):
    """``rag ARGS...`` through click's runner, the fake models behind its service and
    RAG_DATA_DIR in the temporary folder; ``env`` adds or overrides variables."""
    from click.testing import CliRunner

    import rag.cli

    def fake_service(settings):
        describer = ImageDescriber(FakeOcr(), FakeLabeler())
        return RagService(settings, embedder=FakeEmbedder(), describer=describer)

    monkeypatch.setattr(rag.cli, "_service", fake_service)

    def invoke(*args: str, env: dict[str, str] | None = None):
        environment = {"RAG_DATA_DIR": str(tmp_path / "data"), **(env or {})}
        return CliRunner().invoke(rag.cli.main, list(args), env=environment)

    return invoke
