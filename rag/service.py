"""The entry point the surfaces use: one object that holds the index (store, vectorisers,
kept files), the picture describer and the generator, and wires ingest and answering to them.

Models and the store open on first use, never at import, and belong to this instance only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from ingest.loaders.image import load_image
from ingest.pipeline import FileResult, Ingestor, IngestReport
from ingest.vision.describe import ImageDescriber, describer_from_settings
from ingest.workers import DescriberFactory
from rag.authorship import asks_affiliation, asks_author
from rag.citations import StreamingCiter, cite
from rag.cited_works import asks_about_source
from rag.collection_counts import CollectionCount, count_collections
from rag.collections import DEFAULT_COLLECTION, check_name, restrict
from rag.embedders import Embedder
from rag.generators import (
    NOT_IN_DOCUMENTS,
    Draft,
    Generator,
    Turn,
    create_generator,
    is_abstention,
)
from rag.grounding import GroundingChecker
from rag.index import Index
from rag.picture_scope import PICTURE_FILTER, picture_files_first, speaks_of_own_picture
from rag.settings import Settings
from rag.store import Filters, VectorStore
from rag.types import Answer, DocumentRecord

if TYPE_CHECKING:
    from rag.embedders.clip import ClipEmbedder

log = logging.getLogger(__name__)


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
        worker_describer: DescriberFactory | None = None,
    ) -> None:
        """``worker_describer(settings)`` builds the describer of each ingest worker process
        (``ingest(workers=N)``); by default the settings' models, unless ``describer`` is
        given: a describer object lives in this process, so ingest then stays here too."""
        self.settings = settings
        self.index = Index(settings, store=store, embedder=embedder, image_embedder=image_embedder)
        self._generator = generator
        self._describer = describer
        self._worker_describer = worker_describer or (
            describer_from_settings if describer is None else None
        )
        self._grounding: GroundingChecker | None = None
        # Called with every finished answer, whichever surface asked (metrics count them).
        self.answer_observers: list[Callable[[Answer], None]] = []

    # Components, created on first use ----------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        return self.index.embedder

    @property
    def image_embedder(self) -> ClipEmbedder | None:
        return self.index.image_embedder

    @property
    def store(self) -> VectorStore:
        return self.index.store

    # What is open now (None before first use and after close): nothing opens early.
    @property
    def _store(self) -> VectorStore | None:
        return self.index._store

    @property
    def _embedder(self) -> Embedder | None:
        return self.index._embedder

    @property
    def sentence_embedder(self) -> Embedder:
        """The text embedder at question time: it remembers the question retrieval embedded."""
        return self.index.question_embedder

    @property
    def generator(self) -> Generator:
        if self._generator is None:
            self._generator = create_generator(self.settings, self.sentence_embedder)
        return self._generator

    def describer(self) -> ImageDescriber:
        if self._describer is None:
            self._describer = describer_from_settings(self.settings)
        return self._describer

    # Operations --------------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        urls: Sequence[str] = (),
        progress: bool = False,
        on_result: Callable[[FileResult], None] | None = None,
        collection: str = DEFAULT_COLLECTION,
        workers: int = 1,
    ) -> IngestReport:
        """Ingest files and folders, and documents fetched from ``urls`` (http and https),
        into ``collection``; ``workers`` above 1 loads and describes the files in that many
        worker processes (this one still embeds and writes them)."""
        if self._worker_describer is None:
            workers = 1
        ingestor = Ingestor(
            self.index,
            self.describer,
            workers=workers,
            worker_describer=self._worker_describer or describer_from_settings,
        )
        return ingestor.ingest(
            paths, urls=urls, progress=progress, on_result=on_result, collection=collection
        )

    def ask(
        self,
        question: str,
        *,
        top_k: int | None = None,
        filters: Filters | None = None,
        history: Sequence[Turn] = (),
        image: Image.Image | None = None,
        retrieve_k: int | None = None,
        collections: Iterable[str] | None = None,
    ) -> Answer:
        """Answer ``question`` from the index; ``image`` makes it a question about a picture.

        ``retrieve_k`` retrieves more than the ``top_k`` chunks the generator is given, for
        measuring retrieval deeper than the answer uses (recall@10); ``Answer.evidence`` holds
        all of them. ``collections`` limits retrieval to those collections (None: all).
        """
        filters = restrict(filters, collections)
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
        collections: Iterable[str] | None = None,
    ) -> Iterator[str | Answer]:
        """``ask`` as it is written: text pieces (markers already numbered as the sources
        will be), then the verified ``Answer``, whose text is the one to keep."""
        filters = restrict(filters, collections)
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
        k = top_k or self.settings.top_k
        own_picture = (
            self.settings.search_own_pictures
            and image is None
            and "modality" not in (filters or {})
            and speaks_of_own_picture(question)
        )
        if own_picture:
            filters = {**(filters or {}), **PICTURE_FILTER}
        evidence = self.index.search(
            query, top_k=max(k, retrieve_k or 0), filters=filters, timings=timings, image=image
        )
        if own_picture:
            evidence = picture_files_first(evidence)
        given = evidence[:k]
        if self.settings.read_on and given and given[0].chunk.modality == "text":
            # The best passage may go on past its chunk's end: the next chunk is read too.
            after = self.index.following(given[0])
            if after is not None and all(e.chunk.id != after.chunk.id for e in given):
                given = [*given, after]
        if self.settings.read_numbered_figures:
            # "In Figure 3 of the ks vignette ...": every caption says "Figure", so retrieval
            # may find the document and another of its figures.
            given = [*self.index.captioned_parts(question, given, filters), *given]
        if self.settings.follow_citations and asks_about_source(question):
            # "What is that book's title?": the passage that cites the book is found; its
            # title stands in the reference list, which shares no word with the question.
            followed = time.perf_counter()
            given = [*given, *self.index.cited_entries(question, given, filters)]
            timings["follow_citations"] = (time.perf_counter() - followed) * 1000
        if self.settings.read_author_section and asks_author(question):
            # "Who wrote the tree command?": the manual's AUTHOR section says, in no word of
            # the question.
            given = [*given, *self.index.author_sections(given, filters)]
        if self.settings.read_author_section and asks_affiliation(question):
            # "Where was Martin Mächler based?": the title page prints "ETH Zurich" under his
            # name, in no word of the question.
            given = [*given, *self.index.title_page(given, filters)]
        if self.settings.read_named_sections:
            # "What exit status does fzf return ...?": the EXIT STATUS section says, below the
            # passages on the keys that retrieval ranks first.
            named = time.perf_counter()
            given = [*given, *self.index.named_sections(question, given, filters)]
            timings["named_sections"] = (time.perf_counter() - named) * 1000
        if self.settings.read_option_entries:
            # "If I run fping without -t, how long does it wait?": -t's entry says, in a chunk
            # of several entries that ranks below the passages on looping.
            entries = time.perf_counter()
            given = [*given, *self.index.option_entries(question, given, filters)]
            timings["option_entries"] = (time.perf_counter() - entries) * 1000
        if self.settings.read_keyed_entries:
            # "In its list of picture types, what is type 17?": "17: A bright colored fish"
            # stands in a chunk of a dozen such entries, below the passages on pictures.
            keyed = time.perf_counter()
            given = [*given, *self.index.keyed_entries(question, given, filters)]
            timings["keyed_entries"] = (time.perf_counter() - keyed) * 1000
        if self.settings.read_spelled_out:
            # "What does the name FIGlet stand for?": the README spells it out in its title
            # line, which shares only the name with the question.
            given = [*given, *self.index.spelled_out(question, given, filters)]
        return asked, evidence, given

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
        answer = Answer(
            text=text,
            sources=sources,
            evidence=evidence,
            abstained=abstained,
            timings_ms=timings,
            grounding=grounding.score,
            unsupported=grounding.unsupported,
            dropped_markers=cited.dropped_markers,
        )
        for observe in self.answer_observers:
            try:
                observe(answer)
            except Exception:  # counting an answer must never cost the asker the answer
                log.exception("an answer observer failed")
        return answer

    @property
    def grounding(self) -> GroundingChecker:
        if self._grounding is None:
            self._grounding = GroundingChecker(
                self.sentence_embedder, self.settings.grounding_threshold
            )
        return self._grounding

    def read_picture(self, data: bytes, name: str, *, max_pixels: int | None = None) -> Image.Image:
        """A picture sent with a question, read with the checks of an ingested image (size,
        format); raises ``IngestError`` subclasses that say what is wrong with it."""
        limit = self.settings.max_image_pixels if max_pixels is None else max_pixels
        return next(load_image(Path(name), data, max_pixels=limit).parts).image

    def documents(self, collections: Iterable[str] | None = None) -> list[DocumentRecord]:
        """Every document, or those of ``collections``."""
        return self.index.documents(restrict(None, collections))

    def find(self, key: str, collections: Iterable[str] | None = None) -> DocumentRecord | None:
        """A document by id, content hash, path or file name, in ``collections`` (None: all)."""
        return self.index.find(key, restrict(None, collections))

    def collections(self, allowed: Iterable[str] | None = None) -> list[CollectionCount]:
        """The collections that hold documents (of ``allowed`` ones), with their counts."""
        return count_collections(self.documents(allowed))

    def delete_collection(self, name: str) -> list[DocumentRecord]:
        """Delete every document of one collection; returns what was deleted."""
        records = self.documents([check_name(name)])
        for record in records:
            self.index.forget(record)
        return records

    def delete(self, key: str, collections: Iterable[str] | None = None) -> DocumentRecord:
        """Delete a document by id, content hash, path or (unambiguous) file name, found in
        ``collections`` (None: all)."""
        return self.index.remove(key, restrict(None, collections))

    def optimize(self) -> None:
        self.index.optimize()

    def close(self) -> None:
        self.index.close()

    def __enter__(self) -> RagService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
