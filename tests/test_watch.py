"""`rag watch`: the index follows a folder while watched, and catches up after a restart."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import FakeEmbedder, FakeLabeler, FakeOcr, write_pdf

from ingest.pipeline import FileResult
from ingest.vision.describe import ImageDescriber
from ingest.watch import FolderWatcher
from rag.service import RagService
from rag.settings import Settings

REPO = Path(__file__).resolve().parent.parent
DEBOUNCE_S = 0.3


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not reached within {timeout} s")
        time.sleep(0.05)


def indexed(service: RagService) -> dict[str, str]:
    """Indexed file paths and their content hashes."""
    return {d.path: d.sha256 for d in service.documents()}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class Watching:
    """A watcher applying changes on its own thread, with what it reported."""

    def __init__(
        self, service: RagService, folder: Path, debounce_s: float = DEBOUNCE_S, **kwargs
    ) -> None:
        self.results: list[FileResult] = []
        self.watcher = FolderWatcher(
            service, [folder], debounce_s=debounce_s, on_result=self.results.append, **kwargs
        )
        self.watcher.start()
        self.caught_up = self.watcher.reconcile()
        self.thread = threading.Thread(target=self.watcher.run, daemon=True)
        self.thread.start()

    def statuses(self, status: str) -> list[str]:
        return [Path(r.path).name for r in self.results if r.status == status]

    def close(self) -> None:
        self.watcher.close()
        self.thread.join(timeout=10)
        assert not self.thread.is_alive()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "docs"
    path.mkdir()
    return path.resolve()


@pytest.fixture
def watching(service: RagService, folder: Path) -> Iterator[Callable[..., Watching]]:
    started: list[Watching] = []

    def start(**kwargs) -> Watching:
        started.append(Watching(service, folder, **kwargs))
        return started[-1]

    yield start
    for w in started:
        w.close()


def test_a_file_added_changed_and_deleted_is_followed(service, folder, watching):
    w = watching()
    notes = folder / "notes.md"
    notes.write_text("# Notes\n\nThe dome opens at nine in the evening.\n")
    wait_for(lambda: indexed(service) == {str(notes): sha(notes.read_text())})
    # Reported once the version is published: its record is listed a moment before its chunks
    # answer (a version is committed by its record, then made visible).
    wait_for(lambda: w.statuses("ingested") == ["notes.md"])
    answer = service.ask("When does the dome open?")
    assert answer.sources and answer.sources[0].file == "notes.md"

    notes.write_text("# Notes\n\nThe dome opens at ten in the evening.\n")
    wait_for(lambda: indexed(service) == {str(notes): sha(notes.read_text())})
    wait_for(lambda: w.statuses("replaced") == ["notes.md"])  # reported once it is stored

    notes.unlink()
    wait_for(lambda: indexed(service) == {})
    wait_for(lambda: w.statuses("removed") == ["notes.md"])


def test_a_watched_collection_gets_the_files_and_loses_only_its_own_documents(
    service, folder, watching
):
    (folder / "notes.txt").write_text("The pump runs at 40 litres a minute.")
    # The same file indexed in the default collection too, as `rag ingest` would.
    assert service.ingest([folder / "notes.txt"]).ingested == 1
    w = watching(collection="pumps")
    assert w.statuses("ingested") == ["notes.txt"]
    by_collection = {d.collection: d.file for d in service.documents()}
    assert by_collection == {"default": "notes.txt", "pumps": "notes.txt"}

    (folder / "flow.md").write_text("# Flow\n\nThe flow is checked monthly.")
    wait_for(lambda: len(service.documents(["pumps"])) == 2)
    assert [d.file for d in service.documents(["default"])] == ["notes.txt"]

    (folder / "notes.txt").unlink()
    wait_for(lambda: [d.file for d in service.documents(["pumps"])] == ["flow.md"])
    # The default collection's copy is not the watcher's to remove.
    wait_for(lambda: w.statuses("removed") == ["notes.txt"])
    assert [d.file for d in service.documents(["default"])] == ["notes.txt"]


def test_a_burst_of_writes_is_ingested_once(service, folder, watching):
    w = watching(debounce_s=1.0)
    report = folder / "report.txt"
    for i in range(20):  # an editor or a copy writing in pieces, well inside the debounce
        report.write_text(f"Draft {i} of the report on telescope mirrors.\n")
    wait_for(lambda: indexed(service) == {str(report): sha(report.read_text())})
    time.sleep(1.5)  # nothing more arrives later
    assert w.statuses("ingested") == ["report.txt"] and w.statuses("replaced") == []


def test_moves_folders_hidden_and_unsupported_files(service, folder, watching):
    w = watching()
    (folder / "a.txt").write_text("Alpha text about kites.\n")
    (folder / "skip.log").write_text("not a document type\n")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "secret.txt").write_text("Hidden notes.\n")
    wait_for(lambda: set(indexed(service)) == {str(folder / "a.txt")})

    (folder / "a.txt").rename(folder / "b.txt")  # moved: the old place goes, the new one comes
    wait_for(lambda: set(indexed(service)) == {str(folder / "b.txt")})

    sub = folder.parent / "outside"
    sub.mkdir()
    write_pdf(sub / "manual.pdf", [["Descale the machine every 8 weeks."]])
    (sub / "faq.txt").write_text("The warranty lasts 3 years.\n")
    shutil.move(str(sub), str(folder / "imported"))  # a whole folder moved in
    expected = {
        str(folder / "b.txt"),
        *(str(folder / "imported" / n) for n in ("manual.pdf", "faq.txt")),
    }
    wait_for(lambda: set(indexed(service)) == expected)

    shutil.rmtree(folder / "imported")  # and deleted
    wait_for(lambda: set(indexed(service)) == {str(folder / "b.txt")})
    assert "skip.log" not in w.statuses("failed") + w.statuses("ingested")


def test_a_copy_is_indexed_once_its_original_is_deleted(service, folder, watching):
    w = watching()
    (folder / "original.txt").write_text("The same words in two files.\n")
    wait_for(lambda: set(indexed(service)) == {str(folder / "original.txt")})
    (folder / "copy.txt").write_text("The same words in two files.\n")
    wait_for(lambda: w.statuses("duplicate") == ["copy.txt"])

    (folder / "original.txt").unlink()
    wait_for(lambda: set(indexed(service)) == {str(folder / "copy.txt")})


def test_a_batch_the_store_refuses_is_reported_and_watching_goes_on(service, folder):
    from rag.errors import StoreUnavailableError

    class FlakyStore:
        """The service, with a store that is down for the first ingest while watching."""

        def __init__(self) -> None:
            self.down = True

        def ingest(self, paths, *, on_result=None, collection="default"):
            if paths and self.down:
                self.down = False
                raise StoreUnavailableError("Qdrant at http://qdrant:6333 cannot be reached")
            return service.ingest(paths, on_result=on_result, collection=collection)

        def documents(self, collections=None):
            return service.documents(collections)

        def delete(self, key, collections=None):
            return service.delete(key, collections)

    results: list[FileResult] = []
    watcher = FolderWatcher(FlakyStore(), [folder], debounce_s=DEBOUNCE_S, on_result=results.append)
    watcher.start()
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        (folder / "a.txt").write_text("Written while the store was down.\n")
        wait_for(lambda: any(r.status == "failed" for r in results))
        assert results[0].path == str(folder / "a.txt")
        assert "cannot be reached" in results[0].reason
        (folder / "b.txt").write_text("Written once it was back.\n")
        wait_for(lambda: set(indexed(service)) == {str(folder / "b.txt")})
    finally:
        watcher.close()
        thread.join(timeout=10)


def test_the_data_directory_inside_a_watched_folder_is_left_alone(
    make_service, make_settings, folder
):
    settings = make_settings(data_dir=folder / "data")
    service = make_service(settings_=settings)
    (folder / "a.txt").write_text("Alpha text about kites.\n")
    w = Watching(service, folder, exclude=[settings.data_dir])
    try:
        (settings.data_dir / "stray.txt").write_text("Written by the service, not the user.\n")
        (folder / "b.txt").write_text("Beta text about wind.\n")
        wait_for(lambda: set(indexed(service)) == {str(folder / n) for n in ("a.txt", "b.txt")})
        time.sleep(DEBOUNCE_S * 2)
        assert set(indexed(service)) == {str(folder / n) for n in ("a.txt", "b.txt")}
    finally:
        w.close()


def test_starting_reconciles_the_folder_with_the_index(make_service, folder, tmp_path):
    first = make_service()
    for name in ("kept.txt", "changed.txt", "gone.txt"):
        (folder / name).write_text(f"{name} first version.\n")
    elsewhere = tmp_path / "elsewhere.txt"  # indexed, not in the watched folder: not touched
    elsewhere.write_text("Outside the watched folder.\n")
    first.ingest([folder, elsewhere])
    first.close()

    (folder / "changed.txt").write_text("changed.txt second version.\n")
    (folder / "gone.txt").unlink()
    (folder / "new.txt").write_text("new.txt arrived while nobody watched.\n")

    service = make_service()
    results: list[FileResult] = []
    watcher = FolderWatcher(service, [folder], debounce_s=DEBOUNCE_S, on_result=results.append)
    report = watcher.reconcile()

    by_status = {(r.status, Path(r.path).name) for r in report.results}
    assert by_status == {
        ("removed", "gone.txt"),
        ("replaced", "changed.txt"),
        ("ingested", "new.txt"),
        ("unchanged", "kept.txt"),
    }
    assert indexed(service) == {
        str(folder / "kept.txt"): sha("kept.txt first version.\n"),
        str(folder / "changed.txt"): sha("changed.txt second version.\n"),
        str(folder / "new.txt"): sha("new.txt arrived while nobody watched.\n"),
        str(elsewhere.resolve()): sha("Outside the watched folder.\n"),
    }
    assert watcher.reconcile().ingested == 0  # caught up: a second pass writes nothing


# The command -------------------------------------------------------------------------------


def test_the_command_refuses_what_it_cannot_watch(folder, tmp_path, monkeypatch):
    from click.testing import CliRunner

    import rag.cli
    from rag.store.edge import EdgeStore

    monkeypatch.setattr(
        rag.cli,
        "_service",
        lambda settings: RagService(
            settings, embedder=FakeEmbedder(), describer=ImageDescriber(FakeOcr(), FakeLabeler())
        ),
    )
    runner = CliRunner()
    env = {"RAG_DATA_DIR": str(tmp_path / "data")}
    missing = runner.invoke(rag.cli.main, ["watch", str(tmp_path / "nowhere")], env=env)
    assert missing.exit_code == 2 and "does not exist" in missing.output
    (folder / "a.txt").write_text("A file, not a folder.\n")
    not_a_folder = runner.invoke(rag.cli.main, ["watch", str(folder / "a.txt")], env=env)
    assert not_a_folder.exit_code == 2 and "is a file" in not_a_folder.output

    holder = EdgeStore(tmp_path / "data" / "qdrant" / "documents")  # e.g. `rag serve`
    holder.ensure_schema(FakeEmbedder().dim)
    try:
        locked = runner.invoke(rag.cli.main, ["watch", str(folder)], env=env)
    finally:
        holder.close()
    assert locked.exit_code == 1 and "in use by another process" in locked.stderr


# The command, killed and restarted ---------------------------------------------------------

# `rag watch` in a process of its own, on the deterministic fakes.
LAUNCH = """
import sys
sys.path.insert(0, {tests!r})
from conftest import FakeEmbedder, FakeLabeler, FakeOcr
import rag.cli
from ingest.vision.describe import ImageDescriber
from rag.service import RagService

