"""AuthorCertificateXBlock: the certificate control inside a course, and its selector in Studio.

student_view shows the learner the same control, in the same words (``api.certificate_words``),
as Learning Records for the course the block sits in ("Generate certificate" -> "The certificate
is being generated" -> "The certificate has been generated" / "Open certificate"); studio_view
offers the same certificate selector as the training's certificate page. Everything goes through
``author_certificates.api``; the block stores only its display name.
"""

from __future__ import annotations

import importlib.resources
import json
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError
from xblock.fields import Scope, String

from .. import api
from ..exceptions import InvalidInput, NotCompleted, NotFound, NothingAssigned

# The edx-platform user service puts the Django user id under this key of XBlockUser.opt_attrs.
USER_ID_ATTRIBUTE = "edx-platform.user_id"


def _static(path: str) -> str:
    return importlib.resources.files(__package__).joinpath("static", path).read_text(encoding="utf-8")


def status_payload(status: Any) -> dict:
    """What the control shows for a CertificateStatus: state, message, button and the PDF's URL."""
    state = status.state
    words = status.words
    open_url = None
    if state == api.GENERATED and status.issued is not None:
        try:
            open_url = reverse("author_certificates:open_certificate", kwargs={"uuid": status.issued.uuid})
        except NoReverseMatch:  # a host that mounts the LMS pages elsewhere
            open_url = None
    # reason: the failure's translated sentence (never its recorded error text, which is staff-only).
    return {"state": state, "message": words.status, "button": words.action or None, "open_url": open_url,
            "reason": words.reason or None}


def _state_payload(state: str, message: str = "") -> dict:
    """The control of a state without a certificate row (no training, no signed-in user)."""
    words = api.certificate_words(state=state)
    return {"state": state, "message": message or words.status, "button": words.action or None, "open_url": None,
            "reason": None}


def _fragment(view: str, initializer: str, **texts: str) -> Fragment:
    """A view's fragment: its HTML filled with escaped ``texts``, the shared CSS and its script.

    ``view`` names html/<view>.html; the script is js/author-certificate.js for the student view
    and js/author-certificate-<view>.js for the others.
    """
    html = _static(f"html/{view}.html").format(**{name: _escape(str(text)) for name, text in texts.items()})
    fragment = Fragment(html)
    fragment.add_css(_static("css/author-certificate.css"))
    script = "js/author-certificate.js" if view == "student" else f"js/author-certificate-{view}.js"
    fragment.add_javascript(_static(script))
    fragment.initialize_js(initializer)
    return fragment


