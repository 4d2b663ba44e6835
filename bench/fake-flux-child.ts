/**
 * The fake FLUX server in a process of its own for the benchmarks: FLUX runs on other machines, so its work
 * must not queue on the event loop of the load generator, nor count against the sidecar. Talks to its parent
 * over the IPC channel: announces its address, answers `tasks` with the task timings, stops on `close`.
 */
import { startFakeFlux, type FakeTask } from '../test/fake-flux/server.js';

export interface FakeFluxReady {
  url: string;
  origin: string;
}

/** A task as the parent sees it: everything but the result's bytes. */
export type FakeTaskTiming = Omit<FakeTask, 'result'>;

const [latency, key] = process.argv.slice(2);
const fake = await startFakeFlux({ latencyMs: Number(latency), apiKey: key });
const send = (msg: unknown) => process.send!(msg);
process.on('message', (msg: string) => {
  if (msg === 'tasks') send(fake.tasks.map(({ result: _result, ...timing }): FakeTaskTiming => timing));
  if (msg === 'close') void fake.close().then(() => process.exit(0));
});
// Orphaned by a crashed parent: nothing would ever close it.
process.on('disconnect', () => process.exit(0));
send({ url: fake.url, origin: fake.origin } satisfies FakeFluxReady);
