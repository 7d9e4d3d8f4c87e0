"""Alembic environment: always run from forsell.store.db with an open connection."""

from alembic import context

from forsell.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic revision --autogenerate` from a developer shell
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///dev-autogen.sqlite"
    connection = create_engine(url).connect()


def _include(obj, name, type_, reflected, compare_to):
    # FTS5 virtual tables and their shadow tables are made by raw SQL in their revisions.
    return not (type_ == "table" and name and name.startswith(("product_search", "product_words")))


context.configure(
    connection=connection,
    include_object=_include,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
