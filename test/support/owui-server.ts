import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface OwuiServer {
  proc: ChildProcess;
  url: string;
}

/**
 * Starts the Open WebUI stand-in (python-shim/tests/owui_server.py: the chat page, the server behind it and the
 * real function, as that version of Open WebUI runs it) with the function's valves.
 */
export function startOwuiServer(version: string, valves: Record<string, unknown>): Promise<OwuiServer> {
  const script = join(ROOT, 'python-shim', 'tests', 'owui_server.py');
  const proc = spawn('python3', [script, '--version', version, '--valves', JSON.stringify(valves)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the Open WebUI ${version} stand-in did not start:\n${out}`)),
      30_000,
    );
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /owui at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]! });
      }
    });
  });
}
