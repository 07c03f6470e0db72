"""COURSE_CATALOG_INFO_CHANGED (a Studio publish) keeps a course's title current."""

from __future__ import annotations

import pytest

from author_certificates.models import Training
from tests.conftest import FIXED_NOW
from tests.host.hostapp import emit

pytestmark = pytest.mark.django_db


def test_a_renamed_course_gets_its_new_title(course):
    emit.course_catalog_info_changed(course_key=course.key, name="Computing 101: Foundations", time=FIXED_NOW)

    course.refresh_from_db()
    assert course.title == "Computing 101: Foundations"
    assert course.updated_at == FIXED_NOW


def test_a_published_course_is_registered_so_a_certificate_can_be_assigned_to_it(db):
    emit.course_catalog_info_changed(course_key="course-v1:NewX+N1+2026", name="Brand new", time=FIXED_NOW)

    training = Training.objects.get(key="course-v1:NewX+N1+2026")
    assert (training.title, training.org, training.created_at) == ("Brand new", "NewX", FIXED_NOW)


def test_an_unchanged_title_writes_nothing(course, django_assert_num_queries):
    with django_assert_num_queries(1):  # the lookup only
        emit.course_catalog_info_changed(course_key=course.key, name=course.title)


def test_a_blank_catalog_name_titles_a_new_course_by_its_key(db):
    emit.course_catalog_info_changed(course_key="course-v1:NewX+N1+2026", name="   ")

    assert Training.objects.get(key="course-v1:NewX+N1+2026").title == "course-v1:NewX+N1+2026"
