"""``python -m dashboard import ...``: the old name of ``python -m sightings import``, kept as an alias.

The dataset commands live in :mod:`sightings.__main__`; this runs the same function.
"""

from __future__ import annotations

import sys

from sightings.__main__ import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m dashboard"))
