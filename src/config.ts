import { z } from 'zod';
import { PROVIDERS } from './wire/editor.js';

const intFromEnv = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const urlList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i,
          'each entry must look like https://host, https://*.domain or http://127.0.0.1:port',
        ),
    ),
  );

/**
 * Everything the sidecar reads from the environment, validated once at start. A wrong value stops the start
 * with one line naming the variable, so nobody debugs a half-configured server.
 */
const envSchema = z.object({
  FLUX_INPAINT_HOST: z.string().min(1).default('127.0.0.1'),
  FLUX_INPAINT_PORT: intFromEnv(0, 65535).default(8787),
  FLUX_INPAINT_DATA_DIR: z.string().min(1).default('./data'),
  FLUX_INPAINT_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  FLUX_INPAINT_PROVIDER: z.enum(['auto', ...PROVIDERS]).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FLUX_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.bfl.ai/v1'),
  FLUX_API_KEY: z.string().min(1).optional(),
  // Empty: any https host on a public address (BFL changes its delivery hosts without notice). Set, a strict list.
  FLUX_INPAINT_RESULT_HOSTS: urlList.default([]),
  FLUX_INPAINT_PRIVATE_ORIGINS: urlList.default([]),
  FLUX_INPAINT_MAX_ACTIVE_TASKS: intFromEnv(1, 24).default(8),
  FLUX_INPAINT_RATE_LIMIT: intFromEnv(0, 10_000).default(30),
  FLUX_INPAINT_CHALLENGE_LIMIT: intFromEnv(0, 100_000).default(600),
  FLUX_INPAINT_MAX_IMAGE_MB: intFromEnv(1, 100).default(20),
  FLUX_INPAINT_MAX_IMAGE_MP: intFromEnv(1, 100).default(40),
  FLUX_INPAINT_MAX_RESULT_MB: intFromEnv(1, 200).default(50),
  FLUX_INPAINT_POLL_INTERVAL_S: z.coerce
    .number({ error: 'must be a number of seconds' })
    .positive({ error: 'must be more than 0 seconds' })
    .max(30, { error: 'must be at most 30 seconds' })
    .default(2),
  FLUX_INPAINT_MAX_POLL_ATTEMPTS: intFromEnv(1, 10_000).default(60),
  FLUX_INPAINT_RETRY_BASE_S: z.coerce
    .number({ error: 'must be a number of seconds' })
    .positive({ error: 'must be more than 0 seconds' })
    .max(15, { error: 'must be at most 15 seconds' })
    .default(0.5),
  FLUX_INPAINT_KEEP_RESULTS_DAYS: intFromEnv(0, 3650).default(30),
  FLUX_INPAINT_LOCAL_WORKERS: intFromEnv(1, 16).default(1),
  FLUX_INPAINT_LOCAL_MODEL: z.string().min(1).optional(),
  FLUX_INPAINT_MODEL_TIMEOUT_S: z.coerce
    .number({ error: 'must be a number of seconds' })
    .positive({ error: 'must be more than 0 seconds' })
    .max(3600, { error: 'must be at most 3600 seconds' })
    .default(120),
});

type Env = z.infer<typeof envSchema>;

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** Undefined until resolved by token.ts (env or the stored token file). */
  token: string | undefined;
  provider: 'auto' | 'bfl' | 'local';
  logLevel: Env['LOG_LEVEL'];
  flux: { apiUrl: string; apiKey: string | undefined };
  /** A strict list of result hosts; empty = any https host on a public address. */
  resultHosts: string[];
  /** Origins on private addresses that chat image links may still load from (SSRF guard exemptions). */
  privateOrigins: string[];
  limits: {
    maxActiveTasks: number;
    /** New jobs and Inpaint sessions per user and minute; 0 turns the limit off. */
    ratePerMinute: number;
    /** Session challenges per client address and minute (the Open WebUI server asks for all its users); 0: off. */
    challengesPerMinute: number;
    maxImageBytes: number;
    maxImagePixels: number;
    maxResultBytes: number;
  };
  polling: { intervalMs: number; maxAttempts: number };
  /** First backoff before a failed FLUX request is retried; each further retry may wait twice as long. */
  retryBaseMs: number;
  keepResultsDays: number;
  localWorkers: number;
  /** An ONNX inpainting model for the local provider's Fill, and how long one run may take. */
  localModel: { path: string; timeoutMs: number } | undefined;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in env files mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const value = env[name];
    const shown = name.includes('KEY') || name.includes('TOKEN') ? '(hidden)' : JSON.stringify(value);
    throw new ConfigError(`Invalid ${name}=${shown}: ${issue.message}`);
  }
  const e = parsed.data;
  if (!isLoopback(e.FLUX_INPAINT_HOST) && !e.FLUX_INPAINT_TOKEN) {
    throw new ConfigError(
      `Invalid FLUX_INPAINT_HOST=${JSON.stringify(e.FLUX_INPAINT_HOST)}: listening beyond this machine needs FLUX_INPAINT_TOKEN set explicitly (at least 16 characters).`,
    );
  }
  return {
    host: e.FLUX_INPAINT_HOST,
    port: e.FLUX_INPAINT_PORT,
    dataDir: e.FLUX_INPAINT_DATA_DIR,
    token: e.FLUX_INPAINT_TOKEN,
    provider: e.FLUX_INPAINT_PROVIDER,
    logLevel: e.LOG_LEVEL,
    flux: { apiUrl: e.FLUX_API_URL.replace(/\/+$/, ''), apiKey: e.FLUX_API_KEY },
    resultHosts: e.FLUX_INPAINT_RESULT_HOSTS,
    privateOrigins: e.FLUX_INPAINT_PRIVATE_ORIGINS,
    limits: {
      maxActiveTasks: e.FLUX_INPAINT_MAX_ACTIVE_TASKS,
      ratePerMinute: e.FLUX_INPAINT_RATE_LIMIT,
      challengesPerMinute: e.FLUX_INPAINT_CHALLENGE_LIMIT,
      maxImageBytes: e.FLUX_INPAINT_MAX_IMAGE_MB * 1024 * 1024,
      maxImagePixels: e.FLUX_INPAINT_MAX_IMAGE_MP * 1_000_000,
      maxResultBytes: e.FLUX_INPAINT_MAX_RESULT_MB * 1024 * 1024,
    },
    polling: { intervalMs: e.FLUX_INPAINT_POLL_INTERVAL_S * 1000, maxAttempts: e.FLUX_INPAINT_MAX_POLL_ATTEMPTS },
    retryBaseMs: e.FLUX_INPAINT_RETRY_BASE_S * 1000,
    keepResultsDays: e.FLUX_INPAINT_KEEP_RESULTS_DAYS,
    localWorkers: e.FLUX_INPAINT_LOCAL_WORKERS,
    localModel: e.FLUX_INPAINT_LOCAL_MODEL
      ? { path: e.FLUX_INPAINT_LOCAL_MODEL, timeoutMs: e.FLUX_INPAINT_MODEL_TIMEOUT_S * 1000 }
      : undefined,
  };
}

/** Names of every variable the config accepts, for docs and deployment checks. */
export const ENV_NAMES = Object.keys(envSchema.shape) as Array<keyof Env>;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
