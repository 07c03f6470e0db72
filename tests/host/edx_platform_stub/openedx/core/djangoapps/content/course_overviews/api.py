"""Stand-in for edx-platform's ``openedx.core.djangoapps.content.course_overviews.api``.

edx-platform: ``get_course_overview_or_none(course_id)`` returns the CourseOverview of a course
key, or None when the course has none.
"""

from .models import CourseOverview


def get_course_overview_or_none(course_id):
    return CourseOverview.objects.filter(id=course_id).first()
