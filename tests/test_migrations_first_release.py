"""The first release ships one schema migration plus the data migration, and nothing undoes them."""

from __future__ import annotations

from django.db import migrations
from django.db.migrations.loader import MigrationLoader

APP = "author_certificates"
# Operations that drop what an earlier migration created: none before the first release (0056).
REMOVALS = (
    migrations.DeleteModel,
    migrations.RemoveField,
    migrations.RemoveConstraint,
    migrations.RemoveIndex,
)


def _chain() -> list[migrations.Migration]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    leaves = loader.graph.leaf_nodes(APP)
    assert len(leaves) == 1, f"one linear chain of migrations expected, got leaves {leaves}"
    return [loader.graph.nodes[key] for key in loader.graph.forwards_plan(leaves[0]) if key[0] == APP]


def test_the_chain_starts_with_the_schema_then_the_platform_classic_certificates():
    names = [migration.name for migration in _chain()]

    assert names[:2] == ["0001_initial", "0002_platform_classic_certificates"]
    assert all(isinstance(op, migrations.RunPython) for op in _chain()[1].operations)


def test_no_migration_drops_what_another_created():
    removals = [
        f"{migration.name}: {type(op).__name__}"
        for migration in _chain()
        for op in migration.operations
        if isinstance(op, REMOVALS)
    ]

    assert removals == []
