import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Paths pino censors in every log line. Keys and tokens must never reach a log file, and base64 images
 * would bury the lines people actually read.
 */
const REDACT_PATHS = [
  'apiKey',
  '*.apiKey',
  'key',
  '*.key',
  'token',
  '*.token',
  'FLUX_API_KEY',
  '*.FLUX_API_KEY',
  '*.*.FLUX_API_KEY',
  'SIDECAR_TOKEN',
  '*.SIDECAR_TOKEN',
  '*.*.SIDECAR_TOKEN',
  'req.headers.authorization',
  'req.headers["x-key"]',
  'headers.authorization',
  'headers["x-key"]',
  'image',
  '*.image',
  'mask',
  '*.mask',
  'data',
  '*.data',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { name: 'flux-inpaint' },
  };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return destination ? pino(loggerOptions(level), destination as pino.DestinationStream) : pino(loggerOptions(level));
}
