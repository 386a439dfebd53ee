"""One self-contained HTML evaluation report: inline CSS, plots as base64 PNG, no external URL.

A single file can be attached to a CI run or mailed and opens anywhere, offline. matplotlib is
imported here only, when a report is rendered: importing ``rag`` never pays for it.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from rag.evaluation.metrics import RECALL_KS
from rag.evaluation.report import (
    KIND_COLUMNS,
    WORST_COLUMNS,
    ReportLike,
    as_dict,
    cell,
    kind_rows,
    refs,
    summary_rows,
    worst_row,
)

CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.wrong td:first-child { border-left: 4px solid #c0392b; }
tr.right td:first-child { border-left: 4px solid #27ae60; }
.meta { color: #666; } .plots img { max-width: 32%; margin-right: 1%; }
details { margin: .5em 0; } summary { cursor: pointer; }
.wide { overflow-x: auto; }  /* a table wider than the page scrolls, not the page */
"""


def _png(fig: Any) -> str:
    buffer = io.BytesIO()
    # No "Software" metadata: the same report renders to the same bytes on every machine.
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{escape(fig.get_label())}" src="data:image/png;base64,{encoded}">'


def _figure(label: str) -> tuple[Any, Any]:
    # Figure + FigureCanvasAgg rather than pyplot: no global figure registry to leak or to
    # share between threads, and nothing tries to open a window.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(5.2, 3.4), label=label)
    FigureCanvasAgg(fig)
    return fig, fig.subplots()


def _num(value: Any) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def recall_plot(summary: Mapping[str, Any]) -> str:
    fig, ax = _figure("recall@k")
    for suffix, label in (("", "page"), ("_file", "file")):
        values = [_num(summary.get(f"recall@{k}{suffix}")) for k in RECALL_KS]
        ax.plot(RECALL_KS, values, marker="o", label=f"{label} granularity")
    ax.set(xlabel="k", ylabel="recall@k", ylim=(0, 1.05), xticks=RECALL_KS, title="Recall@k")
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    return _png(fig)


def kind_plot(by_kind: Mapping[str, Mapping[str, Any]]) -> str:
    fig, ax = _figure("per kind")
    kinds = list(by_kind)
    # Unanswerable questions have no answer to be right about: their bar is abstention accuracy.
    accuracy = [
        _num(s.get("answer_accuracy") if s.get("answerable") else s.get("abstention_accuracy"))
        for s in by_kind.values()
    ]
    recall = [_num(s.get("recall@5")) for s in by_kind.values()]
    x = range(len(kinds))
    ax.bar([i - 0.2 for i in x], accuracy, width=0.4, label="answer accuracy*")
    ax.bar([i + 0.2 for i in x], recall, width=0.4, label="recall@5")
    ax.set_xticks(list(x), kinds, rotation=30, ha="right")
    # Headroom above 1.0 keeps the legend off the bars.
    ax.set(ylim=(0, 1.25), yticks=[0, 0.25, 0.5, 0.75, 1.0])
    ax.set_title("Per kind (*unanswerable: abstention accuracy)")
    ax.legend(loc="upper center", ncol=2, fontsize="small")
    return _png(fig)


def latency_plot(latencies: Sequence[float], summary: Mapping[str, Any]) -> str:
    fig, ax = _figure("latency")
    ax.hist(list(latencies) or [0.0], bins=min(30, max(5, len(latencies) // 2)), color="#5b8")
    for key, style in (("latency_p50_ms", "--"), ("latency_p95_ms", ":")):
        if summary.get(key) is not None:
            ax.axvline(summary[key], color="#333", linestyle=style, label=key[8:11])
    ax.set(xlabel="total latency per question (ms)", ylabel="questions", title="Latency")
    ax.legend()
    return _png(fig)


def _table(
    header: Sequence[str], rows: Sequence[Sequence[Any]], classes: Sequence[str] | None = None
) -> str:
    head = "".join(f"<th>{escape(str(h))}</th>" for h in header)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{classes[i]}"' if classes else ""
        cells = "".join(
            f'<td class="num">{escape(cell(c))}</td>'
            if isinstance(c, int | float) and not isinstance(c, bool)
            else f"<td>{escape(cell(c))}</td>"
            for c in row
        )
        body.append(f"<tr{cls}>{cells}</tr>")
    return f'<div class="wide"><table><tr>{head}</tr>{"".join(body)}</table></div>'


def render_html(report: ReportLike) -> str:
    import matplotlib

    matplotlib.use("Agg")  # never a GUI backend, even where a display is configured
    data = as_dict(report)
    summary, questions = data["summary"], data.get("questions", [])
    plots = [
        recall_plot(summary),
        kind_plot(data.get("by_kind", {})),
        latency_plot(
            [q["latency_ms"] for q in questions if q.get("latency_ms") is not None], summary
        ),
    ]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>RAG evaluation report</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>RAG evaluation report</h1>",
        f'<p class="meta">{escape(str(data.get("created", "?")))} · rag '
        f"{escape(str(data.get('version', '?')))} · {escape(data['schema'])}</p>",
    ]
    if data.get("config"):
        parts += ["<h2>Configuration</h2>", _table(["setting", "value"], _config(data))]
    parts += ["<h2>Summary</h2>", _table(["metric", "value"], summary_rows(summary))]
    parts += ['<div class="plots">', *plots, "</div>"]
    parts += [
        "<h2>Per kind</h2>",
        _table(
            ["kind", *KIND_COLUMNS],
            [[n, *(s.get(c) for c in KIND_COLUMNS)] for n, s in kind_rows(data)],
        ),
    ]
    stages = summary.get("latency_stages") or {}
    if stages:
        rows = [(n, s["p50_ms"], s["p95_ms"], s["p99_ms"]) for n, s in stages.items()]
        parts += ["<h2>Latency per stage (ms)</h2>", _table(["stage", "p50", "p95", "p99"], rows)]
    parts.append("<h2>Worst questions</h2>")
    worst = data.get("worst") or []
    parts.append(
        _table(WORST_COLUMNS, [worst_row(q) for q in worst])
        if worst
        else "<p>Every answerable question was answered right from a top-ranked source.</p>"
    )
    if questions:
        parts += [
            f"<details><summary>All {len(questions)} questions</summary>",
            _table(
                ["id", "kind", "question", "answer", "correct", "rr", "latency_ms", "cited"],
                [_question_row(q) for q in questions],
                ["right" if q.get("correct") else "wrong" for q in questions],
            ),
            "</details>",
        ]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _config(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [(str(k), str(v)) for k, v in data["config"].items()]


def _question_row(q: Mapping[str, Any]) -> list[Any]:
    return [
        q["id"],
        q["kind"],
        q["question"],
        q["answer"],
        q.get("correct"),
        q.get("rr"),
        q.get("latency_ms"),
        refs(q.get("cited", [])),
    ]
