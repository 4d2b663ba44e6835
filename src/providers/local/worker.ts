import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../errors.js';
import { runJob, type LocalJob, type WorkerReply } from './jobs.js';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

port.on('message', async (job: LocalJob) => {
  const reply = (msg: WorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(msg, transfer);
  try {
    const pixels = await runJob(job, (fraction) => reply({ type: 'progress', fraction }));
    reply({ type: 'done', pixels }, [pixels.buffer as ArrayBuffer]);
  } catch (err) {
    const raised = isAppError(err) && err.text ? { code: err.code, text: err.text } : undefined;
    reply({ type: 'error', message: err instanceof Error ? err.message : String(err), raised });
  }
});
