"""What the worker fault tests (test_worker_faults.py) start and break: a Celery worker process,
a TCP proxy to the database that drops the reply to the recording UPDATE, a broker that accepts
connections and never answers, and a certificate storage that hangs until told to go on."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.core.files.storage import FileSystemStorage

ROOT = Path(__file__).resolve().parents[2]
WORKER_START_TIMEOUT = 60
WORKER_STOP_TIMEOUT = 3  # the tests wait for their tasks: what remains is the shutdown itself


def wait_for(predicate, timeout: float, what: str):
    """The first truthy value of ``predicate()`` within ``timeout`` seconds; AssertionError after."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class HangingStorage(FileSystemStorage):
    """A FileSystemStorage whose save hangs while a file named ``hang`` exists beside its folder.

    Before hanging it writes its process id to ``saving.pid`` there: the test then knows which
    pool process is in the middle of a generation, and kills it (or the whole worker).
    """

    def _save(self, name, content):
        marker = Path(self.location).parent / "hang"
        if marker.exists():
            (marker.parent / "saving.pid").write_text(str(os.getpid()))
            while marker.exists():
                time.sleep(0.05)
        return super()._save(name, content)


class WorkerProcess:
    """A `celery worker` subprocess (prefork) on ``queue`` against the test database.

    ``settings`` are Django settings for the worker only (tests/host/settings.py reads them from
    AC_SETTINGS_JSON); ``database_port`` sends its database connections through a proxy; ``beat``
    embeds Celery beat (-B), which runs the host's CELERY_BEAT_SCHEDULE.
    """

    def __init__(self, *, var_dir: Path, queue: str, broker_url: str, database_name: str, vendor: str,
                 settings: dict | None = None, database_port: int | None = None, beat: bool = False,
                 concurrency: int = 1, name: str = "worker"):
        self.var_dir, self.queue, self.name = var_dir, queue, name
        self.log = var_dir / f"{name}.log"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.host.settings", "AC_CELERY_EAGER": "0",
               "AC_CELERY_BROKER": broker_url, "AC_DATABASE_NAME": database_name,
               "AC_TEST_DATABASE": vendor, "AC_VAR_DIR": str(var_dir), "PYTHONPATH": str(ROOT),
               "AC_SETTINGS_JSON": json.dumps(settings or {})}
        if database_port:
            env["AC_DATABASE_PORT"] = str(database_port)
        command = [sys.executable, "-m", "celery", "-A", "tests.host.celery_app:app", "worker", "-Q", queue,
                   "--pool=prefork", f"--concurrency={concurrency}", "--without-gossip", "--without-mingle",
                   "--without-heartbeat", "--loglevel=INFO", "--hostname", f"{name}-{queue}@%h"]
        if beat:
            command += ["-B", "--schedule", str(var_dir / f"{name}-beat-schedule")]
        var_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        wait_for(lambda: b"ready." in self.log.read_bytes() or self.process.poll() is not None,
                 WORKER_START_TIMEOUT, f"{name} to start")
        assert self.process.poll() is None, f"{name} exited early:\n{self.text()}"

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def kill_everything(self) -> None:
        """SIGKILL the worker and its pool and render processes at once, as a lost machine would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # warm shutdown: finishes the task at hand
            try:
                self.process.wait(WORKER_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass
        try:
            # Whatever is left of its group: a render process orphaned by a killed pool process.
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(5)


def _listener() -> socket.socket:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    return server


class DropReplyProxy:
    """A TCP proxy to the database that breaks the connection carrying the recording UPDATE, once.

    The recording UPDATE is the one that sets the certificate's file (``"file"`` on PostgreSQL,
    ```file``` on MariaDB; nothing else does). ``when="commit"``: the UPDATE and its COMMIT reach
    the database, the COMMIT's reply is withheld and the connection closed: the row is recorded
    and the worker is told the connection was lost. ``when="update"``: the UPDATE reaches the
    database, its reply is withheld and the connection closed before any COMMIT: the database rolls
    back and nothing is recorded. Every other connection and byte passes through.
    """

    def __init__(self, upstream_port: int, *, when: str):
        assert when in ("commit", "update")
        self.upstream_port, self.when = upstream_port, when
        self.fired = threading.Event()
        self._armed: tuple | None = None
        self._lock = threading.Lock()
        self._server = _listener()
        self.port = self._server.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            pair = {"client": client, "upstream": upstream, "withhold": False}
            threading.Thread(target=self._to_server, args=(pair,), daemon=True).start()
            threading.Thread(target=self._to_client, args=(pair,), daemon=True).start()

    def _drop(self, pair: dict) -> None:
        self.fired.set()
        time.sleep(0.5)  # the database has run what it was sent
        for side in ("client", "upstream"):
            try:
                pair[side].shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            pair[side].close()

    def _to_server(self, pair: dict) -> None:
        while True:
            try:
                data = pair["client"].recv(65536)
            except OSError:
                return
            if not data:
                return
            drop = False
            with self._lock:
                if not self.fired.is_set() and not pair["withhold"]:
                    recording = b"UPDATE" in data and (b'"file"' in data or b"`file`" in data)
                    if recording and self.when == "update":
                        pair["withhold"] = drop = True
                    elif recording:
                        self._armed = pair
                    elif self._armed is pair and b"COMMIT" in data:
                        pair["withhold"] = drop = True
            try:
                pair["upstream"].sendall(data)
            except OSError:
                return
            if drop:
                self._drop(pair)
                return

    def _to_client(self, pair: dict) -> None:
        while True:
            try:
                data = pair["upstream"].recv(65536)
            except OSError:
                return
            if not data:
                pair["client"].close()
                return
            if pair["withhold"]:
                continue
            try:
                pair["client"].sendall(data)
            except OSError:
                return

    def close(self) -> None:
        self._closed = True
        self._server.close()


class SilentServer:
    """A TCP server that accepts every connection and never sends a byte: a hung broker."""

    def __init__(self):
        self._server = _listener()
        self.port = self._server.getsockname()[1]
        self._held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._server.accept()
            except OSError:
                return
            self._held.append(connection)

    def close(self) -> None:
        self._server.close()
        for connection in self._held:
            connection.close()
