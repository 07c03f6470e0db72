"""Emit openedx-events the way edx-platform and Credentials do, with the library's own data classes.

Tests call these instead of building event data by hand, so every test sends the real signal
through ``OpenEdxPublicSignal.send_event`` (its validation, its metadata, its receivers).
``send_robust=False`` makes Django re-raise whatever a receiver raises: the tests prove ours
raise nothing.
"""

from __future__ import annotations

import datetime

from opaque_keys.edx.keys import CourseKey
from openedx_events.content_authoring.data import CourseCatalogData, CourseScheduleData
from openedx_events.content_authoring.signals import COURSE_CATALOG_INFO_CHANGED
from openedx_events.learning.data import (
    CcxCourseData,
    CcxCoursePassingStatusData,
    CertificateData,
    CourseData,
    CoursePassingStatusData,
    ProgramCertificateData,
    ProgramData,
    UserData,
    UserPersonalData,
)
from openedx_events.learning.signals import (
    CCX_COURSE_PASSING_STATUS_UPDATED,
    CERTIFICATE_CREATED,
    CERTIFICATE_REVOKED,
    COURSE_PASSING_STATUS_UPDATED,
    PROGRAM_CERTIFICATE_AWARDED,
    PROGRAM_CERTIFICATE_REVOKED,
)


def user_data(user, *, user_id: int | None = None, username: str | None = None) -> UserData:
    """The event's view of a Django user (the id and username can be overridden)."""
    return UserData(
        id=user.pk if user_id is None else user_id,
        is_active=user.is_active,
        pii=UserPersonalData(username=user.username if username is None else username,
                             email=user.email or f"{user.username}@example.com", name=user.get_full_name()),
    )


def course_passing_status(*, user, course_key: str, is_passing: bool, display_name: str = "",
                          time: datetime.datetime | None = None, **user_overrides):
    return COURSE_PASSING_STATUS_UPDATED.send_event(
        send_robust=False, time=time,
        course_passing_status=CoursePassingStatusData(
            is_passing=is_passing,
            course=CourseData(course_key=CourseKey.from_string(course_key), display_name=display_name),
            user=user_data(user, **user_overrides),
        ),
    )


def ccx_course_passing_status(*, user, ccx_key: str, master_key: str, is_passing: bool, display_name: str = "",
                              time: datetime.datetime | None = None):
    return CCX_COURSE_PASSING_STATUS_UPDATED.send_event(
        send_robust=False, time=time,
        course_passing_status=CcxCoursePassingStatusData(
            is_passing=is_passing,
            course=CcxCourseData(ccx_course_key=CourseKey.from_string(ccx_key),
                                 master_course_key=CourseKey.from_string(master_key), display_name=display_name),
            user=user_data(user),
        ),
    )


def program_certificate(*, user, program_uuid: str, title: str = "", revoked: bool = False,
                        time: datetime.datetime | None = None, **user_overrides):
    signal = PROGRAM_CERTIFICATE_REVOKED if revoked else PROGRAM_CERTIFICATE_AWARDED
    return signal.send_event(
        send_robust=False, time=time,
        program_certificate=ProgramCertificateData(
            user=user_data(user, **user_overrides),
            program=ProgramData(uuid=program_uuid, title=title, program_type="professional"),
            uuid="7a9c1f7e-0000-4000-8000-000000000001",
            status="revoked" if revoked else "awarded",
            url="https://credentials.example.com/credentials/7a9c1f7e/",
        ),
    )


def course_catalog_info_changed(*, course_key: str, name: str, time: datetime.datetime | None = None):
    return COURSE_CATALOG_INFO_CHANGED.send_event(
        send_robust=False, time=time,
        catalog_info=CourseCatalogData(
            course_key=CourseKey.from_string(course_key), name=name,
            schedule_data=CourseScheduleData(start=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
                                             pacing="instructor"),
        ),
    )


def course_certificate(*, user, course_key: str, status: str = "downloadable", revoked: bool = False,
                       mode: str = "honor", time: datetime.datetime | None = None):
    """CERTIFICATE_CREATED (or CERTIFICATE_REVOKED) as ``GeneratedCertificate.save``/``_revoke_certificate`` send it.

    edx-platform fills CourseData with the course key only (no display name) and the certificate's
    own mode, grade, status and printed name.
    """
    signal = CERTIFICATE_REVOKED if revoked else CERTIFICATE_CREATED
    return signal.send_event(
        send_robust=False, time=time,
        certificate=CertificateData(
            user=user_data(user),
            course=CourseData(course_key=CourseKey.from_string(course_key)),
            mode=mode, grade="0.91", current_status=status, download_url="", name=user.get_full_name(),
        ),
    )
