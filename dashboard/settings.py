"""Run settings, declared once with defaults and help: host, port, data file, debug.

Each can be given on the command line (``python app.py --port 8060``) or, for WSGI servers
that import ``app:server``, as an environment variable (``STRAITWATCH_PORT``).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from sightings.store import DATASET


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8050
    data: Path = DATASET
    debug: bool = False


HELP = {
    "host": "address to listen on; 127.0.0.1 keeps the app private to this machine",
    "port": "TCP port to listen on",
    "data": "sightings CSV to serve (validated at start-up)",
    "debug": "Dash debug mode with tracebacks in the browser: for development only",
}
ENV = {name: f"STRAITWATCH_{name.upper()}" for name in HELP}


def from_env(environ: dict[str, str] | None = None) -> Settings:
    """Settings from STRAITWATCH_* variables, defaults elsewhere."""
    environ = os.environ if environ is None else environ
    defaults = Settings()
    return Settings(
        host=environ.get(ENV["host"], defaults.host),
        port=int(environ.get(ENV["port"], defaults.port)),
        data=Path(environ.get(ENV["data"], defaults.data)),
        debug=environ.get(ENV["debug"], "").lower() in ("1", "true", "yes"),
    )


def parse_args(argv: list[str] | None = None, prog: str = "python app.py",
               names: tuple[str, ...] = tuple(HELP)) -> Settings:
    """Settings ``names`` from the command line, with the environment as defaults."""
    base = from_env()
    parser = argparse.ArgumentParser(prog=prog, description="Serve the Straitwatch dashboard.")
    for name in names:
        default = getattr(base, name)
        if isinstance(default, bool):
            parser.add_argument(f"--{name}", action="store_true", default=default,
                                help=f"{HELP[name]} (default: off; ${ENV[name]})")
        else:
            parser.add_argument(f"--{name}", type=type(default), default=default,
                                help=f"{HELP[name]} (default: %(default)s; ${ENV[name]})")
    return dataclasses.replace(base, **vars(parser.parse_args(argv)))
