"""GPS uplinks for guards' trackers: OsmAnd (HTTP), JT/T 808 and GT06 (TCP).

One pure module per protocol decodes and encodes (`osmand`, `jt808`, `gt06`: bytes in, dataclasses or
`FrameError` out, no sockets); the `*_server` modules own the sockets, map device ids to the district's
trackers and hand `gps.fix` events to the same sink every bridge uses (docs/bridges.md).
"""
