/**
 * `npm run download-model -- lama [--to models]`: fetches an inpainting model for the local provider, with a
 * progress bar, and keeps it only if its SHA-256 matches. The sidecar itself never downloads anything.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MODELS } from './catalogue.js';
import { download } from './download.js';

const argsSchema = z.object({
  model: z.enum(Object.keys(MODELS) as [keyof typeof MODELS], {
    error: `name a model: ${Object.keys(MODELS).join(' or ')}`,
  }),
  to: z.string().min(1).default('models'),
});

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { to: { type: 'string' } }, allowPositionals: true });
  const parsed = argsSchema.safeParse({ model: positionals[0], to: values.to });
  if (!parsed.success) {
    process.stderr.write(
      `download-model: ${parsed.error.issues[0]!.message}\nUsage: npm run download-model -- lama|migan [--to <folder>]\n`,
    );
    process.exit(2);
  }
  const source = MODELS[parsed.data.model];
  process.stderr.write(`Downloading ${source.url}\n`);
  try {
    const file = await download(source, parsed.data.to);
    process.stdout.write(
      `Checked (SHA-256 ${source.sha256}). Start the sidecar with:\nFLUX_INPAINT_LOCAL_MODEL=${file}\n`,
    );
  } catch (err) {
    process.stderr.write(`\ndownload-model: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

await main();
