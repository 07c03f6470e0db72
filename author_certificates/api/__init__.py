"""The public Python API of author-certificates: every use case, and the one door to the models.

Web views, REST endpoints, event receivers, filters, the XBlock and management commands call
these functions and nothing below them. Each is keyword-only, typed, and documents what it
raises (see ``author_certificates.exceptions``).
"""

from ._common import find_user, tenant_of_request
from .access import (
    PLACEHOLDERS,
    can_assign_certificate,
    can_author,
    can_open_certificate_of_others,
    can_view_report,
)
from .assignment import (
    AuthorChoice,
    CertificateChoices,
    assign_certificate,
    certificate_choices,
    get_classic_certificate,
    get_current_assignment,
    list_assignment_history,
    list_classic_certificates,
    remove_certificate,
)
from .authoring import (
    create_author_certificate,
    get_author_certificate,
    get_version,
    latest_versions,
    list_author_certificates,
    list_tenant_versions,
    list_versions,
    preview_design,
    preview_version,
    save_new_version,
)
from .design_options import DEFAULT_ORIENTATION, DEFAULT_PAGE_SIZE, ORIENTATIONS, PAGE_SIZES
from .issuing import (
    CertificateStatus,
    get_certificate_status,
    get_issued_certificate,
    request_certificate,
)
from .opening import matches_issued_pdf, open_certificate, verify_certificate
from .records import LearningRecord, get_learning_record, list_learning_records
from .reporting import ProgressRow, progress_report
from .roles import grant_role
from .trainings import (
    find_training_by_slug,
    get_staff_training,
    get_training,
    has_completed,
    record_completion,
    register_training,
    revoke_completion,
)
from .words import (
    AVAILABLE,
    FAILED,
    GENERATED,
    GENERATING,
    NOT_COMPLETED,
    UNAVAILABLE,
    CertificateWords,
    certificate_words,
    training_kind_label,
)

__all__ = [
    "DEFAULT_ORIENTATION",
    "DEFAULT_PAGE_SIZE",
    "ORIENTATIONS",
    "PAGE_SIZES",
    "AVAILABLE",
    "FAILED",
    "GENERATED",
    "GENERATING",
    "NOT_COMPLETED",
    "UNAVAILABLE",
    "CertificateWords",
    "certificate_words",
    "training_kind_label",
    "PLACEHOLDERS",
    "can_assign_certificate",
    "can_author",
    "can_open_certificate_of_others",
    "can_view_report",
    "tenant_of_request",
    "AuthorChoice",
    "CertificateChoices",
    "CertificateStatus",
    "ProgressRow",
    "assign_certificate",
    "certificate_choices",
    "create_author_certificate",
    "find_training_by_slug",
    "find_user",
    "get_author_certificate",
    "get_certificate_status",
    "get_classic_certificate",
    "get_current_assignment",
    "get_issued_certificate",
    "get_staff_training",
    "get_training",
    "get_version",
    "grant_role",
    "has_completed",
    "list_assignment_history",
    "list_author_certificates",
    "list_classic_certificates",
    "list_versions",
    "latest_versions",
    "list_tenant_versions",
    "preview_design",
    "preview_version",
    "progress_report",
    "record_completion",
    "register_training",
    "remove_certificate",
    "request_certificate",
    "revoke_completion",
    "save_new_version",
    "LearningRecord",
    "get_learning_record",
    "list_learning_records",
    "matches_issued_pdf",
    "open_certificate",
    "verify_certificate",
]
