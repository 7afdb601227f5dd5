"""``python -m agent run PROMPT ...`` and ``python -m agent serve FILE``."""

from .cli import main

main()
