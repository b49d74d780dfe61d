"""Search across every record (综合查询): people, places, organisations, devices, guards, alerts."""
