"""The entry point the surfaces use: one object that owns the models and the store.

Models and the store open on first use, never at import, and belong to this instance only.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from rag.citations import StreamingCiter, cite
from rag.embedders import Embedder, create_embedder
from rag.embedders.cache import CachedEmbedder
from rag.errors import DocumentNotFoundError
from rag.generators import (
    NOT_IN_DOCUMENTS,
    Draft,
    Generator,
    Turn,
    create_generator,
    is_abstention,
)
from rag.grounding import GroundingChecker
from rag.retrieval import Retriever
from rag.settings import Settings
from rag.sparse import Bm25Encoder
from rag.store import Filters, VectorStore, open_store
from rag.types import Answer, DocumentRecord

if TYPE_CHECKING:
    from ingest.pipeline import FileResult, IngestReport
    from ingest.vision.describe import ImageDescriber
    from rag.embedders.clip import ClipEmbedder


class RagService:
    def __init__(
        self,
        settings: Settings,
        *,
        embedder: Embedder | None = None,
        store: VectorStore | None = None,
        generator: Generator | None = None,
        describer: ImageDescriber | None = None,
        image_embedder: ClipEmbedder | None = None,
    ) -> None:
        self.settings = settings
        self._image_embedder = image_embedder
        self._embedder = embedder
        self._store = store
        self._generator = generator
        self._describer = describer
        self._bm25 = Bm25Encoder()
        self._lock = threading.Lock()
        self._schema_ready = False
        self._grounding: GroundingChecker | None = None
        self._sentence_embedder: Embedder | None = None

    # Components, created on first use ----------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = create_embedder(self.settings)
        return self._embedder

    @property
    def image_embedder(self) -> ClipEmbedder | None:
        """The cross-modal (CLIP/SigLIP) model, when ``RAG_CLIP_MODEL`` names one."""
        if self._image_embedder is None and self.settings.clip_model:
            from rag.embedders.clip import ClipEmbedder

            self._image_embedder = ClipEmbedder(
                self.settings.clip_model, threads=self.settings.torch_threads
            )
        return self._image_embedder

    @property
    def store(self) -> VectorStore:
        with self._lock:
            if self._store is None:
                self._store = open_store(self.settings)
            if not self._schema_ready:
                clip = self.image_embedder
                self._store.ensure_schema(self.embedder.dim, image_dim=clip.dim if clip else None)
                if clip is not None:  # an index built before CLIP was configured
                    self._store.ensure_image_vector(clip.dim)
                self._schema_ready = True
        return self._store

    @property
    def sentence_embedder(self) -> Embedder:
        """The text embedder for evidence sentences: cached, as the same passages recur."""
        with self._lock:
            if self._sentence_embedder is None:
                size = self.settings.sentence_cache
                self._sentence_embedder = (
                    CachedEmbedder(self.embedder, size) if size else self.embedder
                )
        return self._sentence_embedder

    @property
    def generator(self) -> Generator:
        if self._generator is None:
            self._generator = create_generator(self.settings, self.sentence_embedder)
        return self._generator

    def describer(self) -> ImageDescriber:
        if self._describer is None:
            from ingest.vision.describe import ImageDescriber
            from ingest.vision.labels import create_labeler
            from ingest.vision.ocr import create_ocr

            s = self.settings
            self._describer = ImageDescriber(
                create_ocr(s.ocr, s.ocr_threads),
                create_labeler(s.image_labeler, s.torch_threads) if s.image_labels_top_k else None,
                top_k=s.image_labels_top_k,
            )
        return self._describer

    # Operations --------------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        progress: bool = False,
        on_result: Callable[[FileResult], None] | None = None,
    ) -> IngestReport:
        from ingest.pipeline import Ingestor

        ingestor = Ingestor(
            self.settings,
            self.store,
            self.embedder,
            self._bm25,
            self.describer,
            image_embedder=self.image_embedder,
        )
        return ingestor.ingest(paths, progress=progress, on_result=on_result)

    def ask(
        self,
        question: str,
        *,
        top_k: int | None = None,
        filters: Filters | None = None,
        history: Sequence[Turn] = (),
        image: Image.Image | None = None,
        retrieve_k: int | None = None,
    ) -> Answer:
        """Answer ``question`` from the index; ``image`` makes it a question about a picture.

        ``retrieve_k`` retrieves more than the ``top_k`` chunks the generator is given, for
        measuring retrieval deeper than the answer uses (recall@10); ``Answer.evidence`` holds
        all of them.
        """
        started = time.perf_counter()
        timings: dict[str, float] = {}
        asked, evidence, given = self._retrieve(
            question, top_k, filters, history, image, retrieve_k, timings
        )
        generated = time.perf_counter()
        draft = self.generator.generate(asked, given, history=history, query_image=image)
        timings["generate"] = (time.perf_counter() - generated) * 1000
        answer = self._finish(draft, given, timings, started)
        answer.evidence = evidence
        return answer

    def ask_stream(
        self,
        question: str,
        *,
        top_k: int | None = None,
        filters: Filters | None = None,
        history: Sequence[Turn] = (),
        image: Image.Image | None = None,
    ) -> Iterator[str | Answer]:
        """``ask`` as it is written: text pieces (markers already numbered as the sources
        will be), then the verified ``Answer``, whose text is the one to keep."""
        started = time.perf_counter()
        timings: dict[str, float] = {}
        asked, evidence, given = self._retrieve(
            question, top_k, filters, history, image, None, timings
        )
        citer = StreamingCiter(given)
        pieces: list[str] = []
        generated = time.perf_counter()
        for piece in self.generator.stream(asked, given, history=history, query_image=image):
            pieces.append(piece)
            if shown := citer.feed(piece):
                yield shown
        if rest := citer.flush():
            yield rest
        timings["generate"] = (time.perf_counter() - generated) * 1000
        text = "".join(pieces).strip()
        answer = self._finish(Draft(text, abstained=is_abstention(text)), given, timings, started)
        answer.evidence = evidence
        yield answer

    def _retrieve(
        self,
        question: str,
        top_k: int | None,
        filters: Filters | None,
        history: Sequence[Turn],
        image: Image.Image | None,
        retrieve_k: int | None,
        timings: dict[str, float],
    ) -> tuple[str, list, list]:
        """What the generator answers, everything retrieved, and the part it is given."""
        asked = question  # what the generator answers; history travels beside it
        if image is not None:
            # The picture is understood like an ingested one: its description joins the question.
            described = time.perf_counter()
            description = self.describer().describe(image).render()
            asked = f"{question}\n(About the user's picture: {description})"
            timings["describe_image"] = (time.perf_counter() - described) * 1000
        query = asked  # what retrieval searches for
        earlier = [t.content for t in history if t.role == "user"]
        if earlier:
            # A follow-up ("and on Sundays?") names its subject only in the turn before it.
            query = f"{earlier[-1]}\n{asked}"
        retriever = Retriever(
            self.settings, self.store, self.embedder, self._bm25, image_embedder=self.image_embedder
        )
        k = top_k or self.settings.top_k
        evidence = retriever.retrieve(
            query, top_k=max(k, retrieve_k or 0), filters=filters, timings=timings, image=image
        )
        return asked, evidence, evidence[:k]

    def _finish(
        self, draft: Draft, evidence: list, timings: dict[str, float], started: float
    ) -> Answer:
        """Number the sources, verify every cited sentence, assemble the answer."""
        cited = cite(draft.text, evidence)
        # Only the generator says "not in the documents". An answer that cites nothing is kept:
        # its grounding (0) and unsupported sentences tell the reader what it is worth.
        abstained = draft.abstained
        verified = time.perf_counter()
        grounding = self.grounding.check(cited.text, cited.evidence_for, abstained=abstained)
        timings["verify"] = (time.perf_counter() - verified) * 1000
        text, sources = (NOT_IN_DOCUMENTS, []) if abstained else (cited.text, cited.sources)
        timings["total"] = (time.perf_counter() - started) * 1000
        return Answer(
            text=text,
            sources=sources,
            evidence=evidence,
            abstained=abstained,
            timings_ms=timings,
            grounding=grounding.score,
            unsupported=grounding.unsupported,
            dropped_markers=cited.dropped_markers,
        )

    @property
    def grounding(self) -> GroundingChecker:
        if self._grounding is None:
            self._grounding = GroundingChecker(
                self.sentence_embedder, self.settings.grounding_threshold
            )
        return self._grounding

    def documents(self) -> list[DocumentRecord]:
        return self.store.documents()

    def delete(self, key: str) -> DocumentRecord:
        """Delete a document by id, content hash, path or (unambiguous) file name."""
        record = self.store.find_document(key)
        if record is None:
            path_key = str(Path(key).resolve()) if Path(key).exists() else None
            record = self.store.find_document(path_key) if path_key else None
        if record is None:
            raise DocumentNotFoundError(
                f"no indexed document matches {key!r}: `rag list` shows ids, paths and file names"
            )
        from ingest.pipeline import remove_blobs

        self.store.delete_chunks(record.doc_id)
        self.store.delete_document_record(record.doc_id)
        remove_blobs(self.settings.blobs_dir, record.sha256)
        return record

    def optimize(self) -> None:
        self.store.optimize()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
            self._schema_ready = False

    def __enter__(self) -> RagService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
