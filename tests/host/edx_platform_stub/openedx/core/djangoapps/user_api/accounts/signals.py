"""Stand-in for edx-platform's ``openedx.core.djangoapps.user_api.accounts.signals``.

The same three plain Django signals. edx-platform's retirement views send
``USER_RETIRE_LMS_CRITICAL(sender, user)`` from ``AccountRetirementView.post`` (before the user
is renamed and deactivated) and ``USER_RETIRE_LMS_MISC(sender, user)`` from
``LMSAccountRetirementView.post``.
"""

from django.dispatch import Signal

USER_RETIRE_MAILINGS = Signal()
USER_RETIRE_LMS_CRITICAL = Signal()
USER_RETIRE_LMS_MISC = Signal()
