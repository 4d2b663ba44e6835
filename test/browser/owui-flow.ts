import type { Browser, Frame, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFlux, type FakeFlux } from '../fake-flux/server.js';
import { startOwuiServer, type OwuiServer } from '../support/owui-server.js';
import { startTestSidecar, TEST_TOKEN, type TestSidecar } from '../support/sidecar.js';
import { editorState, exportMask, launchBrowser, roundTrip, screenshotPath, stroke, untilStill } from './harness.js';

/**
 * The whole Open WebUI flow in Chromium, per Open WebUI version: the stand-in of that version's chat page
 * (test/browser/owui/page.html, traced in TRACE.md), the real function run by python-shim/tests/owui_server.py as
 * that version runs it, the real sidecar, and the fake FLUX server. Each owui-flow-*.test.ts file runs the cases
 * of some versions, so that test workers share them.
 */
const FLUX_KEY = 'owui-flow-flux-key-0123456789';
const RESULT_URL = /\]\((\/api\/v1\/files\/[\w-]+\/content)\)/g;

/** `generated`: as this version's image generation writes it (markdown up to 0.6.4, `files` from 0.6.5). */
type Scenario = 'generated' | 'markdown' | 'files' | 'upload';
export interface Case {
  version: string;
  /** How the picture is in the chat: markdown in an answer, `files` of an answer, or the user's upload. */
  scenario: Scenario;
  /** Click under the last answer, or under the answer that holds the picture (an older one). */
  click: 'last' | 'older';
  /** The README's walk-through pictures come from this case. */
  readme?: boolean;
  /** `new`: a message of its own even where the page cannot show it (0.10); the sidecar then takes it out again. */
  resultMessage?: 'new';
}

const serverKey = (c: Case) => `${c.version}/${c.resultMessage ?? 'auto'}`;

interface StoredMessage {
  id: string;
  parentId: string | null;
  childrenIds: string[];
  role: string;
  content: string;
  files?: unknown[];
  embeds?: unknown[];
  statusHistory?: Array<{ description: string; done?: boolean }>;
}
interface Stored {
  history: { messages: Record<string, StoredMessage>; currentId: string };
  busy: number;
}

let fake: FakeFlux;
let sidecar: TestSidecar;
/** One Open WebUI server per version and valves (valves are global to a function in Open WebUI). */
const servers = new Map<string, OwuiServer>();
let browser: Browser;
const toPageLog: string[] = [];

function startOwui({ version, resultMessage }: Case): Promise<OwuiServer> {
  return startOwuiServer(version, {
    SIDECAR_URL: sidecar.url,
    SIDECAR_TOKEN: TEST_TOKEN,
    FLUX_API_URL: fake.url,
    FLUX_API_KEY: FLUX_KEY,
    STEPS: 28,
    RESULT_MESSAGE: resultMessage ?? 'auto',
  });
}

async function stored(url: string, chatId: string): Promise<Stored> {
  return (await (await fetch(`${url}/__test__/chats/${chatId}`)).json()) as Stored;
}

function branch(s: Stored): StoredMessage[] {
  const list: StoredMessage[] = [];
  for (let id: string | null = s.history.currentId; id; id = s.history.messages[id]!.parentId)
    list.unshift(s.history.messages[id]!);
  return list;
}

function resultUrls(text: string): string[] {
  return [...text.matchAll(RESULT_URL)].map((m) => m[1]!);
}

/** Editors started in the frame: each start injects its stylesheet and replaces the body with one root. */
async function editorsInFrame(frame: Frame): Promise<{ roots: number; starts: number; boots: unknown }> {
  return frame.evaluate(() => ({
    roots: document.querySelectorAll('.fi-app').length,
    starts: [...document.querySelectorAll('style')].filter((s) => (s.textContent ?? '').includes('.fi-app')).length,
    boots: (window as unknown as { __fluxInpaintBoot?: unknown }).__fluxInpaintBoot,
  }));
}

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  // Open WebUI keeps the interface language only in the browser.
  await page.addInitScript(() => localStorage.setItem('locale', 'de-DE'));
  page.on('response', async (res) => {
    if (res.url().includes('/__socket__/events')) toPageLog.push(await res.text().catch(() => ''));
  });
  return page;
}

