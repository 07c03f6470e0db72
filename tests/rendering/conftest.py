"""The rendering tests need no database and no Django: they must run with `-p no:django`.

The project-wide autouse fixture that points certificate storage at a temporary folder needs
pytest-django's `settings`; rendering never stores anything, so it is replaced here.
"""

import pytest


@pytest.fixture(autouse=True)
def isolated_certificate_storage():
    yield


@pytest.fixture(autouse=True)
def fixed_dates_never_stall():
    """The project-wide one needs pytest-django's `settings`; nothing here can stall."""
    yield
