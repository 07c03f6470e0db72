"""The built wheel installs and works outside this repository (slow: about a minute).

Builds a wheel from a copy of the source tree (so nothing is written into the working tree),
checks that it carries the entry points and every non-Python file the package ships, installs
it into a fresh virtualenv and runs ``migrate`` and ``check`` in a bare Django project whose
INSTALLED_APPS are the ones the README tells operators to use.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "author_certificates"
SKIP = shutil.ignore_patterns(".venv", ".git", "var", "node_modules", "build", "dist", "*.egg-info", "__pycache__",
                              "*.pyc", "test-artifacts", "bench", "tests")


def _run(*args: str, cwd: Path, timeout: int = 120, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    """The wheel and what the build printed (verbose, so setuptools' warnings are in it)."""
    work = tmp_path_factory.mktemp("build")
    source = work / "source"
    shutil.copytree(REPO, source, ignore=SKIP)
    # The venv's setuptools builds it: no network, and the same build backend as `pip install -e .`.
    # Byte-compiling stays on (as on a release machine) so setuptools has nothing to warn about it.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    result = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-v", "-w",
                  str(work / "dist"), str(source), cwd=work, timeout=180, env=env)
    [wheel_path] = (work / "dist").glob("author_certificates-*.whl")
    return wheel_path, result.stdout + result.stderr


@pytest.fixture(scope="module")
def wheel(built) -> Path:
    return built[0]


def test_setuptools_builds_the_wheel_without_a_warning(built):
    _, output = built
    assert "Successfully built author-certificates" in output
    warnings = [line.strip() for line in output.splitlines() if "warn" in line.lower()
                and "is ignored: it is neither a file nor a directory" not in line]
    assert warnings == []


