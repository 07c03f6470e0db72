"""Database fields the models need beyond Django's own."""

from __future__ import annotations

from django.db import models

# MySQL/MariaDB compare strings with the column's collation, and the default ones
# (utf8mb4_general_ci, utf8mb4_unicode_ci, ...) ignore case. A binary collation compares the bytes,
# as PostgreSQL and SQLite do by default. Naming the collation also fixes the column's character
# set to utf8mb4 whatever the table's default is (docs/decisions/0057-case-sensitive-training-keys.md).
MYSQL_BINARY_COLLATION = "utf8mb4_bin"


class CaseSensitiveCharField(models.CharField):
    """A CharField whose equality, lookups and uniqueness distinguish case on every database.

    PostgreSQL and SQLite already compare exactly; on MySQL/MariaDB the column is created with a
    binary collation. The collation is chosen per database vendor at migration time, so the same
    migration works on all three (a fixed ``db_collation`` would name a collation that exists on
    one vendor only).
    """

    def db_parameters(self, connection):
        parameters = super().db_parameters(connection)
        if connection.vendor == "mysql" and not self.db_collation:
            parameters["collation"] = MYSQL_BINARY_COLLATION
        return parameters
