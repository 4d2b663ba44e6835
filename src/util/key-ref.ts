import { createHash } from 'node:crypto';

/** The name a FLUX API key goes by in the journal, the logs and the per-key limits: never the key itself. */
export function keyRef(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
