"""Persistence behind one `Store` interface: SQLite embedded default, PostgreSQL later."""
