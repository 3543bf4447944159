"""Straitwatch: create the app, expose ``server`` for WSGI, run on 127.0.0.1.

    python app.py [--host 127.0.0.1] [--port 8050] [--data data/sightings.csv] [--debug]
    python serve.py                                 (production: waitress, see serve.py)
"""

import sys

from dashboard.factory import create_app, create_app_or_exit
from dashboard.settings import from_env, parse_args


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted (development server); exit 2 with the reason when the data cannot be served."""
    settings = parse_args(argv)
    app = create_app_or_exit(settings.data)
    app.run(host=settings.host, port=settings.port, debug=settings.debug)
    return 0


if __name__ == "__main__":
    sys.exit(main())
else:
    app = create_app(from_env().data)
    server = app.server
