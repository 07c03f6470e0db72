"""The baselines, run in a process of their own: in its own session, like the Celery worker.

Linux groups processes by session for CPU scheduling (autogroup): a process in the bench's
session would share one group's CPU time with it, while the worker, in a session of its own,
competes on its own. With both sides in their own session, the bare render and the
generation it is paired with get the same share of a loaded machine.

    python -m bench.baseline_process FOLDER   (then JSON lines on stdin, answers on stdout)

FOLDER holds the final HTML's assets and ``style.css``; each request line is
``{"bare": [markup, ...]}``, ``{"competent": [index, ...]}`` or ``{"overlay": [index, ...]}``
and is answered with the seconds of each render.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .database import ROOT


def serve(folder: Path) -> None:
    from . import certificate
    from .baselines import BareWarm, CompetentScript, ReportlabOverlay

    bare = BareWarm(folder, (folder / "style.css").read_text())
    competent, overlay = CompetentScript(folder / "competent"), ReportlabOverlay(folder / "overlay")
    out = folder / "out.pdf"
    for line in sys.stdin:
        request = json.loads(line)
        if "bare" in request:
            seconds = [bare(markup) for markup in request["bare"]]
        elif "competent" in request:
            seconds = [competent(certificate.sample_printed(index), out) for index in request["competent"]]
        else:
            seconds = [overlay(certificate.sample_printed(index), out) for index in request["overlay"]]
        print(json.dumps(seconds), flush=True)


class BaselineProcess:
    """The client side: a context manager holding the process."""

    def __init__(self, folder: Path, css: str, assets: dict[str, bytes]):
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in assets.items():
            (folder / name).write_bytes(data)
        (folder / "style.css").write_text(css)
        self.folder = folder

    def __enter__(self) -> BaselineProcess:
        self.process = subprocess.Popen([sys.executable, "-m", "bench.baseline_process", str(self.folder)],
                                        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        env={**os.environ, "PYTHONPATH": str(ROOT)}, start_new_session=True)
        return self

    def _ask(self, kind: str, items: list) -> list[float]:
        self.process.stdin.write(json.dumps({kind: items}) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError(f"the baseline process exited with {self.process.wait()}")
        return json.loads(answer)

    def bare(self, markups: list[str]) -> list[float]:
        return self._ask("bare", markups)

    def competent(self, indexes: list[int]) -> list[float]:
        return self._ask("competent", indexes)

    def overlay(self, indexes: list[int]) -> list[float]:
        return self._ask("overlay", indexes)

    def __exit__(self, *exc) -> None:
        self.process.stdin.close()
        self.process.wait(30)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
