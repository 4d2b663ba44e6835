/**
 * Times the local provider's Fill on a 1024x1024 picture with a round mask over 10 % of it, the size of a
 * typical edit. Run: npx tsx bench/local.ts (exit code 1 when slower than the target).
 */
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { createLocalProvider } from '../src/providers/local/provider.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
  pass: boolean;
  /** Context for reading the number: CPU time spent and the machine's load, which inflates wall time. */
  detail: string;
}

const TARGET_MS = 2000;

/** Smooth colour gradients: the kind of content classical inpainting reconstructs well. */
export async function smoothImage(width: number, height: number): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = Math.round(128 + 100 * Math.sin(2 * Math.PI * 0.7 * (x / width) + 0.5));
      data[i + 1] = Math.round(40 + 180 * (y / height));
      data[i + 2] = Math.round(128 + 90 * Math.cos(2 * Math.PI * ((x + y) / (width + height))));
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A white disc covering `fraction` of the picture, centred at (cx, cy) given as fractions. */
export async function circleMask(width: number, height: number, fraction: number, cx = 0.5, cy = 0.5): Promise<Buffer> {
  const data = Buffer.alloc(width * height);
  const radius = Math.sqrt((fraction * width * height) / Math.PI);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (Math.hypot(x + 0.5 - cx * width, y + 0.5 - cy * height) <= radius) data[y * width + x] = 255;
    }
  }
  return sharp(data, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}

/**
 * One Fill as a user's first edit after a start sees it: the worker thread is up (the provider starts one
 * ahead of time), its compiled code is not yet optimised by the JIT.
 */
export async function benchLocal(): Promise<BenchResult> {
  const size = 1024;
  const [image, mask] = await Promise.all([smoothImage(size, size), circleMask(size, size, 0.1)]);
  const provider = createLocalProvider({ workers: 1 });
  const fill = (img: Buffer, msk: Buffer) =>
    provider.run(
      { model: 'fill', prompt: '', image: img, mask: msk, params: {}, outputFormat: 'jpeg' },
      {
        signal: new AbortController().signal,
        progress: () => {},
        submitting: async () => {},
        notSent: async () => {},
        warn: () => {},
        checkpoint: async () => {},
        resume: undefined,
      },
    );
  try {
    await fill(await smoothImage(32, 32), await circleMask(32, 32, 0.1));
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await fill(image, mask);
    const value = Math.round(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    const detail = `${Math.round((cpu.user + cpu.system) / 1000)} ms CPU, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
    return {
      name: 'local fill 1024x1024, 10 % mask',
      value,
      unit: 'ms',
      target: TARGET_MS,
      pass: value <= TARGET_MS,
      detail,
    };
  } finally {
    await provider.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchLocal();
  console.log(
    `${result.name}: ${result.value} ${result.unit} (target <= ${result.target} ${result.unit}; ${result.detail}) ${result.pass ? 'PASS' : 'FAIL'}`,
  );
  process.exitCode = result.pass ? 0 : 1;
}
