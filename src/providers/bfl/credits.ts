import { type AppError, appError } from '../../errors.js';
import { DASHBOARD_URL } from './errors.js';
import type { FluxClient } from './client.js';
import { MODEL_INFO, type ModelName } from '../../catalogue/models.js';

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

/**
 * The note shown on a job when the balance looks too low for it, or undefined when it is fine. The catalogue's
 * minCredits is the least the model costs; the submit answer's `cost` is what is actually charged, so this only
 * decides whether to warn beforehand.
 */
export function lowBalanceWarning(model: ModelName, balance: number, finetuned = false): AppError | undefined {
  const { label, minCredits, finetune } = MODEL_INFO[model];
  const needed = finetuned && finetune ? finetune.minCredits : minCredits;
  if (balance >= needed) return undefined;
  return appError('flux_out_of_credits.low', { balance, model: label, needed, dashboard: DASHBOARD_URL });
}
