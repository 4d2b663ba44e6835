import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRIDGE_PROTOCOL, type RequestOp } from '../../src/wire/bridge.js';
import { WIRE } from '../support/wire.js';

/** Every op the sidecar may ask of the function: a missing or extra name fails typecheck against RequestOp. */
const REQUEST_OPS: Record<RequestOp['op'], true> = {
  call: true,
  read_image: true,
  save_image: true,
  complete: true,
  add_message: true,
  remove_message: true,
};

describe('bridge wire facts', () => {
  it('the sidecar speaks the protocol the function speaks', () => {
    expect(BRIDGE_PROTOCOL).toBe(WIRE.protocol);
  });

  it('the function answers every op the sidecar asks of it, and no other', () => {
    expect(Object.keys(REQUEST_OPS).sort()).toEqual([...WIRE.requestOps].sort());
  });

  it('PROTOCOL.md documents that protocol', () => {
    const doc = readFileSync(new URL('../../src/owui/PROTOCOL.md', import.meta.url), 'utf8');
    expect(doc.split('\n')[0]).toMatch(new RegExp(`\\(protocol ${WIRE.protocol}\\)$`));
    const numbers = [...doc.matchAll(/"protocol": (\d+)/g)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThan(0);
    expect(new Set(numbers)).toEqual(new Set([WIRE.protocol]));
  });
});
