import { describe, expect, it } from 'vitest';
import { COMMON_RANGES } from '../../src/catalogue/models.js';
import { EDITOR_DEFAULTS, editorInit, sendToJob } from '../../src/editor/service.js';
import { valvesSchema } from '../../src/owui/schemas.js';
import { parseJobRequest } from '../../src/jobs/request.js';

const picture = Buffer.from('picture bytes');
const who = { provider: 'bfl' as const, flux: undefined, owner: 'owui:u1', meta: undefined };

async function safetyOf(model: string, asked: number | undefined, ceiling: number | undefined) {
  const params = asked === undefined ? {} : { safety_tolerance: asked };
  const req = parseJobRequest({ model, prompt: 'a hat', image: { ref: 'r1' }, params });
  const input = await sendToJob(req, () => picture, who, ceiling);
  expect(input.image).toBe(picture);
  return input.params.safety_tolerance;
}

describe('the editor service', () => {
  it('gives a person the same starting values standalone and in Open WebUI, the moderation the most permissive', () => {
    const valves = valvesSchema.parse({});
    expect({
      steps: valves.STEPS,
      guidance: valves.GUIDANCE,
      safety_tolerance: valves.SAFETY_TOLERANCE,
      output_format: valves.OUTPUT_FORMAT,
    }).toEqual(EDITOR_DEFAULTS);
    // Not the catalogue's default (FLUX's own 2, for a job sent over the HTTP API without the field).
    expect(EDITOR_DEFAULTS.safety_tolerance).toBe(COMMON_RANGES.safety_tolerance.max);
    expect(COMMON_RANGES.safety_tolerance.default).toBeLessThan(EDITOR_DEFAULTS.safety_tolerance);
  });

  it("caps Send's safety tolerance at the ceiling and the model's maximum, never loosening a stricter choice", async () => {
    expect(await safetyOf('kontext-pro', 5, 3)).toBe(3);
    expect(await safetyOf('kontext-pro', 1, 3)).toBe(1);
    expect(await safetyOf('kontext-pro', undefined, 4)).toBe(4);
    // FLUX.2 stops at 5: a ceiling of 6 gives it 5.
    expect(await safetyOf('flux-2-pro', undefined, 6)).toBe(5);
  });

  it('without a ceiling (the jobs API) passes Send on as asked', async () => {
    expect(await safetyOf('kontext-pro', 6, undefined)).toBe(6);
    expect(await safetyOf('kontext-pro', undefined, undefined)).toBeUndefined();
  });

  it('offers every model, and the safety default as the most permissive value', () => {
    const init = editorInit({
      mode: 'standalone',
      defaults: { ...EDITOR_DEFAULTS, safety_tolerance: 3 },
      providers: [],
      limits: { maxImageBytes: 1, maxImagePixels: 2 },
    });
    expect(init.models?.length).toBeGreaterThan(5);
    expect(init.ceilings).toEqual({ safety_tolerance: 3 });
    expect(init.provider).toBe('local');
    expect(init.images).toEqual([]);
  });
});
