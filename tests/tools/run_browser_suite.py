"""Run the end-to-end suite in headless Chromium (AC_CHROMIUM, default Debian's /usr/bin/chromium)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.suites import CHROMIUM, Outcome, chromium_installed, missing, pytest, summarise  # noqa: E402


def browser_suite() -> Outcome:
    name = "browser suite (headless Chromium)"
    if not chromium_installed():
        return missing(name, f"Chromium at {CHROMIUM} (Debian package 'chromium', or set AC_CHROMIUM)")
    return pytest(name, ["-q", "-m", "browser", "tests"], {"AC_CHROMIUM": CHROMIUM})


if __name__ == "__main__":
    sys.exit(summarise([browser_suite()]))
