import { resolve } from 'node:path';
import closeWithGrace from 'close-with-grace';
import { HELP, parseCli } from './cli.js';
import { ConfigError, loadConfig } from './config.js';
import { isAppError } from './errors.js';
import { createLogger } from './log.js';
import { startSidecar } from './server.js';

async function main(): Promise<void> {
  let cli: ReturnType<typeof parseCli>;
  try {
    cli = parseCli(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (cli.help) {
    process.stdout.write(HELP);
    return;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(cli.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`flux-inpaint: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let sidecar: Awaited<ReturnType<typeof startSidecar>>;
  try {
    sidecar = await startSidecar(config, logger);
  } catch (err) {
    const message = isAppError(err) || (err as NodeJS.ErrnoException).code ? (err as Error).message : String(err);
    // Storage errors never name a path (editors show them too); the person starting the sidecar needs it.
    const storage = isAppError(err) && ['disk_full', 'data_dir_not_writable', 'storage_error'].includes(err.code);
    const where = storage ? ` (data dir: ${resolve(config.dataDir)})` : '';
    process.stderr.write(`flux-inpaint: cannot start: ${message}${where}\n`);
    process.exit(1);
  }
  const { url, token, tokenGenerated, providers } = sidecar;
  // Printed, not logged: the token must not end up in log collectors, but the person starting it needs it.
  process.stdout.write(
    `${[
      `flux-inpaint ${url} (providers: ${providers.join(', ')})`,
      `  Editor:  ${url}/#token=${token}`,
      tokenGenerated
        ? `  Token (new, stored in ${config.dataDir}/token): ${token}\n  Put it in the SIDECAR_TOKEN valve of the FLUX Inpaint function in Open WebUI.`
        : '',
      '',
    ]
      .filter((l) => l !== '')
      .join('\n')}\n`,
  );
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info({ signal }, 'shutting down; unfinished jobs resume on the next start');
    await sidecar.close();
  });
}

void main();
