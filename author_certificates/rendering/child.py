"""What runs inside a render process: limits set on itself, then jobs until its pipe closes.

A render process is started by `pool.RenderPool` as `python -m author_certificates.rendering.child
FD`, FD being its end of a socket pair; the first message is its RenderLimits. It keeps what a warm render needs between
jobs: the saved designs it was sent (by their cache_key) and, through the engine, their
compiled templates, parsed CSS, fonts and images. Its limits:

- memory: RLIMIT_AS for the life of the process; past it Python raises MemoryError, which is
  answered and the process ends (its state cannot be trusted after that);
- CPU time: RLIMIT_CPU's soft limit, moved before each job to the CPU time used so far plus
  the job's allowance; past it the kernel sends SIGXCPU, which ends the process;
- wall time is the parent's to enforce (it kills the process).
"""

from __future__ import annotations

import math
import resource
import sys
from collections import OrderedDict
from dataclasses import dataclass
from multiprocessing.connection import Connection

from ..exceptions import AuthorCertificatesError, RenderingFailed
from . import engine
from .checking import check_design
from .limits import RenderLimits

MAX_KEPT_DESIGNS = engine.MAX_CACHED_DESIGNS


@dataclass(frozen=True)
class DesignRef:
    """Stands for a saved design the render process was sent before (by its cache_key)."""

    cache_key: str


class MissingDesign(Exception):
    """The process does not have the design a DesignRef names (the parent then sends it)."""


OPERATIONS = {
    "render": engine.render_pdf,
    "preview": engine.preview_pdf,
    "check": check_design,
}


def main() -> None:
    """Entry point of a render process (see the module docstring)."""
    connection = Connection(int(sys.argv[1]))
    try:
        limits = connection.recv()
        _limit_memory(limits.memory_bytes)
        connection.send("ready")  # imports done: the parent starts counting wall time per job
    except (EOFError, OSError):
        return
    serve(connection, limits)


def serve(connection, limits: RenderLimits) -> None:
    """The render process's main loop: (operation, args, kwargs) in, ("ok"|"error"|..., value) out."""
    designs: OrderedDict[str, object] = OrderedDict()
    while True:
        try:
            operation, args, kwargs = connection.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        except Exception as error:  # noqa: BLE001 -- e.g. a value of a type this process cannot import
            connection.send(("error", RenderingFailed(f"the render process could not read its job: {error!r}")))
            continue
        _allow_cpu_seconds(limits.cpu_seconds)
        try:
            args = tuple(_resolve(arg, designs) for arg in args)
            answer = ("ok", OPERATIONS[operation](*args, **kwargs))
        except MissingDesign as missing:
            answer = ("missing", str(missing))
        except MemoryError:
            answer = None
        except AuthorCertificatesError as error:
            answer = ("error", error)
        except Exception as error:  # noqa: BLE001 -- the parent gets every failure as an answer
            answer = ("error", RenderingFailed(f"rendering the certificate failed: {type(error).__name__}: {error}"))
        if answer is None:
            designs.clear()  # free what we can to answer, then end: our state is not to be trusted
            connection.send(("memory", None))
            return
        try:
            connection.send(answer)
        except (EOFError, OSError):
            return
        except Exception as error:  # noqa: BLE001 -- e.g. an exception that does not pickle
            connection.send(("error", RenderingFailed(f"rendering the certificate failed: {error}")))


def _resolve(arg, designs: OrderedDict):
    """A DesignRef becomes the design kept for it; a saved design sent in full is kept."""
    if isinstance(arg, DesignRef):
        design = designs.get(arg.cache_key)
        if design is None:
            raise MissingDesign(arg.cache_key)
        designs.move_to_end(arg.cache_key)
        return design
    cache_key = getattr(arg, "cache_key", None)
    if isinstance(cache_key, str):
        designs[cache_key] = arg
        designs.move_to_end(cache_key)
        while len(designs) > MAX_KEPT_DESIGNS:
            designs.popitem(last=False)
    return arg


def _limit_memory(memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # SIGXCPU would otherwise dump a core


def _allow_cpu_seconds(seconds: float) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(used + seconds), hard))


if __name__ == "__main__":
    # Through the module's real name, so that DesignRef is the class the parent pickles.
    from author_certificates.rendering.child import main as run

    run()
