"""Python entry points: ``run_agent`` (prompt -> scene) and ``edit_scene`` (scene + instruction -> scene).

Both write ``<stem>.sg``, ``<stem>.glb`` and ``<stem>.transcript.json`` (``scene.sg``, ``scene.glb``,
``transcript.json`` for a new scene) into ``out`` when it is given, even when the run stopped
early (interrupt, endpoint failure): partial results are never lost.
"""

from __future__ import annotations

from pathlib import Path

from .client import AgentError, ChatClient
from .loop import Checked, Loop, Progress, finish, load_prompt, system_prompt
from .schemas import AgentResult, Session, ToolsOption, Transcript


def _client(base_url: str | None, model: str, api_key: str | None, options: dict) -> ChatClient:
    return ChatClient(base_url=base_url, model=model, api_key=api_key,
                      timeout=options.get("timeout", 120.0), retries=options.get("retries", 3),
                      backoff=options.get("backoff", 1.0), temperature=options.get("temperature", 0.0),
                      max_reply_tokens=options.get("max_reply_tokens"), seed=options.get("seed"))


def run_agent(prompt: str, base_url: str | None, model: str, max_iters: int = 3, out: str | Path | None = None,
              api_key: str | None = None, vision: bool = False, *, max_tokens: int | None = None,
              tools: ToolsOption = "auto", repair: bool = True, progress: Progress | None = None,
              **options) -> AgentResult:
    """Generate a scene for ``prompt`` with the LLM at ``base_url``; see :mod:`agent.loop`.

    ``tools``: offer the functions of :mod:`agent.tools` (``on``), never (``off``), or on the first
    request, falling back to text when the endpoint refuses or ignores them (``auto``).
    ``repair=False`` keeps the best scene as the model wrote it (no ``sgram fix``).
    ``options``: ``timeout`` (s per request), ``retries`` and ``backoff`` (s) for 429/5xx,
    ``temperature``, ``max_reply_tokens``, ``seed``. Raises :class:`AgentError` when the endpoint
    fails before any scene was seen (after writing the partial transcript)."""
    client = _client(base_url, model, api_key, options)
    transcript = Transcript(prompt=prompt, model=model, base_url=client.base_url, max_iters=max_iters)
    messages = [{"role": "system", "content": system_prompt()}, {"role": "user", "content": prompt}]
    loop = Loop(client, max_iters=max_iters, max_tokens=max_tokens, vision=vision, progress=progress, tools=tools)
    final = finish(loop.run(messages, transcript), transcript, repair=repair)
    result = _result(final, transcript)
    if out is not None:
        result.files = write_outputs(result, Path(out), "scene", transcript_name="transcript.json")
    _raise_if_failed(result)
    return result


def edit_scene(script_path: str | Path, instruction: str, base_url: str | None, model: str, max_iters: int = 3,
               out: str | Path | None = None, api_key: str | None = None, vision: bool = False, *,
               session: str | Path | None = None, max_tokens: int | None = None, tools: ToolsOption = "auto",
               repair: bool = True, progress: Progress | None = None, **options) -> AgentResult:
    """Apply ``instruction`` to the scene in ``script_path``; turns continue through ``session``.

    The session file (default ``OUT/<stem>.session.json``) keeps the conversation: the scene it
    started from, each instruction and the scene each turn ended with. ``out`` defaults to the
    script's folder, so the edited scene replaces the script. Other arguments as :func:`run_agent`."""
    script_path = Path(script_path)
    try:
        script = script_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise AgentError(f"cannot read `{script_path}`: {err}") from None
    target = Path(out) if out is not None else script_path.parent
    stem = script_path.stem
    session_path = Path(session) if session is not None else target / f"{stem}.session.json"
    client = _client(base_url, model, api_key, options)
    state = _load_session(session_path, client, script)
    messages = list(state.messages) + [{"role": "user", "content": instruction}]
    transcript = Transcript(prompt=instruction, mode="edit", model=model, base_url=client.base_url,
                            max_iters=max_iters)
    loop = Loop(client, max_iters=max_iters, max_tokens=max_tokens, vision=vision, progress=progress, tools=tools)
    final = finish(loop.run(messages, transcript, base=state.script), transcript, repair=repair)
    result = _result(final, transcript)
    if final is not None:
        # the session keeps the turn's outcome, not its repair chatter: the next turn edits this scene
        state.messages += [{"role": "user", "content": instruction}, {"role": "assistant", "content": final.script}]
        state.script = final.script
        state.turns.append(instruction)
        session_path.parent.mkdir(parents=True, exist_ok=True)
        session_path.write_text(state.model_dump_json(indent=2), encoding="utf-8")
    result.files = write_outputs(result, target, stem, transcript_name=f"{stem}.transcript.json")
    if final is not None:
        result.files["session"] = str(session_path)
    _raise_if_failed(result)
    return result


def _load_session(path: Path, client: ChatClient, script: str) -> Session:
    if path.is_file():
        try:
            state = Session.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError as err:
            raise AgentError(f"`{path}` is not a session file: {err}") from None
        if state.script.strip() == script.strip():
            return state
        # the scene changed on disk since the last turn: the conversation goes on from the file
        state.messages += [{"role": "user", "content": load_prompt("edit", script=script.rstrip())},
                           {"role": "assistant", "content": script}]
        state.script = script
        return state
    # the assistant turn holds the bare script: servers that edit the last assistant script
    # (``sgram serve``) treat the next user message as the instruction
    return Session(model=client.model, base_url=client.base_url, script=script, messages=[
        {"role": "system", "content": system_prompt()},
        {"role": "user", "content": load_prompt("edit", script=script.rstrip())},
        {"role": "assistant", "content": script}])


def _result(final: Checked | None, transcript: Transcript) -> AgentResult:
    return AgentResult(script=final.script if final else None, clean=bool(final and final.errors == 0),
                       transcript=transcript)


def write_outputs(result: AgentResult, out: Path, stem: str, transcript_name: str) -> dict[str, str]:
    """Write the script, its GLB (when it compiles to a scene) and the transcript; returns the paths."""
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    if result.script is not None:
        script_path = out / f"{stem}.sg"
        script_path.write_text(result.script.rstrip("\n") + "\n", encoding="utf-8")
        files["script"] = str(script_path)
        from compiler import compile_text
        from compiler.export import export

        compiled = compile_text(result.script, str(script_path))
        if compiled.ok:
            files["glb"] = str(export(compiled.scene, out / f"{stem}.glb"))
    transcript_path = out / transcript_name
    transcript_path.write_text(result.transcript.model_dump_json(indent=2), encoding="utf-8")
    files["transcript"] = str(transcript_path)
    return files


def _raise_if_failed(result: AgentResult) -> None:
    t = result.transcript
    if t.stop_reason == "error" and result.script is None:
        raise AgentError(t.error or "the endpoint failed")
