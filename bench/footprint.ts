/**
 * What an Inpaint session leaves in the stored chat: while the editor is open, nothing (Open WebUI 0.6.32+
 * shows it as an embed only the page holds; the chat is saved with every message, so a large artifact would
 * slow every later load), and the page holds only the small loader; after Send, the clicked message exactly as
 * it was, the result being a message of its own.
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
    const shown = run.ops.find((o) => o.op === 'emit' && o.event.type === 'chat:message:embeds');
    if (!shown) throw new Error('the session showed no editor in the message');
    const loaderBytes = Buffer.byteLength(String(shown.event.data.embeds.at(-1)));
    // socket/main.py stores these events in the message; anything else goes to the page alone.
    const detached = run.ops.findIndex((o) => o.op === 'detach');
    const storedBytes = run.ops
      .slice(0, detached)
      .filter((o) => o.op === 'emit' && ['message', 'replace', 'embeds', 'files'].includes(o.event.type))
      .reduce((n, o) => n + Buffer.byteLength(JSON.stringify(o.event.data)), 0);
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
      atMost('footprint: bytes stored in the chat while the editor is open', storedBytes, 'B', 0),
      atMost('footprint: bytes of the loader the page holds while the editor is open', loaderBytes, 'B', 4096),
      { ...extraResult, pass: extraResult.pass && unchanged },
    ];
  } finally {
    await stack.close();
  }
}
