import { describe, expect, it } from 'vitest';
import { COMMON_RANGES, MODEL_INFO, MODELS } from '../../src/catalogue/models.js';
import { PARAM_SCHEMAS } from '../../src/catalogue/params.js';
import { parseJobRequest } from '../../src/jobs/request.js';
import { buildFluxBody } from '../../src/providers/bfl/body.js';
import { zodRequestError } from '../../src/util/zod.js';

describe('model catalogue', () => {
  it('has no retired model and one endpoint per model', () => {
    expect(MODELS).not.toContain('canny');
    expect(MODELS).not.toContain('depth');
    expect(MODELS.map((m) => MODEL_INFO[m].endpoint).some((e) => /canny|depth/.test(e))).toBe(false);
    expect(new Set(MODELS.map((m) => MODEL_INFO[m].endpoint)).size).toBe(MODELS.length);
  });

  it('webp for FLUX.2, FLUX 3 and the flux-tools; Fill, Expand and Kontext give jpeg or png', () => {
    const webp = (m: string) => m.startsWith('flux-2-') || ['flux-3-image', 'erase', 'outpaint'].includes(m);
    for (const m of MODELS) expect(MODEL_INFO[m].outputFormats.includes('webp')).toBe(webp(m));
  });

  it('seeds go up to the largest integer a number holds exactly (FLUX returns seeds around 10^12)', () => {
    expect(COMMON_RANGES.seed.max).toBe(Number.MAX_SAFE_INTEGER);
    expect(PARAM_SCHEMAS.fill.safeParse({ seed: 1_234_567_890_123 }).success).toBe(true);
    expect(PARAM_SCHEMAS['flux-2-pro'].safeParse({ seed: Number.MAX_SAFE_INTEGER + 2 }).success).toBe(false);
  });
});

