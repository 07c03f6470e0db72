"""Run the end-to-end suite in headless Chromium (Debian's chromium binary)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.suites import missing, pytest  # noqa: E402


def main() -> int:
    if not shutil.which("chromium"):
        return missing("Chromium (Debian package 'chromium')")
    return pytest(["-q", "-m", "browser", "tests"])


if __name__ == "__main__":
    sys.exit(main())
