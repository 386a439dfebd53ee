"""Open WebUI's background tasks, answered without asking the index a question.

Open WebUI sends its chat model prompts of its own after an answer: a chat title, tags,
follow-up suggestions and search queries. Each is one user message that starts with
``### Task:``, holds the conversation between ``<chat_history>`` tags as ``USER: ...`` /
``ASSISTANT: ...`` lines, and names the JSON object it wants (``{ "title": ... }``,
``{ "tags": [...] }``, ``{ "follow_ups": [...] }``, ``{ "queries": [...] }``). Asked as a
question they would be answered "the documents do not contain the answer"; here the title and
tags come from the user's words, the follow-up questions from the evidence behind the last
answer (else the indexed documents), the queries from the last question.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rag.collections import restrict
from rag.text import STOPWORDS, content_terms, sentences

if TYPE_CHECKING:
    from rag.service import RagService

TASK_HEADER = re.compile(r"^\s*###\s*Task:", re.IGNORECASE)
# The first JSON key the prompt asks for: its "Output" line names it before any example.
WANTED = re.compile(r"\{\s*\"(title|tags|follow_ups|queries)\"\s*:")
HISTORY = re.compile(r"<chat_history>\s*(.*?)\s*</chat_history>", re.DOTALL)
TURN = re.compile(r"^(USER|ASSISTANT|SYSTEM):[ \t]?", re.MULTILINE)
WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*|\d[\w.\-]*")
# A sources footer or link in an earlier answer is not part of what was said.
FOOTER = re.compile(r"\n+\*\*Sources\*\*.*", re.DOTALL)
CITED = re.compile(r"\[\d+\]")
MAX_TITLE_WORDS = 5
MAX_FOLLOW_UPS = 5


@dataclass(frozen=True)
class Turn:
    role: str  # USER | ASSISTANT | SYSTEM
    text: str


@dataclass(frozen=True)
class BackgroundTask:
    kind: str  # title | tags | follow_ups | queries
    turns: list[Turn]

    def reply(self, service: RagService, top_k: int, collections: list[str] | None = None) -> str:
        """The JSON object the prompt asks for, as the completion's text; follow-ups come
        from ``collections`` only (None: every one)."""
        if self.kind == "title":
            value: object = title(self.turns)
        elif self.kind == "tags":
            value = tags(self.turns)
        elif self.kind == "follow_ups":
            value = follow_ups(self.turns, service, top_k, collections)
        else:
            value = [q] if (q := last(self.turns, "USER")) else []
        return json.dumps({self.kind: value}, ensure_ascii=False)


def background_task(prompt: str) -> BackgroundTask | None:
    """The task a message asks for, or None for an ordinary question."""
    if not TASK_HEADER.match(prompt):
        return None
    wanted = WANTED.search(prompt)
    history = HISTORY.search(prompt)
    if wanted is None or history is None:
        return None
    return BackgroundTask(wanted.group(1), read_turns(history.group(1)))


def read_turns(history: str) -> list[Turn]:
    marks = list(TURN.finditer(history))
    turns = []
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following else len(history)
        text = history[mark.end() : end].strip()
        if text:
            turns.append(Turn(mark.group(1), text))
    return turns


def last(turns: list[Turn], role: str) -> str:
    return next((t.text for t in reversed(turns) if t.role == role), "")


def _topic_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 1]


def _shown(word: str) -> str:
    return word if any(c.isupper() for c in word[1:]) or word.isupper() else word.capitalize()


def title(turns: list[Turn]) -> str:
    """The subject words of the conversation's first question: "What is used to descale the
    espresso machine?" -> "Descale Espresso Machine"."""
    first = next((t.text for t in turns if t.role == "USER"), "")
    words = list(dict.fromkeys(_topic_words(first)))[:MAX_TITLE_WORDS]
    return " ".join(_shown(w) for w in words) or "New Chat"


