"""Opening a package's geometry files with GDAL without letting their content choose what GDAL does.

GDAL picks its driver by content and follows indirections: a `buildings.geojson` that is really VRT XML
(`<OGRVRTDataSource>` with `SrcDataSource CSV:/any/file`) reads any file the user can read, and
`/vsicurl/http://...` makes it send requests (issue 14). So:

* each file is read here with Python first and must look like what its extension names (GeoJSON: a JSON
  object; GeoPackage: an SQLite file with the GPKG application id and no views or foreign virtual tables);
* GDAL then gets the checked bytes in memory (`/vsimem/`), never the user's path, so no path or driver
  prefix (`CSV:`, `/vsi...`) in a folder name can reach it;
* GDAL's network access is turned off for the whole process (`disable_gdal_network`), as a second wall.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

import pyogrio

GDAL_OFFLINE: dict[str, str] = {
    # /vsicurl/ (and /vsis3/, /vsigs/, ... built on it) refuses every file whose extension is not listed.
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".sandbox-network-disabled",
    # Every HTTP request GDAL makes goes through this proxy, which cannot be connected to.
    "GDAL_HTTP_PROXY": "0.0.0.0:1",
    "GDAL_HTTPS_PROXY": "0.0.0.0:1",
    "GDAL_HTTP_MAX_RETRY": "0",
    "GDAL_HTTP_CONNECTTIMEOUT": "1",
    "GDAL_HTTP_TIMEOUT": "1",
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    "PROJ_NETWORK": "OFF",
    "OGR_SQLITE_LOAD_EXTENSIONS": "",
}
"""GDAL config options (not environment variables, so other network clients of the app are unaffected)."""

_SQLITE_MAGIC = b"SQLite format 3\x00"
_GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
_ALLOWED_VIRTUAL = ("using rtree",)
"""The only virtual tables a GeoPackage needs: its R-tree spatial indexes."""
_SNIFF = 64
_GENERATED = re.compile(r"\bgenerated\s+always\b|\bas\s*\(")
"""A generated column (`... AS (expr)`) runs SQL the package chose each time a row is read."""


def disable_gdal_network() -> None:
    """Turn GDAL's network access off for this process; idempotent, called when the importer loads."""
    pyogrio.set_gdal_config_options(dict(GDAL_OFFLINE))


def _shown(head: bytes) -> str:
    text = head.decode("utf-8", "replace").strip().replace("\n", " ")
    return repr(text[:16])


def geojson_problem(data: bytes) -> str | None:
    """Why `data` is not a GeoJSON file, or None: it must be a JSON object (after an optional BOM)."""
    head = data[:_SNIFF].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        return None
    return f"not a GeoJSON file: the content starts with {_shown(head)}, not '{{'"


def without_wal(data: bytes) -> bytes:
    """The GeoPackage's bytes marked as a rollback-journal database. QGIS leaves edited GeoPackages in WAL
    mode, which an in-memory SQLite (ours and GDAL's /vsimem/ copy) cannot open; the content is the same
    (changes still in a `-wal` file beside it are not part of the package: save and close it in QGIS)."""
    if data.startswith(_SQLITE_MAGIC) and data[18:20] == b"\x02\x02":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


def gpkg_problem(data: bytes) -> str | None:
    """Why `data` is not an acceptable GeoPackage, or None.

    The same bytes GDAL will read are loaded into an in-memory SQLite, and only its schema is read
    (nothing is queried through a view). A view or a virtual table other than an R-tree index could make
    GDAL run SQL the package chose, e.g. GDAL's own VirtualOGR module opening another data source;
    triggers only fire on writes, and GDAL opens the file read-only, so they are harmless and allowed
    (every GeoPackage has some).
    """
    head = data[:100]
    if not head.startswith(_SQLITE_MAGIC):
        return f"not a GeoPackage: the content starts with {_shown(head[:16])}, not an SQLite header"
    if int.from_bytes(head[68:72], "big") != _GPKG_APPLICATION_ID:
        return "not a GeoPackage: an SQLite file without the GeoPackage application id"
    try:
        con = sqlite3.connect(":memory:")
        try:
            con.deserialize(data)
            rows: list[Any] = con.execute("SELECT type, name, lower(sql) FROM sqlite_master").fetchall()
        finally:
            con.close()
    except (sqlite3.Error, OverflowError) as exc:  # OverflowError: past SQLite's in-memory size
        return f"not a GeoPackage: {str(exc)[:120]}"
    for kind, name, sql in rows:
        if kind == "view":
            return f"a GeoPackage with SQL views is not accepted (view '{str(name)[:80]}')"
        if kind == "table" and sql and _GENERATED.search(sql):
            return f"a GeoPackage with computed columns is not accepted (table '{str(name)[:80]}')"
        virtual = kind == "table" and bool(sql) and sql.startswith("create virtual table")
        if virtual and not any(v in sql for v in _ALLOWED_VIRTUAL):
            return f"a GeoPackage with virtual tables is not accepted (table '{str(name)[:80]}')"
    return None


def read_geo_bytes(data: bytes, layer: str | int) -> Any:
    """A GeoDataFrame from checked bytes; GDAL sees only an in-memory copy, never the user's path."""
    return pyogrio.read_dataframe(data, layer=layer)


def list_layer_names(data: bytes) -> list[str]:
    return [str(n) for n in pyogrio.list_layers(data)[:, 0]]
