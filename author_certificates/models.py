"""The certificate domain: trainings, author certificates and their versions, classic
certificates, assignments, completions, issued certificates and roles.

Writes go through ``author_certificates.api``; these models hold the rules that the database
can enforce (uniqueness, "one of two" checks) so that no code path, admin or shell can break them.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .fields import CaseSensitiveCharField
from .keys import COURSE, PATHWAY, PROGRAM


class TrainingKind(models.TextChoices):
    COURSE = COURSE, _("Course")
    PATHWAY = PATHWAY, _("Pathway")
    PROGRAM = PROGRAM, _("Learning program")


class Training(models.Model):
    """A course, pathway or learning program of one tenant that a certificate can be assigned to

    .. no_pii:
    """

    kind = models.CharField(max_length=16, choices=TrainingKind.choices)
    # Keys are case-sensitive (course-v1:Org+X+Run and course-v1:org+x+run are two courses in
    # Open edX), on MySQL/MariaDB too.
    key = CaseSensitiveCharField(
        max_length=255, unique=True, help_text=_("Course key or pathway-v1:/program-v1: key.")
    )
    org = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=255)
    tenant = models.CharField(max_length=100, db_index=True)
    language = models.CharField(max_length=16, default="en", help_text=_("Language of the training's certificate."))
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["kind", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=[COURSE, PATHWAY, PROGRAM]), name="ac_training_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.key})"


class AuthorCertificate(models.Model):
    """A diploma designed in Studio. Its design lives in its versions; this row is its identity

    .. no_pii: ``created_by`` is a user id only.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tenant = models.CharField(max_length=100, db_index=True)
    title = models.CharField(max_length=255)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()
    # Number of the newest version. Saving a version locks this row and increments it, which
    # serialises concurrent saves (R1); the unique constraint below is the backstop.
    latest_version_number = models.PositiveIntegerField(default=0)
    # Retired by an author: hidden from every selector; its versions, assignments and issued
    # certificates stay as they are (docs/decisions/0114). Restoring clears archived_* and records
    # restored_*, so the last archive and the last restore are both known.
    archived_at = models.DateTimeField(null=True, blank=True, db_index=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    restored_at = models.DateTimeField(null=True, blank=True)
    restored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class ImmutableQuerySet(models.QuerySet):
    """A queryset whose bulk update/delete refuse: rows of these models never change."""

    def update(self, **kwargs):
        raise TypeError(f"{self.model.__name__} rows are immutable and cannot be updated.")

    def delete(self):
        raise TypeError(f"{self.model.__name__} rows are immutable and cannot be deleted.")


class ImmutableModel(models.Model):
    """A row that is written once: a second save or a delete raises TypeError."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise TypeError(f"{type(self).__name__} rows are immutable and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__} rows are immutable and cannot be deleted.")


class PageSize(models.TextChoices):
    A4 = "A4", "A4"
    LETTER = "Letter", "US Letter"


class Orientation(models.TextChoices):
    LANDSCAPE = "landscape", _("Landscape")
    PORTRAIT = "portrait", _("Portrait")


class DesignVersion(ImmutableModel):
    """What every saved design has, author certificate version or classic certificate version:
    the design (HTML, CSS, page settings, language) and who made it, when."""

    html = models.TextField()
    css = models.TextField(blank=True)
    page_size = models.CharField(max_length=16, choices=PageSize.choices, default=PageSize.A4)
    orientation = models.CharField(max_length=16, choices=Orientation.choices, default=Orientation.LANDSCAPE)
    language = models.CharField(max_length=16, default="en")
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        abstract = True


class AuthorCertificateVersion(DesignVersion):
    """One saved design of an author certificate: number N, never changed after it is made (R1)

    .. no_pii: ``created_by`` is a user id only; the design is the author's work, not personal data.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    certificate = models.ForeignKey(AuthorCertificate, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=255, help_text=_("Certificate title as of this version."))

    class Meta:
        ordering = ["certificate_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["certificate", "number"], name="ac_version_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="ac_version_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.certificate} v{self.number}"


class DesignAsset(ImmutableModel):
    """The bytes of an uploaded image or font, stored once per content (sha256)

    .. no_pii:
    """

    sha256 = models.CharField(max_length=64, unique=True)
    content_type = models.CharField(max_length=100)
    data = models.BinaryField()
    size = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.content_type} {self.sha256[:12]}"


class VersionAsset(ImmutableModel):
    """An asset as a version names it: versions share identical bytes through DesignAsset

    .. no_pii:
    """

    version = models.ForeignKey(AuthorCertificateVersion, on_delete=models.PROTECT, related_name="assets")
    name = models.CharField(max_length=255)
    asset = models.ForeignKey(DesignAsset, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["version", "name"], name="ac_version_asset_name_unique")]

    def __str__(self) -> str:
        return self.name


