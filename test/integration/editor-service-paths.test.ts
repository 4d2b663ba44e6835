import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePage } from '../support/fake-page.js';
import { runSession } from '../support/fake-owui.js';
import { testImage } from '../support/images.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';

/**
 * The editor opened standalone (GET /v1/editor/init) and inside Open WebUI (the bridge's `init` request) gets the
 * same start data from one service: only what belongs to the path may differ.
 */
const PER_PATH = ['mode', 'images', 'notice', 'locale', 'settings', 'providers', 'provider'];

let sidecar: TestSidecar;
let image: string;

beforeAll(async () => {
  sidecar = await startTestSidecar();
  image = `data:image/png;base64,${(await testImage(320, 240)).toString('base64')}`;
});

afterAll(async () => {
  await sidecar?.close();
});

function shared(init: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(init).filter(([key]) => !PER_PATH.includes(key)));
}

async function standaloneInit(): Promise<Record<string, any>> {
  const res = await sidecar.api('/v1/editor/init');
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, any>;
}

/** The init the editor gets in Open WebUI; valves left out take the function's defaults (test_valves_schema.py). */
async function owuiInit(userValves: Record<string, unknown> = {}): Promise<Record<string, any>> {
  let init: Record<string, any> | undefined;
  const page = new FakePage({
    onInit: (v) => {
      init = v;
      return null;
    },
  });
  await runSession({
    url: sidecar.url,
    token: TEST_TOKEN,
    page,
    messages: [
      { id: 'u1', role: 'user', content: 'draw a cat' },
      { id: 'a1', role: 'assistant', content: `![cat](${image})` },
    ],
    clicked: 'a1',
    valves: { SIDECAR_TOKEN: TEST_TOKEN, ...userValves },
  });
  expect(init).toBeDefined();
  return init!;
}

describe('one editor service for both paths', { timeout: 60_000 }, () => {
  it('the editor starts with the same defaults, ceilings, models and limits standalone and in Open WebUI', async () => {
    const [alone, owui] = await Promise.all([standaloneInit(), owuiInit()]);
    expect(alone.mode).toBe('standalone');
    expect(owui.mode).toBe('owui');
    expect(owui.images).toHaveLength(1);
    expect(shared(owui)).toEqual(shared(alone));
    expect(alone.defaults).toEqual({ steps: 50, guidance: 60, safety_tolerance: 6, output_format: 'jpeg' });
  });

  it("in Open WebUI the admin's valves, and only they, move the defaults", async () => {
    const [alone, owui] = await Promise.all([
      standaloneInit(),
      owuiInit({ STEPS: 20, GUIDANCE: 30, SAFETY_TOLERANCE: 3, OUTPUT_FORMAT: 'png' }),
    ]);
    expect(owui.defaults).toEqual({ steps: 20, guidance: 30, safety_tolerance: 3, output_format: 'png' });
    expect(owui.ceilings).toEqual({ safety_tolerance: 3 });
    const { defaults: _a, ceilings: _b, ...rest } = shared(owui);
    const { defaults: _c, ceilings: _d, ...restAlone } = shared(alone);
    expect(rest).toEqual(restAlone);
  });
});