def tags(turns: list[Turn]) -> list[str]:
    """The words the user's questions come back to most (at most 3), else ``General``."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for turn in turns:
        if turn.role != "USER":
            continue
        for word in _topic_words(turn.text):
            if word[0].isdigit():
                continue
            counts[word.lower()] += 1
            shown.setdefault(word.lower(), _shown(word))
    ranked = sorted(counts, key=lambda w: -counts[w])  # stable: first asked wins a tie
    return [shown[w] for w in ranked[:3]] or ["General"]


def follow_ups(
    turns: list[Turn], service: RagService, top_k: int, collections: list[str] | None = None
) -> list[str]:
    """Questions about what the evidence the last answer cited says beyond what was asked and
    answered, phrased so the index answers them; the topics of documents the conversation has
    not touched fill up to three. Pictures are left out: their descriptions answer questions
    about a picture, not these."""
    question, answer = last(turns, "USER"), last(turns, "ASSISTANT")
    said = FOOTER.sub("", answer)
    covered = set(content_terms(" ".join(FOOTER.sub("", t.text) for t in turns)))
    questions: list[str] = []

    def add(text: str) -> bool:
        topics = _topics(text, covered)
        for topic in topics:
            covered.update(content_terms(topic))
            questions.append(f"What is said about {topic}?")
        return bool(topics)

    if question and CITED.search(said):
        answered_terms = set(content_terms(said))
        for item in service.index.search(
            question, top_k=top_k, filters=restrict(None, collections)
        ):
            chunk = item.chunk
            # Cited: named in the answer's sources footer, or quoted by the answer.
            quoted = len(set(content_terms(chunk.text)) & answered_terms) >= 2
            if chunk.modality != "image" and (chunk.file in answer or quoted):
                add(chunk.text)
    for record in service.documents(collections):
        if len(set(questions)) >= 3:
            break
        if record.file in answer:
            continue
        name = record.file.rsplit(".", 1)[0]
        only = restrict({"doc_id": [record.doc_id]}, collections)
        for item in service.index.search(name, top_k=3, filters=only):
            if item.chunk.modality != "image" and add(item.chunk.text):
                break
    return list(dict.fromkeys(questions))[:MAX_FOLLOW_UPS]


# Words after which a noun phrase starts: a follow-up is asked about things, not actions.
LEADS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "with",
        "for",
        "about",
        "on",
        "in",
        "to",
        "from",
        "by",
        "into",
        "your",
        "its",
        "their",
        "our",
        "this",
        "these",
        "those",
        "any",
        "some",
        "each",
        "every",
    ]
)
FILLER = frozenset(
    ["every", "per", "via", "within", "without", "always", "often", "never", "usually", "also"]
)


def _topics(text: str, covered: set[str]) -> list[str]:
    """Per sentence of a chunk, the noun phrase (a run of topic words after an article or a
    preposition) that says most that the conversation has not covered: "The warranty lasts 3
    years ..." -> "warranty"; "... with citric acid" -> "citric acid"."""
    topics = []
    for sentence in sentences(text):
        words = re.findall(r"[\w'’\-]+|[^\w\s]", sentence)
        candidates: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            if words[i].lower() not in LEADS:
                i += 1
                continue
            j = i + 1
            while j < len(words) and _topical(words[j]):
                j += 1
            run = words[i + 1 : j][:4]
            following = words[j].lower() if j < len(words) else ""
            if len(run) > 1 and _verb_like(run[-1], following):
                run = run[:-1]  # "warranty lasts 3 years": the subject, not its verb
            fresh = set(content_terms(" ".join(run))) - covered
            if run and fresh:
                candidates.append((len(fresh), -len(candidates), " ".join(run)))
            i = max(j, i + 1)
        if candidates:
            topics.append(max(candidates)[2])
    return topics


def _topical(word: str) -> bool:
    lower = word.lower()
    return word[0].isalpha() and len(word) > 2 and lower not in STOPWORDS | LEADS | FILLER


def _verb_like(word: str, following: str) -> bool:
    """A singular present verb: ends in -s, and an object (a number or an article) follows."""
    ends = word.lower().endswith("s") and not word.lower().endswith(("ss", "us", "is"))
    return ends and (following[:1].isdigit() or following in LEADS)
