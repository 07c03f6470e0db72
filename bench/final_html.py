"""The final HTML of a generated certificate, for a bare WeasyPrint render of the same document.

Rebuilt outside any timing from what the row records as printed (``IssuedCertificate.printed``)
with the rendering layer's placeholder values, in a plain Jinja2 environment: the same
document our generation rendered, without our sandbox around it.
"""

from __future__ import annotations

import datetime
from functools import cache


@cache
def _template(html: str):
    import jinja2

    return jinja2.Environment(autoescape=True).from_string(html)


def final_markup(issued_id: int) -> str:
    from author_certificates.models import IssuedCertificate
    from author_certificates.rendering import CertificateContext
    from author_certificates.rendering.placeholders import placeholder_values

    issued = IssuedCertificate.objects.select_related("version").get(pk=issued_id)
    printed = dict(issued.printed)
    printed.pop("author", None)
    for name in ("completion_date", "generation_date"):
        printed[name] = datetime.date.fromisoformat(printed[name])
    values = placeholder_values(CertificateContext(**printed), issued.version.language)
    body = _template(issued.version.html).render(asset=lambda name: name, **values)
    return f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>{body}</body></html>'


def version_assets(version) -> dict[str, bytes]:
    """The version's assets as our generation renders them (normalised when saved)."""
    from author_certificates.designs import version_design

    return {asset.name: asset.data for asset in version_design(version).assets}
