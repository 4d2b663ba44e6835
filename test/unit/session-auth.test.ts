import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SessionAuth } from '../../src/owui/auth.js';

const TOKEN = 'session-auth-token-0123456789';
const hmac = (text: string) => createHmac('sha256', TOKEN).update(text).digest('hex');

/** The opening header the function sends for a body, over a challenge it got for its nonce. */
function opening(challenge: string, nonce: string, body: string): string {
  const digest = createHash('sha256').update(body).digest('hex');
  return `challenge=${challenge}, nonce=${nonce}, mac=${hmac(`open\n${challenge}\n${nonce}\n${digest}`)}`;
}

describe('session challenges', () => {
  it('prove the token over the function’s nonce before anything is sent', () => {
    const auth = new SessionAuth(TOKEN);
    const nonce = 'function-nonce-0123456789';
    const { challenge, proof } = auth.issue(nonce);
    expect(proof).toBe(hmac(`challenge\n${nonce}\n${challenge}`));
    expect(new SessionAuth('another-token-0123456789').issue(nonce).proof).not.toBe(
      createHmac('sha256', TOKEN).update(`challenge\n${nonce}\n${challenge}`).digest('hex'),
    );
  });

  it('a flood of challenges evicts nothing: the function’s own still opens its session', () => {
    const auth = new SessionAuth(TOKEN);
    const nonce = 'function-nonce-0123456789';
    const { challenge } = auth.issue(nonce);
    for (let i = 0; i < 20_000; i++) auth.issue(i % 2 ? `flood-nonce-${i}-000000` : undefined);
    expect(auth.verifyOpen(opening(challenge, nonce, '{}'), Buffer.from('{}'))).toHaveLength(32);
  });

  it('a challenge opens one session, for the nonce it was issued to, until it expires', () => {
    let now = 1_000;
    const auth = new SessionAuth(TOKEN, { now: () => now });
    const nonce = 'function-nonce-0123456789';
    const body = Buffer.from('{}');
    const first = auth.issue(nonce).challenge;
    expect(() => auth.verifyOpen(opening(first, 'another-nonce-0123456789', '{}'), body)).toThrow(/unknown, used/);
    auth.verifyOpen(opening(first, nonce, '{}'), body);
    expect(() => auth.verifyOpen(opening(first, nonce, '{}'), body)).toThrow(/unknown, used/);
    const late = auth.issue(nonce).challenge;
    now += 60_000;
    expect(() => auth.verifyOpen(opening(late, nonce, '{}'), body)).toThrow(/expired/);
    // A wrong MAC does not spend the challenge: only the token's holder can.
    const fresh = auth.issue(nonce).challenge;
    expect(() => auth.verifyOpen(`challenge=${fresh}, nonce=${nonce}, mac=${'0'.repeat(64)}`, body)).toThrow(
      /Wrong SIDECAR_TOKEN/,
    );
    auth.verifyOpen(opening(fresh, nonce, '{}'), body);
  });

  it('spent challenges beyond the bound are forgotten without becoming usable again', () => {
    let now = 0;
    const auth = new SessionAuth(TOKEN, { maxSpent: 3, now: () => now });
    const nonce = 'function-nonce-0123456789';
    const body = Buffer.from('{}');
    const spent = Array.from({ length: 8 }, () => {
      now += 1;
      const { challenge } = auth.issue(nonce);
      auth.verifyOpen(opening(challenge, nonce, '{}'), body);
      return challenge;
    });
    for (const challenge of spent) {
      expect(() => auth.verifyOpen(opening(challenge, nonce, '{}'), body)).toThrow(/unknown, used/);
    }
    now += 1;
    auth.verifyOpen(opening(auth.issue(nonce).challenge, nonce, '{}'), body);
  });
});
