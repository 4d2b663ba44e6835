import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Sealed fields of a session opening (PROTOCOL.md, "Sealed fields"): encryption then MAC, built from
 * HMAC-SHA256 alone because that is all the Python standard library gives the function (it has no AES).
 * Keystream block i = HMAC(K_enc, iv || uint32be(i)); tag = HMAC(K_mac, label || "\n" || iv || ciphertext).
 */
const IV_BYTES = 16;
const TAG_BYTES = 32;
const BLOCK_BYTES = 32;

function hmac(key: Buffer, data: string | Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function subkeys(key: Buffer): { enc: Buffer; mac: Buffer } {
  return { enc: hmac(key, 'seal enc'), mac: hmac(key, 'seal mac') };
}

function xorKeystream(enc: Buffer, iv: Buffer, data: Buffer): Buffer {
  const out = Buffer.alloc(data.length);
  const counter = Buffer.alloc(4);
  for (let start = 0; start < data.length; start += BLOCK_BYTES) {
    counter.writeUInt32BE(start / BLOCK_BYTES);
    const pad = hmac(enc, Buffer.concat([iv, counter]));
    for (let i = start; i < Math.min(start + BLOCK_BYTES, data.length); i++) out[i] = data[i]! ^ pad[i - start]!;
  }
  return out;
}

function tagOf(mac: Buffer, label: string, body: Buffer): Buffer {
  return hmac(mac, Buffer.concat([Buffer.from(`${label}\n`), body]));
}

/** base64url(iv || ciphertext || tag). `label` names the field, so a sealed value cannot be moved to another. */
export function seal(key: Buffer, label: string, plain: string, iv: Buffer = randomBytes(IV_BYTES)): string {
  const { enc, mac } = subkeys(key);
  const body = Buffer.concat([iv, xorKeystream(enc, iv, Buffer.from(plain, 'utf8'))]);
  return Buffer.concat([body, tagOf(mac, label, body)]).toString('base64url');
}

/** The plain text, or undefined when the value was not sealed with this key and label (or was altered). */
export function unseal(key: Buffer, label: string, sealed: string): string | undefined {
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES || raw.toString('base64url') !== sealed) return undefined;
  const { enc, mac } = subkeys(key);
  const body = raw.subarray(0, raw.length - TAG_BYTES);
  if (!timingSafeEqual(raw.subarray(raw.length - TAG_BYTES), tagOf(mac, label, body))) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(
      xorKeystream(enc, body.subarray(0, IV_BYTES), body.subarray(IV_BYTES)),
    );
  } catch {
    return undefined;
  }
}
