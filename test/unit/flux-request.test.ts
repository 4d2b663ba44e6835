import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError, localizeError } from '../../src/errors.js';
import { translator } from '../../src/i18n/t.js';
import { blendByMask, blendIntoOriginal } from '../../src/images/blend.js';
import { fitForFlux } from '../../src/providers/bfl/input.js';
import { type JobSpec, jobRequestSchema, parseJobRequest, toCreateJobInput } from '../../src/jobs/request.js';
import type { CreateJobInput } from '../../src/jobs/types.js';

const png = 'iVBORw0KGgo=';

describe('the shared job request', () => {
  it('fills in what the model implies: its default output format, masked_only, no references', () => {
    const fill = parseJobRequest({ model: 'fill', image: { data: png } });
    expect(fill).toMatchObject({
      model: 'fill',
      prompt: '',
      output_format: 'jpeg',
      masked_only: true,
      references: [],
      params: {},
    });
    expect(Buffer.isBuffer((fill.image as { data: Buffer }).data)).toBe(true);
    expect(parseJobRequest({ model: 'kontext-max', prompt: 'x', image: { ref: 'r1' } }).output_format).toBe('png');
  });

  it('takes every image source the editor sends', () => {
    expect(parseJobRequest({ model: 'fill', image: { ref: 'abc' } }).image).toEqual({ ref: 'abc' });
    expect(parseJobRequest({ model: 'fill', image: { job: 'job_1-2' } }).image).toEqual({ job: 'job_1-2' });
    const refs = parseJobRequest({
      model: 'flux-2-pro',
      prompt: 'x',
      image: { ref: 'a' },
      references: [{ ref: 'b' }, { data: png, mime: 'image/png' }],
    }).references;
    expect(refs[0]).toEqual({ ref: 'b' });
    expect(Buffer.isBuffer((refs[1] as { data: Buffer }).data)).toBe(true);
  });

  it('a raw mask becomes bytes of exactly width x height', () => {
    const req = parseJobRequest({
      model: 'fill',
      image: { ref: 'a' },
      mask: { format: 'raw', width: 2, height: 2, data: Buffer.from([0, 255, 128, 0]).toString('base64') },
    });
    expect(req.mask).toEqual({ width: 2, height: 2, data: Buffer.from([0, 255, 128, 0]) });
  });

  it.each([
    [{ model: 'fill', image: 'not an object' }, 'image: must name a picture of the chat ("ref")'],
    [{ model: 'fill', image: { data: '@@' } }, 'image.data: must be base64'],
    [{ model: 'fill', image: { job: '../etc' } }, 'image.job: not a job id'],
    [{ model: 'fill', image: { ref: 'a' }, mask: 42 }, 'mask: must be a base64 PNG'],
    [{ model: 'fill', image: { ref: 'a' }, mask: { format: 'raw', width: 0, height: 2, data: 'AA==' } }, 'mask.width'],
    [{ model: 'fill', image: { ref: 'a' }, mask: { format: 'png', width: 1, height: 1, data: 'AA==' } }, 'mask.format'],
    [
      {
        model: 'flux-2-klein-4b',
        prompt: 'x',
        image: { ref: 'a' },
        references: [{ ref: 'b' }, { ref: 'c' }, { ref: 'd' }, { ref: 'e' }],
      },
      'references: FLUX.2 [klein] 4B takes at most 3',
    ],
    [
      { model: 'flux-2-pro', prompt: 'x', image: { ref: 'a' }, references: [{ job: 'j' }] },
      'references.0: must name a picture of the chat ("ref") or carry the picture',
    ],
    [{ model: 'flux-2-pro', image: { ref: 'a' }, prompt: '   ' }, 'prompt: FLUX.2 [pro] needs an instruction'],
    [{ model: 'fill', image: { ref: 'a' }, params: { steps: 5 } }, 'params.steps: must be between 15 and 50.'],
    [
      { model: 'kontext-pro', prompt: 'x', image: { ref: 'a' }, output_format: 'webp' },
      'output_format: FLUX.1 Kontext [pro] cannot give webp; choose one of png, jpeg.',
    ],
    [
      { model: 'kontext-pro', prompt: 'x', image: { ref: 'a' }, params: { aspect_ratio: '32:9' } },
      'params.aspect_ratio: must be one of match, 21:9',
    ],
    [
      { model: 'flux-2-flex', prompt: 'x', image: { ref: 'a' }, params: { prompt_upsampling: 'yes' } },
      'params.prompt_upsampling: expected boolean.',
    ],
    [{ model: 'fill', image: { ref: 'a' }, params: { seed: 1.5 } }, 'params.seed: must be a whole number.'],
  ])('%j -> "%s"', (raw, message) => {
    let caught: unknown;
    try {
      parseJobRequest(raw);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('invalid_request');
    expect((caught as AppError).status).toBe(400);
    expect((caught as AppError).message).toContain(message);
    // Words, not a dump of zod's internals.
    expect((caught as AppError).message).not.toMatch(/"code"|invalid_union|\[\{/);
    // Every rule is a catalogue entry, so a chat status or the editor says it in the reader's language.
    expect((caught as AppError).text?.key).toMatch(/^invalid_request\./);
    expect((caught as AppError).text?.key).not.toBe('invalid_request.rule');
  });

  it("says a model rule in the reader's language, with its values filled", () => {
    const refuse = (raw: unknown) => {
      try {
        parseJobRequest(raw);
      } catch (err) {
        return err as AppError;
      }
      throw new Error('accepted');
    };
    const de = translator('de');
    expect(localizeError(refuse({ model: 'fill', image: { ref: 'a' }, params: { steps: 5 } }), de)).toBe(
      'params.steps: muss zwischen 15 und 50 liegen.',
    );
    expect(localizeError(refuse({ model: 'flux-2-pro', image: { ref: 'a' }, prompt: ' ' }), de)).toBe(
      'prompt: FLUX.2 [pro] braucht eine Anweisung: Schreiben Sie, was sich im Bild ändern soll.',
    );
    const ja = translator('ja');
    expect(localizeError(refuse({ model: 'fill', image: { ref: 'a' }, params: { finetune_id: 'a b' } }), ja)).toContain(
      'params.finetune_id: BFL ダッシュボード',
    );
    expect(localizeError(refuse({ model: 'erase', image: { ref: 'a' }, params: { steps: 20 } }), ja)).toBe(
      'params: FLUX Erase にはフィールド steps がありません。',
    );
  });

  it('refuses what the chosen model would refuse, in words, before any job exists', () => {
    const png = { ref: 'r1' };
    expect(() => parseJobRequest({ model: 'fill', image: png, output_format: 'jpeg', params: { steps: 5 } })).toThrow(
      expect.objectContaining({ code: 'invalid_request', message: 'params.steps: must be between 15 and 50.' }),
    );
    expect(() =>
      parseJobRequest({ model: 'flux-2-pro', prompt: 'x', image: png, params: { safety_tolerance: 6 } }),
    ).toThrow('params.safety_tolerance: must be between 0 and 5.');
    // One fault at a time, the first: the next one is said once it is fixed.
    expect(() =>
      parseJobRequest({
        model: 'kontext-pro',
        prompt: ' ',
        image: png,
        references: [png, png, png, png],
        output_format: 'webp',
      }),
    ).toThrow(/^prompt: FLUX.1 Kontext \[pro\] needs an instruction: write what should change in the picture\.$/);
    expect(() => parseJobRequest({ model: 'expand', image: png, params: { top: 8 } })).not.toThrow();
  });

  it('is the only maker of the job spec the engine runs, with the pictures resolved by the caller', async () => {
    const image = Buffer.from('picture');
    const req = parseJobRequest({
      model: 'kontext-pro',
      prompt: 'a hat',
      image: { ref: 'r1' },
      references: [{ ref: 'r2' }],
    });
    const asked: string[] = [];
    const spec: JobSpec = await toCreateJobInput(
      req,
      (source, field) => {
        asked.push(`${field}:${'ref' in source ? source.ref : '?'}`);
        return image;
      },
      { provider: 'local', owner: 'standalone' },
    );
    expect(asked).toEqual(['image:r1', 'references.0:r2']);
    expect(spec).toMatchObject({ model: 'kontext-pro', prompt: 'a hat', outputFormat: 'png', maskedOnly: true });
    const handMade: CreateJobInput = { ...spec };
    // @ts-expect-error an input made by hand never went through the parser: the engine does not take it
    const unchecked: JobSpec = handMade;
    expect(unchecked).toBe(handMade);
  });

  it('is a zod schema the editor side can run as it is', () => {
    expect(jobRequestSchema.safeParse({ model: 'expand', image: { ref: 'a' }, params: { top: 64 } }).success).toBe(
      true,
    );
  });
});

describe('blend and FLUX inputs', () => {
  it('blendByMask keeps mask-0 pixels, takes mask-255 pixels and mixes the rest, for any channel count', () => {
    const original = new Uint8Array([10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 255]);
    const edited = new Uint8Array([200, 200, 200, 0, 200, 200, 200, 0, 200, 200, 200, 0]);
    const out = blendByMask(original, edited, new Uint8Array([0, 255, 128]), 4);
    expect([...out.subarray(0, 4)]).toEqual([10, 20, 30, 255]);
    expect([...out.subarray(4, 8)]).toEqual([200, 200, 200, 0]);
    expect([...out.subarray(8, 12)]).toEqual([105, 110, 115, 127]);
    expect(() => blendByMask(original, edited, new Uint8Array(2), 4)).toThrow(RangeError);
  });

  it('blendIntoOriginal brings a result of another size back to the original and keeps its alpha outside the mask', async () => {
    const rgba = Buffer.alloc(8 * 6 * 4);
    for (let p = 0; p < 48; p++) rgba.set([p, 2 * p, 100, p % 2 ? 255 : 0], p * 4);
    const original = await sharp(rgba, { raw: { width: 8, height: 6, channels: 4 } })
      .png()
      .toBuffer();
    const result = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    const maskRaw = Buffer.alloc(48);
    maskRaw.fill(255, 24);
    const mask = await sharp(maskRaw, { raw: { width: 8, height: 6, channels: 1 } })
      .png()
      .toBuffer();
    const out = await blendIntoOriginal(original, result, mask, 'png');
    expect(out.mime).toBe('image/png');
    const { data, info } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([8, 6, 4]);
    expect(Buffer.compare(data.subarray(0, 24 * 4), rgba.subarray(0, 24 * 4))).toBe(0);
    expect([...data.subarray(24 * 4, 24 * 4 + 4)]).toEqual([255, 0, 0, 255]);
  });

  it('blendIntoOriginal to jpeg puts transparent parts of the original on white', async () => {
    const clear = await sharp({
      create: { width: 4, height: 4, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const result = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#00ff00' } })
      .png()
      .toBuffer();
    const mask = await sharp(Buffer.alloc(16), { raw: { width: 4, height: 4, channels: 1 } })
      .png()
      .toBuffer();
    const out = await blendIntoOriginal(clear, result, mask, 'jpeg');
    expect(out.mime).toBe('image/jpeg');
    const { data } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(245);
  });

  it('fitForFlux leaves small opaque pictures as they are, flattens alpha, and scales to the megapixel limit', async () => {
    const opaque = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect(await fitForFlux(opaque, { flattenAlpha: true, maxMegapixels: 4 })).toBe(opaque);
    const clear = await sharp({
      create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    expect((await sharp(await fitForFlux(clear, { flattenAlpha: true })).metadata()).hasAlpha).toBe(false);
    const large = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const meta = await sharp(await fitForFlux(large, { maxMegapixels: 1 })).metadata();
    expect(meta.width! * meta.height!).toBeLessThanOrEqual(1_000_000);
    expect(meta.width! / meta.height!).toBeCloseTo(2, 2);
  });
});
