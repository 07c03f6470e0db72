"""Seed the demo: users, trainings of each kind, completions, an author certificate, assignments.

Idempotent: running it again changes nothing. Everything goes through author_certificates.api.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from author_certificates import api
from author_certificates.models import AuthorCertificate, ClassicCertificate

PASSWORD = "demo"  # noqa: S105 - demo only, printed on purpose

USERS = [
    # username, first, last, is_staff, is_superuser
    ("admin", "Grace", "Hopper", True, True),
    ("author", "Alan", "Turing", True, False),
    ("trainer", "Katherine", "Johnson", False, False),
    ("inspector", "Edsger", "Dijkstra", False, False),
    ("learner", "Ada", "Lovelace", False, False),
]

TRAININGS = [
    ("course-v1:DemoX+CS101+2026", "Computing 101"),
    ("course-v1:DemoX+DS201+2026", "Data Science Foundations"),
    ("pathway-v1:DemoX+data-analyst", "Data Analyst Pathway"),
    ("program-v1:DemoX+leadership", "Leadership Program"),
]

DIPLOMA_HTML = """<div class="frame">
  <p class="platform">{{ platform_name }}</p>
  <h1>Diploma</h1>
  <p class="lead">This diploma is awarded to</p>
  <p class="name">{{ learner_full_name }}</p>
  <p class="lead">for completing the {{ training_kind }}</p>
  <p class="training">{{ training_title }}</p>
  <p class="dates">Completed on {{ completion_date }} &middot; Issued on {{ generation_date }}</p>
  <div class="verify">{{ qr_code }}<p>Verify at {{ verification_url }}<br>Code {{ certificate_code }}</p></div>
</div>"""

DIPLOMA_CSS = """@page { size: A4 landscape; margin: 0; }
body { margin: 0; font-family: "DejaVu Serif", serif; color: #1d2b3a; }
.frame { box-sizing: border-box; height: 210mm; padding: 22mm 28mm; border: 6mm solid #0a3055; text-align: center; }
.platform { letter-spacing: .3em; text-transform: uppercase; color: #9d0054; font-size: 11pt; }
h1 { font-size: 40pt; margin: 6mm 0; color: #0a3055; }
.lead { font-size: 13pt; margin: 2mm 0; }
.name { font-size: 30pt; font-style: italic; margin: 4mm 0; }
.training { font-size: 20pt; font-weight: bold; margin: 3mm 0 6mm; }
.dates { font-size: 11pt; }
.verify { position: absolute; bottom: 22mm; right: 28mm; width: 60mm; font-size: 7pt; text-align: right; }
.verify svg { width: 22mm; height: 22mm; }"""


class Command(BaseCommand):
    help = "Seed demo users, trainings, completions and certificates (idempotent)."

    def handle(self, *args, **options):
        users = {}
        user_model = get_user_model()
        for username, first, last, is_staff, is_superuser in USERS:
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "is_staff": is_staff,
                    "is_superuser": is_superuser,
                    "email": f"{username}@demo.invalid",
                },
            )
            if created:
                user.set_password(PASSWORD)
                user.save()
            users[username] = user

        trainings = {key: api.register_training(key=key, title=title, tenant="default") for key, title in TRAININGS}
        api.grant_role(user=users["trainer"], role="trainer", training=trainings["course-v1:DemoX+CS101+2026"])
        api.grant_role(user=users["inspector"], role="inspector", tenant="default")

        certificate = AuthorCertificate.objects.filter(tenant="default", title="Demo diploma").first()
        if certificate is None:
            version = api.create_author_certificate(
                tenant="default", title="Demo diploma", html=DIPLOMA_HTML, css=DIPLOMA_CSS, created_by=users["author"]
            )
        else:
            version = certificate.versions.order_by("-number").first()

        classic_en = ClassicCertificate.objects.get(tenant="", builtin_language="en")
        if api.get_current_assignment(training="course-v1:DemoX+CS101+2026") is None:
            api.assign_certificate(
                training="course-v1:DemoX+CS101+2026", classic=classic_en, assigned_by=users["admin"]
            )
        if api.get_current_assignment(training="pathway-v1:DemoX+data-analyst") is None:
            api.assign_certificate(
                training="pathway-v1:DemoX+data-analyst", version=version, assigned_by=users["admin"]
            )
        # DS201 has no certificate assigned: the learner sees it completed, without a button.
        for key, _title in TRAININGS:
            api.record_completion(user=users["learner"], training=key)

        self.stdout.write(self.style.SUCCESS("Demo data ready. Users (password 'demo'):"))
        for username, first, last, _staff, _super in USERS:
            self.stdout.write(f"  {username:<10} {first} {last}")
        self.stdout.write("Open http://127.0.0.1:8000/ for the demo's pages.")
