"""The `[gt06]` bridge: its codec and, where it listens or connects, its server."""
