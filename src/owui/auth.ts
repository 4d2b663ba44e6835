import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';

/**
 * Mutual proof between the Open WebUI function and the sidecar (PROTOCOL.md, "Opening a session"): the token
 * never crosses the wire; each side shows it knows it by an HMAC over a fresh challenge.
 */
const CHALLENGE_TTL_MS = 60_000;
/** Unused challenges kept at most; beyond this the oldest is dropped, so unauthenticated callers cannot grow memory. */
const MAX_CHALLENGES = 10_000;
const AUTH_HEADER = /^\s*challenge=([\w-]{16,128}),\s*nonce=([\w-]{16,128}),\s*mac=([0-9a-f]{64})\s*$/;

function hmacHex(key: string | Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export class SessionAuth {
  private readonly challenges = new Map<string, number>();

  constructor(private readonly token: string) {}

  issue(): { challenge: string; expires_in: number } {
    const now = Date.now();
    for (const [c, expires] of this.challenges) {
      if (expires > now && this.challenges.size < MAX_CHALLENGES) break;
      this.challenges.delete(c);
    }
    const challenge = randomBytes(32).toString('base64url');
    this.challenges.set(challenge, now + CHALLENGE_TTL_MS);
    return { challenge, expires_in: CHALLENGE_TTL_MS / 1000 };
  }

  /** Checks the opening request; returns the session key both sides derive. The challenge is spent either way. */
  verifyOpen(header: string | undefined, body: Buffer): Buffer {
    const m = header ? AUTH_HEADER.exec(header) : null;
    if (!m) {
      throw new AppError(
        'unauthorized',
        'The request carries no valid X-Flux-Inpaint-Auth header: update the FLUX Inpaint function in Open WebUI to the version that matches this sidecar.',
      );
    }
    const [, challenge, nonce, mac] = m as unknown as [string, string, string, string];
    const expires = this.challenges.get(challenge);
    this.challenges.delete(challenge);
    if (expires === undefined || expires < Date.now()) {
      throw new AppError('unauthorized', 'The session challenge is unknown, used or expired: click Inpaint again.');
    }
    if (!sameHex(mac, hmacHex(this.token, `open\n${challenge}\n${nonce}\n${sha256Hex(body)}`))) {
      throw new AppError(
        'unauthorized',
        'Wrong SIDECAR_TOKEN: copy the token the sidecar printed on first start (also in <data dir>/token) into the SIDECAR_TOKEN valve.',
      );
    }
    return createHmac('sha256', this.token).update(`session\n${challenge}\n${nonce}`).digest();
  }
}

/** What the sidecar shows in its first line so the function knows it talks to the real sidecar. */
export function helloProof(key: Buffer, session: string): string {
  return hmacHex(key, `sidecar\n${session}`);
}

export function replyMacMatches(
  key: Buffer,
  session: string,
  opId: string,
  body: Buffer,
  mac: string | undefined,
): boolean {
  return typeof mac === 'string' && sameHex(mac.trim(), hmacHex(key, `reply\n${session}\n${opId}\n${sha256Hex(body)}`));
}