@XBlock.needs("user")
@XBlock.wants("i18n")
class AuthorCertificateXBlock(XBlock):
    """A course's certificate, inside the course: generate and open it (learners), choose it (staff)."""

    # The only field: Studio shows it. Everything else comes from the API, so nothing stored in
    # the block can disagree with what is assigned.
    display_name = String(default="Certificate", scope=Scope.settings)

    # --- context -------------------------------------------------------------------------------
    def course_key(self) -> str:
        """The key of the course the block sits in, from the runtime."""
        usage_id = self.scope_ids.usage_id
        context_key = getattr(usage_id, "context_key", None) or getattr(usage_id, "course_key", None)
        if context_key is None:
            context_key = getattr(self.runtime, "course_id", None)
        return str(context_key) if context_key is not None else ""

    def django_user(self) -> Any | None:
        """The Django user behind the runtime's current user, or None (anonymous, preview, unknown id)."""
        user_service = self.runtime.service(self, "user")
        current = user_service.get_current_user() if user_service else None
        user_id = current.opt_attrs.get(USER_ID_ATTRIBUTE) if current is not None else None
        return api.find_user(user_id=user_id, active_only=True)

    def training(self):
        """The course as a registered training, or None when it is not registered (yet)."""
        try:
            return api.get_training(self.course_key())
        except (NotFound, InvalidInput):
            return None

    # --- learner -------------------------------------------------------------------------------
    def _status(self) -> dict:
        training, user = self.training(), self.django_user()
        if training is None:
            return _state_payload(api.UNAVAILABLE)
        if user is None:
            return _state_payload(api.NOT_COMPLETED, _("Sign in to get the certificate of this course."))
        return status_payload(api.get_certificate_status(user=user, training=training))

    def student_view(self, context: dict | None = None) -> Fragment:
        status = self._status()
        return _fragment(
            "student", "AuthorCertificateXBlock",
            heading=_("Certificate"),
            message=status["message"],
            status_json=json.dumps(status),
            generating=api.certificate_words(state=api.GENERATING).status,
            failed=_("Something went wrong. Please try again."),
        )

    @XBlock.json_handler
    def status(self, data: dict, suffix: str = "") -> dict:
        """The learner's certificate state for this course (polled by the control)."""
        return self._status()

    @XBlock.json_handler
    def generate(self, data: dict, suffix: str = "") -> dict:
        """Ask for the learner's certificate (idempotent: a second click creates nothing)."""
        training, user = self.training(), self.django_user()
        if training is None:
            raise JsonHandlerError(404, api.certificate_words(state=api.UNAVAILABLE).status)
        if user is None:
            raise JsonHandlerError(403, _("Sign in to get the certificate of this course."))
        try:
            api.request_certificate(user=user, training=training)
        except NotCompleted:
            raise JsonHandlerError(403, api.certificate_words(state=api.NOT_COMPLETED).status) from None
        except NothingAssigned:
            raise JsonHandlerError(409, api.certificate_words(state=api.UNAVAILABLE).status) from None
        return self._status()

    # --- staff (Studio) ------------------------------------------------------------------------
    def _choices(self, user: Any) -> dict:
        training = self.training()
        if training is None or user is None or not api.can_view_report(user, training):
            return {"allowed": False, "may_assign": False}
        choices = api.certificate_choices(training=training)
        versions = api.list_tenant_versions(tenant=training.tenant)
        current = choices.current

        def version_item(version) -> dict:
            return {"uuid": str(version.uuid), "number": version.number,
                    "created_at": version.created_at.isoformat(), "editor": _name(version.created_by)}

        return {
            "allowed": True,
            "may_assign": api.can_assign_certificate(user, training),
            "offers_author_certificates": choices.offers_author_certificates,
            "current": None if current is None else (
                {"kind": "author", "version": str(current.version.uuid), "title": current.version.certificate.title,
                 "number": current.version.number}
                if current.version_id else {"kind": "classic", "classic": str(current.classic.uuid),
                                            "title": current.classic.name}
            ),
            "classic": [{"uuid": str(c.uuid), "name": c.name, "language": c.language} for c in choices.classic],
            "author": [
                {"uuid": str(choice.certificate.uuid), "title": choice.certificate.title,
                 "creator": _name(choice.certificate.created_by),
                 "selected_version": str(choice.selected_version.uuid) if choice.selected_version else None,
                 "versions": [version_item(v) for v in versions.get(choice.certificate.pk, [])]}
                for choice in choices.author
            ],
        }

    def studio_view(self, context: dict | None = None) -> Fragment:
        choices = self._choices(self.django_user())
        return _fragment(
            "studio", "AuthorCertificateXBlockStudio",
            heading=_("Certificate of this course"),
            choices_json=json.dumps(choices),
            select=_("Select certificate"),
            classic=_("Classic certificates"),
            author=_("Author certificates"),
            close=_("Close"),
            none=_("No certificate is assigned to this course."),
            refused=_("You can see the certificate of this course but not change it."),
            saved=_("The certificate of this course has been updated."),
        )

    @XBlock.json_handler
    def choices(self, data: dict, suffix: str = "") -> dict:
        """What the selector offers (refreshed after an assignment)."""
        return self._choices(self.django_user())

    @XBlock.json_handler
    def assign(self, data: dict, suffix: str = "") -> dict:
        """Assign {"classic": uuid} or {"version": uuid} to this course; refused unless the user may assign."""
        user, training = self.django_user(), self.training()
        if training is None or user is None or not api.can_assign_certificate(user, training):
            raise JsonHandlerError(403, _("You are not allowed to change the certificate of this course."))
        try:
            api.assign_certificate(training=training, assigned_by=user, classic=data.get("classic") or None,
                                   version=data.get("version") or None)
        except NotFound:  # WrongTenant too
            raise JsonHandlerError(404, _("No such certificate.")) from None
        except InvalidInput as error:
            raise JsonHandlerError(400, str(error)) from None
        return self._choices(user)

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        return [("Author certificate", "<author_certificate/>")]


def _name(user: Any) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else "-"


def _escape(text: str) -> str:
    from django.utils.html import escape

    return str(escape(text))
