"""One page or download, requested in a fresh process: its time, queries and memory growth.

    python -m bench.web_probe '{"user": ..., "path": ..., "warm": [...], "repeat": 5}'

Run by bench/scale.py with the bench's Django environment. A fresh process per measurement, so
that the growth of its resident memory (peak RSS during the requests, sampled, minus RSS after
the warm-up) belongs to that request alone. Streamed responses are read to the end, as a WSGI
server would send them, and their queries (made while streaming) are counted. Prints JSON.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import threading
import time


def consume(response) -> int:
    if getattr(response, "streaming", False):
        return sum(len(piece) for piece in response.streaming_content)
    return len(response.content)


def deep_cursor(username: str, training_key: str, rows: int) -> str:
    """The cursor of the report page that starts after ``rows`` rows (walked 500 rows at a time)."""
    from django.contrib.auth import get_user_model

    from author_certificates import api

    viewer = get_user_model().objects.get(username=username)
    cursor, walked = "", 0
    while walked < rows:
        params = {"page_size": "500", **({"cursor": cursor} if cursor else {})}
        page = api.read_progress_report(viewer=viewer, training=training_key,
                                        query=api.parse_report_query(params=params))
        cursor, walked = page.next_cursor, walked + len(page.rows)
        if not cursor:
            break
    return cursor


class PeakMemory:
    """The highest RSS of this process while the block runs (sampled every few milliseconds: the
    process's lifetime peak would count Django's start-up and the warm-up too)."""

    def __init__(self, interval: float = 0.003):
        import psutil

        self.process, self.interval = psutil.Process(), interval
        self.peak = self.process.memory_info().rss
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self.done.wait(self.interval):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __enter__(self) -> PeakMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.done.set()
        self.thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)


def measure(spec: dict) -> dict:
    import psutil
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(get_user_model().objects.get(username=spec["user"]))
    path = spec["path"]
    if spec.get("deep_rows"):
        path += ("&" if "?" in path else "?") + "cursor=" + deep_cursor(spec["user"], spec["training"],
                                                                         spec["deep_rows"])
    for warm in spec.get("warm", []):
        consume(client.get(warm))
    gc.collect()
    baseline = psutil.Process().memory_info().rss
    seconds, queries, size, status = [], 0, 0, 0
    with PeakMemory() as memory:
        for _ in range(spec.get("repeat", 1)):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                size = consume(response)
                seconds.append(time.perf_counter() - started)
            queries, status = len(captured), response.status_code
    return {"status": status, "seconds": statistics.median(seconds), "queries": queries, "bytes": size,
            "growth": max(0, memory.peak - baseline)}


def main() -> int:
    import django

    django.setup()
    print(json.dumps(measure(json.loads(sys.argv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
