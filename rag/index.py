"""The index: the Qdrant collection, the vectorisers that fill it and the files kept beside it.

Ingest writes through it, retrieval reads through it and deletion goes through it, so the
vectors of a chunk are computed one way and a document's points and files go together.
The store and the models open on first use, never at construction, and only what an operation
needs: listing, counting and deleting open the store alone, never a model.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from rag import faults
from rag.authorship import holds_author_section
from rag.blobs import BlobStore
from rag.cited_works import MAX_FOLLOWED, Work, cited_works, holds_entry
from rag.embedders import Embedder, create_embedder
from rag.embedders.base import Span, TokenSums, joint_vector, split_rows
from rag.embedders.cache import CachedEmbedder
from rag.embedders.packed import pack
from rag.errors import DocumentNotFoundError
from rag.named_sections import names_section, opens_release, releases_asked
from rag.numbered_parts import captions, parts_named, side_asked, tells_side
from rag.query_words import keyword_query
from rag.settings import Settings
from rag.sparse import Bm25Encoder
from rag.store import Filters, PointVectors, VectorStore, open_store
from rag.store.base import MISSING_MEANS, filter_items
from rag.types import Chunk, DocumentRecord, Evidence, point_id

# A cited work's entry is looked for among at most this many chunks of the citing document,
# its last: a reference list ends a paper or a book.
MAX_DOCUMENT_CHUNKS = 2000
# A title page's authors and affiliations stand in the first chunks of its document.
TITLE_PAGE_CHUNKS = 3
NUMBERED_DOCUMENTS = 3  # documents searched for a figure the question numbers

if TYPE_CHECKING:
    from rag.embedders.clip import ClipEmbedder

log = logging.getLogger(__name__)


@dataclass
class Recovery:
    """What ``Index.recover`` found an interrupted write had left (content hashes)."""

    published: list[str] = field(default_factory=list)  # committed, now answering
    discarded: list[str] = field(default_factory=list)  # chunks of no current version
    blobs: list[str] = field(default_factory=list)  # kept files of no current version

    def __bool__(self) -> bool:
        return bool(self.published or self.discarded or self.blobs)


class Index:
    def __init__(
        self,
        settings: Settings,
        *,
        store: VectorStore | None = None,
        embedder: Embedder | None = None,
        image_embedder: ClipEmbedder | None = None,
    ) -> None:
        self.settings = settings
        self.blobs = BlobStore.of(settings)
        self.bm25 = Bm25Encoder()
        self._store = store
        self._embedder = embedder
        self._image_embedder = image_embedder
        self._question_embedder: Embedder | None = None
        self._lock = threading.Lock()
        self._schema_ready = False  # the collection exists and matches the models
        self._present = False  # the collection exists (checked without a model)
        self._recover_lock = threading.Lock()
        self._recovered: Recovery | None = None

    # Parts, created on first use ---------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        """The dense text model: chunks, picture descriptions and questions."""
        if self._embedder is None:
            self._embedder = create_embedder(self.settings)
        return self._embedder

    @property
    def question_embedder(self) -> Embedder:
        """The text model at question time, remembering what it embedded
        (``RAG_SENTENCE_CACHE``): the reader and the citation check find the question that
        retrieval embedded, and the sentences of chunks stored without their vectors."""
        with self._lock:
            if self._question_embedder is None:
                size = self.settings.sentence_cache
                self._question_embedder = (
                    CachedEmbedder(self.embedder, size) if size else self.embedder
                )
        return self._question_embedder

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
        """The collection, created if absent and checked against the models once; safe to
        reach from any thread. Needs the models: reading and deleting use ``_existing``."""
        with self._lock:
            store = self._open()
            if not self._schema_ready:
                # The owner lock first: a process refused the index loads no model.
                self._present = self._present or store.open_existing()
                clip = self.image_embedder
                store.ensure_schema(self.embedder.dim, image_dim=clip.dim if clip else None)
                if clip is not None:  # an index built before CLIP was configured
                    store.ensure_image_vector(clip.dim)
                self._schema_ready = self._present = True
        return store

    def _existing(self) -> VectorStore | None:
        """The collection if there is one, opened without loading any model (listing and
        deleting need none); None before the first ingest, and nothing is created."""
        with self._lock:
            store = self._open()
            if not self._present:
                self._present = store.open_existing()
            return store if self._present else None

    def _open(self) -> VectorStore:
        # The embedded store takes its owner lock on first use, before touching the shard.
        if self._store is None:
            self._store = open_store(self.settings)
        return self._store

    # Writing -----------------------------------------------------------------------------------

    def vectorise(
        self, texts: Sequence[str], pictures: Sequence[Image.Image | None] = ()
    ) -> list[PointVectors]:
        """The vectors of chunks: dense and BM25 of each text and, with an image embedder, the
        image vector of the picture a chunk was described from (``pictures[i]``, None for text).

        Texts are embedded in one call: pass a batch of the embedder's size to keep it full.
        """
        return self._point_vectors(texts, self.embedder.embed(texts), pictures)

    def vectorise_chunks(
        self,
        chunks: Sequence[Chunk],
        texts: Sequence[str],
        pictures: Sequence[Image.Image | None] = (),
    ) -> tuple[list[Chunk], list[PointVectors]]:
        """``vectorise`` of the chunks' ``texts`` (what each is embedded from: its text, after
        a heading), and the chunks with the vectors of the sentences the reader scores packed
        in their payload. With ``RAG_SENTENCE_VECTORS=pooled`` those come from the same
        forward pass as the chunk's vector; ``separate`` embeds them on their own, and then
        ``RAG_CHUNK_VECTORS=from-sentences`` pools the chunk's vector from their passes and
        those of the rest of its text instead of a pass over the whole text."""
        # The reader's text rules (some 170 patterns to compile) load with the first chunk to
        # embed, not with every command that opens the index: `rag list` stays under a second.
        from rag.reader.reader import sentence_spans, sentence_texts

        if self.settings.sentence_vectors == "pooled":
            spans = [sentence_spans(chunk) for chunk in chunks]
            groups = [[span.text for span in group] for group in spans]
            placed = [
                _within(group, text, chunk.text)
                for group, text, chunk in zip(spans, texts, chunks, strict=True)
            ]
            dense, sentence_vectors = self.embedder.embed_with_spans(texts, placed)
        else:
            from_sentences = self.settings.chunk_vectors == "from-sentences"
            if from_sentences:  # where each sentence stands: the rest is embedded apart
                spans = [sentence_spans(chunk) for chunk in chunks]
                groups = [[span.text for span in group] for group in spans]
            else:
                # Embedded on their own, the sentences need no place in the chunk: finding it
                # costs twenty times listing them.
                groups = [sentence_texts(chunk) for chunk in chunks]
            # A sentence in the overlap of two chunks is embedded once.
            flat = [text for group in groups for text in group]
            distinct = list(dict.fromkeys(flat))
            if from_sentences:
                sums = self.embedder.embed_with_sums(distinct)
                vectors = sums.vectors
                dense = self._dense_from_pieces(chunks, texts, spans, distinct, sums)
            else:
                dense = self.embedder.embed(texts)
                vectors = self.embedder.embed(distinct)
            found = dict(zip(distinct, vectors, strict=True))
            alone = (
                np.stack([found[text] for text in flat])
                if flat
                else np.zeros((0, dense.shape[1]), dtype=np.float32)
            )
            sentence_vectors = split_rows(alone, [len(g) for g in groups], self.embedder.dim)
        packed = [
            replace(chunk, sentence_vectors=pack(group, vectors))
            for chunk, group, vectors in zip(chunks, groups, sentence_vectors, strict=True)
        ]
        return packed, self._point_vectors(texts, dense, pictures)

    def _dense_from_pieces(
        self,
        chunks: Sequence[Chunk],
        texts: Sequence[str],
        spans: Sequence[Sequence[Span]],
        distinct: Sequence[str],
        sums: TokenSums,
    ) -> np.ndarray:
        """``RAG_CHUNK_VECTORS=from-sentences``: each chunk's dense vector mean-pooled over its
        pieces, each embedded on its own: the sentences placed in its embedded text (already
        embedded, ``sums`` of ``distinct``) and the stretches of that text no sentence
        covers (a heading, a list marker, a fragment the sentence splitter leaves out), each
        distinct stretch embedded once."""
        row_of = {text: k for k, text in enumerate(distinct)}
        pieces: list[tuple[list[int], list[str]]] = []
        for chunk, text, group in zip(chunks, texts, spans, strict=True):
            placed = [span for span in _within(group, text, chunk.text) if span.ranges]
            rest = uncovered(text, [r for span in placed for r in span.ranges])
            if not placed and not rest:  # nothing but whitespace: embedded as it is
                rest = [text]
            pieces.append(([row_of[span.text] for span in placed], rest))
        new = list(dict.fromkeys(p for _, rest in pieces for p in rest if p not in row_of))
        if new:
            sums = TokenSums.concat(sums, self.embedder.embed_with_sums(new))
            row_of.update({text: len(distinct) + k for k, text in enumerate(new)})
        dense = np.empty((len(texts), self.embedder.dim), dtype=np.float32)
        for i, (rows, rest) in enumerate(pieces):
            dense[i] = joint_vector(sums, rows + [row_of[p] for p in rest])
        return dense

    def _point_vectors(
        self, texts: Sequence[str], dense: np.ndarray, pictures: Sequence[Image.Image | None]
    ) -> list[PointVectors]:
        clip = self.image_embedder
        seen: dict[int, np.ndarray] = {}  # a picture whose description spans several chunks
        images: list[np.ndarray | None] = [None] * len(texts)
        for i, picture in enumerate(pictures):
            if picture is not None and clip is not None:
                if id(picture) not in seen:
                    seen[id(picture)] = clip.embed_images([picture])[0]
                images[i] = seen[id(picture)]
        return [
            PointVectors(text=dense[i], sparse=self.bm25.document(text), image=images[i])
            for i, text in enumerate(texts)
        ]

    def add(
        self,
        record: DocumentRecord,
        chunks: Sequence[Chunk],
        vectors: Sequence[PointVectors],
        *,
        replaces: DocumentRecord | None = None,
    ) -> None:
        """Store one version of a document so that a kill at any step leaves one version
        answering: its chunks go in staged (invisible), then its record (the commit), then
        the chunks of its other versions go and its own are published. The kept files of
        ``replaces`` (the version this one supersedes) go last. ``recover`` finishes or undoes
        what a kill interrupted.
        """
        store = self.store
        faults.reached("after_pictures_before_chunks")
        store.upsert_chunks(chunks, vectors, staged=True)
        faults.reached("after_chunks_before_record")
        store.put_document(record)
        faults.reached("after_record_before_cleanup")
        store.delete_chunks(record.doc_id, except_sha256=record.sha256)
        faults.reached("after_cleanup_before_publish")
        store.publish_chunks(record.doc_id, record.sha256)
        faults.reached("after_publish_before_blobs")
        if replaces is not None and replaces.sha256 != record.sha256:
            self._remove_unshared_blobs(replaces.sha256)

    def forget(self, record: DocumentRecord) -> None:
        """Remove a document: its chunks, its record and its kept files."""
        store = self._existing()
        if store is None:
            return
        store.delete_chunks(record.doc_id)
        store.delete_document_record(record.doc_id)
        self._remove_unshared_blobs(record.sha256)

    def _remove_unshared_blobs(self, sha256: str) -> None:
        """Kept files are named by content: the same content in another collection keeps them."""
        store = self._existing()  # open already: never a model to load for this
        if store is None or not store.documents({"sha256": sha256}):
            self.blobs.remove(sha256)

    def remove(self, key: str, filters: Filters | None = None) -> DocumentRecord:
        """Delete a document by id, content hash, path or (unambiguous) file name, among
        those matching ``filters``."""
        record = self.find(key, filters)
        if record is None:
            raise DocumentNotFoundError(
                f"no indexed document matches {key!r}: `rag list` shows ids, paths and file names"
            )
        self.forget(record)
        return record

    def recover(self) -> Recovery:
        """Finish or undo what a killed writer left, once per opening, before anything is
        written: a version whose record was written gets its chunks published and the older
        ones deleted; staged chunks without a record, visible chunks of a version no record
        names, and kept files no record names are deleted. Needs no model."""
        with self._recover_lock:
            if self._recovered is not None:
                return self._recovered
            done = Recovery()
            store = self._existing()
            records: dict[str, DocumentRecord] = {}
            # With a Qdrant server, other processes may be writing: their staged chunks are
            # not leftovers, and the kept files are theirs too.
            sole_writer = self.settings.uses_embedded_store
            if store is not None:
                records = {d.sha256: d for d in store.documents()}
                for sha256 in sorted(store.chunk_versions(staged=True)):
                    record = records.get(sha256)
                    if record is None:
                        if sole_writer:
                            store.discard_version(sha256, staged=True)
                            done.discarded.append(sha256)
                    else:
                        store.delete_chunks(record.doc_id, except_sha256=sha256)
                        store.publish_chunks(record.doc_id, sha256)
                        done.published.append(sha256)
                for sha256 in sorted(store.chunk_versions(staged=False) - records.keys()):
                    store.discard_version(sha256, staged=False)
                    done.discarded.append(sha256)
            if sole_writer and self._owns_blobs():
                done.blobs = self.blobs.collect(set(records))
            if done:
                log.warning("recovered from an interrupted write: %s", done)
            self._recovered = done
            return done

    def _owns_blobs(self) -> bool:
        """Kept files are shared by every collection of a data directory: the owner lock
        makes this process their only writer when the directory holds no other collection."""
        shards = self.settings.shard_dir.parent
        others = [p for p in shards.iterdir() if p.is_dir()] if shards.is_dir() else []
        return all(p.name == self.settings.collection for p in others)

    # Reading -----------------------------------------------------------------------------------

    def documents(self, filters: Filters | None = None) -> list[DocumentRecord]:
        store = self._existing()
        return store.documents(filters) if store is not None else []

    def find(self, key: str, filters: Filters | None = None) -> DocumentRecord | None:
        """A document by id, content hash, path (also relative to here) or unambiguous name,
        among those matching ``filters``."""
        store = self._existing()
        if store is None:
            return None
        record = store.find_document(key, filters)
        if record is None and Path(key).exists():
            record = store.find_document(str(Path(key).resolve()), filters)
        return record

    def count(self, filters: Filters | None = None) -> int:
        """Chunks in the index (document records are not counted)."""
        store = self._existing()
        return store.count(filters) if store is not None else 0

    def search(
        self,
        question: str,
        *,
        top_k: int | None = None,
        filters: Filters | None = None,
        image: Image.Image | None = None,
        timings: dict[str, float] | None = None,
    ) -> list[Evidence]:
        """Hybrid retrieval: dense and BM25 rankings fused by reciprocal rank, plus the image
        vector when a CLIP model is configured (the query picture's own vector, or the question
        through CLIP's text tower). Deterministic: exact search on a collection of up to
        ``exact_search_max_chunks`` chunks, and equal scores ordered by point id."""
        store = self.store  # opened (or found down) before any model work
        started = time.perf_counter()
        dense = self.question_embedder.embed_query(question)
        sparse = self.bm25.query(keyword_query(question))
        image_vector = None
        if (clip := self.image_embedder) is not None:
            if image is not None:
                image_vector = clip.embed_images([image])[0]
            else:
                image_vector = clip.embed_texts([question])[0]
        embedded = time.perf_counter()
        evidence = store.hybrid_query(
            dense=dense,
            sparse=sparse,
            image=image_vector,
            limit=top_k or self.settings.top_k,
            prefetch_limit=self.settings.prefetch_k,
            rrf_k=self.settings.rrf_k,
            filters=filters,
            exact=store.count() <= self.settings.exact_search_max_chunks,
        )
        if timings is not None:
            timings["embed_query"] = (embedded - started) * 1000
            timings["search"] = (time.perf_counter() - embedded) * 1000
        return evidence

    def following(self, evidence: Evidence) -> Evidence | None:
        """The chunk that comes next in the document of ``evidence``'s chunk, or None."""
        chunk = evidence.chunk
        after = replace(chunk, chunk_index=chunk.chunk_index + 1, sentence_vectors=None)
        payload = self.store.payloads([after.id]).get(after.id)
        if payload is None or payload.get("doc_id") != chunk.doc_id:
            return None
        return Evidence(chunk=Chunk.from_payload(payload), score=0.0, rank=evidence.rank)

    def cited_entries(
        self, question: str, evidence: Sequence[Evidence], filters: Filters | None = None
    ) -> list[Evidence]:
        """The reference entries of the works ``evidence`` cites (those the question cites
        first), read in the citing chunk's own document, for the first MAX_FOLLOWED works
        whose entry ``evidence`` does not hold already. ``filters`` bound the documents read."""
        asked = cited_works(question)
        cited = [
            (item.chunk, work)
            for item in evidence
            if item.chunk.modality == "text"
            for work in [*asked, *cited_works(item.chunk.text)]
        ]
        held = {item.chunk.id for item in evidence}
        documents: dict[str, list[Chunk]] = {}
        found: list[Evidence] = []
        followed: set[Work] = set()
        # Works the question cites, then those whose author it names, then the rest in order.
        for citing, work in sorted(
            cited, key=lambda pair: (pair[1] not in asked, not pair[1].named_in(question))
        ):
            if len(followed) == MAX_FOLLOWED or work in followed:
                continue
            if any(holds_entry(item.chunk.text, work) for item in [*evidence, *found]):
                continue
            followed.add(work)
            if citing.doc_id not in documents:
                documents[citing.doc_id] = self._document_chunks(citing, filters)
            entry = next((c for c in documents[citing.doc_id] if holds_entry(c.text, work)), None)
            if entry is not None and entry.id not in held:
                held.add(entry.id)
                found.append(Evidence(chunk=entry, score=0.0, rank=len(evidence) + len(found)))
        return found

    def author_sections(
        self, evidence: Sequence[Evidence], filters: Filters | None = None
    ) -> list[Evidence]:
        """The chunk of the best text passage's document that holds its AUTHOR (or
        MAINTAINER, CREDITS) section, when ``evidence`` does not hold one already."""
        text = [item for item in evidence if item.chunk.modality == "text"]
        if not text or _best_document_holds(text[0], evidence, holds_author_section):
            return []
        held = {item.chunk.id for item in evidence}
        for chunk in self._document_chunks(text[0].chunk, filters):
            if chunk.id not in held and holds_author_section(chunk.text):
                return [Evidence(chunk=chunk, score=0.0, rank=len(evidence))]
        return []

    def title_page(
        self, evidence: Sequence[Evidence], filters: Filters | None = None
    ) -> list[Evidence]:
        """The first chunk of the best text passage's document that prints its authors with
        their affiliations (a paper's title page), when ``evidence`` holds none: "Where was
        Martin Mächler based?" shares no word with "Martin Mächler / ETH Zurich"."""
        # Imported here: `rag list` and the other commands that answer nothing never load
        # the reader.
        from rag.reader.affiliations import affiliations

        text = [item for item in evidence if item.chunk.modality == "text"]
        if not text or any(affiliations(item.chunk.text) for item in text):
            return []
        held = {item.chunk.id for item in evidence}
        first = text[0].chunk
        ids = [replace(first, chunk_index=index).id for index in range(TITLE_PAGE_CHUNKS)]
        payloads = self.store.payloads(ids)
        for point in ids:
            payload = payloads.get(point)
            if point in held or payload is None or payload.get("doc_id") != first.doc_id:
                continue
            chunk = Chunk.from_payload(payload)
            if chunk.modality == "text" and _passes(payload, filters) and affiliations(chunk.text):
                return [Evidence(chunk=chunk, score=0.0, rank=len(evidence))]
        return []

    def named_sections(
        self, question: str, evidence: Sequence[Evidence], filters: Filters | None = None
    ) -> list[Evidence]:
        """The chunk of the best text passage's document that holds the section ``question``
        names by its heading ("exit status") or the release it names by its version ("in
        version 1.1-0"), when ``evidence`` does not hold it already."""
        text = [item for item in evidence if item.chunk.modality == "text"]
        if not text:
            return []
        releases = releases_asked(question)

        def names(chunk: Chunk) -> bool:
            return names_section(question, chunk.text) or opens_release(
                releases, chunk.text, chunk.headings
            )

        if any(names(item.chunk) for item in evidence):
            return []
        held = {item.chunk.id for item in evidence}
        for chunk in self._document_chunks(text[0].chunk, filters):
            if chunk.id not in held and names(chunk):
                return [Evidence(chunk=chunk, score=0.0, rank=len(evidence))]
        return []

    def option_entries(
        self, question: str, evidence: Sequence[Evidence], filters: Filters | None = None
    ) -> list[Evidence]:
        """The chunks of the best text passage's document that hold the entries of the options
        ``question`` names ("without -t"), for each option whose entry ``evidence`` lacks."""
        from rag.option_entries import entries_held, options_asked  # the reader's, as above

        return self._entries_held(options_asked(question), entries_held, evidence, filters)

    def spelled_out(
        self, question: str, evidence: Sequence[Evidence], filters: Filters | None = None
    ) -> list[Evidence]:
        """The chunk of the best text passage's document that spells out the short form
        ``question`` asks about ("what does the name FIGlet stand for": "About FIGlet (Frank,
        Ian & Glenn's Letters)"), when no chunk of ``evidence`` does."""
        from rag.reader.question import spelled_out  # the reader's, as above
        from rag.reader.spans import expansions

        short = spelled_out(question)
        if not short:
            return []
        return self._entries_held(
            {short}, lambda text: {short} if expansions(short, text) else set(), evidence, filters
        )

    def keyed_entries(
        self, question: str, evidence: Sequence[Evidence], filters: Filters | None = None
    ) -> list[Evidence]:
        """The chunks of the best text passage's document that hold the list entries keyed by
        the numbers ``question`` gives ("what is type 17"), for each key ``evidence`` lacks."""
        from rag.keyed_entries import keys_asked, keys_held  # the reader's, as above

        return self._entries_held(keys_asked(question), keys_held, evidence, filters)

    def _entries_held(
        self,
        asked: set[str],
        held_by: Callable[[str], set[str]],
        evidence: Sequence[Evidence],
        filters: Filters | None,
    ) -> list[Evidence]:
        """The chunks of the best text passage's document whose text holds (by ``held_by``)
        what is ``asked`` and ``evidence`` lacks, the first chunk for each."""
        text = [item for item in evidence if item.chunk.modality == "text"]
        if not text or not asked:
            return []
        asked = asked - {name for item in evidence for name in held_by(item.chunk.text)}
        held = {item.chunk.id for item in evidence}
        found: list[Evidence] = []
        for chunk in self._document_chunks(text[0].chunk, filters) if asked else ():
            names = held_by(chunk.text) & asked
            if names and chunk.id not in held:
                found.append(Evidence(chunk=chunk, score=0.0, rank=len(evidence) + len(found)))
                asked -= names
        return found

    def captioned_parts(
        self, question: str, evidence: Sequence[Evidence], filters: Filters | None = None
    ) -> list[Evidence]:
        """For each figure or table ``question`` names by number ("Figure 3") that no chunk of
        ``evidence`` captions (or none that tells the side asked of plots side by side), the
        chunk that does in the document of the best evidence that
        has one (of the first NUMBERED_DOCUMENTS documents): the figure's own picture chunk
        before the text around it."""
        named = parts_named(question)
        if not named:
            return []
        documents: dict[str, Chunk] = {}
        for item in evidence:
            documents.setdefault(item.chunk.doc_id, item.chunk)
        held = {item.chunk.id for item in evidence}
        found: list[Evidence] = []
        read: dict[str, list[Chunk]] = {}  # each document's chunks, read once
        # "What is the right-hand one titled?": of a figure's plots side by side, the chunk
        # that tells the one asked about.
        side = side_asked(question)
        for part in named:
            captioning_held = [item.chunk for item in evidence if captions(item.chunk.text, part)]
            if captioning_held and (
                not side or any(tells_side(c.text, side) for c in captioning_held)
            ):
                continue
            for first in list(documents.values())[:NUMBERED_DOCUMENTS]:
                if first.doc_id not in read:
                    read[first.doc_id] = self._document_chunks(
                        first, filters, modalities=("image", "text")
                    )
                chunks = read[first.doc_id]
                captioning = sorted(
                    (
                        c
                        for c in chunks
                        if c.id not in held
                        and captions(c.text, part)
                        and (not captioning_held or tells_side(c.text, side))
                    ),
                    key=lambda c: (c.modality != "image", c.chunk_index),
                )
                if captioning:
                    held.add(captioning[0].id)
                    found.append(Evidence(chunk=captioning[0], score=0.0, rank=len(found)))
                    break
        return found

    def _document_chunks(
        self, chunk: Chunk, filters: Filters | None, modalities: tuple[str, ...] = ("text",)
    ) -> list[Chunk]:
        """The chunks of ``chunk``'s document of ``modalities`` that pass ``filters``, in
        order; of a longer document, those among its last MAX_DOCUMENT_CHUNKS, where its
        reference list stands."""
        record_id = point_id(chunk.doc_id, -1)
        record = self.store.payloads([record_id]).get(record_id)
        if record is None:
            return []
        total = int(record.get("chunks", 0))
        ids = [
            replace(chunk, chunk_index=index).id
            for index in range(max(0, total - MAX_DOCUMENT_CHUNKS), total)
        ]
        payloads = self.store.payloads(ids)
        return [
            Chunk.from_payload(payloads[i])
            for i in ids
            if i in payloads
            and payloads[i].get("doc_id") == chunk.doc_id
            and payloads[i].get("modality") in modalities
            and _passes(payloads[i], filters)
        ]

    # Upkeep ------------------------------------------------------------------------------------

    def optimize(self) -> None:
        """Build the HNSW indexes now. Never on a serving thread: Edge holds the GIL meanwhile."""
        self.store.optimize()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store (it reopens on next use); the models stay loaded."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
                self._schema_ready = self._present = False
                self._recovered = None


def _within(spans: Sequence[Span], text: str, chunk_text: str) -> list[Span]:
    """``spans`` of ``chunk_text`` placed in ``text``, which ends with it; without ranges
    (embedded on their own) when it does not."""
    if not text.endswith(chunk_text):
        return [Span(span.text) for span in spans]
    shift = len(text) - len(chunk_text)
    return [
        Span(span.text, tuple((start + shift, end + shift) for start, end in span.ranges))
        for span in spans
    ]


def uncovered(text: str, ranges: Sequence[tuple[int, int]]) -> list[str]:
    """The stretches of ``text`` outside every one of the character ``ranges``, stripped, in
    order; whitespace alone is no stretch."""
    rest, at = [], 0
    for start, end in sorted(ranges):
        if start > at:
            rest.append(text[at:start])
        at = max(at, end)
    rest.append(text[at:])
    return [piece.strip() for piece in rest if piece.strip()]


def _passes(payload: dict, filters: Filters | None) -> bool:
    """A chunk's ``payload`` passes ``filters`` as a store query applies them."""
    return all(
        payload.get(name, MISSING_MEANS.get(name)) in values
        for name, values, _ in filter_items(filters)
    )


def _best_document_holds(
    best: Evidence, evidence: Sequence[Evidence], holds: Callable[[str], object]
) -> bool:
    """A chunk of ``evidence`` from the document of the best passage ``best`` holds what
    ``holds`` looks for. Another document's section (the CREDITS of a README beside the man
    page asked about) is not that document's, and does not make reading it needless."""
    return any(
        item.chunk.doc_id == best.chunk.doc_id and holds(item.chunk.text) for item in evidence
    )
