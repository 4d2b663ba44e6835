/** One Inpaint click through the bridge as Open WebUI makes it: open, paint, Send, result added to the chat. */
import { FakePage } from '../test/support/fake-page.js';
import { runSession, type SessionRun } from '../test/support/fake-owui.js';
import { testImage, testMask } from '../test/support/images.js';
import { BENCH_FLUX_KEY, BENCH_TOKEN, type Stack } from './stack.js';

export interface Picture {
  /** The clicked message's text, with the picture inline as Open WebUI stores a generated image. */
  content: string;
  mask: string;
}

export async function picture(width: number, height: number): Promise<Picture> {
  const image = (await testImage(width, height)).toString('base64');
  const mask = (await testMask(width, height)).toString('base64');
  return { content: `Here is your picture:\n\n![picture](data:image/png;base64,${image})`, mask };
}

export async function inpaint(stack: Stack, pic: Picture, prompt: string): Promise<SessionRun> {
  const page = new FakePage({
    onInit: (init) => ({
      model: 'fill',
      prompt,
      image: { ref: init.images[0].ref },
      mask: pic.mask,
      params: { steps: 20 },
      output_format: 'png',
    }),
  });
  const run = await runSession({
    url: stack.url,
    token: BENCH_TOKEN,
    page,
    messages: [
      { id: 'u1', role: 'user', content: 'draw a picture' },
      { id: 'a1', role: 'assistant', content: pic.content },
    ],
    clicked: 'a1',
    valves: { FLUX_API_URL: stack.fake.url, FLUX_API_KEY: BENCH_FLUX_KEY, TRANSLATE_PROMPTS: 'never' },
  });
  if (!run.done?.ok) throw new Error(`an Inpaint session failed: ${JSON.stringify(run.done)}`);
  return run;
}
