"""A burst of Slack mentions against the bot (a benchmark, not a test).

    .venv/bin/python bench/slack_burst.py [--events 50] [--corpus samples/corpus]
                                          [--out bench/results/slack_burst.json]

The real app (``server.create_app``) with the real service (packaged MiniLM, extractive
answers) over the sample corpus runs under waitress on 127.0.0.1; a stand-in for Slack's Web API
on 127.0.0.1 records every ``chat.postMessage``. ``--events`` signed ``app_mention`` events,
each in its own thread, are sent at once from as many client threads. Reported: acknowledgement
latency (Slack gives up after 3 s), answers posted per event (exactly one each: none lost, none
twice), busy replies, and the time from the burst to the last answer.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import logging
import os
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, Path(__file__).resolve().parent):
    if str(path) not in sys.path:  # run as a script from a checkout
        sys.path.insert(0, str(path))

from benchlib import RESULTS, latency_summary, write_json  # noqa: E402

SECRET = "burst-signing-secret"
QUESTIONS = [
    "How do I print a figure from xfig?",
    "Where does pip keep its cache?",
    "How can I disable the pip cache?",
    "What can be set in the xfig print panel?",
    "How do I export a figure to PDF?",
]


class SlackStandIn:
    """Records ``chat.postMessage`` calls: (arrival time, JSON body)."""

    def __init__(self) -> None:
        self.posts: list[tuple[float, dict]] = []
        self.lock = threading.Lock()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with stand_in.lock:
                    stand_in.posts.append((time.monotonic(), body))
                data = b'{"ok": true}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()


def signed_request(url: str, payload: dict) -> urllib.request.Request:
    raw = json.dumps(payload).encode()
    timestamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{timestamp}:".encode() + raw, hashlib.sha256)
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
    }
    return urllib.request.Request(url, data=raw, headers=headers, method="POST")


def mention(i: int) -> dict:
    ts = f"1700000000.{i:06d}"
    return {
        "type": "event_callback",
        "team_id": "T1",
        "event_id": f"EvBurst{i:04d}",
        "event": {
            "type": "app_mention",
            "user": "UALICE",
            "text": f"<@UBOT> {QUESTIONS[i % len(QUESTIONS)]}",
            "ts": ts,
            "channel": "C1",
        },
        "authorizations": [{"user_id": "UBOT", "is_bot": True}],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--corpus", type=Path, default=ROOT / "samples" / "corpus")
    parser.add_argument("--out", type=Path, default=RESULTS / "slack_burst.json")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for answers")
    args = parser.parse_args(argv)

    from waitress import create_server

    from rag.service import RagService
    from rag.settings import load_settings
    from server import create_app
    from server.slack.bot import APOLOGY, BUSY

    # 50 connections at once are the point here, not something for waitress to warn about.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)

    slack = SlackStandIn()
    with tempfile.TemporaryDirectory(prefix="slack-burst-") as data:
        settings = load_settings(
            data_dir=data,
            slack_signing_secret=SECRET,
            slack_bot_token="xoxb-burst",
            slack_api_url=slack.url,
            public_url="https://rag.example.com",
        )
        service = RagService(settings)
        started = time.perf_counter()
        files = sorted(p for p in args.corpus.iterdir() if p.is_file())
        report = service.ingest(files)
        ingest_s = time.perf_counter() - started
        service.ask(QUESTIONS[0])  # models loaded before the clock starts

        app = create_app(settings, rag=service)
        server = create_server(app, host="127.0.0.1", port=0, threads=8)
        threading.Thread(target=server.run, daemon=True).start()
        url = f"http://127.0.0.1:{server.effective_port}/slack/events"

        acks: list[tuple[int, float]] = []
        barrier = threading.Barrier(args.events)

        def send(i: int) -> None:
            request = signed_request(url, mention(i))
            barrier.wait()
            sent = time.monotonic()
            with urllib.request.urlopen(request, timeout=30) as response:
                acks.append((response.status, time.monotonic() - sent))

        clients = [threading.Thread(target=send, args=(i,)) for i in range(args.events)]
        burst = time.monotonic()
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        deadline = time.monotonic() + args.timeout
        while len(slack.posts) < args.events and time.monotonic() < deadline:
            time.sleep(0.05)
        drained = time.monotonic()
        time.sleep(1.0)  # anything posted twice would arrive now
        app.extensions["slack"].close()
        server.close()
        service.close()

    posts = list(slack.posts)
    per_thread: dict[str, int] = {}
    for _, body in posts:
        if body["text"] != BUSY:
            per_thread[body["thread_ts"]] = per_thread.get(body["thread_ts"], 0) + 1
    ack_ms = [seconds * 1000 for _, seconds in acks]
    result = {
        "events": args.events,
        "acks_200": sum(status == 200 for status, _ in acks),
        "ack_latency": latency_summary(ack_ms),
        "ack_under_3s": max(ack_ms) < 3000,
        "answers_posted": sum(per_thread.values()),
        "answered_exactly_once": sum(count == 1 for count in per_thread.values()),
        "answered_twice_or_more": sum(count > 1 for count in per_thread.values()),
        "lost": args.events - len(per_thread),
        "busy_replies": sum(body["text"] == BUSY for _, body in posts),
        "apologies": sum(body["text"] == APOLOGY for _, body in posts),
        "with_sources": sum("Sources:" in body["text"] for _, body in posts),
        "drain_s": round((max(t for t, _ in posts) if posts else drained) - burst, 2),
        "answers_per_s": round(len(per_thread) / max(1e-9, drained - burst), 2),
        "workers": settings.slack_workers,
        "queue_size": settings.slack_queue_size,
        "generator": settings.generator,
        "corpus": {
            "files": len(files),
            "ingested": report.ingested,
            "ingest_s": round(ingest_s, 1),
        },
        "cpus": os.cpu_count(),
    }
    write_json(args.out, result)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
