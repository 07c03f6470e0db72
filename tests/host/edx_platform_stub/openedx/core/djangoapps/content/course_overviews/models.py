"""Stand-in for edx-platform's ``openedx.core.djangoapps.content.course_overviews.models``."""

from tests.host.hostapp.models import CourseOverview

__all__ = ["CourseOverview"]
