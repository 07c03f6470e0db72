"""The bench's PostgreSQL database and Django: created fresh each run, default durability.

The database keeps the server's settings (fsync, synchronous_commit on): every commit waits
for the disk, as on operators' servers. The host project of the tests (tests/host) stands in
for the LMS, configured through its environment variables, exactly as the worker sees it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .config import Environment

ROOT = Path(__file__).resolve().parents[1]


def django_environment(env: Environment, var_dir: Path) -> dict[str, str]:
    """The variables that point the host project (bench process and worker alike) at the bench's servers."""
    return {
        "DJANGO_SETTINGS_MODULE": "tests.host.settings",
        "AC_TEST_DATABASE": "postgresql",
        "AC_DATABASE_NAME": env.database,
        "AC_CELERY_EAGER": "0",
        "AC_CELERY_BROKER": env.redis_url,
        "AC_VAR_DIR": str(var_dir),
        "PYTHONPATH": str(ROOT),
    }


def recreate_database(env: Environment) -> None:
    """Drop and create the bench database (never any other)."""
    import psycopg

    with psycopg.connect(host=env.pg_host, port=env.pg_port, user="postgres", dbname="postgres",
                         autocommit=True) as connection:
        name = psycopg.sql.Identifier(env.database)
        connection.execute(psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(name))


def durability(env: Environment) -> dict[str, str]:
    """The server settings that decide what a commit costs, as printed with the figures."""
    import psycopg

    with psycopg.connect(host=env.pg_host, port=env.pg_port, user="postgres", dbname=env.database) as connection:
        return {name: connection.execute(f"SHOW {name}").fetchone()[0]  # noqa: S608 - fixed names
                for name in ("fsync", "synchronous_commit", "wal_sync_method")}


def setup_django(env: Environment, var_dir: Path, *, migrate: bool = False) -> None:
    """Configure and set up Django in this process against the bench database."""
    os.environ.update(django_environment(env, var_dir))
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import tests.host.celery_app  # noqa: F401 - configures the host's Celery app from settings (broker)

    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
