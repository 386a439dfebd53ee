"""Question files: JSON Lines with id, question, answers, sources, kind."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rag.errors import EvalError

KINDS = frozenset({"text", "table", "figure", "image", "ocr", "unanswerable", "multi"})
FIELDS = ("id", "question", "answers", "sources", "kind")


@dataclass(frozen=True)
class GoldSource:
    file: str
    page: int | None = None

    def matches(self, file: str, page: int | None) -> bool:
        return self.file == file and (self.page is None or self.page == page)


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answers: tuple[str, ...]
    sources: tuple[GoldSource, ...]
    kind: str

    @property
    def answerable(self) -> bool:
        return self.kind != "unanswerable"


def load_questions(path: Path) -> list[Question]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read question file {path}: {exc.strerror or exc}") from exc
    questions, seen = [], set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{where}: not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict) or set(obj) != set(FIELDS):
            raise EvalError(f"{where}: each line needs exactly the fields {', '.join(FIELDS)}")
        if obj["kind"] not in KINDS:
            raise EvalError(
                f"{where}: unknown kind {obj['kind']!r} (one of {', '.join(sorted(KINDS))})"
            )
        if obj["id"] in seen:
            raise EvalError(f"{where}: duplicate id {obj['id']!r}")
        seen.add(obj["id"])
        try:
            sources = tuple(GoldSource(s["file"], s.get("page")) for s in obj["sources"])
            answers = tuple(str(a) for a in obj["answers"])
        except (TypeError, KeyError) as exc:
            raise EvalError(
                f"{where}: sources must be objects with a 'file' (and optional 'page')"
            ) from exc
        questions.append(
            Question(str(obj["id"]), str(obj["question"]), answers, sources, obj["kind"])
        )
    if not questions:
        raise EvalError(f"{path} holds no questions")
    return questions
