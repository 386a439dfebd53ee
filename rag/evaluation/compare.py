"""Compare two evaluation reports, and gate a run on metric thresholds.

``compare(a, b)`` reads two ``rag-eval/1`` report dicts (A the baseline, B the candidate) and
flags every summary metric where B is worse than A beyond the tolerance. ``parse_thresholds``
and ``check_thresholds`` turn ``"recall@5=0.8,accuracy=0.6"`` into a pass/fail gate for CI.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from rag.errors import EvalError
from rag.evaluation.report import cell, check_report
from rag.evaluation.summary import METRICS, Direction, bounded, direction

ALIASES = {
    "accuracy": "answer_accuracy",
    "direct": "direct_accuracy",
    "abstention": "abstention_accuracy",
    "f1": "token_f1",
    "latency": "latency_p95_ms",
    "throughput": "throughput_qps",
}
# Per-stage latencies, flattened out of summary["latency_stages"]: latency_search_p95_ms.
_STAGE = re.compile(r"^latency_(?P<stage>\w+?)_(?P<q>p50|p95|p99)_ms$")
# The per-kind table of render_comparison: one column each, deltas only.
KIND_FOCUS = (
    "recall@5",
    "mrr",
    "answer_accuracy",
    "direct_accuracy",
    "token_f1",
    "abstention_accuracy",
)


@dataclass(frozen=True)
class MetricDelta:
    name: str
    a: float | None
    b: float | None
    delta: float | None  # b - a
    direction: Direction | None  # which way is better; None for counts
    regression: bool  # B worse than A beyond the tolerance
    improvement: bool  # B better than A beyond the tolerance


@dataclass
class Comparison:
    metrics: list[MetricDelta]
    by_kind: dict[str, list[MetricDelta]] = field(default_factory=dict)
    tolerance: float = 0.0
    a_created: str | None = None
    b_created: str | None = None

    @property
    def regressions(self) -> list[MetricDelta]:
        """Overall regressions: what a CI gate fails on."""
        return [d for d in self.metrics if d.regression]

    @property
    def kind_regressions(self) -> list[tuple[str, MetricDelta]]:
        """Per-kind regressions: informative, but few questions per kind make them noisy."""
        return [(k, d) for k, deltas in self.by_kind.items() for d in deltas if d.regression]

    def to_dict(self) -> dict[str, Any]:
        return {
            "tolerance": self.tolerance,
            "a_created": self.a_created,
            "b_created": self.b_created,
            "metrics": [asdict(d) for d in self.metrics],
            "by_kind": {k: [asdict(d) for d in v] for k, v in self.by_kind.items()},
            "regressions": [d.name for d in self.regressions],
        }


def flatten(summary: Mapping[str, Any]) -> dict[str, float | None]:
    """The numeric metrics of a summary, per-stage latencies flattened to one name each."""
    if "summary" in summary and "schema" in summary:  # a whole report was passed
        summary = summary["summary"]
    flat: dict[str, float | None] = {}
    for name, value in summary.items():
        if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
            flat[name] = value
    for stage, quantiles in (summary.get("latency_stages") or {}).items():
        if stage == "total":  # the same numbers as latency_p50_ms ... latency_p99_ms
            continue
        for q in ("p50", "p95", "p99"):
            flat[f"latency_{stage}_{q}_ms"] = quantiles.get(f"{q}_ms")
    return flat


def _order(names: set[str]) -> list[str]:
    known = [n for n in METRICS if n in names]
    stages = sorted(n for n in names if _STAGE.match(n) and n not in METRICS)
    counts = [n for n in ("questions", "answerable", "unanswerable", "abstentions") if n in names]
    rest = sorted(names - set(known) - set(stages) - set(counts))
    return [*known, *stages, *counts, *rest]


def _delta(name: str, a: float | None, b: float | None, tolerance: float) -> MetricDelta:
    better = direction(name)
    if a is None or b is None:
        return MetricDelta(name, a, b, None, better, False, False)
    # Scores in [0, 1] move by absolute points; latency and throughput by a share of A.
    margin = tolerance if bounded(name) else abs(a) * tolerance
    sign = 1.0 if better == "higher" else -1.0
    gain = sign * (b - a)
    regression = better is not None and gain < -margin - 1e-12
    improvement = better is not None and gain > margin + 1e-12
    return MetricDelta(name, a, b, round(b - a, 6), better, regression, improvement)


def _compare_summaries(a: Mapping[str, Any], b: Mapping[str, Any], tol: float) -> list[MetricDelta]:
    fa, fb = flatten(a), flatten(b)
    names = (set(fa) | set(fb)) - {"concurrency", "wall_time_s"}
    return [_delta(n, fa.get(n), fb.get(n), tol) for n in _order(names)]


def compare(a: Mapping[str, Any], b: Mapping[str, Any], *, tolerance: float = 0.0) -> Comparison:
    """Compare report B (candidate) with report A (baseline), metric by metric.

    ``tolerance`` is how much worse B may be before it counts as a regression: absolute for
    scores in [0, 1] (0.02 = two points of recall), relative for latencies and throughput
    (0.02 = 2 % slower).
    """
    if tolerance < 0:
        raise EvalError(f"tolerance must be 0 or more, not {tolerance}")
    a, b = check_report(a, "report A"), check_report(b, "report B")
    kinds_a, kinds_b = a.get("by_kind") or {}, b.get("by_kind") or {}
    by_kind = {
        kind: _compare_summaries(kinds_a.get(kind, {}), kinds_b.get(kind, {}), tolerance)
        for kind in sorted(set(kinds_a) | set(kinds_b))
    }
    return Comparison(
        metrics=_compare_summaries(a["summary"], b["summary"], tolerance),
        by_kind=by_kind,
        tolerance=tolerance,
        a_created=a.get("created"),
        b_created=b.get("created"),
    )


def _signed(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:+.3f}" if abs(value) < 1 else f"{value:+.1f}"


def _verdict(d: MetricDelta) -> str:
    if d.regression:
        return "REGRESSION"
    return "better" if d.improvement else ""


def _columns(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths).rstrip())
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return lines


def render_comparison(comparison: Comparison) -> str:
    arrows = {"higher": "higher", "lower": "lower", None: ""}
    lines = [
        f"A: {comparison.a_created or '?'}   B: {comparison.b_created or '?'}   "
        f"tolerance: {comparison.tolerance:g}",
        "",
    ]
    rows = [
        [d.name, cell(d.a), cell(d.b), _signed(d.delta), arrows[d.direction], _verdict(d)]
        for d in comparison.metrics
    ]
    lines += _columns(["metric", "A", "B", "B-A", "better", ""], rows)
    if comparison.by_kind:
        lines += ["", "Per kind (B-A; ! marks a regression):", ""]
        kind_rows = []
        for kind, deltas in comparison.by_kind.items():
            named = {d.name: d for d in deltas}
            kind_rows.append(
                [kind]
                + [
                    _signed(named[n].delta) + (" !" if named[n].regression else "")
                    if n in named
                    else "-"
                    for n in KIND_FOCUS
                ]
            )
        lines += _columns(["kind", *KIND_FOCUS], kind_rows)
    regressions = comparison.regressions
    lines.append("")
    lines.append(
        f"{len(regressions)} regression(s): {', '.join(d.name for d in regressions)}"
        if regressions
        else "No regression."
    )
    return "\n".join(lines)


# Thresholds ---------------------------------------------------------------------------------


def known_metrics() -> list[str]:
    return list(METRICS)


def _canonical(name: str) -> str:
    name = ALIASES.get(name, name)
    stage = _STAGE.match(name)
    if stage and stage["stage"] == "total":  # flatten() leaves it out: it is latency_pNN_ms
        name = f"latency_{stage['q']}_ms"
    if name in METRICS or _STAGE.match(name):
        return name
    raise EvalError(
        f"unknown metric {name!r}: known metrics are {', '.join(METRICS)}, per-stage latencies "
        f"such as latency_search_p95_ms, and the aliases "
        f"{', '.join(f'{k} ({v})' for k, v in ALIASES.items())}"
    )


def parse_thresholds(spec: str) -> dict[str, float]:
    """``"recall@5=0.8,accuracy=0.6"`` -> ``{"recall@5": 0.8, "answer_accuracy": 0.6}``.

    A threshold is a minimum for metrics where higher is better and a maximum for latencies.
    """
    thresholds: dict[str, float] = {}
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        name, sep, raw = item.partition("=")
        if not sep or not name.strip() or not raw.strip():
            raise EvalError(f"threshold {item!r} must look like METRIC=VALUE, e.g. recall@5=0.8")
        name = _canonical(name.strip().lower())
        try:
            value = float(raw)
        except ValueError:
            raise EvalError(f"threshold {item!r}: {raw.strip()!r} is not a number") from None
        if bounded(name) and not 0.0 <= value <= 1.0:
            raise EvalError(f"threshold {item!r}: {name} is a share from 0 to 1")
        thresholds[name] = value
    if not thresholds:
        raise EvalError(f"no threshold in {spec!r}: write e.g. recall@5=0.8,accuracy=0.6")
    return thresholds


def check_thresholds(summary: Mapping[str, Any], thresholds: Mapping[str, float]) -> list[str]:
    """The thresholds ``summary`` fails, one readable line each; empty when all pass.

    A threshold on a metric the run did not measure fails: a gate that silently passes because
    (say) the question set had no unanswerable question would guard nothing.
    """
    flat = flatten(summary)
    failures = []
    for name, limit in thresholds.items():
        value = flat.get(name)
        if value is None:
            failures.append(f"{name} was not measured in this run (threshold {limit:g})")
        elif direction(name) == "lower" and value > limit:
            failures.append(f"{name} = {value:g} is above the maximum {limit:g}")
        elif direction(name) != "lower" and value < limit:
            failures.append(f"{name} = {value:g} is below the minimum {limit:g}")
    return failures
