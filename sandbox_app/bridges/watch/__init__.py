"""The `[watch]` bridge: its codec and, where it listens or connects, its server."""
