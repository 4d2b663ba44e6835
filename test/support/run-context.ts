import type { AppError } from '../../src/errors.js';
import type { RunContext } from '../../src/providers/provider.js';

/** A job's context for calling a provider directly: no journal, progress dropped, warnings to `warn`. */
export function runContext(warn: (note: AppError) => void): RunContext {
  return {
    signal: new AbortController().signal,
    progress: () => {},
    submitting: async () => {},
    notSent: async () => {},
    warn,
    checkpoint: async () => {},
    resume: undefined,
  };
}

/** For runs that must not warn: a warning fails them. */
export function strictContext(): RunContext {
  return runContext((note) => {
    throw new Error(note.message);
  });
}
