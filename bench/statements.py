"""What the statements of a first generation cost on a real database, render excluded.

Measures, for N learners one after the other: ``api.request_certificate`` (the click: its
transaction committed) and ``generation.generate_certificate`` (the task: load, store, record)
with the render replaced by fixed PDF bytes, so that only our code and the database are timed.
Run it from a checkout against PostgreSQL (durable commits: synchronous_commit and fsync on), e.g.

    AC_TEST_DATABASE=postgresql AC_DATABASE_NAME=bench_statements .venv/bin/python bench/statements.py

It creates the database's tables (migrate), its rows, and drops nothing: use a throw-away database.
Recorded in docs/decisions/0089-generation-path-through-the-orm.md.
"""

from __future__ import annotations

import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "host"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.host.settings")

LEARNERS = int(os.environ.get("BENCH_LEARNERS", "200"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from author_certificates import api, generation, tasks
    from author_certificates.models import ClassicCertificate

    call_command("migrate", verbosity=0)
    settings.STORAGES = {**settings.STORAGES, "author_certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="bench-statements-")}}}
    tasks.enqueue_generation = lambda issued_id: None  # the task is timed on its own below
    if os.environ.get("BENCH_RENDER") != "1":  # BENCH_RENDER=1 times the whole generation, render included
        generation.render_pdf = lambda *args, **kwargs: b"%PDF-1.7 fixed bytes: the render is not measured"

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW synchronous_commit")
            print("synchronous_commit =", cursor.fetchone()[0])
    users = get_user_model().objects
    staff = users.filter(username="bench-staff").first() or users.create_user("bench-staff", is_staff=True)
    classic = ClassicCertificate.objects.get(tenant="", builtin_language="en")
    results: dict[str, list[float]] = {"request": [], "generate": []}
    for round_ in range(ROUNDS):
        stamp = f"{time.time_ns()}"
        training = api.register_training(key=f"course-v1:BenchX+S{stamp}+R", title="Statements", tenant="default")
        api.assign_certificate(training=training, classic=classic, assigned_by=staff)
        learners = [users.create_user(f"b{stamp}-{n}", first_name="Ada", last_name="Lovelace")
                    for n in range(LEARNERS)]
        for learner in learners:
            api.record_completion(user=learner, training=training)
        for learner in learners:
            now = timezone.now()
            started = time.perf_counter()
            issued = api.request_certificate(user=learner, training=training.key, now=now)
            requested = time.perf_counter()
            generation.generate_certificate(issued_certificate_id=issued.pk, now=now + datetime.timedelta(seconds=1))
            done = time.perf_counter()
            results["request"].append((requested - started) * 1000)
            results["generate"].append((done - requested) * 1000)
        print(f"round {round_ + 1}: request median {statistics.median(results['request'][-LEARNERS:]):.2f} ms,"
              f" generate median {statistics.median(results['generate'][-LEARNERS:]):.2f} ms")
    for name, samples in results.items():
        print(f"{name}: median {statistics.median(samples):.2f} ms, p90 "
              f"{statistics.quantiles(samples, n=10)[-1]:.2f} ms over {len(samples)}")
    total = [a + b for a, b in zip(results["request"], results["generate"], strict=True)]
    print(f"request + generate: median {statistics.median(total):.2f} ms")


if __name__ == "__main__":
    main()
