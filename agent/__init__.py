"""SG-Agent: an LLM behind any OpenAI-compatible endpoint writes, checks, looks at and repairs scenes.

    from agent import run_agent, edit_scene
    result = run_agent("a bedroom with a desk under the window", "http://127.0.0.1:8000/v1", "sgmini", out="run/")

Importing ``agent`` also registers the ``agent`` benchmark generator (``--generator agent:URL@MODEL``).
"""

from __future__ import annotations

from .api import edit_scene, run_agent
from .client import AgentError, ChatClient
from .schemas import AgentResult, Iteration, Session, Transcript

try:  # the benchmark imports `agent` to find its generator
    from . import eval_plugin  # noqa: F401
except ImportError:  # eval/ is not importable: the agent still works
    pass

__all__ = ["AgentError", "AgentResult", "ChatClient", "Iteration", "Session", "Transcript", "edit_scene",
           "run_agent"]
