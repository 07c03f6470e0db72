"""LMS and Studio start without Pango: only a process that renders loads WeasyPrint, Pillow, fontTools.

Each check runs in a fresh interpreter whose ``sitecustomize`` (tests/host/without_pango) makes
WeasyPrint raise the OSError it raises on an image without Pango, and Pillow and fontTools
unimportable, as on an LMS or Studio image that lacks them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BLOCKER = REPO / "tests" / "host" / "without_pango"


def _run(tmp_path: Path, *args: str, blocked: str = "weasyprint,PIL,fontTools") -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "AC_BLOCKED_LIBRARIES": blocked,
        "PYTHONPATH": f"{BLOCKER}{os.pathsep}{REPO}",
        "DJANGO_SETTINGS_MODULE": "tests.host.settings",
        "AC_TEST_DATABASE": "sqlite",
        "AC_SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        "AC_VAR_DIR": str(tmp_path / "var"),
    }
    return subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=180)


def test_the_blocker_really_blocks_the_rendering_stack(tmp_path):
    result = _run(tmp_path, "-c", "import weasyprint")

    assert result.returncode != 0
    assert "cannot load library 'libpango-1.0-0'" in result.stderr


@pytest.mark.parametrize("command", [["check", "--fail-level", "ERROR"], ["migrate", "--noinput"]])
def test_manage_py_runs_without_the_rendering_libraries(tmp_path, command):
    result = _run(tmp_path, "tests/host/manage.py", *command)

    assert result.returncode == 0, result.stdout + result.stderr
    for library in ("weasyprint", "PIL", "fontTools"):
        assert f"blocked by the test: {library}" not in result.stderr


def test_every_module_a_web_process_imports_loads_without_the_rendering_libraries(tmp_path):
    script = (
        "import django, sys; django.setup()\n"
        "import author_certificates.urls, author_certificates.tasks, author_certificates.generation\n"
        "import author_certificates.api, author_certificates.pipeline, author_certificates.admin\n"
        "from django.urls import get_resolver; get_resolver().url_patterns\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'PIL', 'fontTools'))\n"
        "print('loaded:', loaded)\n"
    )
    result = _run(tmp_path, "-c", script)

    assert result.returncode == 0, result.stderr
    assert "loaded: []" in result.stdout


def test_a_render_without_pango_names_the_debian_packages(tmp_path):
    script = (
        "import django; django.setup()\n"
        "from author_certificates import rendering\n"
        "try:\n"
        "    rendering.render_pdf\n"
        "except rendering.RenderingLibrariesMissing as error:\n"
        "    print('refused:', error)\n"
    )
    # An image without Pango: Pillow and fontTools are pip packages and are there.
    result = _run(tmp_path, "-c", script, blocked="weasyprint")

    assert result.returncode == 0, result.stderr
    assert "refused:" in result.stdout
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in result.stdout
