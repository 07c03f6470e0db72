"""Fake edx-platform tables: the columns of ``common.djangoapps.student.models`` that compat reads.

The real module path is provided by ``tests/host/edx_platform_stub`` (put on sys.path by the
test settings), which re-exports these models, so ``author_certificates.compat`` imports them
exactly as it does in edx-platform (docs/decisions/0054-fake-host-tables.md).
"""

from django.conf import settings
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField


class UserProfile(models.Model):
    """edx-platform's ``auth_userprofile``: ``name`` is the learner's full name."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, unique=True, on_delete=models.CASCADE, related_name="profile")
    name = models.CharField(blank=True, max_length=255, db_index=True)

    class Meta:
        db_table = "auth_userprofile"

    def __str__(self) -> str:
        return self.name


class CourseAccessRole(models.Model):
    """edx-platform's ``student_courseaccessrole``: a role on one course, or on a whole org (no course)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    org = models.CharField(max_length=64, db_index=True, blank=True)
    course_id = CourseKeyField(max_length=255, db_index=True, blank=True)
    role = models.CharField(max_length=64, db_index=True)

    class Meta:
        db_table = "student_courseaccessrole"
        unique_together = ("user", "org", "course_id", "role")

    def __str__(self) -> str:
        return f"{self.user} {self.role} {self.course_id or self.org}"


class CourseOverview(models.Model):
    """edx-platform's ``course_overviews_courseoverview``: the published course's cached metadata.

    Only the columns compat reads: the course key is the primary key, ``display_name`` the title
    Studio publishes (None until set, as in edx-platform).
    """

    id = CourseKeyField(db_index=True, primary_key=True, max_length=255)
    display_name = models.TextField(null=True)  # noqa: DJ001 - edx-platform's column is nullable
    org = models.TextField(max_length=255, default="outdated_entry")

    class Meta:
        db_table = "course_overviews_courseoverview"

    def __str__(self) -> str:
        return self.display_name or str(self.id)
