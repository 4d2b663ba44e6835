/**
 * Runs in the artifact iframe, never in the sidecar: the loader Open WebUI keeps in the chat message. It asks
 * the page (through the host script, host-script.ts) for the editor code and runs it, so the chat stores
 * about two kilobytes instead of the editor and the image. esbuild bundles this file; bootstrap.ts puts the
 * session's nonce in place of NONCE.
 */
const NONCE = '__FLUX_INPAINT_NONCE__';
const ENDED =
  'This inpaint session has ended (or the page was reloaded). Click the Inpaint button under the image to start again.';
/** Hellos every half second; after 24 unanswered ones the page is taken to be gone. */
const HELLO_MS = 500;
const HELLO_TRIES = 24;

declare global {
  interface Window {
    __fluxInpaintBoot?: boolean;
  }
}

// Open WebUI up to 0.6.34 runs an artifact's inline scripts twice: only the first run may start an editor.
if (!window.__fluxInpaintBoot) {
  window.__fluxInpaintBoot = true;
  let started = false;
  let tries = 0;
  const post = (m: object) => parent.postMessage({ ...m, source: 'flux-inpaint', nonce: NONCE }, '*');
  const say = (text: string) => {
    const p = document.getElementById('fi-msg');
    if (p) p.textContent = text;
  };
  // Open WebUI sizes an inline embed's frame to what it asks (FullHeightIframe.svelte); the artifact panel
  // ignores it.
  const size = (height: number) => parent.postMessage({ type: 'iframe:height', height }, '*');
  addEventListener('message', (e: MessageEvent) => {
    const d = e.data as {
      source?: unknown;
      nonce?: unknown;
      type?: unknown;
      code?: unknown;
      message?: unknown;
      height?: unknown;
    } | null;
    if (e.source !== parent || !d || d.source !== 'flux-inpaint' || d.nonce !== NONCE) return;
    if (d.type === 'bundle' && !started && typeof d.code === 'string') {
      started = true;
      if (typeof d.height === 'number') size(d.height);
      // The editor (artifact/src/transport/bridge.ts) talks to the page through this.
      Object.assign(window, { __fluxInpaintBridge: { nonce: NONCE, post } });
      document.body.textContent = '';
      try {
        new Function(d.code)();
      } catch (err) {
        document.body.textContent = `The editor failed to start: ${(err as Error)?.message}`;
      }
    } else if (d.type === 'ended') {
      started = true;
      document.body.innerHTML = '<p id="fi-msg"></p>';
      say(typeof d.message === 'string' && d.message ? d.message : ENDED);
      size(80);
    }
  });
  const hello = () => {
    if (started) return;
    post({ type: 'hello' });
    tries++;
    if (tries === HELLO_TRIES) {
      say(ENDED);
      size(80);
    }
    setTimeout(hello, tries < HELLO_TRIES ? HELLO_MS : 10 * HELLO_MS);
  };
  hello();
}
