/**
 * The README's before/after pictures of the local provider, made from the photo-like test picture:
 * `npx tsx bench/fill-pictures.ts` writes them to test/.artifacts/pictures/ (git-ignored), to be looked at and
 * copied to docs/screenshots/ by hand. The model fill's picture is made only when FLUX_INPAINT_LOCAL_MODEL is set.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { createLocalProvider } from '../src/providers/local/provider.js';
import { strictContext } from '../test/support/run-context.js';
import { photo } from '../test/support/photo.js';

const OUT = fileURLToPath(new URL('../test/.artifacts/pictures/', import.meta.url));
const W = 960;
const H = 640;
/** Each half of a picture, scaled down to fit the README's width side by side. */
const HALF = 480;

const context = strictContext();

/** The painted area as the editor shows it: the brush colour at half opacity over the picture. */
async function painted(rgb: Uint8Array, mask: Uint8Array): Promise<Buffer> {
  const out = Uint8Array.from(rgb);
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    out[p * 3] = (out[p * 3]! + 255) >> 1;
    out[p * 3 + 1] = (out[p * 3 + 1]! + 45) >> 1;
    out[p * 3 + 2] = (out[p * 3 + 2]! + 111) >> 1;
  }
  return sharp(out, { raw: { width: W, height: H, channels: 3 } })
    .png()
    .toBuffer();
}

async function sideBySide(before: Buffer, after: Buffer, file: string): Promise<void> {
  const [a, b] = await Promise.all(
    [before, after].map((img) => sharp(img).resize({ width: HALF }).toBuffer({ resolveWithObject: true })),
  );
  const height = Math.max(a!.info.height, b!.info.height);
  await sharp({ create: { width: 2 * HALF + 8, height, channels: 3, background: '#ffffff' } })
    .composite([
      { input: a!.data, left: 0, top: 0 },
      { input: b!.data, left: HALF + 8, top: 0 },
    ])
    .png()
    .toFile(`${OUT}${file}`);
  console.log(`${OUT}${file}`);
}

await mkdir(OUT, { recursive: true });
const picture = await photo(W, H);
const mask = Uint8Array.from(picture.masks.ball, (v, i) => v | picture.masks.sign[i]!);
const maskPng = await sharp(mask, { raw: { width: W, height: H, channels: 1 } })
  .png()
  .toBuffer();
const fill = (provider: ReturnType<typeof createLocalProvider>) =>
  provider.run(
    { model: 'fill', prompt: '', image: picture.jpeg, mask: maskPng, params: {}, outputFormat: 'png' },
    context,
  );

const classical = createLocalProvider({ workers: 1 });
try {
  await sideBySide(await painted(picture.rgb, mask), (await fill(classical)).bytes, 'local-fill-classical.png');
  const sides = { left: 160, right: 160, top: 0, bottom: 0 };
  const expanded = await classical.run(
    { model: 'expand', prompt: '', image: picture.jpeg, params: sides, outputFormat: 'png' },
    context,
  );
  await sideBySide(picture.jpeg, expanded.bytes, 'local-expand.png');
} finally {
  await classical.close();
}
const model = process.env.FLUX_INPAINT_LOCAL_MODEL;
if (model) {
  const provider = createLocalProvider({ workers: 1, model: { path: model, timeoutMs: 600_000 } });
  try {
    await sideBySide(await painted(picture.rgb, mask), (await fill(provider)).bytes, 'local-fill-model.png');
  } finally {
    await provider.close();
  }
}
