"""Camera and platform protocols (Hikvision ISAPI, GA/T 1400): decode to Events, docs/bridges.md."""
