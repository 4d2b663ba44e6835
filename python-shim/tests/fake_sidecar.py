"""
A sidecar that speaks protocol 3 of src/owui/PROTOCOL.md on 127.0.0.1, driven by a test's script: it proves the
token over the function's nonce with each challenge, checks the function's MACs (opening and every reply) the
way the sidecar does, opens the sealed FLUX key, proves itself in `hello`, sends the script's ops down the
NDJSON stream and awaits the function's replies.

An impostor (`impostor=True`) does not know the token: its challenges carry no valid proof, and it accepts any
opening. `forged_hello=True` proves the token at the challenge but not in `hello` (a stream that is not this
session's).
"""

import asyncio
import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

TOKEN = "test-token-0123456789"
# src/owui/auth.ts, verifyOpen: what the sidecar answers an opening whose MAC does not match its token.
WRONG_TOKEN = "Wrong SIDECAR_TOKEN: copy the token the sidecar printed on first start (also in <data dir>/token) into the SIDECAR_TOKEN valve."


def mac(key: bytes, *parts: str) -> str:
    return hmac.new(key, "\n".join(parts).encode(), hashlib.sha256).hexdigest()


def unseal(key: bytes, label: str, sealed: str) -> str | None:
    """PROTOCOL.md, "Sealed fields", as the sidecar opens them (src/owui/seal.ts)."""
    raw = base64.urlsafe_b64decode(sealed + "=" * (-len(sealed) % 4))
    body, tag = raw[:-32], raw[-32:]
    enc, auth = (hmac.digest(key, f"seal {part}".encode(), "sha256") for part in ("enc", "mac"))
    if not hmac.compare_digest(tag, hmac.digest(auth, label.encode() + b"\n" + body, "sha256")):
        return None
    iv, data = body[:16], body[16:]
    pad = b"".join(
        hmac.digest(enc, iv + i.to_bytes(4, "big"), "sha256") for i in range(len(data) // 32 + 1)
    )
    return bytes(a ^ b for a, b in zip(data, pad, strict=False)).decode()


class Channel:
    """One open session as the script sees it."""

    def __init__(
        self, writer: asyncio.StreamWriter, session: str, opening: dict, key: bytes
    ) -> None:
        self.writer, self.session, self.opening, self.key = writer, session, opening, key
        self.pending: dict[str, asyncio.Future] = {}
        self.next_id = 0

    async def send(self, op: dict) -> None:
        await self.send_raw(json.dumps(op).encode() + b"\n")

    async def send_raw(self, data: bytes) -> None:
        self.writer.write(b"%x\r\n%s\r\n" % (len(data), data))
        await self.writer.drain()

    def ask(self, op: dict) -> asyncio.Future:
        """Sends an op with a fresh id; the future resolves with the function's reply body."""
        self.next_id += 1
        op_id = f"op{self.next_id}"
        self.pending[op_id] = asyncio.get_running_loop().create_future()
        # A peer that hung up shows as a reply that never comes, as with the real sidecar.
        asyncio.ensure_future(self.send({**op, "id": op_id})).add_done_callback(
            lambda sent: sent.cancelled() or sent.exception()
        )
        return self.pending[op_id]

    async def request(self, op: dict, within_s: float = 10) -> dict:
        return await asyncio.wait_for(self.ask(op), within_s)

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
    impostor: bool = False
    forged_hello: bool = False
    openings: list[dict] = field(default_factory=list)
    # The FLUX key of each opening, as the sidecar opened it from its sealed form.
    flux_keys: list[str | None] = field(default_factory=list)
    challenge_requests: list[dict] = field(default_factory=list)
    auth_headers: list[str] = field(default_factory=list)
    late_replies: list[tuple[str, dict]] = field(default_factory=list)
    bad_macs: list[str] = field(default_factory=list)
    channels: dict[str, Channel] = field(default_factory=dict)
    challenges: set[str] = field(default_factory=set)
    server: asyncio.AbstractServer | None = None
    url: str = ""
    errors: list[BaseException] = field(default_factory=list)

    async def __aenter__(self) -> "FakeSidecar":
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"
        return self

    async def __aexit__(self, *exc: Any) -> None:
        assert self.server is not None
        self.server.close()
        for channel in self.channels.values():
            channel.writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:  # aiohttp keeps connections alive: serve requests until the client closes.
                request = await reader.readline()
                if not request:
                    return
                method, target, _ = request.decode().split(" ", 2)
                headers: dict[str, str] = {}
                while (line := await reader.readline()).strip():
                    name, _, value = line.decode().partition(":")
                    headers[name.strip().lower()] = value.strip()
                raw = await reader.readexactly(int(headers.get("content-length", "0")))
                parts = target.strip("/").split("/")
                if method == "POST" and target == "/v1/sessions/challenge":
                    asked = json.loads(raw or b"{}")
                    self.challenge_requests.append(asked)
                    challenge, nonce = secrets.token_urlsafe(32), str(asked.get("nonce", ""))
                    self.challenges.add(f"{challenge} {nonce}")
                    proof = (
                        "0" * 64
                        if self.impostor
                        else mac(self.token.encode(), "challenge", nonce, challenge)
                    )
                    await self._json(
                        writer, 200, {"challenge": challenge, "expires_in": 60, "proof": proof}
                    )
                elif method == "POST" and target == "/v1/sessions":
                    return await self._session(writer, headers.get("x-flux-inpaint-auth", ""), raw)
                elif (
                    method == "POST"
                    and len(parts) == 5
                    and parts[:2] == ["v1", "sessions"]
                    and parts[3] == "replies"
                ):
                    await self._reply(
                        writer, parts[2], parts[4], headers.get("x-flux-inpaint-mac", ""), raw
                    )
                else:
                    await self._json(
                        writer, 404, {"error": {"code": "not_found", "message": target}}
                    )
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        except (
            Exception
        ) as e:  # Surfaced by the tests through `errors`, which a passing test expects empty.
            self.errors.append(e)
        finally:
            writer.close()

    async def _json(self, writer: asyncio.StreamWriter, status: int, body: dict | None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        writer.write(
            b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
            % (status, len(data), data)
        )
        await writer.drain()

    async def _session(self, writer: asyncio.StreamWriter, auth: str, raw: bytes) -> None:
        self.auth_headers.append(auth)
        self.openings.append(json.loads(raw))
        fields = dict(part.strip().split("=", 1) for part in auth.split(",") if "=" in part)
        challenge, nonce = fields.get("challenge", ""), fields.get("nonce", "")
        token = self.token.encode()
        expected = mac(token, "open", challenge, nonce, hashlib.sha256(raw).hexdigest())
        issued = f"{challenge} {nonce}"
        if not self.impostor and (
            issued not in self.challenges
            or not hmac.compare_digest(fields.get("mac", ""), expected)
        ):
            return await self._json(
                writer, 401, {"error": {"code": "unauthorized", "message": WRONG_TOKEN}}
            )
        self.challenges.discard(issued)
        if self.refuse:
            return await self._json(writer, *self.refuse)
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        key = hmac.new(token, f"session\n{challenge}\n{nonce}".encode(), hashlib.sha256).digest()
        self.flux_keys.append(
            unseal(key, "FLUX_API_KEY", self.openings[-1]["valves"]["FLUX_API_KEY"])
        )
        channel = Channel(writer, f"s{len(self.openings)}", self.openings[-1], key)
        self.channels[channel.session] = channel
        proof = (
            "0" * 64 if self.impostor or self.forged_hello else mac(key, "sidecar", channel.session)
        )
        await channel.send(
            {"op": "hello", "session": channel.session, "protocol": 3, "proof": proof}
        )
        await self.script(channel)

    async def _reply(
        self, writer: asyncio.StreamWriter, session: str, op_id: str, signature: str, raw: bytes
    ) -> None:
        channel = self.channels.get(session)
        if channel is None or not hmac.compare_digest(
            signature, mac(channel.key, "reply", session, op_id, hashlib.sha256(raw).hexdigest())
        ):
            self.bad_macs.append(op_id)
            return await self._json(
                writer, 401, {"error": {"code": "unauthorized", "message": "Wrong MAC"}}
            )
        body = json.loads(raw)
        future = channel.pending.pop(op_id, None)
        if future is None or future.done():
            self.late_replies.append((op_id, body))
            return await self._json(
                writer, 404, {"error": {"code": "op_not_found", "message": op_id}}
            )
        future.set_result(body)
        writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
        await writer.drain()