describe('FLUX request builders', () => {
  it('fill sends image and mask with the parameters given', () => {
    const body = buildFluxBody({
      model: 'fill',
      prompt: 'a cat',
      image: 'aW1n',
      mask: 'bWFzaw==',
      params: { steps: 30, guidance: 40, seed: 7 },
      outputFormat: 'png',
    });
    expect(body).toEqual({
      prompt: 'a cat',
      output_format: 'png',
      image: 'aW1n',
      mask: 'bWFzaw==',
      steps: 30,
      guidance: 40,
      seed: 7,
    });
  });

  it('expand sends the paddings', () => {
    const body = buildFluxBody({
      model: 'expand',
      prompt: '',
      image: 'aW1n',
      params: { top: 64, left: 2048 },
      outputFormat: 'jpeg',
    });
    expect(body).toMatchObject({ image: 'aW1n', top: 64, left: 2048 });
  });

  it('kontext sends input_image, references as input_image_2.., and no mask; "match" leaves aspect_ratio out', () => {
    const body = buildFluxBody({
      model: 'kontext-pro',
      prompt: 'make it night',
      image: 'aW1n',
      mask: 'bWFzaw==',
      references: ['cjE=', 'cjI='],
      params: { aspect_ratio: 'match', prompt_upsampling: true },
      outputFormat: 'png',
    });
    expect(body).toEqual({
      prompt: 'make it night',
      output_format: 'png',
      input_image: 'aW1n',
      input_image_2: 'cjE=',
      input_image_3: 'cjI=',
      prompt_upsampling: true,
    });
    expect(
      buildFluxBody({
        model: 'kontext-max',
        prompt: 'x',
        image: 'aW1n',
        params: { aspect_ratio: '16:9' },
        outputFormat: 'jpeg',
      }).aspect_ratio,
    ).toBe('16:9');
  });

  it('FLUX.2 [pro] and [max] call the upsampling switch disable_pup; [flex] takes steps and guidance', () => {
    expect(
      buildFluxBody({
        model: 'flux-2-pro',
        prompt: 'x',
        image: 'aW1n',
        params: { prompt_upsampling: false },
        outputFormat: 'webp',
      }),
    ).toMatchObject({ disable_pup: true, output_format: 'webp' });
    const flex = buildFluxBody({
      model: 'flux-2-flex',
      prompt: 'x',
      image: 'aW1n',
      params: { steps: 10, guidance: 2.5, prompt_upsampling: true },
      outputFormat: 'jpeg',
    });
    expect(flex).toMatchObject({ steps: 10, guidance: 2.5, prompt_upsampling: true });
    expect(flex.disable_pup).toBeUndefined();
  });

  it.each([
    ['fill', { steps: 14 }, 'params.steps: must be between 15 and 50'],
    ['fill', { steps: 51 }, 'params.steps: must be between 15 and 50'],
    ['fill', { steps: 20.5 }, 'params.steps: must be a whole number.'],
    ['fill', { guidance: 1.4 }, 'params.guidance: must be between 1.5 and 100'],
    ['expand', { top: 2049 }, 'params.top: must be between 0 and 2048'],
    ['fill', { safety_tolerance: 7 }, 'params.safety_tolerance: must be between 0 and 6'],
    ['flux-2-pro', { safety_tolerance: 6 }, 'params.safety_tolerance: must be between 0 and 5'],
    ['flux-2-flex', { steps: 0 }, 'params.steps: must be between 1 and 50'],
    ['flux-2-flex', { guidance: 10.5 }, 'params.guidance: must be between 1.5 and 10'],
    ['kontext-pro', { aspect_ratio: '32:9' }, 'params.aspect_ratio: must be one of match, 21:9'],
    ['fill', { seed: -1 }, 'params.seed: must be between 0 and'],
  ] as const)('%s refuses %j', (model, params, message) => {
    const r = PARAM_SCHEMAS[model].safeParse(params);
    expect(r.success).toBe(false);
    // As the request's parser says it: the catalogue's words, with the field.
    expect(zodRequestError(r.error!, 'params').message).toContain(message);
  });

  it('refuses parameters that belong to another model', () => {
    expect(PARAM_SCHEMAS.fill.safeParse({ top: 10 }).success).toBe(false);
    expect(PARAM_SCHEMAS['flux-2-pro'].safeParse({ steps: 10 }).success).toBe(false);
    expect(PARAM_SCHEMAS['flux-2-klein-4b'].safeParse({ prompt_upsampling: true }).success).toBe(false);
    expect(PARAM_SCHEMAS.fill.safeParse({ aspect_ratio: '1:1' }).success).toBe(false);
  });

  it('accepts every documented default and choice', () => {
    for (const model of MODELS) {
      const defaults: Record<string, unknown> = Object.fromEntries(
        Object.entries(MODEL_INFO[model].ranges).map(([k, r]) => [k, r.default]),
      );
      for (const [k, c] of Object.entries(MODEL_INFO[model].choices)) defaults[k] = c.default;
      expect(PARAM_SCHEMAS[model].safeParse(defaults).success).toBe(true);
    }
  });

  it('values out of range are refused where the request is parsed; the builder sends the parsed fields', () => {
    const raw = { model: 'fill', image: { data: 'aW1n' }, prompt: 'a rock', mask: 'aW1n' };
    expect(() => parseJobRequest({ ...raw, params: { steps: 99 } })).toThrow(
      /params\.steps: must be between 15 and 50/,
    );
    const refs = [1, 2, 3, 4].map(() => ({ data: 'aW1n' }));
    expect(() =>
      parseJobRequest({ model: 'kontext-pro', image: { data: 'aW1n' }, prompt: 'x', references: refs }),
    ).toThrow(/at most 3 reference images/);
    // The fine-tune id as the schema reads it (trimmed) is what reaches FLUX.
    const req = parseJobRequest({ ...raw, params: { finetune_id: '  my-style  ' } });
    const body = buildFluxBody({
      model: 'fill',
      prompt: req.prompt,
      image: 'aW1n',
      params: req.params,
      outputFormat: 'png',
    });
    expect(body.finetune_id).toBe('my-style');
  });
});
