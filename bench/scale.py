"""The progress report, its CSV, the ZIP export and Learning Records at scale.

- a training with ``report_learners`` completed learners, 30% of them generated, and a training
  with 10, 3 generated (the first page must make as many queries for both; its ZIP warms the
  probe of the big one up);
- a training with ``zip_certificates`` generated certificates whose files exist (hard links to
  one real certificate of the bench, 770 KB: no disk space, real bytes to stream);
- a learner with ``records_trainings`` completed trainings, a third of each kind, a third generated.

Each figure is one request in a fresh process (bench/web_probe.py) through Django's test client,
as the staff user or the learner: its time, its queries and the growth of the process's memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from . import seed
from .certificate import COMPLETED_ON
from .database import ROOT
from .figures import Figure, mib, ms, not_measurable, section

FIRST_PAGE_TARGET = 0.150
CSV_SECONDS_TARGET = 10
GROWTH_TARGET_MIB = 50
GENERATED_SHARE = 0.3


def classic():
    from author_certificates.models import ClassicCertificate

    return ClassicCertificate.objects.filter(tenant="", is_active=True).order_by("pk").first()


def training_with_classic(key: str, title: str):
    from author_certificates import api

    training = api.register_training(key=key, title=title, tenant=seed.TENANT, now=COMPLETED_ON)
    api.assign_certificate(training=training, classic=classic(), assigned_by=seed.staff_user(), now=COMPLETED_ON)
    return training


def issued_rows(pairs, *, generated: bool, file_name=None, sha256: str = "0" * 64) -> None:
    """Issued certificates of (user, training) pairs: generated (with a file name) or generating."""
    import uuid

    from author_certificates.models import IssuedCertificate

    pinned = classic()
    IssuedCertificate.objects.bulk_create(
        (IssuedCertificate(
            uuid=uuid.uuid4(), user=user, training=training, classic=pinned, requested_at=COMPLETED_ON,
            state="generated" if generated else "generating", generated_at=COMPLETED_ON if generated else None,
            learner_name=f"{user.first_name} {user.last_name}", file=file_name(user) if file_name else "",
            sha256=sha256, attempts=1 if generated else 0)
         for user, training in pairs), batch_size=5000)


def a_real_certificate(work: Path) -> tuple[bytes, str]:
    """One certificate generated earlier in this run (else the competent script's): bytes and sha256."""
    import hashlib

    from author_certificates import storage
    from author_certificates.models import IssuedCertificate

    issued = IssuedCertificate.objects.filter(state="generated", version__isnull=False).order_by("pk").first()
    if issued is not None:
        return storage.read_pdf(issued.file), issued.sha256
    from .baselines import CompetentScript
    from .certificate import sample_printed

    CompetentScript(work / "zip-source")(sample_printed(0), work / "zip-source.pdf")
    data = (work / "zip-source.pdf").read_bytes()
    return data, hashlib.sha256(data).hexdigest()


def certificate_folder() -> Path:
    from django.conf import settings

    return Path(settings.STORAGES["author_certificates"]["OPTIONS"]["location"])


def build(counts, work: Path) -> dict[str, str]:
    """Make the trainings and learners; return the training keys and usernames the probes use."""
    big = training_with_classic("course-v1:BenchReport+Big+2026", "A course with many learners")
    small = training_with_classic("course-v1:BenchReport+Small+2026", "A course with ten learners")
    users = seed.bulk_learners("bench-report", counts.report_learners)
    seed.bulk_completions(users, [big])
    seed.bulk_completions(users[:10], [small])
    generated = int(len(users) * GENERATED_SHARE)
    issued_rows([(user, big) for user in users[:generated]], generated=True,
                file_name=lambda user: f"bench/{user.username}.pdf")

    archive = training_with_classic("course-v1:BenchReport+Zip+2026", "A course whose certificates are exported")
    archived = users[:counts.zip_certificates]
    seed.bulk_completions(archived, [archive])
    data, sha256 = a_real_certificate(work)
    folder = certificate_folder() / "bench-zip"
    folder.mkdir(parents=True, exist_ok=True)
    original = folder / "original.pdf"
    original.write_bytes(data)
    for user in archived:
        os.link(original, folder / f"{user.username}.pdf")
    for training, learners in ((archive, archived), (small, archived[:3])):
        issued_rows([(user, training) for user in learners], generated=True,
                    file_name=lambda user: f"bench-zip/{user.username}.pdf", sha256=sha256)

    learner = seed.bulk_learners("bench-records", 1)[0]
    per_kind = counts.records_trainings // 3
    trainings = [training_with_classic(key, f"Training {index}") for index in range(per_kind)
                 for key in (f"course-v1:BenchRec+C{index}+2026", f"pathway-v1:BenchRec+p{index}",
                             f"program-v1:BenchRec+g{index}")]
    seed.bulk_completions([learner], trainings)
    issued_rows([(learner, training) for training in trainings[::3]], generated=True,
                file_name=lambda user: "bench/none.pdf")
    analyse()
    return {"big": big.key, "small": small.key, "archive": archive.key, "learner": learner.username,
            "archive_bytes": str(len(data))}


def analyse() -> None:
    """Give the planner the statistics of the tables just loaded, as autovacuum would.

    A bulk load followed at once by a measurement leaves PostgreSQL planning with the empty
    tables' statistics (100,000 completions estimated at one row): the report's page was then
    read by sorting every row (727 ms) instead of walking its index (under 1 ms). An operator's
    server analyses a table automatically once a tenth of it has changed, within about a
    minute (autovacuum's defaults); the bench does it right away.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def probe(env_vars: dict[str, str], spec: dict) -> dict:
    result = subprocess.run([sys.executable, "-m", "bench.web_probe", json.dumps(spec)], cwd=ROOT,
                            env={**os.environ, **env_vars}, capture_output=True, text=True, timeout=600)
    if result.returncode:
        raise RuntimeError(f"web probe of {spec['path']} failed:\n{result.stderr[-3000:]}")
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    if measured["status"] != 200:
        raise RuntimeError(f"{spec['path']} answered {measured['status']}")
    return measured


def _report_url(key: str, query: str = "") -> str:
    from django.urls import reverse

    return reverse("author_certificates:progress-report", kwargs={"training_key": key}) + query


def _has_url(name: str, key: str) -> bool:
    from django.urls import NoReverseMatch, reverse

    try:
        reverse(f"author_certificates:{name}", kwargs={"training_key": key})
    except NoReverseMatch:
        return False
    return True


def _paginated() -> bool:
    from author_certificates import api

    return hasattr(api, "read_progress_report")


def measure(counts, env_vars: dict[str, str], work: Path, progress) -> list[Figure]:
    progress(f"report: {counts.report_learners} learners, {counts.zip_certificates} archived certificates, "
             f"{counts.records_trainings} trainings of one learner")
    made = build(counts, work)
    staff = seed.staff_user().username
    rows = [section(f"progress report: {counts.report_learners} completed learners, 30% generated")]
    if _paginated():
        progress("report: first page, deep page")
        small = probe(env_vars, {"user": staff, "path": _report_url(made["small"]), "repeat": 3})
        first = probe(env_vars, {"user": staff, "path": _report_url(made["big"]), "repeat": 5,
                                 "warm": [_report_url(made["small"])]})
        by_generation = probe(env_vars, {"user": staff, "path": _report_url(made["big"], "?sort=-generated"),
                                         "repeat": 5, "warm": [_report_url(made["small"])]})
        deep = probe(env_vars, {"user": staff, "path": _report_url(made["big"]), "repeat": 5,
                                "training": made["big"], "deep_rows": counts.report_learners // 2,
                                "warm": [_report_url(made["small"])]})
        constant = first["queries"] == small["queries"]
        rows += [
            Figure("first page", ms(first["seconds"]), f"<= {FIRST_PAGE_TARGET * 1000:.0f} ms",
                   first["seconds"] <= FIRST_PAGE_TARGET),
            Figure(f"first page: queries (10 learners: {small['queries']})", str(first["queries"]), "the same",
                   constant),
            Figure("first page: size, memory growth", f"{first['bytes'] // 1024} KB, {mib(first['growth'])}"),
            Figure("first page sorted by generation date (no index can serve it)", ms(by_generation["seconds"])),
            Figure(f"deep page (after {counts.report_learners // 2} rows)", ms(deep["seconds"]),
                   f"<= {FIRST_PAGE_TARGET * 1000:.0f} ms", deep["seconds"] <= FIRST_PAGE_TARGET),
            Figure("deep page: queries", str(deep["queries"]), "the same", deep["queries"] == small["queries"]),
        ]
    else:
        why = "the paginated report is not in this checkout yet"
        rows += [not_measurable("first page", f"<= {FIRST_PAGE_TARGET * 1000:.0f} ms", why),
                 not_measurable("deep page", f"<= {FIRST_PAGE_TARGET * 1000:.0f} ms", why)]
    progress("report: CSV")
    csv = probe(env_vars, {"user": staff, "path": _report_url(made["big"], "?format=csv"),
                           "warm": [_report_url(made["small"], "?format=csv")]})
    rows += [
        Figure(f"CSV of {counts.report_learners} rows: time", ms(csv["seconds"]), f"<= {CSV_SECONDS_TARGET} s",
               csv["seconds"] <= CSV_SECONDS_TARGET),
        Figure("CSV: memory growth", mib(csv["growth"]), f"<= {GROWTH_TARGET_MIB} MiB",
               csv["growth"] <= GROWTH_TARGET_MIB * 2**20),
        Figure("CSV: queries, size", f"{csv['queries']}, {csv['bytes'] / 10**6:.1f} MB"),
    ]
    if _has_url("certificate-archive", made["archive"]):
        progress(f"report: ZIP of {counts.zip_certificates} certificates")
        from django.urls import reverse

        url = reverse("author_certificates:certificate-archive", kwargs={"training_key": made["archive"]})
        warm = reverse("author_certificates:certificate-archive", kwargs={"training_key": made["small"]})
        archive = probe(env_vars, {"user": staff, "path": url, "warm": [warm]})
        rows += [
            Figure(f"ZIP of {counts.zip_certificates} PDFs: memory growth", mib(archive["growth"]),
                   f"<= {GROWTH_TARGET_MIB} MiB", archive["growth"] <= GROWTH_TARGET_MIB * 2**20),
            Figure("ZIP: time, size", f"{archive['seconds']:.1f} s, {archive['bytes'] / 10**9:.2f} GB"),
        ]
    else:
        rows.append(not_measurable(f"ZIP of {counts.zip_certificates} PDFs: memory growth",
                                   f"<= {GROWTH_TARGET_MIB} MiB", "the ZIP export is not in this checkout yet"))
    progress("Learning Records")
    from django.urls import reverse

    records = probe(env_vars, {"user": made["learner"], "path": reverse("author_certificates:learning_records"),
                               "repeat": 5})
    rows += [
        section(f"Learning Records: one learner, {counts.records_trainings} completed trainings"),
        Figure("Learning Records page (default tab)", ms(records["seconds"])),
        Figure("Learning Records: queries, size", f"{records['queries']}, {records['bytes'] // 1024} KB"),
    ]
    return rows
