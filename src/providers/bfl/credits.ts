import type { FluxClient } from './client.js';
import type { ModelName } from '../../catalogue/models.js';

/**
 * The least a job costs, in credits (1 credit = $0.01), from BFL's pricing page (docs.bfl.ai/quick_start/pricing):
 * Fill 5, Kontext [pro] 4 and [max] 8 per image; FLUX.2 is billed by the megapixel in and out, so the figure
 * is its 1 MP image-editing price, the floor of what an edit costs. Expand is priced like Fill.
 * The submit answer's `cost` is what is actually charged; this only decides whether to warn beforehand.
 */
const MIN_EXPECTED_CREDITS: Record<ModelName, number> = {
  fill: 5,
  expand: 5,
  'kontext-pro': 4,
  'kontext-max': 8,
  'flux-2-pro': 4.5,
  'flux-2-flex': 10,
  'flux-2-max': 10,
  'flux-2-klein-4b': 1.5,
  'flux-2-klein-9b': 1.7,
};

interface Entry {
  at: number;
  balance: Promise<number>;
}

/**
 * The FLUX balance per API URL and key, asked at most once per `ttlMs`: many jobs sent together share one
 * GET /v1/credits instead of each adding a request before its submit.
 */
export class CreditsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly client: FluxClient,
    private readonly ttlMs = 30_000,
  ) {}

  balance(apiUrl: string, apiKey: string, keyRef: string, signal?: AbortSignal): Promise<number> {
    const id = `${apiUrl} ${keyRef}`;
    const now = Date.now();
    const hit = this.entries.get(id);
    if (hit && now - hit.at < this.ttlMs) return hit.balance;
    for (const [k, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(k);
    const balance = this.client.credits(apiUrl, apiKey, signal);
    // A failed look-up is not kept: the next job asks again. (The caller still gets the rejection.)
    balance.catch(() => {
      if (this.entries.get(id)?.balance === balance) this.entries.delete(id);
    });
    this.entries.set(id, { at: now, balance });
    return balance;
  }
}

/** The note shown on a job when the balance looks too low for it, or undefined when it is fine. */
export function lowBalanceWarning(model: ModelName, label: string, balance: number): string | undefined {
  const needed = MIN_EXPECTED_CREDITS[model];
  if (balance >= needed) return undefined;
  return `Your FLUX balance is ${balance} credits; ${label} costs at least ${needed}. FLUX may refuse the job (402): top up at https://dashboard.bfl.ai/.`;
}
