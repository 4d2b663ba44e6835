import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { download } from '../../src/models/download.js';
import { tinyInpaintModel } from '../support/onnx-model.js';

const model = tinyInpaintModel({ type: 'float32', size: [64, 64], colour: [1, 2, 3] });
const sha256 = createHash('sha256').update(model).digest('hex');
const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));
let server: Server;
let url: string;
let folder: string;

beforeAll(async () => {
  server = createServer((_, res) => {
    res.setHeader('content-length', model.length);
    res.end(model);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/model.onnx`;
  folder = await mkdtemp(join(ARTIFACTS, 'download-'));
});
afterAll(async () => {
  server.close();
  await rm(folder, { recursive: true, force: true });
});

function sink() {
  const written: string[] = [];
  return { written, stream: { write: (s: string) => written.push(s) } };
}

test('keeps a download whose SHA-256 matches, showing its progress up to 100 %', async () => {
  const out = sink();
  const file = await download(
    { url, file: 'ok.onnx', bytes: model.length, sha256, checksumSource: 'test' },
    folder,
    out.stream,
  );
  expect(Buffer.from(await readFile(file)).equals(Buffer.from(model))).toBe(true);
  expect(out.written.join('')).toContain('100 %');
});

test('refuses a download with another SHA-256 and leaves no file behind', async () => {
  const wrong = '0'.repeat(64);
  await expect(
    download(
      { url, file: 'bad.onnx', bytes: model.length, sha256: wrong, checksumSource: 'test' },
      folder,
      sink().stream,
    ),
  ).rejects.toThrow(/SHA-256 is [0-9a-f]{64}, not 0{64}/);
  expect(existsSync(join(folder, 'bad.onnx'))).toBe(false);
  expect((await readdir(folder)).filter((f) => f.startsWith('bad'))).toEqual([]);
});
