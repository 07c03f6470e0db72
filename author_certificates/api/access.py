"""Who may do what, for the web layer and adapters: the permission checks of the domain.

Pages and endpoints ask these before calling a use case, so that they can answer 403 or 404
as they document; the use cases that need a check (the report, opening a certificate) also
check for themselves.
"""

from ..permissions import can_assign_certificate, can_author, can_open_certificate_of_others, can_view_report
from ..rendering import PLACEHOLDERS

__all__ = [
    "PLACEHOLDERS",
    "can_assign_certificate",
    "can_author",
    "can_open_certificate_of_others",
    "can_view_report",
]
