"""Alembic environment: runs on the connection the app hands over; batch mode because SQLite cannot ALTER much."""

from alembic import context

from assessdesk.storage.tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
