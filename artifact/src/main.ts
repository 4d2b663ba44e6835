import { setErrorMessages, setLocale, t } from './i18n.js';
import { injectStyles } from './styles.js';
import { BridgeTransport } from './transport/bridge.js';
import { HttpTransport, rememberToken, tokenFromLocation } from './transport/http.js';
import { TransportError, type Transport } from './transport/types.js';
import { App } from './ui/app.js';
import { h } from './ui/dom.js';

/**
 * Entry point of the editor bundle. Inside Open WebUI the artifact bootstrap has set up the postMessage bridge;
 * served by the sidecar (standalone), the editor talks HTTP with the token from the link.
 */
function start(): void {
  injectStyles();
  setLocale(navigator.language);
  const root = h('div', { class: 'fi-app' });
  document.body.replaceChildren(root);
  const bridge = window.__fluxInpaintBridge;
  if (bridge) return void boot(root, new BridgeTransport(bridge));
  const token = tokenFromLocation();
  if (token) return void boot(root, new HttpTransport(token));
  askForToken(root);
}

async function boot(root: HTMLElement, transport: Transport): Promise<void> {
  const message = h('p', { class: 'boot', role: 'status' }, t('boot.starting'));
  root.replaceChildren(message);
  try {
    const init = await transport.init();
    // Open WebUI's language when the host script could read it; standalone, the browser's.
    setLocale(init.locale ?? navigator.language);
    setErrorMessages(init.errors);
    root.replaceChildren();
    new App(root, transport, init);
  } catch (err) {
    // A wrong token is not fixed by trying it again: ask for the right one, saying where it is.
    if (transport instanceof HttpTransport && err instanceof TransportError && err.code === 'unauthorized')
      return askForToken(root, true);
    message.textContent = t('boot.failed', { error: (err as Error).message });
    message.classList.add('error');
    root.append(h('button', { type: 'button', onclick: () => void boot(root, transport) }, t('boot.retry')));
  }
}

/** Opened without the token (e.g. a bookmark): ask for it rather than failing on every request. */
function askForToken(root: HTMLElement, wrong = false): void {
  const input = h('input', {
    type: 'password',
    id: 'token',
    autocomplete: 'off',
    required: true,
    'aria-describedby': wrong ? 'token-wrong token-where' : 'token-where',
    'aria-invalid': wrong ? 'true' : undefined,
  });
  const form = h(
    'form',
    { class: 'token-form' },
    h('h1', {}, 'FLUX Inpaint'),
    wrong ? h('p', { id: 'token-wrong', class: 'error', role: 'alert' }, t('token.wrong')) : undefined,
    h('p', {}, t('token.intro')),
    h('p', { id: 'token-where', class: 'hint' }, t('token.where')),
    h('label', { for: 'token' }, t('token.label')),
    input,
    h('button', { type: 'submit', class: 'primary' }, t('token.open')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    rememberToken(token);
    void boot(root, new HttpTransport(token));
  });
  root.replaceChildren(h('main', { class: 'token-page' }, form));
  input.focus();
}

start();
