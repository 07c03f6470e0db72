"""Stand-in for edx-platform's ``common.djangoapps.student.models``: the fake host's tables."""

from tests.host.hostapp.models import CourseAccessRole, UserProfile

__all__ = ["CourseAccessRole", "UserProfile"]
