"""One owner per index: a second process is refused at once, without touching the index or
loading a model, and the owner goes on writing. Listing and deleting need no model at all."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FakeEmbedder, FakeLabeler, FakeOcr

import rag.cli
from ingest.vision.describe import ImageDescriber
from rag.embedders import EMBEDDERS
from rag.errors import StoreLockedError
from rag.index import Index
from rag.service import RagService
from rag.settings import load_settings
from rag.store import owner_lock
from rag.store.owner import IndexOwner

HERE = Path(__file__).resolve().parent
PROCESS = HERE / "index_process.py"


class ModelLoaded(AssertionError):
    pass


def _refuse_models(settings):
    raise ModelLoaded("an embedding model was asked for")


@pytest.fixture
def no_model(monkeypatch):
    """RAG_EMBEDDER=explode: any embedder the service makes raises."""
    monkeypatch.setitem(EMBEDDERS, "explode", _refuse_models)
    return {"RAG_EMBEDDER": "explode"}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "dome.md").write_text("# Dome\n\nThe dome opens at nine in the evening.\n")
    (root / "mirror.txt").write_text("The telescope mirror has a diameter of 2.4 metres.\n")
    return root


def rag_command(data_dir: Path, *args: str, env: dict[str, str] | None = None):
    """``rag ARGS`` in this process, on the real service (models from RAG_EMBEDDER)."""
    environment = {"RAG_DATA_DIR": str(data_dir), "RAG_TORCH_THREADS": "1", **(env or {})}
    return CliRunner().invoke(rag.cli.main, list(args), env=environment, catch_exceptions=False)


def files_of(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time, in nanoseconds."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def settled_files_of(shard: Path, timeout: float = 10.0) -> dict[str, tuple[int, int]]:
    """``files_of(shard)`` once the owner's own background work on it has finished.

    The owner's write-ahead log readies its next segment in a thread of its own, as
    ``wal/tmp-open-N`` renamed to ``wal/open-N``, a moment after the write that called for it.
    A snapshot taken before that would charge the owner's own rename to the refused commands.
    """
    deadline = time.monotonic() + timeout
    seen = files_of(shard)
    while time.monotonic() < deadline:
        time.sleep(0.05)
        now = files_of(shard)
        if now == seen and not any(Path(name).name.startswith("tmp-") for name in now):
            return now
        seen = now
    raise AssertionError(f"the owner's files did not settle within {timeout} s: {sorted(seen)}")


class Holder:
    """``tests/index_process.py hold``: another process that owns the index."""

    def __init__(self, data_dir: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(PROCESS), "hold", str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(HERE.parent)},
        )
        ready = self.process.stdout.readline().split()
        assert ready[:1] == ["ready"], self.process.stderr.read()
        self.pid = int(ready[1])

    def send(self, command: str) -> str:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def close(self) -> str:
        answer = self.send("quit")
        self.process.wait(timeout=30)
        return answer


@pytest.fixture
def holder(data_dir):
    held = Holder(data_dir)
    yield held
    if held.process.poll() is None:
        held.process.kill()
        held.process.wait()


# The owner lock itself ------------------------------------------------------------------------


def test_a_second_owner_is_refused_with_the_holders_pid(tmp_path):
    first = IndexOwner(tmp_path / "index.lock", what=tmp_path)
    first.acquire()
    second = IndexOwner(tmp_path / "index.lock", what=tmp_path)
    with pytest.raises(StoreLockedError, match=rf"in use by another process, PID {os.getpid()}"):
        second.acquire()
    assert (tmp_path / "index.lock").read_text().strip() == str(os.getpid())  # not erased
    first.release()
    second.acquire()  # free again once released
    second.release()


def test_a_process_refused_before_the_owner_writes_its_pid_waits_for_it(tmp_path):
    """Two processes started together meet at the lock in the moment between the winner's
    flock and its PID write: the refused one still names the winner."""
    lock = tmp_path / "index.lock"
    lock.touch()
    fd = os.open(lock, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held, no PID written yet
    writer = threading.Timer(0.05, lambda: os.pwrite(fd, b"4242\n", 0))
    writer.start()
    try:
        with pytest.raises(StoreLockedError, match=r"in use by another process, PID 4242 "):
            IndexOwner(lock, what=tmp_path).acquire()
    finally:
        writer.join()
        os.close(fd)


def test_a_holder_that_never_writes_its_pid_is_still_refused_at_once(tmp_path):
    lock = tmp_path / "index.lock"
    lock.touch()
    fd = os.open(lock, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        started = time.monotonic()
        with pytest.raises(StoreLockedError, match=r"in use by another process \(a running"):
            IndexOwner(lock, what=tmp_path).acquire()
        assert time.monotonic() - started < 1.0
    finally:
        os.close(fd)


def test_a_killed_owner_leaves_no_stale_lock(data_dir, holder):
    holder.process.kill()
    holder.process.wait()
    index = Index(load_settings(data_dir=data_dir), embedder=FakeEmbedder())
    assert index.documents() == []  # the kernel dropped the lock with the process
    index.close()


# A refused command beside a running owner --------------------------------------------------


@pytest.mark.parametrize("rounds", [3, pytest.param(20, marks=pytest.mark.slow)])
def test_commands_beside_a_running_owner_are_refused_and_leave_it_working(
    rounds, data_dir, corpus, holder, no_model
):
    assert holder.send("add first The first document is about kites.") == "ok"
    shard = data_dir / "qdrant" / "documents"
    for round_ in range(rounds):
        before = settled_files_of(shard)
        for args in (("list",), ("ingest", str(corpus)), ("delete", "first"), ("ask", "Kites?")):
            started = time.perf_counter()
            result = rag_command(data_dir, *args, env=no_model)
            elapsed = time.perf_counter() - started
            assert result.exit_code == 1, (args, result.output)
            assert f"in use by another process, PID {holder.pid}" in result.stderr
            assert "rag serve" in result.stderr and "Traceback" not in result.output
            if round_:  # the first round pays for first-use imports
                assert elapsed < 1.0, f"{args} took {elapsed:.2f} s to be refused"
        assert files_of(shard) == before  # the refused commands did not touch the shard
        assert holder.send(f"add doc{round_} Round {round_} adds a note on balloons.") == "ok"
        assert holder.send(f"delete doc{round_}") == "ok"
    assert holder.send("list") == "first"
    assert holder.close() == "closed"
    assert holder.process.returncode == 0, holder.process.stderr.read()
    listed = rag_command(data_dir, "list", env=no_model)  # free now, and intact
    assert listed.exit_code == 0 and "1 documents" in listed.stdout


def test_the_lock_is_taken_before_the_shard_is_created(data_dir, holder, no_model):
    result = rag_command(data_dir, "list", env=no_model)
    assert result.exit_code == 1 and "in use by another process" in result.stderr
    assert not (data_dir / "qdrant").exists()  # the holder has not written one; nor did we
    assert owner_lock(load_settings(data_dir=data_dir)).is_file()


@pytest.mark.slow
def test_two_ingests_started_together_on_a_fresh_index(tmp_path, corpus):
    """One wins, the other is refused with the winner's PID: every time, no traceback."""
    for attempt in range(8):
        data_dir = tmp_path / f"data{attempt}"
        barrier = tmp_path / f"barrier{attempt}"
        barrier.mkdir()
        env = {
            **os.environ,
            "PYTHONPATH": str(HERE.parent),
            "RAG_DATA_DIR": str(data_dir),
            "RAG_EMBEDDER": "fake",
            "RAG_TORCH_THREADS": "1",
            "RAG_INGEST_DELAY_S": "0.3",  # the winner holds the index for a while
            "RAG_START_BARRIER": str(barrier),
        }
        racers = [
            subprocess.Popen(
                [sys.executable, str(PROCESS), "cli", "ingest", "--no-progress", str(corpus)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for _ in range(2)
        ]
        deadline = time.monotonic() + 60
        while len(list(barrier.glob("ready-*"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        (barrier / "go").touch()
        outcomes = sorted(
            (racer.wait(timeout=60), *racer.communicate(), racer.pid) for racer in racers
        )
        (won, won_out, won_err, winner), (lost, _, lost_err, _) = outcomes
        assert (won, lost) == (0, 1), outcomes
        assert "2 files: 2 ingested" in won_out and "Traceback" not in won_err
        assert lost_err.startswith("error: the index at")
        assert f"in use by another process, PID {winner}" in lost_err
        assert "Traceback" not in lost_err
        with RagService(
            load_settings(data_dir=data_dir),
            embedder=FakeEmbedder(),
            describer=ImageDescriber(FakeOcr(), FakeLabeler()),
        ) as service:
            assert [d.file for d in service.documents()] == ["dome.md", "mirror.txt"]
            assert service.ask("When does the dome open?").evidence[0].chunk.file == "dome.md"


# No model where none is needed -------------------------------------------------------------


def ingested(data_dir: Path, corpus: Path) -> None:
    with RagService(
        load_settings(data_dir=data_dir, torch_threads=1),
        embedder=FakeEmbedder(),
        describer=ImageDescriber(FakeOcr(), FakeLabeler()),
    ) as service:
        assert service.ingest([corpus]).ingested == 2


def test_list_and_delete_load_no_model(data_dir, corpus, no_model):
    ingested(data_dir, corpus)
    listed = rag_command(data_dir, "list", env=no_model)
    assert listed.exit_code == 0, listed.output
    assert "dome.md" in listed.stdout and "2 documents" in listed.stdout
    deleted = rag_command(data_dir, "delete", "dome.md", env=no_model)
    assert deleted.exit_code == 0, deleted.output
    assert deleted.stdout.startswith("Deleted ") and "(1 chunks)" in deleted.stdout
    assert "dome.md" not in rag_command(data_dir, "list", "--json", env=no_model).stdout
    missing = rag_command(data_dir, "delete", "nothing.txt", env=no_model)
    assert missing.exit_code == 1 and "no indexed document matches 'nothing.txt'" in missing.stderr


def test_list_of_a_fresh_data_dir_creates_nothing(data_dir, no_model):
    result = rag_command(data_dir, "list", env=no_model)
    assert result.exit_code == 0 and "No documents indexed" in result.stdout
    assert not (data_dir / "qdrant").exists()


def test_the_index_reads_and_forgets_without_a_model(settings, corpus, monkeypatch):
    ingested(settings.data_dir, corpus)
    monkeypatch.setitem(EMBEDDERS, "explode", _refuse_models)
    index = Index(settings.model_copy(update={"embedder": "explode"}))
    try:
        assert index.count() == 2
        record = index.find("mirror.txt")
        assert record is not None and record.file == "mirror.txt"
        index.forget(record)
        assert [d.file for d in index.documents()] == ["dome.md"]
        assert index._embedder is None
        with pytest.raises(ModelLoaded):  # searching does need the model
            index.search("When does the dome open?")
    finally:
        index.close()


def test_list_imports_neither_torch_nor_the_ingest_machinery(data_dir, corpus):
    """`rag list` in a fresh interpreter: what it loads is what it costs to start."""
    ingested(data_dir, corpus)
    code = (
        "import sys\n"
        "from rag.cli import main\n"
        "try:\n"
        "    main(['list'], prog_name='rag')\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "heavy = {'torch', 'sentence_transformers', 'cv2', 'ingest.pipeline', 'rag.service',\n"
        "         'rag.reader'}\n"
        "print('LOADED', sorted(heavy & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(HERE.parent), "RAG_DATA_DIR": str(data_dir)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "2 documents" in done.stdout
    assert "LOADED []" in done.stdout
