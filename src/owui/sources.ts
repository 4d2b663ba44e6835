import sharp from '../images/vips.js';
import { type AppError, appError, toAppError } from '../errors.js';
import { inspectImage, type ImageLimits } from '../images/prepare.js';
import type { OpChannel } from './channel.js';
import type { FoundImage } from './images.js';

export interface SourceImage {
  ref: string;
  label: string;
  bytes: Buffer;
  width: number;
  height: number;
  /** data: URL, at most PREVIEW_MAX px on the long side, for painting on. */
  preview: string;
}

export const PREVIEW_MAX = 1600;

interface SourceLoader {
  /** Open WebUI's own URLs go through the function (it has the user's access rights); others are fetched here. */
  read(url: string): Promise<{ bytes: Buffer; mime: string }>;
}

export function channelLoader(
  channel: OpChannel,
  fetchExternal: (url: string) => Promise<{ bytes: Buffer; mime: string }>,
): SourceLoader {
  return {
    async read(url) {
      if (/^https?:\/\//i.test(url)) return fetchExternal(url);
      if (url.startsWith('data:')) return decodeDataUrl(url);
      const reply = await channel.request({ op: 'read_image', url }, 60_000);
      if (typeof reply.data !== 'string') throw appError('owui_invalid.no_data');
      return { bytes: Buffer.from(reply.data, 'base64'), mime: String(reply.mime ?? '') };
    },
  };
}

function decodeDataUrl(url: string): { bytes: Buffer; mime: string } {
  const m = /^data:(image\/[\w.+-]+)?(;[^,]*)?,(.*)$/s.exec(url);
  if (!m || !(m[2] ?? '').includes('base64')) {
    throw appError('image_unreadable.data_url');
  }
  return { bytes: Buffer.from(m[3]!, 'base64'), mime: m[1] ?? '' };
}

/** Loads the candidates (newest first); those that fail are reported, not fatal. */
export async function loadSources(
  found: FoundImage[],
  loader: SourceLoader,
  limits: ImageLimits,
  max = 4,
): Promise<{ sources: SourceImage[]; failures: Array<{ label: string; error: AppError }> }> {
  const sources: SourceImage[] = [];
  const failures: Array<{ label: string; error: AppError }> = [];
  for (const f of found.slice(0, max)) {
    try {
      const { bytes } = await loader.read(f.url);
      sources.push(await toSource(`i${sources.length}`, f.label, bytes, limits));
    } catch (err) {
      failures.push({ label: f.label, error: toAppError(err) });
    }
  }
  return { sources, failures };
}

async function toSource(ref: string, label: string, bytes: Buffer, limits: ImageLimits): Promise<SourceImage> {
  const info = await inspectImage(bytes, limits);
  const pipeline = sharp(bytes, { limitInputPixels: limits.maxImagePixels })
    .rotate()
    .resize(PREVIEW_MAX, PREVIEW_MAX, { fit: 'inside', withoutEnlargement: true });
  const meta = await sharp(bytes).metadata();
  // Keep transparency visible in the preview; JPEG keeps the chat round trips small for photos.
  const preview = meta.hasAlpha
    ? `data:image/png;base64,${(await pipeline.png().toBuffer()).toString('base64')}`
    : `data:image/jpeg;base64,${(await pipeline.jpeg({ quality: 85 }).toBuffer()).toString('base64')}`;
  return { ref, label, bytes, width: info.width, height: info.height, preview };
}
