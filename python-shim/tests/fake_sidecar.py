"""
A sidecar that speaks the bridge protocol of src/owui/PROTOCOL.md on 127.0.0.1, driven by a test's script:
the script sends ops down the NDJSON stream and awaits the function's replies.
"""

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

TOKEN = "test-token-0123456789"


class Channel:
    """One open session as the script sees it."""

    def __init__(self, writer: asyncio.StreamWriter, session: str, opening: dict) -> None:
        self.writer, self.session, self.opening = writer, session, opening
        self.pending: dict[str, asyncio.Future] = {}
        self.next_id = 0

    async def send(self, op: dict) -> None:
        line = json.dumps(op).encode() + b"\n"
        self.writer.write(b"%x\r\n%s\r\n" % (len(line), line))
        await self.writer.drain()

    def ask(self, op: dict) -> asyncio.Future:
        """Sends an op with a fresh id; the future resolves with the function's reply body."""
        self.next_id += 1
        op_id = f"op{self.next_id}"
        self.pending[op_id] = asyncio.get_running_loop().create_future()
        asyncio.ensure_future(self.send({**op, "id": op_id}))
        return self.pending[op_id]

    async def request(self, op: dict, timeout: float = 10) -> dict:
        return await asyncio.wait_for(self.ask(op), timeout)

    async def done(self, ok: bool = True, message: str = "finished") -> None:
        await self.send({"op": "done", "ok": ok, "message": message})
        self.writer.write(b"0\r\n\r\n")
        await self.writer.drain()


Script = Callable[[Channel], Awaitable[None]]


@dataclass
class FakeSidecar:
    script: Script
    token: str = TOKEN
    # A status and JSON body answered instead of opening the stream.
    refuse: tuple[int, dict] | None = None
    openings: list[dict] = field(default_factory=list)
    late_replies: list[tuple[str, dict]] = field(default_factory=list)
    channels: dict[str, Channel] = field(default_factory=dict)
    server: asyncio.AbstractServer | None = None
    errors: list[BaseException] = field(default_factory=list)

    @property
    def url(self) -> str:
        assert self.server is not None
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    async def __aenter__(self) -> "FakeSidecar":
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        assert self.server is not None
        self.server.close()
        for channel in self.channels.values():
            channel.writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            method, target, _ = (await reader.readline()).decode().split(" ", 2)
            headers: dict[str, str] = {}
            while (line := await reader.readline()).strip():
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            body = json.loads(await reader.readexactly(int(headers.get("content-length", "0"))) or b"null")
            if headers.get("authorization") != f"Bearer {self.token}":
                return await self._json(writer, 401, {"error": {"code": "unauthorized", "message": "Wrong token"}})
            if method == "POST" and target == "/v1/sessions":
                return await self._session(writer, body)
            parts = target.strip("/").split("/")
            if method == "POST" and len(parts) == 5 and parts[:2] == ["v1", "sessions"] and parts[3] == "replies":
                return await self._reply(writer, parts[2], parts[4], body)
            await self._json(writer, 404, {"error": {"code": "not_found", "message": target}})
        except Exception as e:  # Surfaced by the tests through `errors`, which a passing test expects empty.
            self.errors.append(e)
        finally:
            writer.close()

    async def _json(self, writer: asyncio.StreamWriter, status: int, body: dict | None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        writer.write(b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (status, len(data), data))
        await writer.drain()

    async def _session(self, writer: asyncio.StreamWriter, opening: dict) -> None:
        self.openings.append(opening)
        if self.refuse:
            return await self._json(writer, *self.refuse)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
        channel = Channel(writer, f"s{len(self.openings)}", opening)
        self.channels[channel.session] = channel
        await channel.send({"op": "hello", "session": channel.session, "protocol": 1})
        await self.script(channel)

    async def _reply(self, writer: asyncio.StreamWriter, session: str, op_id: str, body: dict) -> None:
        channel = self.channels.get(session)
        future = channel.pending.pop(op_id, None) if channel else None
        if future is None or future.done():
            self.late_replies.append((op_id, body))
            return await self._json(writer, 404, {"error": {"code": "op_not_found", "message": op_id}})
        future.set_result(body)
        await self._json(writer, 204, None)
