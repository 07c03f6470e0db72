"""A first "Generate certificate" and its generation run a fixed, small number of statements,
for a classic certificate as for an author certificate's version.

Through the ORM (docs/decisions/0089): the click reads the training, locks the learner's row,
checks the completion (R7) and reads what is assigned (R8), then INSERTs; the task reads the row
with everything it prints in one statement, the host profile's name, and records with one
conditional UPDATE. Inside the test's transaction each atomic block is a savepoint.
"""

from __future__ import annotations

import pytest

from author_certificates import api
from author_certificates.designs import version_design
from author_certificates.models import IssuedCertificate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("design", ["classic", "version"])
def test_a_first_click_and_its_generation_take_fourteen_statements(design, learner, course, classic_en, author_version,
                                                               staff, now, certificate_files,
                                                               django_assert_num_queries,
                                                               django_capture_on_commit_callbacks):
    api.record_completion(user=learner, training=course, completed_at=now)
    pinned = {"classic": classic_en} if design == "classic" else {"version": author_version}
    api.assign_certificate(training=course, assigned_by=staff, now=now, **pinned)
    version_design(author_version)  # a worker reads a version's design once, then keeps it (designs.py)

    # SELECT training, SAVEPOINT, SELECT ... FOR UPDATE (the learner's row), SELECT completion,
    # SELECT assignment, SAVEPOINT, INSERT, RELEASE, RELEASE; then SELECT the row, SELECT the
    # profile's name, SAVEPOINT, UPDATE, RELEASE.
    with django_assert_num_queries(14), django_capture_on_commit_callbacks(execute=True):
        api.request_certificate(user=learner, training=course.key, now=now)

    issued = IssuedCertificate.objects.get(user=learner, training=course)
    assert issued.state == "generated" and certificate_files() == [issued.file]
