import { parseArgs } from 'node:util';
import { ENV_NAMES } from './config.js';

const OPTION_ENV = {
  host: 'FLUX_INPAINT_HOST',
  port: 'FLUX_INPAINT_PORT',
  'data-dir': 'FLUX_INPAINT_DATA_DIR',
  provider: 'FLUX_INPAINT_PROVIDER',
} as const;

/** Every other setting, from the config's own list, so the help never misses one. */
const OTHER_VARIABLES = ENV_NAMES.filter((name) => !(Object.values(OPTION_ENV) as string[]).includes(name));

export const HELP = `flux-inpaint: the sidecar of the FLUX Inpaint function for Open WebUI, and a standalone editor.

Usage: flux-inpaint [options]

Options (each also has an environment variable; options win):
  --host <addr>        address to listen on            FLUX_INPAINT_HOST      (default 127.0.0.1)
  --port <n>           port to listen on               FLUX_INPAINT_PORT      (default 8787)
  --data-dir <path>    results, journal and token      FLUX_INPAINT_DATA_DIR  (default ./data)
  --provider <name>    auto | bfl | local              FLUX_INPAINT_PROVIDER  (default auto: bfl with a key, else local)
  -h, --help           show this help

Other settings, as environment variables (README.md explains each):
${OTHER_VARIABLES.map((name) => `  ${name}`).join('\n')}
`;

/** Turns command-line options into the environment variables the config reads, so both paths validate alike. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      provider: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const out: NodeJS.ProcessEnv = { ...env };
  for (const [opt, name] of Object.entries(OPTION_ENV)) {
    const v = values[opt as keyof typeof OPTION_ENV];
    if (typeof v === 'string') out[name] = v;
  }
  return { env: out, help: values.help === true };
}
