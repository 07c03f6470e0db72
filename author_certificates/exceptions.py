"""Exceptions raised by the public API (`author_certificates.api`) and the rendering layer.

Every message says what was wrong and, where it helps, what was expected, so that the web
layer can show it as it is. Web views map them to HTTP answers in one place
(`author_certificates.presentation.http_answer`).
"""

from __future__ import annotations

from dataclasses import dataclass


class AuthorCertificatesError(Exception):
    """Base class of every error this package raises on purpose."""


class InvalidInput(AuthorCertificatesError, ValueError):
    """An argument is malformed or empty (HTTP 400)."""


class UploadTooLarge(InvalidInput):
    """A request body is larger than an upload may be; refused before it is read (HTTP 413)."""


class NothingChanged(InvalidInput):
    """R1: an edit equal to the newest version (design, page set-up, title, assets): no version saved."""


class MalformedTrainingKey(InvalidInput):
    """A training key string does not have one of the documented forms (HTTP 400)."""


class NotFound(AuthorCertificatesError, LookupError):
    """Something named by the caller does not exist, or is not visible to them (HTTP 404)."""


class UnknownTraining(NotFound):
    """No training is registered under that key."""


class UnknownCertificate(NotFound):
    """No author certificate, version, classic certificate or issued certificate by that id."""


class WrongTenant(NotFound):
    """An object of another tenant than the caller's (HTTP 404: its existence is not revealed).

    Use cases that take a ``tenant`` raise it themselves, so no caller compares tenants.
    """


class PermissionDenied(AuthorCertificatesError):
    """The user may not do this (HTTP 403)."""


class NotCompleted(PermissionDenied):
    """R7: the learner has not completed the training."""


class NothingAssigned(AuthorCertificatesError):
    """R7: the training has no certificate assigned (HTTP 409)."""


class InactiveUser(InvalidInput):
    """An inactive user cannot complete trainings or receive certificates."""


class VersionConflict(AuthorCertificatesError):
    """R1: a concurrent save took the version number; the caller may retry (HTTP 409)."""


class CertificateInUse(AuthorCertificatesError):
    """Archiving an author certificate that trainings have assigned, without confirming (HTTP 409).

    ``trainings`` are those trainings, by title: the author is told where it is used.
    """

    def __init__(self, title: str, trainings: list) -> None:
        self.title = title
        self.trainings = list(trainings)
        names = ", ".join(f"'{training.title}'" for training in self.trainings)
        super().__init__(f"The author certificate '{title}' is assigned to {names}; confirm to archive it anyway.")


@dataclass(frozen=True)
class DesignProblem:
    """One thing wrong with a design: what, and where (field and line when known)."""

    message: str
    line: int | None = None
    field: str = "html"

    def __str__(self) -> str:
        where = self.field if self.line is None else f"{self.field} line {self.line}"
        return f"{where}: {self.message}"


class InvalidDesign(InvalidInput):
    """A design failed validation; `.problems` lists every problem found (HTTP 400)."""

    def __init__(self, problems: list[DesignProblem] | DesignProblem | str):
        if isinstance(problems, str):
            problems = [DesignProblem(problems)]
        elif isinstance(problems, DesignProblem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))

    def __reduce__(self):
        # Rebuilt from its problems (lines and fields kept) when it crosses a process boundary.
        return (type(self), (self.problems,))


class RenderingFailed(AuthorCertificatesError):
    """Rendering a design to PDF failed unexpectedly; the message says what failed."""


class GenerationFailed(AuthorCertificatesError):
    """A certificate could not be generated; the issued certificate is left `failed`."""


class CertificateConflict(AuthorCertificatesError):
    """The issued certificate is not in a state that allows this: invalidating one already
    invalidated or not generated, reissuing one not invalidated or already reissued (HTTP 409)."""
