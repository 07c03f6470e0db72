"""The test helper that switches Celery's configuration puts back what was there, not a default."""

from __future__ import annotations

from author_certificates.tasks import generate_certificate_task, runs_in_process

from .celery_settings import celery_settings


def test_eager_mode_is_switched_off_inside_and_restored_after():
    app = generate_certificate_task.app
    assert runs_in_process(), "the test host runs tasks in-process by default"

    with celery_settings(app, task_always_eager=False):
        assert not runs_in_process()

    assert runs_in_process()
    assert app.conf["task_always_eager"] is True and app.conf["CELERY_TASK_ALWAYS_EAGER"] is True


def test_a_value_that_was_false_is_restored_as_false():
    app = generate_certificate_task.app
    with celery_settings(app, task_always_eager=False):
        with celery_settings(app, task_always_eager=True):
            assert runs_in_process()
        # The inner block restores the outer block's value (the old fixture reset it to True).
        assert not runs_in_process()
    assert runs_in_process()
