"""The functions SG-Agent offers a model that calls tools: check, render, list categories, submit.

``TOOLS`` is the ``tools`` parameter of the chat-completions request; :func:`run_tool` answers one
call with the content of its ``role: tool`` message (JSON). A call's arguments are only ever read
as JSON, and a ``script`` argument only ever goes to the language's parser and compiler: nothing
the model writes is executed. A bad call (unknown name, arguments that are not a JSON object, a
missing ``script``) is answered with ``{"error": ...}``, never raised.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .schemas import ToolCall
from .scripts import FILE_NAME, Checked, check, picture_parts, read_script

SUBMIT = "submit_scene"
_SCRIPT = {"type": "object", "required": ["script"], "additionalProperties": False, "properties": {
    "script": {"type": "string", "description": "A whole SpatialGrammar script (when editing: the whole edited "
                                                "script, or edit statements applied to the current scene)."}}}


def _function(name: str, description: str, parameters: dict) -> dict:
    return {"type": "function", "function": {"name": name, "description": description, "parameters": parameters}}


TOOLS: list[dict] = [
    _function("check_scene", "Compile and check a script without submitting it. Returns the diagnostics as JSON "
              "(code, message, line, column, hint) and an ASCII top-down map of the scene.", _SCRIPT),
    _function("render_scene", "Draw the scene a script compiles to: top-down and perspective pictures when you "
              "accept images, else the rooms, openings and objects with their cells and facings.", _SCRIPT),
    _function("list_categories", "The catalog's object categories whose name or synonyms contain `query` "
              "(all of them when it is empty).", {"type": "object", "additionalProperties": False, "properties": {
                  "query": {"type": "string", "description": "A word such as `lamp`; empty for all."}}}),
    _function(SUBMIT, "Submit the final script. It is checked: when it has errors they come back and you "
              "submit again. Replying with the script in one ```sg block does the same.", _SCRIPT),
]


@dataclass
class ToolContext:
    """What a call may depend on besides its arguments."""

    base: str | None = None
    """The scene being edited (scripts of edit statements apply to it)."""
    vision: bool = False
    calls_left: int = 0


@dataclass
class ToolOutcome:
    result: str
    """The ``role: tool`` message's content (JSON)."""
    checked: Checked | None = None
    """The script the call carried, checked (a candidate for the result)."""
    submitted: bool = False
    images: list[dict] = field(default_factory=list)
    """Image parts to send in a user message after the tool messages (``render_scene`` with vision)."""


def run_tool(call: ToolCall, context: ToolContext) -> ToolOutcome:
    """Answer one tool call; see the module docstring."""
    try:
        args = json.loads(call.arguments or "{}")
    except json.JSONDecodeError as err:
        return _error(f"the arguments are not JSON: {err}")
    if not isinstance(args, dict):
        return _error("the arguments must be a JSON object")
    if call.name == "list_categories":
        return ToolOutcome(_json(_categories(str(args.get("query") or ""))))
    known = [t["function"]["name"] for t in TOOLS]
    if call.name not in known:
        return _error(f"unknown tool `{call.name}` (known: {', '.join(known)})")
    script = args.get("script")
    if not isinstance(script, str) or not script.strip():
        return _error(f"`{call.name}` needs a `script` argument: the script as a string")
    checked = check(read_script(script, context.base))
    if call.name == "render_scene":
        return _render(checked, context)
    payload = {"clean": checked.clean, "summary": checked.summary(), "diagnostics": checked.json(),
               "ascii_map": checked.ascii_map, "calls_left": context.calls_left}
    if call.name == SUBMIT:
        payload["accepted"] = checked.clean
        if not checked.clean:
            payload["help"] = "not accepted: fix every error, then call `submit_scene` again"
    return ToolOutcome(_json(payload), checked=checked, submitted=call.name == SUBMIT)


def _render(checked: Checked, context: ToolContext) -> ToolOutcome:
    payload: dict = {"summary": checked.summary()}
    if context.vision and checked.scene_ok:
        images = picture_parts(checked)
        if images:
            payload["pictures"] = "the top-down plan (diagnostics outlined in red) and a perspective view follow"
            return ToolOutcome(_json(payload), checked=checked, images=images)
    payload.update(_describe(checked) or {"diagnostics": checked.json()})
    return ToolOutcome(_json(payload), checked=checked)


def _describe(checked: Checked) -> dict | None:
    """Rooms, openings and objects of the compiled scene, in the script's terms (cells, walls, facings)."""
    from compiler import compile_text

    scene = compile_text(checked.script, FILE_NAME).scene
    if scene is None:
        return None
    rooms = {r.id: r for r in scene.rooms}

    def size(room) -> list[float]:
        xs, ys = [p[0] for p in room.polygon], [p[1] for p in room.polygon]
        return [round(max(xs) - min(xs), 2), round(max(ys) - min(ys), 2)]

    return {
        "rooms": [{"id": r.id, "type": r.type, "size_m": size(r)} for r in scene.rooms],
        "openings": [{"id": o.id, "kind": o.kind, "room": o.room, "wall": rooms[o.room].walls[o.wall_index].side}
                     for o in scene.openings if o.room in rooms],
        "objects": [{"id": o.id, "category": o.category, "room": o.room, "on": o.parent,
                     "cell": [round(v, 1) for v in o.cell], "facing": o.facing} for o in scene.objects],
    }


def _categories(query: str) -> dict:
    from assets import load_catalog

    catalog = load_catalog()
    q = query.strip().lower().replace(" ", "_")
    names = [n for n in catalog.names()
             if q in n or any(q in s.lower().replace(" ", "_") for s in catalog.get(n).synonyms)]
    if names:
        return {"categories": names}
    return {"categories": [], "help": f"no category matches `{query}`; call with no query to list all"}


def _error(message: str) -> ToolOutcome:
    return ToolOutcome(_json({"error": message}))


def _json(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False)