rag.cli._service = lambda settings: RagService(
    settings, embedder=FakeEmbedder(), describer=ImageDescriber(FakeOcr(), FakeLabeler())
)
rag.cli.main(["watch", {folder!r}])
"""


class WatchProcess:
    def __init__(self, folder: Path, data_dir: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
        env |= {
            "PYTHONPATH": str(REPO),
            "RAG_DATA_DIR": str(data_dir),
            "RAG_WATCH_DEBOUNCE_S": str(DEBOUNCE_S),
            "RAG_TORCH_THREADS": "1",
        }
        code = LAUNCH.format(tests=str(REPO / "tests"), folder=str(folder))
        self.process = subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=folder.parent,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []

    def read_until(self, marker: str, timeout: float = 60.0) -> list[str]:
        """Lines printed until one containing ``marker``."""
        deadline = time.monotonic() + timeout
        seen: list[str] = []
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            seen.append(line.rstrip("\n"))
            if marker in line:
                self.lines += seen
                return seen
        self.process.kill()
        raise AssertionError(f"no line with {marker!r}; printed:\n" + "\n".join(self.lines + seen))


@pytest.mark.slow
def test_a_watcher_killed_with_sigkill_catches_up_when_restarted(folder, tmp_path):
    data_dir = tmp_path / "data"
    (folder / "a.txt").write_text("Alpha: the first note.\n")
    (folder / "b.txt").write_text("Beta: the second note.\n")

    first = WatchProcess(folder, data_dir)
    started = first.read_until("Watching")
    assert any(line.startswith("ingested") and "a.txt" in line for line in started)
    (folder / "c.txt").write_text("Gamma: written while watched.\n")
    first.read_until("c.txt")
    first.process.send_signal(signal.SIGKILL)
    first.process.wait(timeout=10)

    (folder / "a.txt").write_text("Alpha: changed while nobody watched.\n")
    (folder / "b.txt").unlink()
    (folder / "d.txt").write_text("Delta: added while nobody watched.\n")

    second = WatchProcess(folder, data_dir)
    caught_up = second.read_until("Watching")
    assert "caught up" in caught_up[-1] and "(2 ingested, 1 removed, 0 failed)" in caught_up[-1]
    second.process.send_signal(signal.SIGTERM)  # stops cleanly and releases the index
    assert second.process.wait(timeout=30) == 0

    service = RagService(
        Settings(data_dir=data_dir, torch_threads=1),
        embedder=FakeEmbedder(),
        describer=ImageDescriber(FakeOcr(), FakeLabeler()),
    )
    try:
        assert indexed(service) == {
            str(folder / "a.txt"): sha("Alpha: changed while nobody watched.\n"),
            str(folder / "c.txt"): sha("Gamma: written while watched.\n"),
            str(folder / "d.txt"): sha("Delta: added while nobody watched.\n"),
        }
    finally:
        service.close()
