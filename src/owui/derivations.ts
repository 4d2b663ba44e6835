import { createHash, createHmac } from 'node:crypto';

/**
 * The HMAC derivations of a session (PROTOCOL.md, "Opening a session"), the function's exact counterparts:
 * each is HMAC-SHA256 over its label and fields joined by newlines. test/vectors/bridge-auth.json fixes their
 * values for both sides.
 */
function hmac(key: string | Buffer, ...parts: string[]): Buffer {
  return createHmac('sha256', key).update(parts.join('\n')).digest();
}

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The sidecar's answer to the challenge request: it knows the token. */
export function challengeProof(token: string, nonce: string, challenge: string): string {
  return hmac(token, 'challenge', nonce, challenge).toString('hex');
}

/** The function's MAC over the opening's body: it knows the token too. */
export function openingMac(token: string, challenge: string, nonce: string, bodyDigest: string): string {
  return hmac(token, 'open', challenge, nonce, bodyDigest).toString('hex');
}

/** The key both sides derive once the opening is accepted; it signs the rest of the session. */
export function sessionKey(token: string, challenge: string, nonce: string): Buffer {
  return hmac(token, 'session', challenge, nonce);
}

/** The first line of the stream: the session is this opening's. */
export function helloProof(key: Buffer, session: string): string {
  return hmac(key, 'sidecar', session).toString('hex');
}

/** The function's MAC over its reply to one op. */
export function replyMac(key: Buffer, session: string, opId: string, bodyDigest: string): string {
  return hmac(key, 'reply', session, opId, bodyDigest).toString('hex');
}
