"""Video: camera map objects, frame sources, alert snapshots and detectors (no Qt here)."""