def test_the_wheel_carries_the_license_and_supports_python_3_11(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        [metadata] = [n for n in names if n.endswith(".dist-info/METADATA")]
        fields = archive.read(metadata).decode()
        [license_file] = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        license_text = archive.read(license_file).decode()

    assert "License-Expression: AGPL-3.0-only" in fields
    assert "Requires-Python: >=3.11" in fields
    assert "Classifier: Programming Language :: Python :: 3.11" in fields
    assert "Classifier: Framework :: Django :: 5.2" in fields
    assert "GNU AFFERO GENERAL PUBLIC LICENSE" in license_text and "END OF TERMS AND CONDITIONS" in license_text


def _shipped_data_files() -> set[str]:
    """Every non-Python file in the package source, as a path inside the wheel."""
    return {
        path.relative_to(REPO).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }


def test_the_wheel_declares_the_open_edx_entry_points(wheel):
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
        parser = configparser.ConfigParser()
        parser.read_string(archive.read(name).decode())

    assert dict(parser["lms.djangoapp"]) == {"author_certificates": "author_certificates.apps:AuthorCertificatesConfig"}
    assert dict(parser["cms.djangoapp"]) == {"author_certificates": "author_certificates.apps:AuthorCertificatesConfig"}
    assert "author_certificate" in parser["xblock.v1"]


def test_the_wheel_ships_templates_static_files_locale_and_classic_designs(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())

    expected = _shipped_data_files()
    assert {n for n in expected if n.startswith("author_certificates/templates/")}
    assert {n for n in expected if n.startswith("author_certificates/static/")}
    assert {n for n in expected if n.startswith("author_certificates/locale/")}
    assert {n for n in expected if n.startswith("author_certificates/rendering/classic/")}
    assert sorted(expected - names) == []
    assert "author_certificates/migrations/0001_initial.py" in names


def _installed_apps_from_install_doc() -> list[str]:
    """The INSTALLED_APPS block of README.md (the test and the operator use one list)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"INSTALLED_APPS = \[(.*?)\]", text, re.S)
    assert block, "README.md must show INSTALLED_APPS for a plain Django host"
    return re.findall(r'"([\w.]+)"', block.group(1))


BARE_SETTINGS = '''
SECRET_KEY = "packaging-test"
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
INSTALLED_APPS = {apps!r}
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
ROOT_URLCONF = "bare_urls"
TEMPLATES = [{{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True,
              "OPTIONS": {{"context_processors": ["django.template.context_processors.request",
                                                "django.contrib.auth.context_processors.auth",
                                                "django.contrib.messages.context_processors.messages"]}}}}]
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}}}
STATIC_URL = "/static/"
LMS_ROOT_URL = "https://lms.example.com"
CELERY_TASK_ALWAYS_EAGER = True
'''


def test_a_bare_django_project_migrates_and_checks_with_the_installed_wheel(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv), cwd=tmp_path)
    python = venv / "bin" / "python"
    site_packages = Path(_run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                              cwd=tmp_path).stdout.strip())
    # The dependencies come from the project's venv (appended after the new site-packages, so the
    # wheel's copy of author_certificates and its metadata are found first).
    (site_packages / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel), cwd=tmp_path)

    probe = _run(str(python), "-c", (
        "import importlib.metadata as m, author_certificates;"
        "print(author_certificates.__file__);"
        "print(sorted(ep.value for g in ('lms.djangoapp', 'cms.djangoapp') for ep in m.entry_points(group=g)))"
    ), cwd=tmp_path).stdout.splitlines()
    assert probe[0].startswith(str(site_packages))
    assert probe[1] == str(["author_certificates.apps:AuthorCertificatesConfig"] * 2)

    _migrate_and_check_a_bare_project(python, tmp_path)


def _migrate_and_check_a_bare_project(python: Path, tmp_path: Path) -> None:
    """`migrate` and `check` a project with the README's INSTALLED_APPS, run by ``python``."""
    project = tmp_path / "project"
    project.mkdir()
    apps = _installed_apps_from_install_doc()
    assert "author_certificates" in apps
    (project / "bare_settings.py").write_text(BARE_SETTINGS.format(apps=apps))
    (project / "bare_urls.py").write_text(
        'from django.urls import include, path\n\n'
        'urlpatterns = [path("", include("author_certificates.urls", namespace="author_certificates"))]\n'
    )
    env_python = [str(python), "-m", "django"]
    settings_arg = "--settings=bare_settings"
    _run(*env_python, "migrate", "--noinput", settings_arg, cwd=project, timeout=120)
    checked = _run(*env_python, "check", "--fail-level", "WARNING", settings_arg, cwd=project)
    assert "no issues" in checked.stdout
    shown = _run(*env_python, "showmigrations", "author_certificates", settings_arg, cwd=project).stdout
    assert "[X] 0001_initial" in shown and "[ ]" not in shown


ULMO_CONSTRAINTS = REPO / "requirements" / "constraints-ulmo.txt"


def _python_3_11() -> str | None:
    """A Python 3.11 interpreter (pyenv's shim or a system one), or None."""
    for candidate in ("python3.11", str(Path.home() / ".pyenv" / "versions" / "3.11.7" / "bin" / "python3.11")):
        found = shutil.which(candidate)
        if found and subprocess.run([found, "-c", "import sys; assert sys.version_info[:2] == (3, 11)"],
                                    capture_output=True).returncode == 0:
            return found
    return None


def test_the_wheel_installs_on_python_3_11_with_ulmo_pins(wheel, tmp_path):
    """What an Ulmo image does: pip installs the wheel (and its dependencies) next to Ulmo's pins."""
    python_3_11 = _python_3_11()
    if python_3_11 is None:
        pytest.skip("Python 3.11 is not installed (pyenv install 3.11.7)")
    venv = tmp_path / "venv311"
    _run(python_3_11, "-m", "venv", str(venv), cwd=tmp_path)
    python = venv / "bin" / "python"
    _run(str(python), "-m", "pip", "install", "-q", "-c", str(ULMO_CONSTRAINTS), str(wheel), cwd=tmp_path,
         timeout=600)
    installed = _run(str(python), "-m", "pip", "list", "--format=freeze", cwd=tmp_path).stdout.lower().split()
    assert "django==5.2.7" in installed and "openedx-events==10.5.0" in installed and "xblock==5.2.0" in installed
    assert "celery==5.5.3" in installed

    _migrate_and_check_a_bare_project(python, tmp_path)
