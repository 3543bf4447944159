"""Straitwatch: create the app, expose ``server`` for WSGI, run on 127.0.0.1.

    python app.py [--host 127.0.0.1] [--port 8050] [--data data/sightings.csv] [--debug]
    gunicorn app:server -w 4 -b 127.0.0.1:8050      (settings from STRAITWATCH_* variables)
"""

import sys

from dashboard.factory import create_app
from dashboard.settings import from_env, parse_args
from geo.layers import LayerError
from sightings.schema import SightingsError


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted; exit 2 with the reason when the data cannot be served."""
    settings = parse_args(argv)
    try:
        app = create_app(settings.data)
    except (SightingsError, LayerError) as exc:
        print(f"error: cannot serve {settings.data}: {exc}", file=sys.stderr)
        return 2
    app.run(host=settings.host, port=settings.port, debug=settings.debug)
    return 0


if __name__ == "__main__":
    sys.exit(main())
else:
    app = create_app(from_env().data)
    server = app.server
