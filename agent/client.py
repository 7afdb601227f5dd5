"""A thin chat-completions client over the ``openai`` package, for any OpenAI-compatible endpoint.

OpenAI, vLLM, llama.cpp-server, Ollama (``/v1``) and ``sgram serve`` all answer the same request.
Retries on 429 and 5xx use exponential backoff with a fixed limit; an unreachable endpoint, a
rejected key or an unknown model become an :class:`AgentError` whose message says what to do.
A request offering ``tools`` that the endpoint refuses (HTTP 400 or 422) raises
:class:`ToolsRejected`, so that the caller can ask again without them.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

import openai

from .schemas import ToolCall, Usage

DEFAULT_BASE_URL = "https://api.openai.com/v1"
NO_KEY = "sk-no-key"
"""Local servers (vLLM, llama.cpp, Ollama, ``sgram serve``) accept any key; the client needs one."""


class AgentError(Exception):
    """A failure the user can act on; the CLI prints its message, never a traceback."""


class ToolsRejected(AgentError):
    """The endpoint refused a request because of its ``tools`` (HTTP 400 or 422)."""


@dataclass
class Reply:
    content: str
    usage: Usage
    seconds: float
    retries: int
    tool_calls: list[ToolCall] = field(default_factory=list)

    def message(self) -> dict:
        """The assistant message as it goes back into the conversation."""
        if not self.tool_calls:
            return {"role": "assistant", "content": self.content}
        return {"role": "assistant", "content": self.content or None, "tool_calls": [
            {"id": c.id, "type": "function", "function": {"name": c.name, "arguments": c.arguments}}
            for c in self.tool_calls]}


class ChatClient:
    """``complete(messages)`` -> :class:`Reply`, with timeouts and bounded retries."""

    def __init__(self, base_url: str | None = None, model: str = "", api_key: str | None = None,
                 timeout: float = 120.0, retries: int = 3, backoff: float = 1.0,
                 temperature: float = 0.0, max_reply_tokens: int | None = None, seed: int | None = None):
        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL
        self.model = model
        self.retries = retries
        self.backoff = backoff
        self.temperature = temperature
        self.max_reply_tokens = max_reply_tokens
        self.seed = seed
        key = api_key or os.environ.get("OPENAI_API_KEY") or NO_KEY
        # max_retries=0: retries are ours, counted and recorded in the transcript
        self._client = openai.OpenAI(base_url=self.base_url, api_key=key, timeout=timeout, max_retries=0)

    def complete(self, messages: list[dict], tools: list[dict] | None = None) -> Reply:
        """One chat completion; ``tools`` (function definitions) are offered when given."""
        attempt = 0
        t0 = time.perf_counter()
        while True:
            try:
                response = self._client.chat.completions.create(**self._request(messages, tools))
                break
            except (openai.RateLimitError, openai.InternalServerError) as err:
                if attempt >= self.retries:
                    raise AgentError(f"`{self.base_url}` kept failing after {attempt + 1} attempts: "
                                     f"HTTP {err.status_code}: {_message(err)}") from None
                time.sleep(self._delay(attempt, err))
                attempt += 1
            except openai.APITimeoutError:
                if attempt >= self.retries:
                    raise AgentError(f"`{self.base_url}` did not answer in time after {attempt + 1} attempts "
                                     f"(raise the timeout with `--timeout`)") from None
                time.sleep(self.backoff * 2 ** attempt)
                attempt += 1
            except openai.APIConnectionError as err:
                raise AgentError(f"cannot reach the endpoint `{self.base_url}` ({_cause(err)}): is the server "
                                 f"running, and is `--base-url` (or OPENAI_BASE_URL) right?") from None
            except openai.AuthenticationError as err:
                raise AgentError(f"`{self.base_url}` rejected the API key (HTTP 401: {_message(err)}): "
                                 f"set OPENAI_API_KEY or pass `--api-key`") from None
            except openai.PermissionDeniedError as err:
                raise AgentError(f"`{self.base_url}` refused the request (HTTP 403: {_message(err)}): "
                                 f"does the key have access to model `{self.model}`?") from None
            except openai.NotFoundError as err:
                raise AgentError(f"`{self.base_url}` answered 404 ({_message(err)}): check `--model` "
                                 f"(`{self.model}`) and that the base URL ends in `/v1`") from None
            except (openai.BadRequestError, openai.UnprocessableEntityError) as err:
                if tools:
                    raise ToolsRejected(f"`{self.base_url}` refused the request with tools (HTTP "
                                        f"{err.status_code}: {_message(err)}): use `--tools off`") from None
                raise AgentError(f"`{self.base_url}` answered HTTP {err.status_code}: {_message(err)}") from None
            except openai.APIStatusError as err:
                raise AgentError(f"`{self.base_url}` answered HTTP {err.status_code}: {_message(err)}") from None
        content, calls = "", []
        if response.choices:
            message = response.choices[0].message
            content = message.content or ""
            calls = [ToolCall(id=c.id or f"call_{n}", name=c.function.name, arguments=c.function.arguments or "")
                     for n, c in enumerate(message.tool_calls or []) if getattr(c, "function", None) is not None]
        u = response.usage
        usage = Usage(prompt_tokens=getattr(u, "prompt_tokens", 0) or 0,
                      completion_tokens=getattr(u, "completion_tokens", 0) or 0,
                      total_tokens=getattr(u, "total_tokens", 0) or 0) if u is not None else Usage()
        return Reply(content=content, usage=usage, seconds=time.perf_counter() - t0, retries=attempt,
                     tool_calls=calls)

    def _request(self, messages: list[dict], tools: list[dict] | None) -> dict:
        request = {"model": self.model, "messages": messages, "temperature": self.temperature}
        if self.max_reply_tokens:
            request["max_tokens"] = self.max_reply_tokens
        if self.seed is not None:
            request["seed"] = self.seed
        if tools:
            request["tools"] = tools
        return request

    def _delay(self, attempt: int, err: openai.APIStatusError) -> float:
        """Exponential backoff; a server's ``Retry-After`` (seconds) is honoured up to 30 s."""
        delay = self.backoff * 2 ** attempt
        after = err.response.headers.get("retry-after") if err.response is not None else None
        try:
            if after is not None:
                delay = max(delay, min(float(after), 30.0))
        except ValueError:
            pass
        return delay


def _message(err: openai.APIStatusError) -> str:
    body = err.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
        if body.get("message"):
            return str(body["message"])
    return str(err.message)


def _cause(err: Exception) -> str:
    cause = err.__cause__ or err.__context__
    return f"{type(cause).__name__}: {cause}" if cause is not None else str(err)
