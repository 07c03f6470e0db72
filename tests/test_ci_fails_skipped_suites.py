"""With CI=true a skipped browser/services/packaging test fails the run; elsewhere it stays a skip."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

SAMPLE = '''
import pytest

@pytest.mark.browser
def test_needs_chromium():
    pytest.skip("/usr/bin/chromium is not installed")

def test_plain_skip():
    pytest.skip("nothing to do here")
'''


def _run_sample(tmp_path: Path, ci: str) -> str:
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    env = {**os.environ, "CI": ci, "PYTHONPATH": str(REPO), "COLUMNS": "300"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.tools.ci_skips", "-p", "no:cacheprovider",
         "-p", "no:django", "-c", os.devnull, "--rootdir", str(tmp_path), "-o", "markers=browser", "-rfs",
         str(tmp_path / "test_sample.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    return result.stdout


@pytest.mark.parametrize("ci", ["true", "1"])
def test_in_ci_a_skipped_browser_test_is_a_failure(tmp_path, ci):
    out = _run_sample(tmp_path, ci)

    assert "1 failed, 1 skipped" in out
    assert "browser test skipped in CI (CI=true), where it must run: /usr/bin/chromium is not installed" in out


def test_outside_ci_it_is_a_skip_with_its_reason(tmp_path):
    out = _run_sample(tmp_path, "")

    assert "2 skipped" in out and "failed" not in out
    assert "/usr/bin/chromium is not installed" in out
