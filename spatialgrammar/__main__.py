"""``python -m spatialgrammar`` runs the ``sgram`` command line."""

from .cli import main

main()