class ClassicCertificate(models.Model):
    """A ready-made certificate: a platform default (tenant blank) or one made for one tenant (R5).

    Platform defaults name a design shipped with the package (``builtin_language``), so an
    upgrade of the package improves them; tenant-only ones carry their HTML and CSS.

    .. no_pii:
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tenant = models.CharField(
        max_length=100, blank=True, db_index=True, help_text=_("Blank for a platform default, shown to every tenant.")
    )
    name = models.CharField(max_length=255)
    language = models.CharField(max_length=16, default="en")
    builtin_language = models.CharField(
        max_length=16, blank=True, help_text=_("Set for platform defaults: the packaged design in this language.")
    )
    html = models.TextField(blank=True)
    css = models.TextField(blank=True)
    page_size = models.CharField(max_length=16, choices=PageSize.choices, default=PageSize.A4)
    orientation = models.CharField(max_length=16, choices=Orientation.choices, default=Orientation.LANDSCAPE)
    is_active = models.BooleanField(default=True)
    # Tenant classics only: number of the newest ClassicCertificateVersion. Saving a changed design
    # locks this row and increments it, as AuthorCertificate.latest_version_number does (R1).
    latest_version_number = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["tenant", "language", "name"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "name"], name="ac_classic_name_unique_per_tenant"),
            models.CheckConstraint(condition=~Q(builtin_language="") | ~Q(html=""), name="ac_classic_has_design"),
        ]

    def __str__(self) -> str:
        return self.name


class CertificateAssignment(ImmutableModel):
    """One entry of a training's assignment history; the newest entry is the current one (R2).

    An entry names a classic certificate, or one version of an author certificate, or neither
    (the certificate was removed from the training).

    .. no_pii:
    """

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="assignments")
    classic = models.ForeignKey(ClassicCertificate, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey(
        AuthorCertificateVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField()

    class Meta:
        ordering = ["training_id", "-id"]
        get_latest_by = "id"
        constraints = [
            models.CheckConstraint(
                condition=Q(classic__isnull=True) | Q(version__isnull=True), name="ac_assignment_one_certificate"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.training}: {self.version or self.classic or '-'}"


class Completion(models.Model):
    """A learner completed a training. ``revoked_at`` is set when the host says they no longer pass

    .. no_pii: a user id, a training and dates.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=64, blank=True, help_text=_("What recorded it: api, an event name, ..."))
    # The learner's issued certificate for the same training, if any: a join on (user, training),
    # no column of its own. It lets the progress report filter and sort completions by their
    # certificate in one query (docs/decisions/0070-progress-report-keyset.md).
    issued = models.ForeignObject(
        "IssuedCertificate",
        on_delete=models.DO_NOTHING,
        from_fields=["user", "training"],
        to_fields=["user", "training"],
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-completed_at"]
        constraints = [models.UniqueConstraint(fields=["user", "training"], name="ac_completion_unique")]
        indexes = [
            # The progress report's keyset pages in its default order: one training's completions by date.
            models.Index(fields=["training", "completed_at", "id"], name="ac_completion_report_date"),
        ]

    def __str__(self) -> str:
        return f"{self.user} completed {self.training}"


class IssuedState(models.TextChoices):
    GENERATING = "generating", _("The certificate is being generated")
    GENERATED = "generated", _("The certificate has been generated")
    FAILED = "failed", _("The certificate could not be generated")


class FailureCode(models.TextChoices):
    """Why a generation failed, in a word learners may see (translated sentences: api/words.py).

    The exception text behind it is staff-only (``IssuedCertificate.error``): it can name server
    paths and internals, so it never reaches a learner (docs/decisions/0106-failure-codes.md).
    """

    DESIGN = "design", _("The design could not be rendered")
    RENDER_LIMIT = "render_limit", _("The render exceeded a limit")
    STORAGE = "storage", _("The file could not be stored")
    DATABASE = "database", _("The result could not be recorded")
    QUEUE = "queue", _("The generation could not be queued")
    STALLED = "stalled", _("The generation did not finish in time")
    UNEXPECTED = "unexpected", _("Unexpected error")


class IssuedCertificate(models.Model):
    """The one certificate of a learner for a training, pinned to the design in force when first asked (R8)

    .. pii: The learner's name printed on the certificate (``learner_name``, ``printed``) and in its stored PDF.
    .. pii_types: name
    .. pii_retirement: local_api (``api.retire_learner`` on the platform's USER_RETIRE_LMS_CRITICAL blanks the
       name and deletes the PDFs; the row is retained, as edx-platform retains its GeneratedCertificate)
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # CASCADE as edx-platform's GeneratedCertificate.user: the platform's retirement never deletes a
    # user (api.retire_learner purges the name instead); deleting one by hand must not be blocked.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    training = models.ForeignKey(Training, on_delete=models.PROTECT, related_name="issued_certificates")
    classic = models.ForeignKey(ClassicCertificate, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey(
        AuthorCertificateVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(max_length=16, choices=IssuedState.choices, default=IssuedState.GENERATING)
    requested_at = models.DateTimeField()
    generated_at = models.DateTimeField(null=True, blank=True, help_text=_("Date of the first generation (R10)."))
    learner_name = models.CharField(max_length=255, blank=True, help_text=_("The name printed on the certificate."))
    printed = models.JSONField(
        default=dict,
        blank=True,
        help_text=_("What was printed (names, title, dates, links) at first generation, for a faithful re-render."),
    )
    file = models.CharField(max_length=500, blank=True, help_text=_("Name of the PDF in the certificate storage."))
    sha256 = models.CharField(max_length=64, blank=True)
    # Why the last generation failed: a code learners see as a translated sentence, and the
    # exception text (``error``), staff-only: the report and the admin show it, learners never.
    failure_code = models.CharField(max_length=16, choices=FailureCode.choices, blank=True, default="")
    error = models.TextField(blank=True, help_text=_("Staff only: what failed, as the exception said it."))
    attempts = models.PositiveIntegerField(default=0)
    invalidated_at = models.DateTimeField(null=True, blank=True)
    invalidated_reason = models.CharField(max_length=255, blank=True)
    # Who invalidated it (docs/decisions/0120-invalidation-and-reissue.md).
    invalidated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The version of a tenant's classic certificate it was rendered from (blank for the platform's
    # built-in classics and for author certificates): docs/decisions/0121-classic-certificate-versions.md.
    classic_version = models.ForeignKey(
        "ClassicCertificateVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "training"], name="ac_issued_one_per_learner_training"),
            models.CheckConstraint(
                condition=(Q(classic__isnull=False) & Q(version__isnull=True))
                | (Q(classic__isnull=True) & Q(version__isnull=False)),
                name="ac_issued_pins_one_certificate",
            ),
            # Nothing is marked generated without its file, its hash and its date (R13).
            models.CheckConstraint(
                condition=~Q(state=IssuedState.GENERATED)
                | (Q(generated_at__isnull=False) & ~Q(file="") & ~Q(sha256="")),
                name="ac_issued_generated_has_file",
            ),
        ]
        indexes = [
            # The report's state filters and generation-date order, and the ZIP export of a training.
            models.Index(fields=["training", "state", "generated_at"], name="ac_issued_training_state"),
        ]

    def __str__(self) -> str:
        return f"{self.training} for {self.user} ({self.state})"


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    TRAINER = "trainer", _("Trainer")
    INSPECTOR = "inspector", _("Inspector")


class RoleAssignment(models.Model):
    """The plugin's own roles, for hosts without course roles: on one training, or tenant-wide

    .. no_pii: user ids and role names.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=16, choices=Role.choices)
    tenant = models.CharField(max_length=100, db_index=True)
    training = models.ForeignKey(Training, null=True, blank=True, on_delete=models.CASCADE, related_name="roles")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    granted_at = models.DateTimeField()
    # "" for a tenant-wide role, else the training's id, set by save(). Tenant-wide rows have no
    # training, NULLs never collide in a unique index, and MySQL/MariaDB cannot create a unique
    # constraint with a condition: uniqueness is enforced on this derived column instead.
    scope = models.CharField(max_length=32, blank=True, default="", editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "tenant", "scope"], name="ac_role_unique_in_scope"),
            models.CheckConstraint(condition=Q(role__in=["admin", "trainer", "inspector"]), name="ac_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.role} of {self.training or self.tenant}"

    def save(self, *args, **kwargs):
        self.scope = str(self.training_id) if self.training_id else ""
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "scope"}
        super().save(*args, **kwargs)


