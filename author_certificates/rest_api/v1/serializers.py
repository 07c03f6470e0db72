"""Every request and response body of the REST API, as DRF serializers (and so in its OpenAPI schema).

Output serializers read the public API's objects; input serializers validate what a client sends
(query parameters and bodies) before a use case runs, so a body that is not an object, a field of
the wrong type or a malformed uuid answers 400 naming the field. Two certificates are told apart
by name: the learner's *issued* certificate (``IssuedCertificateStateSerializer``: its state and
links) and an *author* certificate (``AuthorCertificateSerializer``: a design with versions).

The words of the certificate control come from ``api.certificate_words``, as on the pages and in
the XBlock, so that an MFE built on the API shows exactly the labels and messages of the brief.
Dates are ISO 8601 with their offset (``presentation.iso_datetime``, the one date format).
"""

from __future__ import annotations

import base64
import binascii

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from ... import api
from ...api.words import STATES as CERTIFICATE_STATES
from ...keys import KINDS as TRAINING_KINDS
from ...presentation import iso_datetime


def _absolute(request, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(f"author_certificates:{name}", kwargs=kwargs))


@extend_schema_field(OpenApiTypes.DATETIME)
class IsoDateTimeField(serializers.Field):
    """A moment as ``presentation.iso_datetime`` writes it (ISO 8601 with its offset), or null."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return iso_datetime(value)

    def get_attribute(self, instance):
        try:
            return super().get_attribute(instance)
        except (AttributeError, KeyError):
            return None


# --- Shared pieces -------------------------------------------------------------------------------


class DesignProblemSerializer(serializers.Serializer):
    message = serializers.CharField()
    line = serializers.IntegerField(allow_null=True)
    field = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    """The body of every error answer (4xx): what went wrong, as a sentence and as a code."""

    detail = serializers.CharField(help_text="What went wrong, in the user's language.")
    code = serializers.CharField(help_text="A stable code: invalid, invalid_design, too_large, not_authenticated, "
                                           "permission_denied, not_completed, not_found, nothing_assigned, "
                                           "version_conflict, method_not_allowed, parse_error, bad_request...")
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False,
                                   help_text="For code 'invalid': the messages about each field of the request.")
    problems = DesignProblemSerializer(many=True, required=False,
                                       help_text="For code 'invalid_design': each problem (message, line, field).")


class PersonSerializer(serializers.Serializer):
    """A user as the staff API shows them: username and full name (the username when it is empty)."""

    username = serializers.SerializerMethodField()
    name = serializers.SerializerMethodField()

    def get_username(self, user) -> str:
        return user.get_username()

    def get_name(self, user) -> str:
        return user.get_full_name() or user.get_username()


class TrainingSerializer(serializers.Serializer):
    """A training: key, kind (and its translated label), title."""

    key = serializers.CharField()
    kind = serializers.ChoiceField(choices=TRAINING_KINDS)
    kind_label = serializers.SerializerMethodField()
    title = serializers.CharField()

    def get_kind_label(self, training) -> str:
        return api.training_kind_label(kind=training.kind)


class PageQuerySerializer(serializers.Serializer):
    """``cursor`` and ``page_size`` of a list endpoint (pagination.CursorLinkPagination)."""

    cursor = serializers.CharField(required=False, allow_blank=True, max_length=200,
                                   help_text="Where the page starts: the 'next' link of the previous page carries it.")
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=500,
                                         help_text="Results per page (default 100).")


def list_serializer(name: str, item: type[serializers.Serializer], **extra) -> type[serializers.Serializer]:
    """The serializer of a page of ``item``: ``count``, ``next``, ``first`` and ``results``."""
    fields = {
        **extra,
        "count": serializers.IntegerField(help_text="How many results there are in all (every page)."),
        "next": serializers.URLField(allow_null=True, help_text="The next page, or null on the last."),
        "first": serializers.URLField(allow_null=True, help_text="The first page, or null on the first."),
        "results": item(many=True),
    }
    return type(name, (serializers.Serializer,), fields)


# --- Learner: learning records, their issued certificate, verification --------------------------


class RecordsQuerySerializer(PageQuerySerializer):
    kind = serializers.ChoiceField(
        choices=TRAINING_KINDS, required=False, allow_blank=True,
        error_messages={"invalid_choice": _("'{input}' is not a kind of training; expected one of "
                                            "course, pathway, program.")},
        help_text="Only the records of trainings of this kind.",
    )


# The schema of method fields that may be null.
_NULLABLE_UUID = serializers.UUIDField(allow_null=True)
_NULLABLE_DATETIME = serializers.DateTimeField(allow_null=True)
_NULLABLE_URI = serializers.URLField(allow_null=True)


class IssuedCertificateStateSerializer(serializers.Serializer):
    """The learner's own view of their issued certificate (a ``CertificateStatus``): state and links.

    The error is shown to its owner only.
    """

    state = serializers.ChoiceField(choices=CERTIFICATE_STATES)
    uuid = serializers.SerializerMethodField()
    requested_at = serializers.SerializerMethodField()
    generated_at = serializers.SerializerMethodField()
    open_url = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()
    verify_url = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()

    def _generated(self, status) -> bool:
        return status.state == api.GENERATED and status.issued is not None

    @extend_schema_field(_NULLABLE_UUID)
    def get_uuid(self, status) -> str | None:
        return str(status.issued.uuid) if self._generated(status) else None

    @extend_schema_field(_NULLABLE_DATETIME)
    def get_requested_at(self, status) -> str | None:
        return iso_datetime(status.issued.requested_at) if status.issued else None

    @extend_schema_field(_NULLABLE_DATETIME)
    def get_generated_at(self, status) -> str | None:
        return iso_datetime(status.issued.generated_at) if self._generated(status) else None

    @extend_schema_field(_NULLABLE_URI)
    def get_open_url(self, status) -> str | None:
        if not self._generated(status):
            return None
        return _absolute(self.context["request"], "open_certificate", uuid=status.issued.uuid)

    @extend_schema_field(_NULLABLE_URI)
    def get_download_url(self, status) -> str | None:
        open_url = self.get_open_url(status)
        return f"{open_url}?download=1" if open_url else None

    @extend_schema_field(_NULLABLE_URI)
    def get_verify_url(self, status) -> str | None:
        if not self._generated(status):
            return None
        return _absolute(self.context["request"], "verify", uuid=status.issued.uuid)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_error(self, status) -> str | None:
        return status.words.reason or None


class ControlWordsSerializer(serializers.Serializer):
    status = serializers.CharField(help_text="The message to show ('' when the action says it all).")
    action = serializers.CharField(help_text="The label of the one button ('' when there is nothing to do).")


class LearningRecordSerializer(serializers.Serializer):
    """One learning record (a ``LearningRecord``, or a ``CertificateStatus`` before completion)."""

    training = TrainingSerializer()
    completed_at = IsoDateTimeField(source="completion.completed_at", allow_null=True)
    certificate = IssuedCertificateStateSerializer(source="status")
    can_generate = serializers.BooleanField(source="status.can_generate")
    messages = ControlWordsSerializer(source="status.words")
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, record) -> str:
        return _absolute(self.context["request"], "api_record_certificate", training_key=record.training.key)


LearningRecordListSerializer = list_serializer("LearningRecordList", LearningRecordSerializer)


class VerifiedTrainingSerializer(TrainingSerializer):
    """The training as a verification shows it: what the certificate prints (no key)."""

    key = None


class VerificationSerializer(serializers.Serializer):
    """What anyone may know about an issued certificate: never the username nor the email."""

    uuid = serializers.UUIDField()
    learner_name = serializers.CharField()
    training = VerifiedTrainingSerializer()
    generated_at = IsoDateTimeField(allow_null=True)
    valid = serializers.SerializerMethodField()
    invalidated_at = IsoDateTimeField(allow_null=True)
    verify_url = serializers.SerializerMethodField()

    def get_valid(self, issued) -> bool:
        return issued.invalidated_at is None

    @extend_schema_field(OpenApiTypes.URI)
    def get_verify_url(self, issued) -> str:
        return _absolute(self.context["request"], "verify", uuid=issued.uuid)


class VerificationMatchSerializer(VerificationSerializer):
    file_matches = serializers.BooleanField(help_text="Whether the uploaded file is the issued PDF, byte for byte.")


class VerifyUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The PDF to compare with the issued one (at most 20 MB).",
                                 allow_empty_file=True)


# --- Staff: author certificates, versions, classic certificates, assignment ----------------------


# Given by the training certificate endpoint only (previews.add_preview_urls), absent elsewhere.
_PREVIEW_HELP = "In a training's certificate only: the option rendered with sample data (a PDF)."


class VersionSerializer(serializers.Serializer):
    """A version of an author certificate: number, edit date and editor (R6)."""

    uuid = serializers.UUIDField()
    number = serializers.IntegerField()
    title = serializers.CharField()
    created_at = IsoDateTimeField()
    created_by = PersonSerializer(allow_null=True)
    page_size = serializers.CharField()
    orientation = serializers.CharField()
    language = serializers.CharField(allow_blank=True)
    preview_url = serializers.URLField(required=False, help_text=_PREVIEW_HELP)


class AuthorCertificateSerializer(serializers.Serializer):
    """An author certificate (a design) in a list: title, creator and its latest version's number (R3)."""

    uuid = serializers.UUIDField()
    title = serializers.CharField()
    creator = PersonSerializer(source="created_by", allow_null=True)
    created_at = IsoDateTimeField()
    latest_version = serializers.IntegerField(source="latest_version_number")


