import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { challengeProof, helloProof, openingMac, replyMac, sessionKey } from '../../src/owui/derivations.js';

const v = JSON.parse(readFileSync(new URL('../vectors/bridge-auth.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;

describe("a session's HMAC derivations match the fixed vectors the function is checked against too", () => {
  const key = sessionKey(v.token!, v.challenge!, v.nonce!);

  it('the proofs and MACs of the opening', () => {
    expect(challengeProof(v.token!, v.nonce!, v.challenge!)).toBe(v.challenge_proof);
    expect(openingMac(v.token!, v.challenge!, v.nonce!, v.opening_digest!)).toBe(v.opening_mac);
    expect(key.toString('hex')).toBe(v.session_key);
  });

  it('the proofs and MACs of the stream, under the session key', () => {
    expect(helloProof(key, v.session!)).toBe(v.hello_proof);
    expect(replyMac(key, v.session!, v.op_id!, v.reply_digest!)).toBe(v.reply_mac);
  });
});
