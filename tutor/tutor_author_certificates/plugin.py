"""author-certificates for Tutor: the Python app in the LMS and Studio images, its settings, and
its widgets in the learner dashboard and authoring MFEs (docs/decisions/0060 in the repository).

- ``OPENEDX_EXTRA_PIP_REQUIREMENTS`` gets ``author-certificates`` (Tutor's default list is empty;
  a list you saved in config.yml wins, so keep the requirement in it: ``tutor config save
  --append OPENEDX_EXTRA_PIP_REQUIREMENTS=...``; ``tutor config save`` warns when it is missing).
- The LMS and CMS settings patch of the README ("Install into Open edX").
- The npm package ``@author-certificates/frontend`` installed into the learner-dashboard and
  authoring MFE images (``mfe-dockerfile-post-npm-install-<app>``), imported inside each app's
  own block of env.config.jsx (``mfe-env-config-runtime-definitions-<app>``: webpack drops the
  other apps' blocks, whose APP_ID is a build-time constant) and mounted with tutor-mfe's
  ``PLUGIN_SLOTS``.
- Where the frontend-base learner dashboard is enabled (tutor-mfe 22+), the same card action in
  its slot ``org.openedx.frontend.slot.learnerDashboard.courseCardAction.v1`` (``FRONTEND_SLOTS``).
"""

from __future__ import annotations

from tutor import fmt, hooks
from tutormfe.hooks import PLUGIN_SLOTS

from . import __version__

try:  # tutor-mfe 22 (Verawood) and later
    from tutormfe.hooks import FRONTEND_APPS, FRONTEND_SLOTS
except ImportError:  # tutor-mfe 21 (Ulmo): legacy MFEs only
    FRONTEND_APPS = FRONTEND_SLOTS = None

LEARNER_DASHBOARD_SLOT = "org.openedx.frontend.learner_dashboard.course_card_action.v1"
AUTHORING_SIDEBAR_SLOT = "org.openedx.frontend.authoring.course_outline_sidebar.v1"
FRONTEND_BASE_CARD_ACTION_SLOT = "org.openedx.frontend.slot.learnerDashboard.courseCardAction.v1"

hooks.Filters.CONFIG_DEFAULTS.add_items([
    ("AUTHOR_CERTIFICATES_VERSION", __version__),
    ("AUTHOR_CERTIFICATES_NPM_PACKAGE", "@author-certificates/frontend@{{ AUTHOR_CERTIFICATES_VERSION }}"),
    ("AUTHOR_CERTIFICATES_CELERY_QUEUE", "edx.lms.core.default"),
    ("AUTHOR_CERTIFICATES_DEFAULT_TENANT", "default"),
])

PIP_REQUIREMENT = f"author-certificates=={__version__}"

# Tutor's default list is empty; overriding it is how a plugin adds to it (a list saved in
# config.yml takes precedence, hence the warning below).
hooks.Filters.CONFIG_OVERRIDES.add_item(("OPENEDX_EXTRA_PIP_REQUIREMENTS", [PIP_REQUIREMENT]))


@hooks.Actions.CONFIG_LOADED.add()
def _warn_when_the_requirement_is_missing(config: dict) -> None:
    requirements = config.get("OPENEDX_EXTRA_PIP_REQUIREMENTS") or []
    if not any(str(item).startswith("author-certificates") for item in requirements):
        fmt.echo_alert(
            "author_certificates: OPENEDX_EXTRA_PIP_REQUIREMENTS (set in your config.yml) does not list "
            "author-certificates; add it: tutor config save --append "
            f"OPENEDX_EXTRA_PIP_REQUIREMENTS={PIP_REQUIREMENT}"
        )


# The same values in the LMS and in Studio: both resolve tenants and build verification links.
SETTINGS = """
# author-certificates (see its README for every setting)
AUTHOR_CERTIFICATES_VERIFICATION_BASE_URL = "{% if ENABLE_HTTPS %}https{% else %}http{% endif %}://{{ LMS_HOST }}"
AUTHOR_CERTIFICATES_CELERY_QUEUE = "{{ AUTHOR_CERTIFICATES_CELERY_QUEUE }}"
AUTHOR_CERTIFICATES_DEFAULT_TENANT = "{{ AUTHOR_CERTIFICATES_DEFAULT_TENANT }}"
"""

