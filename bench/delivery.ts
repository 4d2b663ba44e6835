/**
 * How long a finished image takes to reach the chat: from the poll on which FLUX first answered Ready to the
 * new message being added in Open WebUI, minus what downloading that image alone takes (the part no code can
 * save). What remains is the sidecar's own work: noticing Ready, saving the file through Open WebUI, writing
 * the message.
 */
import { atMost, info, quantile, round, type Result } from './result.js';
import { inpaint, picture } from './session.js';
import { BENCH_FLUX_KEY, startStack, type Stack } from './stack.js';

const SESSIONS = 20;
const LATENCY_MS = 800;
const TARGET_MS = 300;

/** Downloads the task's result once more, straight from FLUX, timed: the floor any delivery pays. */
async function downloadMs(stack: Stack, taskId: string): Promise<{ ms: number; bytes: number }> {
  const poll = await fetch(`${stack.fake.url}/get_result?id=${taskId}`, { headers: { 'x-key': BENCH_FLUX_KEY } });
  const { result } = (await poll.json()) as { result: { sample: string } };
  const started = performance.now();
  const bytes = (await (await fetch(result.sample)).arrayBuffer()).byteLength;
  return { ms: performance.now() - started, bytes };
}

export async function benchDelivery(): Promise<Result[]> {
  const stack = await startStack(LATENCY_MS, { FLUX_INPAINT_RATE_LIMIT: '0' });
  const delays: number[] = [];
  let bytes = 0;
  try {
    const pic = await picture(1024, 1024);
    for (let i = 0; i < SESSIONS; i++) {
      const run = await inpaint(stack, pic, `delivery ${i}`);
      const task = (await stack.fake.tasks()).find((t) => t.prompt === `delivery ${i}`);
      if (!task?.readyServedAt || run.addedAt === undefined)
        throw new Error(`session ${i} left no timestamps: was the result added as a new message?`);
      const download = await downloadMs(stack, task.id);
      bytes = download.bytes;
      delays.push(run.addedAt - task.readyServedAt - download.ms);
    }
  } finally {
    await stack.close();
  }
  const note = `${SESSIONS} sessions one after another, 1024x1024 PNG result of ${Math.round(bytes / 1024)} KB`;
  return [
    atMost('delivery: Ready -> in chat, minus download, p50', Math.round(quantile(delays, 0.5)), 'ms', TARGET_MS, note),
    info('delivery: Ready -> in chat, minus download, p95', Math.round(quantile(delays, 0.95)), 'ms'),
    info('delivery: worst', round(Math.max(...delays), 0), 'ms'),
  ];
}
