"""Browse the store with Datasette: immutable, loopback by default, offline assets only.

The site's metadata, templates (a /chart page) and static files (chart.js) live in
src/extract/datasette/. `write_config` copies them out so the same database can be opened in
plain `datasette` with the same titles, facets, canned queries and chart.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

from extract.errors import UsageError

ASSETS = "datasette"
STATIC_MOUNT = "council-static"
_TEMPLATE_DB = "council"  # the database key used in metadata.json


def assets_dir() -> Path:
    """The bundled Datasette assets (a real folder: the package is not zipped)."""
    return Path(str(resources.files("extract").joinpath(ASSETS)))


def metadata_for(db_name: str) -> dict[str, Any]:
    """metadata.json with its database section keyed by `db_name` (the file's stem)."""
    metadata: dict[str, Any] = json.loads((assets_dir() / "metadata.json").read_text("utf-8"))
    metadata["databases"] = {db_name: metadata["databases"][_TEMPLATE_DB]}
    return metadata


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_datasette(db: Path | str, *, settings: dict[str, Any] | None = None) -> Any:
    """A Datasette instance serving `db` read-only (immutable) with the bundled assets."""
    try:
        from datasette.app import Datasette
    except ImportError:
        raise UsageError("serving needs Datasette: pip install 'council-extract[browse]'") from None
    path = Path(db)
    if not path.is_file():
        raise UsageError(f"{path}: no such database; build it with 'council-extract db build'")
    assets = assets_dir()
    return Datasette(
        immutables=[str(path)],
        metadata=metadata_for(path.stem),
        template_dir=str(assets / "templates"),
        static_mounts=[(STATIC_MOUNT, str(assets / "static"))],
        settings={"sql_time_limit_ms": 3000, **(settings or {})},
    )


def serve(db: Path | str, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run the site until interrupted."""
    import uvicorn

    datasette = make_datasette(db)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")


def write_config(out_dir: Path | str, *, db: Path | str) -> list[str]:
    """Copy metadata, templates and static files into `out_dir`; returns the datasette
    command line that opens `db` with them."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    assets = assets_dir()
    path = Path(db)
    (out / "metadata.json").write_text(
        json.dumps(metadata_for(path.stem), indent=2, ensure_ascii=False), encoding="utf-8"
    )
    for folder in ("templates", "static"):
        shutil.copytree(assets / folder, out / folder, dirs_exist_ok=True)
    return ["datasette", "serve", "-i", str(path), "--metadata", str(out / "metadata.json"),
            "--template-dir", str(out / "templates"),
            "--static", f"{STATIC_MOUNT}:{out / 'static'}"]