NPM_INSTALL = "RUN npm install --no-audit --no-fund '{{ AUTHOR_CERTIFICATES_NPM_PACKAGE }}'\n"

hooks.Filters.ENV_PATCHES.add_items([
    ("openedx-lms-common-settings", SETTINGS),
    ("openedx-cms-common-settings", SETTINGS),
    ("mfe-dockerfile-post-npm-install-learner-dashboard", NPM_INSTALL),
    ("mfe-dockerfile-post-npm-install-authoring", NPM_INSTALL),
    # Inside `if (process.env.APP_ID == '<app>')` of the async setConfig(): the dashboard's own
    # `hooks` module (its src/, on webpack's module path) resolves a card's course key.
    (
        "mfe-env-config-runtime-definitions-learner-dashboard",
        """
      const authorCertificates = await import('@author-certificates/frontend');
      const AuthorCertificatesCardAction = authorCertificates.learnerDashboardCertificateAction(await import('hooks'));
""",
    ),
    (
        "mfe-env-config-runtime-definitions-authoring",
        """
      const { AuthoringSidebarCertificateSelector } = await import('@author-certificates/frontend');
""",
    ),
])

PLUGIN_SLOTS.add_items([
    (
        "learner-dashboard",
        LEARNER_DASHBOARD_SLOT,
        """
        {
          op: PLUGIN_OPERATIONS.Insert,
          widget: {
            id: 'author_certificates_card_action',
            type: DIRECT_PLUGIN,
            priority: 40,
            RenderWidget: AuthorCertificatesCardAction,
          },
        }""",
    ),
    (
        "authoring",
        AUTHORING_SIDEBAR_SLOT,
        """
        {
          op: PLUGIN_OPERATIONS.Insert,
          widget: {
            id: 'author_certificates_selector',
            type: DIRECT_PLUGIN,
            priority: 10,
            RenderWidget: AuthoringSidebarCertificateSelector,
          },
        }""",
    ),
])

if FRONTEND_SLOTS is not None:
    # The frontend-base learner dashboard does not export its data hooks, so the card action
    # finds the course from the dashboard's own data request (learner_home/init, `card-<index>`).
    # Our package imports @edx/frontend-platform: the site resolves it to frontend-base-compat,
    # as tutor-mfe does when compat slots are on.
    hooks.Filters.ENV_PATCHES.add_items([
        (
            "mfe-dockerfile-post-npm-install-site",
            """{% if is_frontend_app_enabled("learner-dashboard") %}
RUN npm install --no-audit --no-fund '{{ AUTHOR_CERTIFICATES_NPM_PACKAGE }}'{% if not get_frontend_compat_mfes() %} \\
  '@edx/frontend-platform@npm:@openedx/frontend-base-compat@^1.0.0 || 0.0.0-dev'{% endif %}
{% endif %}""",
        ),
        (
            "mfe-site-custom-app-imports",
            """{% if is_frontend_app_enabled("learner-dashboard") %}
import { LearnerDashboardCertificateAction as AuthorCertificatesCardAction } from '@author-certificates/frontend';
{% endif %}""",
        ),
    ])

    # (tutormfe.plugin is not imported here: its hooks would be registered in this plugin's context.)
    @FRONTEND_SLOTS.add()
    def _card_action_on_the_frontend_base_dashboard(slots: list[str]) -> list[str]:
        if FRONTEND_APPS.apply({}).get("learner-dashboard", {}).get("enabled"):
            slots.append(f"""
        {{
          slotId: '{FRONTEND_BASE_CARD_ACTION_SLOT}',
          op: 'widgetAppend',
          id: 'authorCertificatesCardAction',
          component: AuthorCertificatesCardAction,
        }}""")
        return slots
