import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** What `npm start` runs; test/setup/build.ts builds it once before the tests. */
const SIDECAR = [join(ROOT, 'dist', 'main.mjs')];

export interface SidecarProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Waits for the process to exit, killing it with the signal first. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs the built sidecar as `npm start` does, waiting for its address line. */
export async function spawnSidecar(
  env: Record<string, string>,
  args: string[] = [],
  opts: { startTimeoutMs?: number } = {},
): Promise<SidecarProcess> {
  const child = spawn(process.execPath, [...SIDECAR, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sidecar did not start:\n${out}`));
    }, opts.startTimeoutMs ?? 20_000);
    const check = () => {
      const m = /^flux-inpaint (http:\/\/\S+)/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sidecar exited with ${code}:\n${out}`));
    });
  });
  return {
    child,
    url,
    output: () => out,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** Runs the sidecar expecting it to fail at start; resolves with its exit code and output. */
export function runSidecarExpectingFailure(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SIDECAR, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    // A sidecar that hangs instead of failing must not outlive the test.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: out });
    });
  });
}
