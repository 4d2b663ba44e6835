import { describe, expect, it } from 'vitest';
import { buildFluxBody, PARAM_SCHEMAS } from '../../src/flux/models.js';
import { MODEL_RANGES } from '../../src/flux/ranges.js';

describe('FLUX request builders', () => {
  it('fill sends image and mask with the parameters given', () => {
    const body = buildFluxBody({ model: 'fill', prompt: 'a cat', image: 'aW1n', mask: 'bWFzaw==', params: { steps: 30, guidance: 40, seed: 7 }, outputFormat: 'png' });
    expect(body).toEqual({ prompt: 'a cat', output_format: 'png', image: 'aW1n', mask: 'bWFzaw==', steps: 30, guidance: 40, seed: 7 });
  });

  it('canny and depth send the picture as control_image', () => {
    for (const model of ['canny', 'depth'] as const) {
      const body = buildFluxBody({ model, prompt: 'x', image: 'aW1n', params: {}, outputFormat: 'jpeg' });
      expect(body.control_image).toBe('aW1n');
      expect(body.image).toBeUndefined();
    }
  });

  it('expand sends the paddings', () => {
    const body = buildFluxBody({ model: 'expand', prompt: '', image: 'aW1n', params: { top: 64, left: 2048 }, outputFormat: 'jpeg' });
    expect(body).toMatchObject({ image: 'aW1n', top: 64, left: 2048 });
  });

  it.each([
    ['fill', { steps: 14 }, 'steps must be between 15 and 50'],
    ['fill', { steps: 51 }, 'steps must be between 15 and 50'],
    ['fill', { steps: 20.5 }, 'steps must be a whole number'],
    ['fill', { guidance: 1.4 }, 'guidance must be between 1.5 and 100'],
    ['depth', { guidance: 0.5 }, 'guidance must be between 1 and 100'],
    ['canny', { canny_low_threshold: 501 }, 'canny_low_threshold must be between 0 and 500'],
    ['canny', { canny_low_threshold: 300, canny_high_threshold: 100 }, 'must not be above canny_high_threshold'],
    ['expand', { top: 2049 }, 'top must be between 0 and 2048'],
    ['fill', { safety_tolerance: 7 }, 'safety_tolerance must be between 0 and 6'],
  ] as const)('%s refuses %j', (model, params, message) => {
    const r = PARAM_SCHEMAS[model].safeParse(params);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join('; ')).toContain(message);
  });

  it('refuses parameters that belong to another model', () => {
    expect(PARAM_SCHEMAS.fill.safeParse({ top: 10 }).success).toBe(false);
    expect(PARAM_SCHEMAS.depth.safeParse({ canny_low_threshold: 10 }).success).toBe(false);
  });

  it('accepts every documented default', () => {
    for (const [model, ranges] of Object.entries(MODEL_RANGES)) {
      const defaults = Object.fromEntries(Object.entries(ranges).map(([k, r]) => [k, r.default]));
      expect(PARAM_SCHEMAS[model as keyof typeof PARAM_SCHEMAS].safeParse(defaults).success).toBe(true);
    }
  });

  it('the builder never sends an out-of-range value', () => {
    expect(() => buildFluxBody({ model: 'fill', prompt: '', image: 'aW1n', params: { steps: 99 }, outputFormat: 'jpeg' })).toThrow();
  });
});
