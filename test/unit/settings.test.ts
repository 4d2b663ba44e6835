import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorSettingsSchema, MAX_SETTINGS_BYTES } from '../../src/settings/schema.js';
import { SettingsStore } from '../../src/settings/store.js';

const fresh = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'flux-settings-'));
  return { dir, store: await SettingsStore.open(dir) };
};

const GOOD = {
  model: 'expand',
  fields: { fill: { steps: 30, guidance: 20.5 }, expand: { steps: 40 }, 'kontext-pro': { aspect_ratio: '16:9' } },
  output_format: 'png',
  brush_size: 64,
  brush_hardness: 0.4,
  overlay_colour: '#00ff88',
  overlay_opacity: 0.7,
  crop_ratio: '16:9',
  masked_only: false,
} as const;

describe('editorSettingsSchema', () => {
  it('keeps the remembered tool settings', () => {
    expect(editorSettingsSchema.parse(GOOD)).toEqual(GOOD);
  });

  it('never keeps prompts, pictures, keys or anything else it does not know', () => {
    const parsed = editorSettingsSchema.parse({
      ...GOOD,
      prompt: 'secret',
      image: 'AAAA',
      FLUX_API_KEY: 'k',
      token: 't',
      __proto__x: 1,
    });
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(GOOD).sort());
  });

  it('drops single bad values (a retired model, an out-of-range field) and keeps the rest', () => {
    const parsed = editorSettingsSchema.parse({
      ...GOOD,
      model: 'sdxl',
      fields: {
        fill: { steps: 500, guidance: 20 },
        sdxl: { steps: 20 },
        expand: { top: 4096, steps: 20.5 },
        'kontext-max': { aspect_ratio: '5:1', steps: 3 },
      },
      brush_size: 0,
      overlay_colour: 'red;background:url(x)',
      crop_ratio: '5:4',
      masked_only: 'yes',
    });
    expect(parsed).toEqual({
      fields: { fill: { guidance: 20 } },
      output_format: 'png',
      brush_hardness: 0.4,
      overlay_opacity: 0.7,
    });
  });

  it('refuses what is not an object, and anything over the size cap', () => {
    for (const bad of [null, 'x', 3, [], true])
      expect(editorSettingsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    const huge = { ...GOOD, padding: 'x'.repeat(MAX_SETTINGS_BYTES) };
    expect(editorSettingsSchema.safeParse(huge).success).toBe(false);
  });
});

describe('SettingsStore', () => {
  it('returns null for a user with nothing stored, then what was put, per user', async () => {
    const { store } = await fresh();
    expect(await store.get('alice')).toBeNull();
    await store.put('alice', GOOD);
    await store.put('bob', { brush_size: 12 });
    expect(await store.get('alice')).toEqual(GOOD);
    expect(await store.get('bob')).toEqual({ brush_size: 12 });
    await store.put('alice', {});
    expect(await store.get('alice')).toEqual({});
  });

  it('survives reopening (the data is on disk), written atomically with no temp files left', async () => {
    const { dir, store } = await fresh();
    await store.put('user-1', GOOD);
    const again = await SettingsStore.open(dir);
    expect(await again.get('user-1')).toEqual(GOOD);
    const files = await readdir(join(dir, 'settings'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
  });

  it('names files by a hash, so hostile ids cannot leave the settings folder', async () => {
    const { dir, store } = await fresh();
    for (const id of ['../../etc/passwd', '/abs/path', 'a\0b', '..', 'CON', 'x'.repeat(200)])
      await store.put(id, { brush_size: 5 });
    const files = await readdir(join(dir, 'settings'));
    expect(files).toHaveLength(6);
    expect(files.every((f) => /^[0-9a-f]{64}\.json$/.test(f))).toBe(true);
    expect(await readdir(dir)).toEqual(['settings']);
    expect(await store.get('../../etc/passwd')).toEqual({ brush_size: 5 });
  });

  it('refuses empty or oversized user ids and invalid settings with clear codes', async () => {
    const { store } = await fresh();
    await expect(store.put('', GOOD)).rejects.toMatchObject({ code: 'user_invalid', status: 400 });
    await expect(store.get('x'.repeat(201))).rejects.toMatchObject({ code: 'user_invalid' });
    await expect(store.put('alice', 'not settings')).rejects.toMatchObject({ code: 'settings_invalid', status: 400 });
    await expect(store.put('alice', { padding: 'x'.repeat(MAX_SETTINGS_BYTES) })).rejects.toMatchObject({
      code: 'settings_invalid',
    });
    expect(await store.get('alice')).toBeNull();
  });

  it('stores only what the schema keeps', async () => {
    const { dir, store } = await fresh();
    await store.put('alice', { ...GOOD, prompt: 'my secret prompt' });
    const [file] = await readdir(join(dir, 'settings'));
    expect(await readFile(join(dir, 'settings', file!), 'utf8')).not.toContain('secret');
  });

  it('a damaged file gives the defaults (null) instead of an error, and the next put repairs it', async () => {
    const { dir, store } = await fresh();
    await store.put('alice', GOOD);
    const [file] = await readdir(join(dir, 'settings'));
    await writeFile(join(dir, 'settings', file!), '{"model": "fill", "brush_');
    expect(await store.get('alice')).toBeNull();
    await store.put('alice', { brush_size: 9 });
    expect(await store.get('alice')).toEqual({ brush_size: 9 });
  });

  it('a settings folder that is not writable reports data_dir_not_writable', async () => {
    const { dir, store } = await fresh();
    // A file where the folder should be fails for root too, unlike a chmod.
    await rm(join(dir, 'settings'), { recursive: true });
    await writeFile(join(dir, 'settings'), 'not a folder');
    const err = await store.put('alice', GOOD).catch((e: unknown) => e as Error);
    expect(err).toMatchObject({ code: 'data_dir_not_writable' });
    // The editor shows this message: it says what to do, never where the server keeps its files.
    expect((err as Error).message).not.toContain(dir);
  });
});
