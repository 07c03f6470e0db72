"""A first "Generate certificate" and its generation run a fixed, small number of statements.

The hot path (docs/decisions/0026): one read and the INSERT for the click, one read and the
UPDATE for the task. Inside the test's transaction the INSERT's atomic block is a savepoint.
"""

from __future__ import annotations

import pytest

from author_certificates import api
from author_certificates.designs import version_design
from author_certificates.models import IssuedCertificate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("design", ["classic", "version"])
def test_a_first_request_and_its_generation_take_six_statements(design, learner, course, classic_en, author_version,
                                                               staff, now, certificate_files,
                                                               django_assert_num_queries,
                                                               django_capture_on_commit_callbacks):
    api.record_completion(user=learner, training=course, completed_at=now)
    pinned = {"classic": classic_en} if design == "classic" else {"version": author_version}
    api.assign_certificate(training=course, assigned_by=staff, now=now, **pinned)
    version_design(author_version)  # a worker reads a version's design once, then keeps it (designs.py)

    # SELECT facts, SAVEPOINT, INSERT, RELEASE SAVEPOINT; then SELECT the row, UPDATE it.
    with django_assert_num_queries(6), django_capture_on_commit_callbacks(execute=True):
        api.request_certificate(user=learner, training=course.key, now=now)

    issued = IssuedCertificate.objects.get(user=learner, training=course)
    assert issued.state == "generated" and certificate_files() == [issued.file]