/** Registers the flow for these cases, with one sidecar, fake FLUX, browser and stand-in per version and valves. */
export function owuiFlow(cases: Case[]): void {
  beforeAll(async () => {
    // FLUX's time to generate only delays each case: the result is held back until the page saved anyway.
    fake = await startFakeFlux({ latencyMs: 300, apiKey: FLUX_KEY });
    sidecar = await startTestSidecar({
      FLUX_INPAINT_RESULT_HOSTS: fake.origin,
      FLUX_INPAINT_POLL_INTERVAL_S: '0.3',
      FLUX_INPAINT_MAX_POLL_ATTEMPTS: '200',
    });
    // Side by side: each stand-in takes a Python start.
    const byKey = new Map(cases.map((c) => [serverKey(c), c]));
    await Promise.all([...byKey].map(async ([key, c]) => servers.set(key, await startOwui(c))));
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    for (const { proc } of servers.values()) proc.kill();
    await sidecar?.close();
    await fake?.close();
  });

  describe.each(cases)(
    'Inpaint in Open WebUI $version, picture as $scenario, click on the $click answer, RESULT_MESSAGE $resultMessage',
    (c) => {
      const { version, scenario, click, readme } = c;
      it('paint, German prompt, Send: the result shows exactly once, where this version can show it', async () => {
        const { url } = servers.get(serverKey(c))!;
        const { id: chatId } = (await (
          await fetch(`${url}/__test__/chats`, { method: 'POST', body: JSON.stringify({ scenario }) })
        ).json()) as { id: string };
        const before = await stored(url, chatId);
        const known = new Set(Object.values(before.history.messages).flatMap((m) => resultUrls(m.content)));
        const newUrls = (text: string) => resultUrls(text).filter((u) => !known.has(u));
        const answers = branch(before).filter((m) => m.role === 'assistant');
        const clicked = click === 'last' ? answers.at(-1)! : answers[0]!;
        const page = await newPage();
        await page.goto(`${url}/c/${chatId}`);
        await page.waitForSelector(`#message-${before.history.currentId}`);
        // Buttons: only under the last answer up to 0.6.41, under every answer from 0.6.42.
        const buttons = await page.locator('.msg.assistant .actions button').count();
        expect(buttons).toBe(['0.5.20', '0.6.5'].includes(version) ? 1 : answers.length);
        const tag = `owui-${version}-${scenario}-${click}${c.resultMessage ? `-${c.resultMessage}` : ''}`;
        // Every case's pictures in test/.artifacts/screenshots; with UPDATE_SCREENSHOTS=1 only the README's three.
        const shot = async (name: string, readmeName: string | null): Promise<void> => {
          const updating = process.env.UPDATE_SCREENSHOTS === '1';
          if (!updating || (readme && readmeName))
            await page.screenshot({ path: screenshotPath(updating ? readmeName! : `${tag}-${name}.png`) });
        };
        await shot('0-chat', 'owui-1-chat.png');

        await page.locator(`#message-${clicked.id} .actions button`, { hasText: 'Inpaint' }).click();
        // From 0.6.32 the editor is an inline embed of the clicked message; before, the artifact panel.
        const embedded = !['0.5.20', '0.6.5'].includes(version);
        const editorFrame = embedded ? `#message-${clicked.id} .embeds iframe` : '#artifacts iframe';
        const handle = await page.waitForSelector(editorFrame, { timeout: 30_000 });
        expect(await handle.getAttribute('sandbox')).toBe(
          version === '0.5.20'
            ? 'allow-scripts allow-forms allow-same-origin'
            : version === '0.6.5'
              ? 'allow-scripts'
              : version === '0.6.43'
                ? 'allow-scripts allow-forms allow-same-origin allow-popups allow-downloads'
                : 'allow-scripts allow-forms allow-popups allow-downloads',
        );
        // No raw code while the editor is open: the message shows no html block (before 0.6.32 the block is in
        // the message, for the artifact panel, and the page script hides it).
        expect(await page.locator(`#message-${clicked.id} .language-html`).count()).toBe(embedded ? 0 : 1);
        expect(await page.locator(`#message-${clicked.id} [dir="ltr"]:visible`).count()).toBe(0);
        const frame = (await handle.contentFrame())!;
        await frame.waitForFunction(() => Boolean(window.__fluxEditor?.state().image), undefined, { timeout: 30_000 });
        const state = await editorState(frame);
        expect(state.image?.fullWidth).toBe(480);
        // Both runs of the loader (0.5.0-0.6.34 wrappers run its script twice) happen as the frame's document is
        // parsed, before the page answers either: once the answers are in, a second editor would have started.
        await roundTrip(page, frame);
        expect(await editorsInFrame(frame)).toEqual({ roots: 1, starts: 1, boots: true });

        // A person paints once the editor has taken its height and the page has scrolled it into view.
        await untilStill(frame);
        const w = state.image!.width;
        const h = state.image!.height;
        await stroke(page, frame, [
          [w * 0.62, h * 0.22],
          [w * 0.78, h * 0.22],
          [w * 0.78, h * 0.38],
          [w * 0.62, h * 0.38],
          [w * 0.7, h * 0.3],
        ]);
        const mask = await exportMask(frame);
        expect(mask.at(Math.round(w * 0.7), Math.round(h * 0.3))).toBe(255);
        await frame.locator('#p-prompt').fill('ein roter Hut auf der Sonne, Comic-Stil');
        await shot('1-editor', 'owui-2-editor.png');
        await frame.getByRole('button', { name: 'Senden', exact: true }).click();

        // Until the session ended: the page's own save and then the result.
        const saved = () => page.evaluate(() => (window as unknown as { __actionsDone?: number }).__actionsDone ?? 0);
        let after = await stored(url, chatId);
        for (
          let i = 0;
          i < 600 && ((await saved()) < 1 || after.busy > 0 || !branch(after).some((m) => newUrls(m.content).length));
          i++
        ) {
          await page.waitForTimeout(100);
          after = await stored(url, chatId);
        }
        expect(await saved()).toBe(1);
        const shown = branch(after);
        const results = shown.flatMap((m) => newUrls(m.content).map((u) => ({ url: u, message: m })));
        expect(results, JSON.stringify(after.history.messages[clicked.id]?.statusHistory)).toHaveLength(1);
        const [{ url: resultUrl, message: holder }] = results as [{ url: string; message: StoredMessage }];
        if (version === '0.11.0') {
          // Its own message under the clicked one, and the current one.
          expect(holder.id).not.toBe(clicked.id);
          expect(holder).toMatchObject({ role: 'assistant', parentId: clicked.id });
          expect(after.history.currentId).toBe(holder.id);
          expect(after.history.messages[clicked.id]!.childrenIds).toContain(holder.id);
        } else {
          // The page cannot show a message written into the stored chat: the clicked message takes the result.
          expect(holder.id).toBe(clicked.id);
          expect(after.history.currentId).toBe(before.history.currentId);
        }
        // Every message as it was (the one that took the result only grew), no artifact left anywhere.
        for (const [id, m] of Object.entries(before.history.messages)) {
          const now = after.history.messages[id]!;
          expect(now.files ?? null).toEqual(m.files ?? null);
          if (id === holder.id) expect(now.content.startsWith(m.content)).toBe(true);
          else expect(now.content).toBe(m.content);
        }
        expect(Object.values(after.history.messages).some((m) => m.content.includes('```html'))).toBe(false);
        expect(Object.values(after.history.messages).some((m) => (m.embeds ?? []).length > 0)).toBe(false);
        expect(Object.keys(after.history.messages)).toHaveLength(
          Object.keys(before.history.messages).length + (version === '0.11.0' ? 1 : 0),
        );
        expect(holder.content).toContain('Prompt: ein roter Hut auf der Sonne, Comic\\-Stil');
        // The chat speaks the page's language (localStorage.locale): German here.
        expect(holder.content).toContain('Englisch: A red hat on the sun, cartoon style');
        expect(fake.tasks.at(-1)!.prompt).toBe('A red hat on the sun, cartoon style');
        const image = await fetch(`${url}${resultUrl}`);
        expect(image.headers.get('content-type')).toMatch(/^image\//);
        const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
        expect([meta.width, meta.height]).toEqual([480, 320]);
        const statuses = (after.history.messages[clicked.id]!.statusHistory ?? []).map((s) => s.description);
        expect(statuses.at(-1)).toMatch(/^Fertig \(\d+ Sek\.\)\./);

        // The page as it is now, and after a fresh load of the stored chat: the result exactly once, no artifact.
        for (const moment of ['live', 'reloaded'] as const) {
          if (moment === 'reloaded') await page.reload();
          await page.waitForSelector(`#message-${holder.id} img[src="${resultUrl}"]`, { timeout: 15_000 });
          await page.waitForFunction(() => [...document.images].every((img) => img.complete));
          expect(await page.locator(`img[src="${resultUrl}"]`).count()).toBe(1);
          expect(await page.locator('#artifacts iframe, .embeds iframe').count()).toBe(0);
          await page.locator(`#message-${holder.id}`).evaluate((el) => el.scrollIntoView({ block: 'end' }));
          await shot(`2-result-${moment}`, moment === 'live' ? 'owui-3-result.png' : null);
        }
        await page.close();

        const seen = toPageLog.join('\n');
        expect(seen).not.toContain(FLUX_KEY);
        expect(seen).not.toContain(TEST_TOKEN);
      }, 150_000);
    },
  );
}
