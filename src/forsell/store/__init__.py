"""SQLite storage: SQLAlchemy models, repositories, Alembic migrations."""
