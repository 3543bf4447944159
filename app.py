"""Straitwatch: create the app, expose ``server`` for WSGI, run on 127.0.0.1.

    python app.py [--host 127.0.0.1] [--port 8050] [--data data/sightings.csv] [--debug]
    gunicorn app:server -w 4 -b 127.0.0.1:8050      (settings from STRAITWATCH_* variables)
"""

from dashboard.factory import create_app
from dashboard.settings import from_env, parse_args


def main(argv: list[str] | None = None) -> None:
    settings = parse_args(argv)
    create_app(settings.data).run(host=settings.host, port=settings.port, debug=settings.debug)


if __name__ == "__main__":
    main()
else:
    app = create_app(from_env().data)
    server = app.server