class CreatedAuthorCertificateSerializer(AuthorCertificateSerializer):
    """A new author certificate and its version 1 (read from that version)."""

    version = VersionSerializer()


class ClassicCertificateSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    language = serializers.CharField(allow_blank=True)
    preview_url = serializers.URLField(required=False, help_text=_PREVIEW_HELP)
    tenant_only = serializers.SerializerMethodField()

    def get_tenant_only(self, classic) -> bool:
        return bool(classic.tenant)


AuthorCertificateListSerializer = list_serializer("AuthorCertificateList", AuthorCertificateSerializer)
VersionListSerializer = list_serializer("VersionList", VersionSerializer)
ClassicCertificateListSerializer = list_serializer("ClassicCertificateList", ClassicCertificateSerializer)


class Base64AssetsField(serializers.DictField):
    """``{"name": "<base64 bytes>"}``: the assets of a JSON design upload, decoded."""

    child = serializers.CharField(allow_blank=True, trim_whitespace=False)

    def to_internal_value(self, data):
        encoded = super().to_internal_value(data)
        assets = {}
        for name, text in encoded.items():
            try:
                assets[str(name)] = base64.b64decode(text, validate=True)
            except (binascii.Error, ValueError):
                raise serializers.ValidationError(
                    _("The asset '%(name)s' is not valid base64.") % {"name": name}) from None
        return assets


