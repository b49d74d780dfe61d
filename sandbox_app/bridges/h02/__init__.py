"""The `[h02]` bridge: its codec and, where it listens or connects, its server."""
