"""The plugin as an operator uses it: `tutor plugins enable mfe author_certificates` in a fresh
Tutor root (no Docker), then the files Tutor rendered from its real templates (tutor, tutor-mfe)
hold what each of our hooks adds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tutor_author_certificates import __version__

try:
    from tutormfe.hooks import FRONTEND_SLOTS  # noqa: F401  (tutor-mfe 22+: the frontend-base site)
except ImportError:
    HAS_SITE = False
else:
    HAS_SITE = True
needs_site = pytest.mark.skipif(not HAS_SITE, reason="tutor-mfe < 22 (Ulmo) builds no frontend-base site")

TUTOR = Path(sys.executable).with_name("tutor")
CARD_SLOT = "org.openedx.frontend.learner_dashboard.course_card_action.v1"
SIDEBAR_SLOT = "org.openedx.frontend.authoring.course_outline_sidebar.v1"
FRONTEND_BASE_SLOT = "org.openedx.frontend.slot.learnerDashboard.courseCardAction.v1"
NPM_INSTALL = f"RUN npm install --no-audit --no-fund '@author-certificates/frontend@{__version__}'"

# A site plugin that turns the frontend-base learner dashboard on (tutor-mfe's FRONTEND_APPS).
FRONTEND_BASE_DASHBOARD = """
from tutormfe.hooks import FRONTEND_APPS

@FRONTEND_APPS.add()
def _enable_the_learner_dashboard(apps):
    apps["learner-dashboard"]["enabled"] = True
    return apps
"""


def tutor(root: Path, *arguments: str) -> str:
    environment = {**os.environ, "TUTOR_ROOT": str(root), "TUTOR_PLUGINS_ROOT": str(root / "plugins")}
    done = subprocess.run([str(TUTOR), *arguments], env=environment, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def legacy(tmp_path_factory) -> Path:
    """A Tutor root with mfe and author_certificates enabled: the rendered env/."""
    root = tmp_path_factory.mktemp("legacy")
    tutor(root, "plugins", "enable", "mfe", "author_certificates")
    return root / "env"


@pytest.fixture(scope="module")
def frontend_base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("frontend_base")
    (root / "plugins").mkdir()
    (root / "plugins" / "frontend_base_dashboard.py").write_text(FRONTEND_BASE_DASHBOARD)
    tutor(root, "plugins", "enable", "mfe", "author_certificates", "frontend_base_dashboard")
    return root / "env"


def read(env: Path, *path: str) -> str:
    return env.joinpath(*path).read_text()


def section(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


def test_the_python_package_is_installed_in_the_openedx_image(legacy):
    dockerfile = read(legacy, "build", "openedx", "Dockerfile")
    assert f"install 'author-certificates=={__version__}'" in dockerfile


def test_lms_and_cms_get_the_settings(legacy):
    for service in ("lms", "cms"):  # LMS_HOST is Tutor's default, local.openedx.io
        settings = read(legacy, "apps", "openedx", "settings", service, "production.py")
        assert 'AUTHOR_CERTIFICATES_VERIFICATION_BASE_URL = "http://local.openedx.io"' in settings
        assert 'AUTHOR_CERTIFICATES_CELERY_QUEUE = "edx.lms.core.default"' in settings
        assert 'AUTHOR_CERTIFICATES_DEFAULT_TENANT = "default"' in settings


def test_the_widgets_are_installed_in_the_two_mfe_images_only(legacy):
    dockerfile = read(legacy, "plugins", "mfe", "build", "mfe", "Dockerfile")
    for app in ("learner-dashboard", "authoring"):
        stage = section(dockerfile, f"FROM base AS {app}-common", f"ENV APP_ID={app}")
        assert NPM_INSTALL in stage
    assert dockerfile.count(NPM_INSTALL) == 2
    assert "frontend-base-compat" not in dockerfile


def test_env_config_imports_and_mounts_the_widgets_in_each_app_s_block(legacy):
    config = read(legacy, "plugins", "mfe", "build", "mfe", "env.config.jsx")
    dashboard = section(config, "if (process.env.APP_ID == 'learner-dashboard')", "}\n")
    assert "await import('@author-certificates/frontend')" in dashboard
    assert "learnerDashboardCertificateAction(await import('hooks'))" in dashboard
    assert dashboard.index("AuthorCertificatesCardAction = ") < dashboard.index(f"addPlugins(config, '{CARD_SLOT}'")
    assert "RenderWidget: AuthorCertificatesCardAction" in dashboard

    authoring = section(config, "if (process.env.APP_ID == 'authoring')", "}\n")
    assert "const { AuthoringSidebarCertificateSelector } = await import('@author-certificates/frontend')" in authoring
    assert f"addPlugins(config, '{SIDEBAR_SLOT}'" in authoring
    assert "RenderWidget: AuthoringSidebarCertificateSelector" in authoring

    # Nothing of ours outside those two blocks (other MFEs build without our package).
    outside = config.replace(dashboard, "").replace(authoring, "")
    assert "author-certificates" not in outside and "AuthorCertificates" not in outside


@needs_site
def test_no_frontend_base_site_changes_while_its_learner_dashboard_is_off(legacy):
    site = legacy / "plugins" / "mfe" / "build" / "mfe" / "site" / "src" / "customApp.tsx"
    assert "author-certificates" not in site.read_text()


@needs_site
def test_frontend_base_learner_dashboard_gets_the_card_action(frontend_base):
    custom_app = read(frontend_base, "plugins", "mfe", "build", "mfe", "site", "src", "customApp.tsx")
    assert ("import { LearnerDashboardCertificateAction as AuthorCertificatesCardAction } "
            "from '@author-certificates/frontend';") in custom_app
    assert f"slotId: '{FRONTEND_BASE_SLOT}'" in custom_app
    assert "component: AuthorCertificatesCardAction" in custom_app
    dockerfile = read(frontend_base, "plugins", "mfe", "build", "mfe", "Dockerfile")
    site = section(dockerfile, "FROM base AS site-common", "COPY --from=site-src / .")
    assert NPM_INSTALL in site
    assert "'@edx/frontend-platform@npm:@openedx/frontend-base-compat@^1.0.0 || 0.0.0-dev'" in site


def test_a_requirement_list_saved_without_ours_is_pointed_out(tmp_path):
    tutor(tmp_path, "plugins", "enable", "mfe", "author_certificates")
    output = tutor(tmp_path, "config", "save", "--set", "OPENEDX_EXTRA_PIP_REQUIREMENTS=['some-xblock==1.0']")
    assert "does not list author-certificates" in output
    assert f"--append OPENEDX_EXTRA_PIP_REQUIREMENTS=author-certificates=={__version__}" in output
    dockerfile = read(tmp_path / "env", "build", "openedx", "Dockerfile")
    assert "install 'some-xblock==1.0'" in dockerfile and "author-certificates==" not in dockerfile