class BulkGenerationState(models.TextChoices):
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    CANCELLED = "cancelled", _("Cancelled")


class BulkGeneration(models.Model):
    """Staff asked to generate the certificate of every learner who completed a training.

    Worked through in chunks of completions (by id) on Celery, one chunk at a time; each chunk
    asks for each learner's certificate as the learner would (idempotent), so running it twice,
    or after a learner generated theirs, generates nothing twice. ``last_completion_id`` is where
    the next chunk starts; cancelling stops before the next chunk.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="bulk_generations")
    state = models.CharField(max_length=16, choices=BulkGenerationState.choices, default=BulkGenerationState.RUNNING)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField()
    total = models.PositiveIntegerField(default=0, help_text=_("Learners who had completed when it started."))
    processed = models.PositiveIntegerField(default=0, help_text=_("Learners looked at so far."))
    started = models.PositiveIntegerField(default=0, help_text=_("Generations this run queued."))
    skipped = models.PositiveIntegerField(
        default=0, help_text=_("Learners whose certificate was already generated or being generated.")
    )
    refused = models.PositiveIntegerField(
        default=0, help_text=_("Learners who could not be asked for (e.g. inactive).")
    )
    last_completion_id = models.BigIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=["running", "finished", "cancelled"]),
                                   name="ac_bulk_generation_state_valid"),
        ]
        indexes = [models.Index(fields=["training", "state"], name="ac_bulk_generation_training")]

    def __str__(self) -> str:
        return f"{self.training}: bulk generation ({self.state})"


class ArchiveExport(models.Model):
    """Who downloaded a ZIP of a training's generated certificates, and when (an audit record)."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="archive_exports")
    exported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    exported_at = models.DateTimeField()
    certificates = models.PositiveIntegerField(help_text=_("Generated certificates the archive lists."))

    class Meta:
        ordering = ["-exported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.training}: ZIP exported by {self.exported_by} at {self.exported_at:%Y-%m-%d %H:%M}"


class ClassicCertificateVersion(DesignVersion):
    """One design of a tenant's classic certificate: number N, never changed after it is made.

    Editing a tenant classic in the admin makes a new version; issued certificates pin the
    version they were rendered from, so each can be rendered again byte for byte.
    Platform defaults (``builtin_language``) have no versions: their design ships with the package.

    .. no_pii: ``created_by`` is a user id only.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    classic = models.ForeignKey(ClassicCertificate, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    name = models.CharField(max_length=255, help_text=_("The classic certificate's name as of this version."))

    class Meta:
        ordering = ["classic_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["classic", "number"], name="ac_classic_version_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="ac_classic_version_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.classic} v{self.number}"


class SupersededCertificate(models.Model):
    """A certificate that was invalidated and then reissued: what it was, kept for its verification.

    Written once by ``api.reissue_certificate``; only ``api.retire_learner`` changes it (the name).

    A learner has one IssuedCertificate row per training (R8). A reissue copies the invalidated
    certificate here (its uuid, file, hash, what was printed and what it was rendered from) and
    issues the new one on the learner's row under a new uuid. The old verification URL keeps
    answering "invalidated" from this row. See docs/decisions/0120-invalidation-and-reissue.md.

    .. pii: The learner's name printed on the certificate (``learner_name``, ``printed``) and in its stored PDF.
    .. pii_types: name
    .. pii_retirement: local_api (``api.retire_learner`` blanks the name and deletes the PDF, as for IssuedCertificate)
    """

    uuid = models.UUIDField(unique=True, editable=False)
    issued = models.ForeignKey(
        IssuedCertificate, on_delete=models.CASCADE, related_name="superseded",
        help_text=_("The learner's certificate row, which now holds the reissued certificate."),
    )
    training = models.ForeignKey(Training, on_delete=models.PROTECT, related_name="+")
    classic = models.ForeignKey(ClassicCertificate, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    classic_version = models.ForeignKey(
        "ClassicCertificateVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.ForeignKey(
        AuthorCertificateVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    generated_at = models.DateTimeField()
    learner_name = models.CharField(max_length=255, blank=True)
    printed = models.JSONField(default=dict, blank=True)
    file = models.CharField(max_length=500, blank=True)
    sha256 = models.CharField(max_length=64)
    invalidated_at = models.DateTimeField()
    invalidated_reason = models.CharField(max_length=255, blank=True)
    invalidated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    superseded_at = models.DateTimeField(help_text=_("When it was reissued."))
    state = IssuedState.GENERATED  # what it was when invalidated: only generated certificates are

    class Meta:
        ordering = ["-superseded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.training}: {self.uuid} (reissued {self.superseded_at:%Y-%m-%d})"


class CertificateEventKind(models.TextChoices):
    INVALIDATED = "invalidated", _("Invalidated")
    REISSUED = "reissued", _("Reissued")


class CertificateEvent(ImmutableModel):
    """An invalidation or a reissue of a learner's certificate: who, when, why (an audit record).

    .. no_pii: user ids and the staff member's reason (staff are told not to write personal data in it).
    """

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="certificate_events")
    kind = models.CharField(max_length=16, choices=CertificateEventKind.choices)
    # The learner's certificate row; CASCADE as its user: deleting a user by hand is not blocked.
    issued = models.ForeignKey(IssuedCertificate, on_delete=models.CASCADE, related_name="events")
    certificate_uuid = models.UUIDField(help_text=_("The certificate invalidated, or the one a reissue replaced."))
    new_certificate_uuid = models.UUIDField(null=True, blank=True, help_text=_("The certificate a reissue issued."))
    reason = models.CharField(max_length=255, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    done_at = models.DateTimeField()

    class Meta:
        ordering = ["training_id", "-done_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["invalidated", "reissued"]), name="ac_certificate_event_kind"),
        ]
        indexes = [models.Index(fields=["training", "done_at"], name="ac_certificate_event_training")]

    def __str__(self) -> str:
        return f"{self.training}: {self.kind} {self.certificate_uuid} at {self.done_at:%Y-%m-%d %H:%M}"
