/**
 * What an Inpaint session leaves in the stored chat: while the editor is open, only the small bootstrap that
 * loads it (the chat is saved with every message, so a large artifact would slow every later load); after
 * Send, the clicked message exactly as it was, the result being a message of its own.
 */
import { atMost, type Result } from './result.js';
import { inpaint, picture } from './session.js';
import { startStack } from './stack.js';

const LATENCY_MS = 300;

export async function benchFootprint(): Promise<Result[]> {
  const stack = await startStack(LATENCY_MS, { FLUX_INPAINT_RATE_LIMIT: '0' });
  try {
    const pic = await picture(1024, 1024);
    const run = await inpaint(stack, pic, 'footprint');
    const artifact = run.ops.find((o) => o.op === 'emit' && o.event.type === 'message');
    if (!artifact) throw new Error('the session emitted no editor artifact into the chat');
    const openBytes = Buffer.byteLength(String(artifact.event.data.content));
    const after = run.chat.get('a1')!.content;
    const unchanged = after === pic.content;
    const extra = Buffer.byteLength(after) - Buffer.byteLength(pic.content);
    const extraResult = atMost(
      'footprint: bytes added to the clicked message after Send',
      extra,
      'B',
      0,
      unchanged ? 'identical to the original' : 'differs from the original',
    );
    return [
      atMost('footprint: bytes stored in the chat while the editor is open', openBytes, 'B', 4096),
      { ...extraResult, pass: extraResult.pass && unchanged },
    ];
  } finally {
    await stack.close();
  }
}
