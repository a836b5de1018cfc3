"""Alembic environment: always runs on the connection the registry hands it (no ini file, no URL here)."""

from __future__ import annotations

from alembic import context

from assessdesk.registry.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
