"""The hard limits of one render, and the error a render that exceeds one raises.

Callers (the Django layers) read them from settings and pass them down; the rendering layer
never reads settings. See docs/decisions/0061-render-pool.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..exceptions import RenderingFailed


@dataclass(frozen=True)
class RenderLimits:
    """How many render processes a process keeps, and what each render may use."""

    processes: int = 2
    cpu_seconds: int = 10
    memory_bytes: int = 1024 * 1024 * 1024
    wall_seconds: float = 20.0
    # Renders a process does before it is replaced (0: never). WeasyPrint's font configuration
    # keeps native memory for every design it prepares; replacing the process returns it.
    max_renders: int = 500

    def describe(self, limit: str) -> str:
        """The limit in words, e.g. "CPU time limit (10 s)"."""
        value = {
            "CPU time": f"{self.cpu_seconds:g} s",
            "memory": f"{self.memory_bytes / (1024 * 1024):.0f} MB",
            "wall time": f"{self.wall_seconds:g} s",
        }[limit]
        return f"{limit} limit ({value})"


class RenderLimitExceeded(RenderingFailed):
    """A render was stopped because it exceeded one of its limits (``limit``: "CPU time",
    "memory" or "wall time"); the message names the limit and its value."""

    def __init__(self, limit: str, limits: RenderLimits):
        self.limit = limit
        self.limits = limits
        super().__init__(f"rendering the design exceeded its {limits.describe(limit)}")

    def __reduce__(self):
        return (type(self), (self.limit, self.limits))
