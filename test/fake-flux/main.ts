/**
 * Runs the fake FLUX server on its own, for trying the sidecar without an API key or internet:
 *   npm run fake-flux -- --port 9797 --latency 3000
 * then start the sidecar with FLUX_API_URL=http://127.0.0.1:9797/v1 FLUX_INPAINT_RESULT_HOSTS=http://127.0.0.1:9797.
 */
import { parseArgs } from 'node:util';
import { type Outcome, startFakeFlux } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9797' },
    latency: { type: 'string', default: '3000' },
    key: { type: 'string' },
    /** Statuses the next tasks end in, comma-separated ("Content Moderated,Ready"): then Ready. */
    outcomes: { type: 'string', default: '' },
  },
});
const OUTCOMES: readonly Outcome[] = ['Ready', 'Request Moderated', 'Content Moderated', 'Error', 'Task not found'];
const outcomes = values.outcomes.split(',').filter(Boolean);
const port = Number(values.port);
const latencyMs = Number(values.latency);
if (
  !Number.isInteger(port) ||
  port < 0 ||
  port > 65535 ||
  !Number.isFinite(latencyMs) ||
  latencyMs < 0 ||
  !outcomes.every((o) => (OUTCOMES as readonly string[]).includes(o))
) {
  console.error('usage: npm run fake-flux -- [--port 9797] [--latency 3000] [--key KEY] [--outcomes A,B]');
  process.exit(2);
}
const fake = await startFakeFlux({ latencyMs, apiKey: values.key, outcomes: outcomes as Outcome[] }, port);
console.log(`fake FLUX API at ${fake.url}`);
console.log(
  `sidecar settings: FLUX_API_URL=${fake.url} FLUX_INPAINT_RESULT_HOSTS=${fake.origin} FLUX_API_KEY=${values.key ?? 'any'}`,
);
process.on('SIGINT', () => void fake.close().then(() => process.exit(0)));
