"""The real packaged models: MiniLM embeddings, RapidOCR, EfficientNet-Lite2 labels, and one
end-to-end run of the default service. CPU only, no network, no model hub: every model ships
in an installed package. Each model is loaded once for the module."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import PdfPage, text_image, write_pdf
from PIL import Image, ImageDraw

from rag.errors import ModelError
from rag.settings import Settings

pytestmark = pytest.mark.models

THREADS = 2


@pytest.fixture(scope="module")
def embedder():
    from rag.embedders.sentence_transformer import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder("packaged:all-MiniLM-L6-v2", threads=THREADS)


@pytest.fixture(scope="module")
def ocr():
    from ingest.vision.ocr import RapidOcr

    return RapidOcr(threads=THREADS)


@pytest.fixture(scope="module")
def labeler():
    from ingest.vision.labels import EfficientNetLabeler

    return EfficientNetLabeler(threads=THREADS)


# Embeddings ------------------------------------------------------------------------------------


def test_packaged_model_resolves_to_a_local_directory():
    from rag.embedders.sentence_transformer import resolve_model_path

    path = Path(resolve_model_path("packaged:all-MiniLM-L6-v2"))
    assert path.is_dir() and any(path.iterdir())
    assert resolve_model_path("/some/local/model") == "/some/local/model"
    with pytest.raises(ModelError, match="unknown packaged model"):
        resolve_model_path("packaged:no-such-model")


def test_minilm_gives_384d_unit_vectors(embedder):
    assert embedder.dim == 384
    texts = ["The cat sleeps on the mat.", "Revenue grew by ten percent.", "Short."]
    vectors = embedder.embed(texts)
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    again = embedder.embed(texts)
    assert np.allclose(vectors, again, atol=1e-5)  # deterministic
    assert embedder.embed([]).shape == (0, 384)
    assert embedder.embed_query("The cat sleeps on the mat.") == pytest.approx(vectors[0], abs=1e-5)


def test_minilm_ranks_the_relevant_sentence_first(embedder):
    query = embedder.embed_query("Where is the kitten napping?")
    relevant, irrelevant, other = embedder.embed(
        [
            "A small cat is asleep on the living-room rug.",
            "Quarterly revenue grew by ten percent compared with last year.",
            "The train to Berlin leaves from platform four.",
        ]
    )
    assert float(relevant @ query) > float(irrelevant @ query) + 0.2
    assert float(relevant @ query) > float(other @ query) + 0.2


# OCR ---------------------------------------------------------------------------------------------


def test_rapidocr_reads_rendered_text(ocr):
    image = text_image(["INVOICE 2024", "Total due 512 EUR"])
    text = ocr.read(image)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(lines) == 2, text
    assert lines[0].replace(" ", "").upper() == "INVOICE2024"
    assert "512" in lines[1] and "EUR" in lines[1].upper() and "total" in lines[1].lower()


def test_rapidocr_finds_nothing_on_a_blank_image(ocr):
    assert ocr.read(Image.new("RGB", (400, 300), "white")) == ""


# Labels -----------------------------------------------------------------------------------------


def crossword_grid() -> Image.Image:
    image = Image.new("RGB", (320, 320), "white")
    draw = ImageDraw.Draw(image)
    cell = 32
    for i in range(11):
        draw.line((i * cell, 0, i * cell, 320), fill="black", width=2)
        draw.line((0, i * cell, 320, i * cell), fill="black", width=2)
    for i, j in [(1, 1), (3, 2), (5, 5), (7, 1), (2, 8), (8, 7), (4, 6)]:
        draw.rectangle((i * cell, j * cell, (i + 1) * cell, (j + 1) * cell), fill="black")
    return image


def test_efficientnet_labels_with_probabilities(labeler):
    labels = labeler.labels(crossword_grid(), 3)
    assert 1 <= len(labels) <= 3
    names = [name for name, _ in labels]
    probabilities = [p for _, p in labels]
    assert all(isinstance(n, str) and n for n in names)
    assert all(0.05 <= p <= 1.0 for p in probabilities)
    assert probabilities == sorted(probabilities, reverse=True)
    assert sum(probabilities) <= 1.0 + 1e-6
    assert names[0] == "crossword" and probabilities[0] > 0.5
    assert labeler.labels(crossword_grid(), 1) == labels[:1]


# End to end ---------------------------------------------------------------------------------------


def test_end_to_end_with_the_real_models(tmp_path):
    from ingest.vision.ocr import RapidOcr
    from rag.embedders.onnx import OnnxEmbedder
    from rag.service import RagService

    root = tmp_path / "corpus"
    root.mkdir()
    write_pdf(
        root / "observatory.pdf",
        [
            [
                "The Kestrel Observatory annual report summarises the observing year.",
                "Visitors are welcome on the first Saturday of each month.",
            ],
            PdfPage(
                [
                    "The main telescope mirror has a diameter of 2.4 metres.",
                    "The mirror was ground and polished in Jena.",
                ]
            ),
            PdfPage(
                ["Figure 1 shows the dome plaque."],
                image=text_image(["DOME OPENED 1931"], size=(700, 160)),
            ),
        ],
    )
    # A scan: a page that is only a picture of text, with no text layer.
    text_image(["Minutes of the board", "Budget approved for new cameras"], size=(1100, 260)).save(
        root / "minutes-scan.pdf", "PDF", resolution=100
    )
    # Bad files in the same batch: they fail, the rest is indexed.
    (root / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nendobj\n")
    (root / "notes.png").write_text("this is not an image")
    text_image(["INVOICE 2024", "Total due 512 EUR"]).save(root / "invoice.png")
    (root / "garden.md").write_text(
        "# Garden club\n\nThe garden club meets on Tuesdays to plan the tulip beds.\n"
    )

    settings = Settings(data_dir=tmp_path / "data", torch_threads=THREADS)
    with RagService(settings) as service:
        report = service.ingest([root])
        failed = {Path(r.path).name: r.reason for r in report.results if r.status == "failed"}
        assert set(failed) == {"broken.pdf", "notes.png"}, failed
        assert "truncated" in failed["broken.pdf"] and "mislabelled" in failed["notes.png"]
        assert report.ingested == 4
        assert isinstance(service.embedder, OnnxEmbedder)  # the default backend
        assert isinstance(service.describer().ocr, RapidOcr)

        invoice = [r for r in report.results if r.path.endswith("invoice.png")][0]
        assert invoice.kind == "image" and invoice.images == 1

        answer = service.ask("What is the diameter of the main telescope mirror?")
        assert not answer.abstained, answer.text
        assert "2.4 metres" in answer.text
        cited = [s for s in answer.sources if (s.file, s.page) == ("observatory.pdf", 2)]
        assert cited, answer.sources
        assert f"[{cited[0].n}]" in answer.text
        assert "2.4 metres" in cited[0].snippet

        observatory = [r for r in report.results if r.path.endswith("observatory.pdf")][0]
        assert observatory.pages == 3 and observatory.images == 1
        dome = service.ask("When was the dome opened?")
        assert "1931" in dome.text, dome.text
        assert any(s.modality == "image" and s.page == 3 for s in dome.sources), dome.sources

        scan = service.ask("What did the board approve a budget for?")
        assert "cameras" in scan.text.lower(), scan.text
        assert any((s.file, s.page) == ("minutes-scan.pdf", 1) for s in scan.sources)

        on_invoice = service.ask("What is the total due on the invoice?")
        assert not on_invoice.abstained, on_invoice.text
        assert "512" in on_invoice.text
        picture = [s for s in on_invoice.sources if s.file == "invoice.png"]
        assert picture and picture[0].modality == "image" and picture[0].image
        assert (settings.data_dir / picture[0].image).is_file()
