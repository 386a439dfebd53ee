"""Plain-text and Markdown renderings of an evaluation report (HTML: ``report_html``).

Every renderer takes an ``EvalReport`` or the JSON dict it was saved as, so a report written
with ``--json`` can be rendered again later without asking any question.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from rag.errors import EvalError
from rag.evaluation.runner import EvalReport
from rag.evaluation.summary import METRICS, SCHEMA

COLUMNS = (
    "questions",
    "recall@5",
    "mrr",
    "answer_accuracy",
    "direct_accuracy",
    "abstention_accuracy",
    "false_abstentions",
    "latency_p50_ms",
    "latency_p95_ms",
)
# The per-kind table of the Markdown and HTML reports: what differs between kinds.
KIND_COLUMNS = (
    "questions",
    "recall@5",
    "recall@5_file",
    "mrr",
    "ndcg@5",
    "answer_accuracy",
    "direct_accuracy",
    "token_f1",
    "abstention_accuracy",
    "false_abstentions",
    "citation_precision",
    "citation_recall",
    "latency_p50_ms",
)
WORST_COLUMNS = ("id", "kind", "question", "expected", "answer", "rr", "retrieved", "cited")

ReportLike = EvalReport | Mapping[str, Any]


def check_report(report: Any, where: str = "report") -> dict[str, Any]:
    """The report as a dict, or ``EvalError`` when it is not a ``rag-eval/1`` report."""
    if not isinstance(report, Mapping):
        raise EvalError(f"{where} is not an evaluation report (a JSON object is expected)")
    schema = report.get("schema")
    if schema != SCHEMA:
        found = "it has no schema field" if schema is None else f"its schema is {schema!r}"
        raise EvalError(
            f"{where} is not a {SCHEMA} evaluation report ({found}); "
            "write one with `rag eval QUESTIONS --json FILE`"
        )
    if not isinstance(report.get("summary"), Mapping):
        raise EvalError(f"{where} has no summary")
    return dict(report)


def load_report(path: Path) -> dict[str, Any]:
    """Read a report written by ``rag eval --json``; ``EvalError`` says what is wrong."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"cannot read report {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{path} is not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    return check_report(data, str(path))


def as_dict(report: ReportLike) -> dict[str, Any]:
    if isinstance(report, EvalReport):
        return report.to_dict()
    return check_report(report)


def cell(value: Any) -> str:
    """Shares with three decimals, milliseconds and counts as they read best; ``-``: none."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1.0 else f"{value:.1f}"
    return str(value)


def refs(items: Sequence[Mapping[str, Any]]) -> str:
    """``a.pdf p.3, b.png`` for a list of ``{"file", "page"}``."""
    return ", ".join(
        f"{r['file']} p.{r['page']}" if r.get("page") is not None else str(r["file"]) for r in items
    )


def summary_rows(summary: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The scalar metrics of a summary in display order, counts first."""
    counts = ("questions", "answerable", "unanswerable", "abstentions", "retrieval_depth")
    run = ("wall_time_s", "concurrency")
    names = [*counts, *METRICS, *run]
    return [(n, summary[n]) for n in names if n in summary]


def kind_rows(data: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    return [("all", data["summary"]), *data.get("by_kind", {}).items()]


def render_table(report: ReportLike) -> str:
    data = as_dict(report)
    header = ["kind", *COLUMNS]
    body = [[name, *(cell(s.get(c)) for c in COLUMNS)] for name, s in kind_rows(data)]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in body]
    return "\n".join(lines)


# Markdown -----------------------------------------------------------------------------------


def _md(value: Any) -> str:
    # A pipe ends a table cell and a newline ends the row; "<" would let an answer inject HTML
    # into renderers that allow it.
    text = value if isinstance(value, str) else cell(value)
    return " ".join(text.replace("|", "\\|").replace("<", "&lt;").split())


def _md_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(_md(h) for h in header) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return lines


def worst_row(q: Mapping[str, Any]) -> list[Any]:
    return [
        q["id"],
        q["kind"],
        q["question"],
        " / ".join(q.get("expected", [])),
        q["answer"],
        q.get("rr"),
        refs(q.get("retrieved", [])[:5]),
        refs(q.get("cited", [])),
    ]


def render_markdown(report: ReportLike) -> str:
    data = as_dict(report)
    summary = data["summary"]
    lines = [
        "# RAG evaluation report",
        "",
        f"{data.get('created', '?')} · rag {data.get('version', '?')} · {data['schema']}",
        "",
    ]
    if data.get("config"):
        lines += ["## Configuration", ""]
        lines += _md_table(["setting", "value"], [(k, str(v)) for k, v in data["config"].items()])
        lines.append("")
    lines += ["## Summary", ""]
    lines += _md_table(["metric", "value"], summary_rows(summary))
    lines += ["", "## Per kind", ""]
    lines += _md_table(
        ["kind", *KIND_COLUMNS],
        [[name, *(s.get(c) for c in KIND_COLUMNS)] for name, s in kind_rows(data)],
    )
    stages = summary.get("latency_stages") or {}
    if stages:
        lines += ["", "## Latency per stage (ms)", ""]
        lines += _md_table(
            ["stage", "p50", "p95", "p99"],
            [(n, s["p50_ms"], s["p95_ms"], s["p99_ms"]) for n, s in stages.items()],
        )
    lines += ["", "## Worst questions", ""]
    worst = data.get("worst") or []
    if worst:
        lines += _md_table(WORST_COLUMNS, [worst_row(q) for q in worst])
    else:
        lines.append("Every answerable question was answered right from a top-ranked source.")
    return "\n".join(lines) + "\n"
