"""``manage.py requeue_stalled_certificates``: the sweep of stalled generations, for hosts without
Celery beat (run it from cron every minute or so). See docs/decisions/0107-lost-tasks.md."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from author_certificates import api


class Command(BaseCommand):
    help = (
        "Queue again the certificate generations still 'generating' AUTHOR_CERTIFICATES_REQUEUE_STALLED_AFTER_SECONDS "
        "after they were requested (their task was lost with a killed worker), and mark failed those past "
        "AUTHOR_CERTIFICATES_GENERATION_TIMEOUT_SECONDS so learners can try again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500,
                            help="Queue at most this many generations, oldest first (default 500).")

    def handle(self, *args, limit: int, **options):
        if limit < 1:
            raise CommandError("--limit must be at least 1.")
        outcome = api.requeue_stalled_generations(limit=limit)
        self.stdout.write(f"Queued {len(outcome.requeued)} stalled generation(s) again; "
                          f"marked {outcome.failed} generation(s) past the timeout as failed.")
