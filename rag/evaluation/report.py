"""Plain-text rendering of an evaluation report."""

from __future__ import annotations

from rag.evaluation.runner import EvalReport

COLUMNS = (
    "questions",
    "recall@5",
    "mrr",
    "answer_accuracy",
    "abstention_accuracy",
    "latency_p50_ms",
    "latency_p95_ms",
)


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1.0 else f"{value:.1f}"
    return str(value)


def render_table(report: EvalReport) -> str:
    rows = [("all", report.summary())] + list(report.by_kind().items())
    header = ["kind", *COLUMNS]
    body = [[name, *(_cell(summary.get(c)) for c in COLUMNS)] for name, summary in rows]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in body]
    return "\n".join(lines)
