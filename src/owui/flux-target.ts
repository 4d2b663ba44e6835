import type { Config } from '../config.js';
import type { FluxAccess } from '../providers/provider.js';
import { appError } from '../errors.js';
import type { Valves } from './schemas.js';

/**
 * Where a chat's job goes and how long it may take: the admin's valves, over the sidecar's own settings. An
 * empty FLUX_API_KEY means the sidecar's own key, as the valve's description promises.
 */
export function fluxTarget(valves: Valves, config: Config): FluxAccess {
  const apiKey = valves.FLUX_API_KEY || config.flux.apiKey;
  if (!apiKey) throw appError('flux_key_missing');
  return {
    apiUrl: valves.FLUX_API_URL.replace(/\/+$/, ''),
    apiKey,
    polling: { intervalMs: valves.POLL_INTERVAL * 1000, maxAttempts: valves.MAX_POLL_ATTEMPTS },
  };
}

/** Jobs of an Open WebUI user: reported into their chats, and found again at their next click (recovery.ts). */
export const owuiOwner = (userId: string): string => `owui:${userId}`;
