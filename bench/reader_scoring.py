"""How well the reader's score picks the sentence that holds the answer, against other ways
to score the same candidates, on indexes that are already ingested.

For every answerable question that is not about a standalone picture, the question is asked
through the service, and the reader ranks the sentences and table rows of its evidence
(``Reader.rank``). A candidate is right when it holds one of the question's accepted answers.
Each scorer orders the same candidates; the measures are top-1 (the first candidate is right)
and the mean reciprocal rank of the first right one, over the questions that have a right
candidate at all. Scorers:

- ``reader``: the reader's own score (what answers are built from);
- ``dense`` and ``lexical``: one of its parts alone;
- ``maxsim`` (with ``--maxsim``): token-level late interaction with the text model's own token
  states (for each question token, its best cosine with a token of the sentence, averaged);
- ``learned``: a pairwise logistic regression over the reader's signals (and ``maxsim`` when
  measured), trained on the other groups' questions and scored on each group in turn
  (leave one group out). A group is a question id's prefix: ``dev``, ``val``, ``val2``...

    .venv/bin/python bench/reader_scoring.py --set DATA_DIR QUESTIONS [--set ...] [--maxsim]

Each ``DATA_DIR`` is a ``RAG_DATA_DIR`` that holds the ingested corpus of its questions.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.benchlib import RESULTS, load_avg, run_header, write_json  # noqa: E402

# Question tokens that carry no topic: stopwords (the question word, auxiliaries) and punctuation.
PUNCTUATION_TOKENS = frozenset("?,.'\"")
SPECIAL_TOKENS = frozenset({"[CLS]", "[SEP]", "[PAD]"})


@dataclass
class Scored:
    """One question's candidates: which are right, the reader's score, the signals."""

    id: str
    group: str
    right: list[bool]
    reader: list[float]
    signals: np.ndarray  # one row per candidate
    texts: list[str]
    question: str
    maxsim: list[float] | None = None


def collect(data_dir: Path, questions: Path) -> list[Scored]:
    """Ask every answerable, non-picture question on the index in ``data_dir``."""
    os.environ["RAG_DATA_DIR"] = str(data_dir)
    from rag.evaluation.metrics import answer_correct
    from rag.reader.pictures import readable_text
    from rag.reader.question import analyse
    from rag.service import RagService
    from rag.settings import load_settings

    found: list[Scored] = []
    with RagService(load_settings()) as service:
        reader = service.generator.reader
        for line in questions.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if item["kind"] in ("unanswerable", "image"):
                continue
            answer = service.ask(item["question"])
            evidence = answer.evidence[: service.settings.top_k]
            asked = analyse(item["question"])
            readable = {i: readable_text(e, False) for i, e in enumerate(evidence)}
            usable = [i for i, text in readable.items() if text]
            ranked = reader.rank(asked, readable, usable, asked.scene, evidence=evidence)
            if not ranked:
                continue
            found.append(
                Scored(
                    id=item["id"],
                    group=item["id"].split("-")[0],
                    right=[
                        answer_correct(f"{c.text} {c.follows}", item["answers"]) for c in ranked
                    ],
                    reader=[c.score for c in ranked],
                    signals=np.array([signal_row(c.signals) for c in ranked]),
                    texts=[c.text for c in ranked],
                    question=asked.asking or asked.text,
                )
            )
    return found


def signal_row(signals) -> list[float]:
    return [
        signals.dense,
        signals.lexical,
        signals.inherited,
        signals.novelty,
        float(signals.typed),
        float(signals.table_row),
        float(signals.row_key),
        float(signals.excluded),
        1.0 / (signals.evidence_rank + 1),
    ]


def add_maxsim(questions: Sequence[Scored], model_name: str) -> None:
    """Token-level late interaction: each question token's best cosine with a sentence token,
    averaged over the question's topic tokens."""
    import torch
    from sentence_transformers import SentenceTransformer

    from rag.embedders.sentence_transformer import resolve_model_path
    from rag.text import STOPWORDS

    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    model = SentenceTransformer(resolve_model_path(model_name), device="cpu")
    tokenizer = model.tokenizer

    def token_states(texts: list[str]) -> list[np.ndarray]:
        states = model.encode(texts, output_value="token_embeddings", convert_to_numpy=False)
        kept = []
        for text, state in zip(texts, states, strict=True):
            ids = tokenizer(text, truncation=True, max_length=model.max_seq_length)["input_ids"]
            tokens = tokenizer.convert_ids_to_tokens(ids)
            vectors = state.numpy()[: len(ids)]
            keep = [i for i, t in enumerate(tokens) if t not in SPECIAL_TOKENS]
            vectors = vectors[keep] if keep else vectors
            kept.append((vectors / np.linalg.norm(vectors, axis=1, keepdims=True), tokens, keep))
        return kept

    for item in questions:
        states = token_states([item.question, *item.texts])
        q_vectors, q_tokens, q_keep = states[0]
        topic = [
            n
            for n, i in enumerate(q_keep)
            if q_tokens[i] not in STOPWORDS and q_tokens[i] not in PUNCTUATION_TOKENS
        ]
        q_vectors = q_vectors[topic] if topic else q_vectors
        item.maxsim = [float((q_vectors @ s.T).max(axis=1).mean()) for s, _, _ in states[1:]]