class DesignInputSerializer(serializers.Serializer):
    """The fields of a design (a new author certificate, or an edit saved as a new version).

    JSON: ``assets`` is an object mapping file names to base64-encoded bytes; multipart: each file
    is a part named ``assets`` (its file name is the asset's name).
    """

    title = serializers.CharField(max_length=255, allow_blank=True, trim_whitespace=False)
    html = serializers.CharField(allow_blank=True, trim_whitespace=False)
    css = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    page_size = serializers.CharField(required=False, max_length=16,
                                      help_text="A4, Letter, Legal, A3 or A5 (the editor's choices).")
    orientation = serializers.CharField(required=False, max_length=16, help_text="landscape or portrait.")
    language = serializers.CharField(required=False, allow_blank=True, max_length=16)
    assets = Base64AssetsField(required=False, help_text="File name -> base64 bytes (JSON bodies).")

    DESIGN_FIELDS = ("title", "html", "css", "page_size", "orientation", "language")

    def design(self) -> dict:
        """The design fields that were sent (absent ones keep the previous version's value)."""
        return {name: self.validated_data[name] for name in self.DESIGN_FIELDS if name in self.validated_data}


class NewVersionInputSerializer(DesignInputSerializer):
    """An edit: every field optional; ``remove_assets`` names assets to drop."""

    title = serializers.CharField(required=False, max_length=255, allow_blank=True, trim_whitespace=False)
    html = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    remove_assets = serializers.ListField(child=serializers.CharField(), required=False)


