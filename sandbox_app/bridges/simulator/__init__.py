"""The `[simulator]` bridge: its codec and, where it listens or connects, its server."""
