import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appError } from '../errors.js';
import { monotonicMs } from '../util/time.js';
import { challengeProof, openingMac, replyMac, sessionKey, sha256Hex } from './derivations.js';

/**
 * Mutual proof between the Open WebUI function and the sidecar (PROTOCOL.md, "Opening a session"): the token
 * never crosses the wire. The sidecar proves it knows the token first, over the function's nonce, in its
 * answer to the challenge request; only then does the function send anything of the chat, and it proves the
 * token in turn with the opening's MAC.
 *
 * Challenges are stateless: signed with a secret of this run and carrying their expiry, bound to the nonce
 * the function sent, so a flood of challenge requests has nothing to evict. Only challenges spent by an
 * opening that carried the token's MAC are remembered (until they expire), so they cannot be replayed.
 */
const CHALLENGE_TTL_MS = 60_000;
/** Spent challenges remembered at most; only openings with the token's MAC add one. */
const MAX_SPENT = 10_000;
const EXPIRY_BYTES = 6;
const RANDOM_BYTES = 16;
const SIGNATURE_BYTES = 16;
const CHALLENGE_BYTES = EXPIRY_BYTES + RANDOM_BYTES + SIGNATURE_BYTES;
const AUTH_HEADER = /^\s*challenge=([\w-]{16,128}),\s*nonce=([\w-]{16,128}),\s*mac=([0-9a-f]{64})\s*$/;

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export interface ChallengeAnswer {
  challenge: string;
  expires_in: number;
  /** HMAC(token, "challenge\n" + nonce + "\n" + challenge): present when the request carried a nonce. */
  proof?: string;
}

export class SessionAuth {
  private readonly secret = randomBytes(32);
  /** Spent challenges by expiry. */
  private readonly spent = new Map<string, number>();
  /** Challenges expiring at or before this were forgotten from `spent` early: they count as spent. */
  private floor = 0;

  constructor(
    private readonly token: string,
    private readonly opts: { maxSpent?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return (this.opts.now ?? monotonicMs)();
  }

  private signature(head: Buffer, nonce: string): Buffer {
    return createHmac('sha256', this.secret).update(head).update(nonce).digest().subarray(0, SIGNATURE_BYTES);
  }

  /**
   * A challenge bound to the function's nonce. An old function sends none: it still gets a challenge, so that
   * its opening reaches the sidecar and is answered with what to update (426), but no proof.
   */
  issue(nonce: string | undefined): ChallengeAnswer {
    const head = Buffer.alloc(EXPIRY_BYTES + RANDOM_BYTES);
    head.writeUIntBE(Math.ceil(this.now()) + CHALLENGE_TTL_MS, 0, EXPIRY_BYTES);
    randomBytes(RANDOM_BYTES).copy(head, EXPIRY_BYTES);
    const challenge = Buffer.concat([head, this.signature(head, nonce ?? '')]).toString('base64url');
    const answer: ChallengeAnswer = { challenge, expires_in: CHALLENGE_TTL_MS / 1000 };
    if (nonce) answer.proof = challengeProof(this.token, nonce, challenge);
    return answer;
  }

  /** Checks the opening request; returns the session key both sides derive. */
  verifyOpen(header: string | undefined, body: Buffer): Buffer {
    const m = header ? AUTH_HEADER.exec(header) : null;
    if (!m) {
      throw appError('unauthorized.no_auth');
    }
    const [, challenge, nonce, mac] = m as unknown as [string, string, string, string];
    const expires = this.expiryOf(challenge, nonce);
    if (expires === undefined || expires <= this.now() || expires <= this.floor || this.spent.has(challenge)) {
      throw appError('unauthorized.challenge');
    }
    if (!sameHex(mac, openingMac(this.token, challenge, nonce, sha256Hex(body)))) {
      throw appError('unauthorized.token');
    }
    this.spend(challenge, expires);
    return sessionKey(this.token, challenge, nonce);
  }

  /** The challenge's expiry when this run issued it for this nonce. */
  private expiryOf(challenge: string, nonce: string): number | undefined {
    const raw = Buffer.from(challenge, 'base64url');
    if (raw.length !== CHALLENGE_BYTES) return undefined;
    const head = raw.subarray(0, EXPIRY_BYTES + RANDOM_BYTES);
    if (!timingSafeEqual(raw.subarray(head.length), this.signature(head, nonce))) return undefined;
    return raw.readUIntBE(0, EXPIRY_BYTES);
  }

  private spend(challenge: string, expires: number): void {
    const now = this.now();
    for (const [c, e] of this.spent) if (e <= now) this.spent.delete(c);
    this.spent.set(challenge, expires);
    // Full (thousands of sessions a minute): forgetting the oldest raises the floor, so it stays refused.
    for (const [c, e] of this.spent) {
      if (this.spent.size <= (this.opts.maxSpent ?? MAX_SPENT)) break;
      this.spent.delete(c);
      this.floor = Math.max(this.floor, e);
    }
  }
}

export function replyMacMatches(
  key: Buffer,
  session: string,
  opId: string,
  body: Buffer,
  mac: string | undefined,
): boolean {
  return typeof mac === 'string' && sameHex(mac.trim(), replyMac(key, session, opId, sha256Hex(body)));
}
