import { readFileSync } from 'node:fs';

/**
 * The wire facts in test/vectors/bridge-wire.json that the sidecar and the Open WebUI function must agree on;
 * the function's own tests (python-shim/tests) check it too.
 */
export const WIRE = JSON.parse(readFileSync(new URL('../vectors/bridge-wire.json', import.meta.url), 'utf8')) as {
  protocol: number;
  /** The ops the sidecar asks of the function. */
  requestOps: string[];
  /** Every failure the function reports for an op, as "code.reason": its English message. */
  opErrors: Record<string, string>;
};