class _AssignmentSerializer(serializers.Serializer):
    assigned_at = IsoDateTimeField()
    assigned_by = serializers.SerializerMethodField()

    @extend_schema_field(PersonSerializer(allow_null=True))
    def get_assigned_by(self, assignment):
        return PersonSerializer(assignment.assigned_by).data if assignment.assigned_by_id else None


class AuthorAssignmentSerializer(_AssignmentSerializer):
    """A version of an author certificate is assigned."""

    kind = serializers.SerializerMethodField()
    certificate = AuthorCertificateSerializer(source="version.certificate")
    version = VersionSerializer()

    @extend_schema_field(serializers.ChoiceField(choices=["author"]))
    def get_kind(self, assignment) -> str:
        return "author"


class ClassicAssignmentSerializer(_AssignmentSerializer):
    """A classic certificate is assigned."""

    kind = serializers.SerializerMethodField()
    classic = ClassicCertificateSerializer()

    @extend_schema_field(serializers.ChoiceField(choices=["classic"]))
    def get_kind(self, assignment) -> str:
        return "classic"


def assignment_data(assignment) -> dict | None:
    """The current assignment (a ``CertificateAssignment``): an author version or a classic certificate."""
    if assignment is None:
        return None
    if assignment.version_id:
        return AuthorAssignmentSerializer(assignment).data
    return ClassicAssignmentSerializer(assignment).data


_CURRENT_ASSIGNMENT = PolymorphicProxySerializer(
    component_name="Assignment", serializers=[AuthorAssignmentSerializer, ClassicAssignmentSerializer],
    resource_type_field_name="kind", allow_null=True,
)


class AuthorChoiceSerializer(AuthorCertificateSerializer):
    """An author certificate offered by "Select certificate", with every version (R6)."""

    selected_version = VersionSerializer(allow_null=True)
    versions = serializers.SerializerMethodField()

    @extend_schema_field(VersionSerializer(many=True))
    def get_versions(self, choice) -> list:
        versions = self.context.get("versions", {}).get(choice.certificate.pk, [])
        return VersionSerializer(versions, many=True).data

    def to_representation(self, choice):
        body = AuthorCertificateSerializer(choice.certificate).data
        body["selected_version"] = VersionSerializer(choice.selected_version).data if choice.selected_version else None
        body["versions"] = self.get_versions(choice)
        return body


class TrainingCertificateSerializer(serializers.Serializer):
    """A training's current certificate and what "Select certificate" offers (a ``CertificateChoices``)."""

    training = TrainingSerializer()
    current = serializers.SerializerMethodField(help_text="The current assignment, or null before any.")
    can_assign = serializers.SerializerMethodField()
    offers_author_certificates = serializers.BooleanField()
    classic = ClassicCertificateSerializer(many=True)
    author = AuthorChoiceSerializer(many=True)

    @extend_schema_field(_CURRENT_ASSIGNMENT)
    def get_current(self, choices):
        return assignment_data(choices.current)

    def get_can_assign(self, choices) -> bool:
        return self.context["can_assign"]


