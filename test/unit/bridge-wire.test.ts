import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRIDGE_PROTOCOL } from '../../src/wire/bridge.js';

/** The wire facts in test/vectors/bridge-wire.json, which the function's own tests (python-shim/tests) check too. */
const wire = JSON.parse(readFileSync(new URL('../vectors/bridge-wire.json', import.meta.url), 'utf8')) as {
  protocol: number;
};

describe('bridge wire facts', () => {
  it('the sidecar speaks the protocol the function speaks', () => {
    expect(BRIDGE_PROTOCOL).toBe(wire.protocol);
  });

  it('PROTOCOL.md documents that protocol', () => {
    const doc = readFileSync(new URL('../../src/owui/PROTOCOL.md', import.meta.url), 'utf8');
    expect(doc.split('\n')[0]).toMatch(new RegExp(`\\(protocol ${wire.protocol}\\)$`));
    const numbers = [...doc.matchAll(/"protocol": (\d+)/g)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThan(0);
    expect(new Set(numbers)).toEqual(new Set([wire.protocol]));
  });
});
