"""Create the platform's default classic certificates (R5): one per packaged language.

The rows name the packaged design (``builtin_language``); the design itself is read from the
package at render time, so upgrading the package improves them without a migration.
"""

from django.db import migrations

DEFAULTS = [
    ("en", "Classic certificate (English)"),
    ("es", "Certificado clásico (Español)"),
    ("fr", "Certificat classique (Français)"),
    ("de", "Klassisches Zertifikat (Deutsch)"),
    ("pt", "Certificado clássico (Português)"),
]


def create_defaults(apps, schema_editor):
    ClassicCertificate = apps.get_model("author_certificates", "ClassicCertificate")
    for language, name in DEFAULTS:
        ClassicCertificate.objects.get_or_create(
            tenant="", builtin_language=language, defaults={"name": name, "language": language}
        )


def remove_defaults(apps, schema_editor):
    ClassicCertificate = apps.get_model("author_certificates", "ClassicCertificate")
    ClassicCertificate.objects.filter(tenant="").exclude(builtin_language="").delete()


class Migration(migrations.Migration):
    dependencies = [("author_certificates", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, remove_defaults)]