class AssignInputSerializer(serializers.Serializer):
    """Exactly one of ``classic`` (a classic certificate's uuid) or ``version`` (a version's uuid)."""

    classic = serializers.UUIDField(required=False, allow_null=True)
    version = serializers.UUIDField(required=False, allow_null=True)

    def validate(self, attrs):
        if bool(attrs.get("classic")) == bool(attrs.get("version")):
            raise serializers.ValidationError(
                _('Send exactly one of "classic" (a classic certificate uuid) or "version" '
                  "(an author certificate version uuid)."))
        return attrs


# --- Staff: progress report, bulk generations ----------------------------------------------------


class ReportQuerySerializer(PageQuerySerializer):
    """The report's filters, sort and page: read (and every value checked) by ``api.parse_report_query``,
    whose 400 names the parameter and what it expects."""

    q = serializers.CharField(required=False, allow_blank=True, help_text="Learner search: username or name.")
    state = serializers.ListField(child=serializers.CharField(), required=False,
                                  help_text="Repeatable: only these certificate states (none, generating, "
                                            "generated, failed, invalidated).")
    completed_from = serializers.CharField(required=False, allow_blank=True,
                                           help_text="Completed on or after this date (YYYY-MM-DD).")
    completed_to = serializers.CharField(required=False, allow_blank=True,
                                         help_text="Completed on or before this date (YYYY-MM-DD).")
    sort = serializers.CharField(required=False, allow_blank=True,
                                 help_text="learner, completed, generated or state; '-' first for descending "
                                           "(default -completed).")
    page_size = serializers.CharField(required=False, allow_blank=True, help_text="Rows per page, 1-500 (default 50).")


class ReportRowSerializer(serializers.Serializer):
    username = serializers.CharField()
    learner_name = serializers.CharField(allow_blank=True)
    completed_at = IsoDateTimeField()
    certificate_state = serializers.SerializerMethodField()
    generated_at = IsoDateTimeField(allow_null=True, help_text="The date of the first generation (R10).")
    certificate_uuid = serializers.SerializerMethodField()
    # Staff only (this is the staff report): why the generation failed, its code and the recorded error.
    failure_code = serializers.SerializerMethodField()
    failure_detail = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ChoiceField(choices=["generating", "generated", "failed", "invalidated"],
                                                 allow_null=True))
    def get_certificate_state(self, row) -> str | None:
        return row.certificate_state or None

    @extend_schema_field(serializers.ChoiceField(choices=api.FAILURE_CODES, allow_null=True))
    def get_failure_code(self, row) -> str | None:
        return row.failure_code or None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_failure_detail(self, row) -> str | None:
        return row.failure_detail or None

    @extend_schema_field(_NULLABLE_UUID)
    def get_certificate_uuid(self, row) -> str | None:
        return row.certificate_uuid or None


ReportPageSerializer = list_serializer("ReportPage", ReportRowSerializer,
                                       training=serializers.CharField(help_text="The training's key."))


class BulkGenerationSerializer(serializers.Serializer):
    """A bulk generation: its state, who started (and stopped) it and when, and its counters."""

    uuid = serializers.UUIDField()
    state = serializers.ChoiceField(choices=["running", "finished", "cancelled"])
    requested_by = serializers.SerializerMethodField()
    requested_at = IsoDateTimeField()
    cancelled_by = serializers.SerializerMethodField()
    cancelled_at = IsoDateTimeField(allow_null=True)
    finished_at = IsoDateTimeField(allow_null=True)
    total = serializers.IntegerField()
    processed = serializers.IntegerField()
    started = serializers.IntegerField()
    skipped = serializers.IntegerField()
    refused = serializers.IntegerField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_requested_by(self, run) -> str | None:
        return run.requested_by.get_username() if run.requested_by_id else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_cancelled_by(self, run) -> str | None:
        return run.cancelled_by.get_username() if run.cancelled_by_id else None


BulkGenerationListSerializer = list_serializer("BulkGenerationList", BulkGenerationSerializer)


class EmptyInputSerializer(serializers.Serializer):
    """No body expected (any object is accepted and ignored)."""
