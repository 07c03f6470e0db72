"""docs/rules.md states every rule once and links to the test named after it; the links resolve."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "docs" / "rules.md"


def test_every_rule_is_stated_and_every_link_resolves():
    text = RULES.read_text(encoding="utf-8")
    stated = re.findall(r"^\*\*R(\d+) ", text, re.M)
    links = re.findall(r"\]\((\.\./tests/[^)]+)\)", text)

    assert sorted(map(int, stated)) == list(range(1, 14))
    assert links and [link for link in links if not (RULES.parent / link).resolve().is_file()] == []


def test_every_rule_test_module_is_linked():
    linked = {Path(link).name for link in re.findall(r"\]\(\.\./tests/([^)]+)\)", RULES.read_text(encoding="utf-8"))}
    rule_tests = {path.name for path in (REPO / "tests").glob("test_r[0-9]*_*.py")}

    assert rule_tests - linked == set()