def features(item: Scored) -> np.ndarray:
    rows = item.signals
    extra = [rows[:, 0] - rows[:, 0].max(), rows[:, 1] - rows[:, 1].max()]
    if item.maxsim is not None:
        maxsim = np.asarray(item.maxsim)
        extra += [maxsim, maxsim - maxsim.max()]
    return np.hstack([rows, np.stack(extra, axis=1)])


def fit_pairwise(
    items: Sequence[Scored], width: int, l2: float = 0.01, steps: int = 800
) -> np.ndarray:
    """Weights w such that w·(right - wrong) > 0 for the pairs of candidates of a question,
    by gradient descent on the logistic loss; features scaled to unit spread. No pair to
    learn from gives zero weights: every candidate scores alike."""
    pairs = []
    for item in items:
        rows = features(item)
        right = [i for i, r in enumerate(item.right) if r]
        wrong = [i for i, r in enumerate(item.right) if not r]
        pairs += [rows[r] - rows[w] for r in right for w in wrong]
    if not pairs:
        return np.zeros(width)
    x = np.array(pairs)
    scale = x.std(axis=0) + 1e-9
    x = x / scale
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        margin = x @ w
        grad = -(x * (1.0 / (1.0 + np.exp(margin)))[:, None]).mean(axis=0) + l2 * w
        w -= 0.5 * grad
    return w / scale


def measure(items: Sequence[Scored], score: Callable[[Scored], Sequence[float]]) -> dict:
    top1, reciprocal = 0, 0.0
    for item in items:
        order = np.argsort(-np.asarray(score(item), dtype=float), kind="stable")
        first = next(k for k, i in enumerate(order) if item.right[i])
        top1 += first == 0
        reciprocal += 1.0 / (first + 1)
    n = len(items)
    return {"questions": n, "top1": top1 / n if n else 0.0, "mrr": reciprocal / n if n else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set",
        nargs=2,
        action="append",
        metavar=("DATA_DIR", "QUESTIONS"),
        required=True,
        help="an ingested index (RAG_DATA_DIR) and its questions; repeat for more sets",
    )
    parser.add_argument("--maxsim", action="store_true", help="also score token late interaction")
    parser.add_argument("--out", type=Path, default=RESULTS / "reader_scoring.json")
    args = parser.parse_args()
    load_start = load_avg()

    items: list[Scored] = []
    for data_dir, questions in args.set:
        items += collect(Path(data_dir), Path(questions))
    answerable = [item for item in items if any(item.right)]
    if args.maxsim:
        from rag.settings import load_settings

        add_maxsim(answerable, load_settings().embedding_model)
    groups = sorted({item.group for item in answerable})
    scorers: dict[str, Callable[[Scored], Sequence[float]]] = {
        "reader": lambda item: item.reader,
        "dense": lambda item: item.signals[:, 0],
        "lexical": lambda item: item.signals[:, 1],
    }
    if args.maxsim:
        scorers["maxsim"] = lambda item: item.maxsim or []
    table: dict[str, dict[str, dict]] = {name: {} for name in [*scorers, "learned"]}
    for group in groups:
        held_out = [item for item in answerable if item.group == group]
        for name, score in scorers.items():
            table[name][group] = measure(held_out, score)
        width = features(held_out[0]).shape[1]
        weights = fit_pairwise([item for item in answerable if item.group != group], width)
        table["learned"][group] = measure(held_out, lambda item, w=weights: features(item) @ w)
    for name in table:
        table[name]["all"] = {
            "questions": len(answerable),
            "top1": sum(table[name][g]["top1"] * table[name][g]["questions"] for g in groups)
            / max(1, len(answerable)),
            "mrr": sum(table[name][g]["mrr"] * table[name][g]["questions"] for g in groups)
            / max(1, len(answerable)),
        }
    print(f"{len(items)} questions, {len(answerable)} with a right candidate; top-1 / MRR:")
    print("| scorer | " + " | ".join([*groups, "all"]) + " |")
    print("| --- |" + " --- |" * (len(groups) + 1))
    for name, row in table.items():
        cells = [f"{row[g]['top1']:.3f} / {row[g]['mrr']:.3f}" for g in [*groups, "all"]]
        print(f"| {name} | " + " | ".join(cells) + " |")
    from rag.settings import load_settings

    write_json(
        args.out,
        {
            **run_header("reader_scoring", load_settings(), load_start),
            "questions": len(items),
            "with_right_candidate": len(answerable),
            "groups": {g: sum(item.group == g for item in answerable) for g in groups},
            "scorers": table,
        },
    )


if __name__ == "__main__":
    main()
