"""One row per figure: its value beside its target, PASS / MISS, printed as one table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: str
    target: str = ""
    passed: bool | None = None  # None: no target (a reference figure)
    note: str = ""  # e.g. why a figure could not be measured

    @property
    def verdict(self) -> str:
        if self.note:
            return "n/a"
        if self.passed is None:
            return ""
        return "PASS" if self.passed else "MISS"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def mib(size: float) -> str:
    return f"{size / 2**20:+.1f} MiB" if size < 0 else f"{size / 2**20:.1f} MiB"


def section(title: str) -> Figure:
    return Figure(f"[{title}]", "")


def not_measurable(name: str, target: str, why: str) -> Figure:
    return Figure(name, "-", target, None, why)


def table(figures: list[Figure]) -> str:
    width = max(len(figure.name) for figure in figures)
    value_width = max(12, *(len(figure.value) for figure in figures))
    lines = [f"{'figure':<{width}}  {'value':>{value_width}}  {'target':<22}  verdict",
             "-" * (width + value_width + 36)]
    for figure in figures:
        if figure.name.startswith("[") and not figure.value:
            lines.append(figure.name)
            continue
        line = f"{figure.name:<{width}}  {figure.value:>{value_width}}  {figure.target:<22}  {figure.verdict}"
        lines.append((line + (f"  ({figure.note})" if figure.note else "")).rstrip())
    return "\n".join(lines)


def missed(figures: list[Figure]) -> list[Figure]:
    return [figure for figure in figures if figure.passed is False]
