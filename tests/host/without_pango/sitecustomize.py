"""Loaded by Python at start-up when this folder is on PYTHONPATH: an image without Pango.

WeasyPrint raises OSError when Pango's shared library cannot be loaded; Pillow and fontTools are
refused too, so any start-up import of the rendering stack fails loudly
(tests/test_boots_without_pango.py).
"""

import os
import sys
from importlib.abc import MetaPathFinder

# AC_BLOCKED_LIBRARIES narrows the list (a real image without Pango still has Pillow and fontTools).
BLOCKED = tuple(os.environ.get("AC_BLOCKED_LIBRARIES", "weasyprint,PIL,fontTools").split(","))


class _NoRenderingLibraries(MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        top = fullname.split(".")[0]
        if top == "weasyprint" and top in BLOCKED:
            raise OSError(f"cannot load library 'libpango-1.0-0' (blocked by the test: {fullname})")
        if top in BLOCKED:
            raise ImportError(f"{fullname} is not installed in this image (blocked by the test)")
        return None


sys.meta_path.insert(0, _NoRenderingLibraries())
