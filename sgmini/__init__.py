"""SG-Mini: a small model trained only on compiler-validated synthetic data (prompt -> script).

Heavy dependencies (torch, transformers) load lazily: importing ``sgmini`` only registers the
``sgmini`` benchmark generator. The CLI's entry points are in :mod:`sgmini.cli_api`; Python use::

    from sgmini.generate import generate, generate_scene
"""

from __future__ import annotations

try:  # the benchmark imports `sgmini` to find its generator
    from . import eval_plugin  # noqa: F401
except ImportError:  # eval/ is not importable: generation still works
    pass
