"""Developer tools (demo package builder, ...); not shipped with the app."""
