import { describe, expect, it } from 'vitest';
import { resultPlace } from '../../src/owui/deliver.js';
import { atLeast, callTiming, olderThan, parseVersion } from '../../src/owui/relay.js';

describe("Open WebUI's version decides", () => {
  it('reads versions as Open WebUI reports them', () => {
    expect(parseVersion('0.6.43')).toEqual([0, 6, 43]);
    expect(parseVersion('v0.11.0-rc1')).toEqual([0, 11, 0]);
    expect(parseVersion('0.12')).toEqual([0, 12, 0]);
    expect(parseVersion(null)).toBeUndefined();
    expect(parseVersion('dev')).toBeUndefined();
    expect(olderThan('0.7.9', [0, 8])).toBe(true);
    expect(olderThan('0.8.0', [0, 8])).toBe(false);
    expect(olderThan(undefined, [0, 8])).toBe(false);
    expect(atLeast('0.10.0', [0, 10])).toBe(true);
    expect(atLeast('0.9.6', [0, 10])).toBe(false);
    expect(atLeast(null, [0, 10])).toBe(false);
  });

  // canRemove: the function found Chats.delete_message_from_chat_by_id_and_message_id (Open WebUI 0.10+).
  it.each([
    ['auto', '0.5.20', true, false, 'same'],
    ['auto', '0.6.43', true, false, 'same'],
    ['auto', '0.10.2', true, true, 'same'],
    ['auto', '0.11.0', true, true, 'new'],
    ['auto', '0.12.4', true, true, 'new'],
    ['auto', null, true, true, 'same'],
    ['auto', '0.12.4', false, true, 'same'],
    ['auto', '0.12.4', true, false, 'same'],
    ['new', '0.6.5', true, false, 'same'],
    ['new', '0.10.1', true, true, 'new'],
    ['new', null, true, true, 'new'],
    ['new', '0.12.4', false, true, 'same'],
    ['same', '0.12.4', true, true, 'same'],
    // A function from before it reported this: Open WebUI's version decides.
    ['auto', '0.11.0', true, undefined, 'new'],
    ['new', '0.10.1', true, undefined, 'new'],
    ['new', '0.9.6', true, undefined, 'same'],
    ['new', null, true, undefined, 'same'],
  ] as const)(
    'RESULT_MESSAGE=%s on %s (stored chat: %s, can remove: %s) -> %s',
    (mode, version, storedChat, canRemove, place) => {
      expect(resultPlace(mode, { storedChat, canRemove, version })).toBe(place);
    },
  );

  it('event-call slices always return before the admin’s WEBSOCKET_EVENT_CALLER_TIMEOUT', () => {
    // No timeout set (0.8+ default): long slices.
    expect(callTiming(null, '0.9.6')).toEqual({ sliceMs: 40_000, callTimeoutMs: 60_000 });
    // Before 0.8.8 (no such setting) socket.io's own 60 s applies.
    expect(callTiming(null, '0.6.5').sliceMs).toBeLessThanOrEqual(40_000);
    expect(callTiming(null, '0.8.7')).toEqual(callTiming(60, '0.8.7'));
    expect(callTiming(null, '0.8.8')).toEqual({ sliceMs: 40_000, callTimeoutMs: 60_000 });
    for (const timeoutS of [1, 3, 5, 10, 30, 60, 300]) {
      const t = callTiming(timeoutS, '0.11.0');
      // Room for the page and the socket to answer: at least 3 s or a third of the timeout, whichever is more.
      expect(t.sliceMs + Math.min(3_000, (timeoutS * 1000) / 3)).toBeLessThanOrEqual(Math.max(timeoutS * 1000, 3_500));
      expect(t.sliceMs).toBeGreaterThanOrEqual(500);
    }
    expect(callTiming(10, '0.11.0').sliceMs).toBe(5_000);
  });
});
