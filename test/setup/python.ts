import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** Measures the event loop's lag, so it runs alone after Vitest (see `npm test` in package.json). */
const LAG_TEST = 'python-shim/tests/test_event_loop.py';

/**
 * With FLUX_INPAINT_TEST_PY=1 (`npm test` sets it), the function's tests run beside Vitest's files, after the
 * build the other setup makes. They mostly wait on sockets and timeouts, so two busy cores hardly slow them, and
 * `npm test` does not wait for them on their own. Their output is printed when Vitest is done; a failure fails
 * the run.
 */
export default function setup(): (() => Promise<void>) | undefined {
  if (process.env.FLUX_INPAINT_TEST_PY !== '1') return undefined;
  const pytest = spawn('python3', ['-m', 'pytest', '-q', 'python-shim/tests', '--ignore', LAG_TEST], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: Buffer[] = [];
  pytest.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  pytest.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  pytest.on('error', (err) => output.push(Buffer.from(`python3 could not start: ${err.message}\n`)));
  const exited = once(pytest, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  return async () => {
    const [code, signal] = await exited;
    process.stdout.write(`\nThe function's tests (pytest, beside Vitest):\n${Buffer.concat(output).toString()}`);
    if (code === 0) return;
    // Vitest only logs an error thrown here; the exit code is what fails `npm test`.
    process.stdout.write(`The function's tests failed (pytest ${signal ?? `exit ${code}`}): see above.\n`);
    process.exitCode = 1;
  };
}
