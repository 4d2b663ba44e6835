/**
 * Open WebUI's chat page as far as the host script sees it, without a browser: `execute` code runs the way
 * Chat.svelte runs it (`new Function` around an async body), and the artifact iframe is a scripted editor that
 * speaks the editor's postMessage protocol (hello -> bundle, request/response, job pushes).
 */
type Listener = (event: { data: unknown; source: unknown }) => void;

export interface EditorScript {
  /** Called with the editor's init value; returns the params of the submit request, or null to close instead. */
  onInit(init: Record<string, any>): Record<string, unknown> | null | Promise<Record<string, unknown> | null>;
  /** Settings the editor saves (the `save_settings` request) before it sends or closes. */
  saveSettings?: Record<string, unknown>;
  /** Open WebUI's interface language, as the page keeps it in localStorage.locale. */
  locale?: string;
}

export class FakePage {
  readonly window: Record<string, unknown> & {
    addEventListener: (t: string, l: Listener) => void;
    removeEventListener: (t: string, l: Listener) => void;
  };
  /** Everything that reached the page: execute code and what was posted to the frame. */
  readonly seen: string[] = [];
  /** The largest `execute` answer the page sent back, in bytes of JSON as the socket carries it. */
  largestAnswer = 0;
  /** Whether an answer was over Open WebUI's socket limit, which closes the page's socket for good. */
  socketClosed = false;
  readonly responses: Array<Record<string, any>> = [];
  readonly jobs: Array<Record<string, any>> = [];
  ended: string | undefined;
  private readonly listeners = new Set<Listener>();
  /** Resource-timing observers the host script installed (it watches for the page's own chat save). */
  private readonly observers = new Set<(list: { getEntries(): Array<{ name: string; startTime: number }> }) => void>();
  private nonce: string | undefined;
  private bundled = false;
  private helloTimer: NodeJS.Timeout | undefined;
  private readonly frame = {
    postMessage: (m: unknown) => setImmediate(() => void this.toEditor(m as Record<string, any>)),
  };

  constructor(private readonly script: EditorScript) {
    this.window = {
      addEventListener: (_t, l) => this.listeners.add(l),
      removeEventListener: (_t, l) => this.listeners.delete(l),
      innerHeight: 800,
    };
  }

  /** What Chat.svelte does with an `execute` event call. */
  async execute(code: string): Promise<unknown> {
    this.seen.push(code);
    const nonce = /"nonce":"([\w-]+)"/.exec(code)?.[1];
    if (nonce && !this.nonce) {
      this.nonce = nonce;
      this.helloTimer = setInterval(() => this.fromEditor({ type: 'hello' }), 50);
    }
    const observers = this.observers;
    class PerformanceObserver {
      constructor(
        private readonly callback: (list: { getEntries(): Array<{ name: string; startTime: number }> }) => void,
      ) {}
      observe(): void {
        observers.add(this.callback);
      }
      disconnect(): void {
        observers.delete(this.callback);
      }
    }
    const fn = new Function(
      'window',
      'PerformanceObserver',
      'location',
      'localStorage',
      'document',
      `return (async () => { ${code} })()`,
    ) as (w: unknown, p: unknown, l: unknown, s: unknown, d: unknown) => Promise<unknown>;
    const locale = this.script.locale ?? null;
    if (this.socketClosed) return new Promise(() => {});
    const value = await fn(
      this.window,
      PerformanceObserver,
      { href: 'http://owui.test/c/chat' },
      { getItem: (k: string) => (k === 'locale' ? locale : null) },
      { querySelectorAll: () => [] },
    );
    // Open WebUI's socket server takes at most 1,000,000 bytes a message (python-engineio's default
    // max_http_buffer_size, never raised by socket/main.py) and closes the socket on a larger one: that call
    // and every later one are never answered.
    const bytes = Buffer.byteLength(JSON.stringify(value ?? null));
    this.largestAnswer = Math.max(this.largestAnswer, bytes);
    if (bytes > 1_000_000) this.socketClosed = true;
    return this.socketClosed ? new Promise(() => {}) : value;
  }

  /** What the editor sends when the user loads a file or picks references: any request, as the editor posts it. */
  post(message: Record<string, unknown>): void {
    this.fromEditor(message);
  }

  /** Chat.svelte's save of its copy of the chat after an action returns: a request to /api/v1/chats/{id}. */
  savedChat(chatId: string): void {
    const entry = { name: `http://owui.test/api/v1/chats/${chatId}`, startTime: performance.now() };
    for (const o of [...this.observers]) o({ getEntries: () => [entry] });
  }

  private init: Record<string, any> = {};

  private async sendOrClose(): Promise<void> {
    const params = await this.script.onInit(this.init);
    if (params) this.fromEditor({ type: 'request', rid: 'submit-1', method: 'submit', params });
    else this.fromEditor({ type: 'request', rid: 'cancel-1', method: 'cancel' });
  }

  close(): void {
    clearInterval(this.helloTimer);
  }

  private fromEditor(message: Record<string, unknown>): void {
    const data = { ...message, source: 'flux-inpaint', nonce: this.nonce };
    for (const l of [...this.listeners]) l({ data, source: this.frame });
  }

  private async toEditor(m: Record<string, any>): Promise<void> {
    this.seen.push(JSON.stringify(m));
    if (m.nonce !== this.nonce || m.source !== 'flux-inpaint') return;
    if (m.type === 'bundle' && !this.bundled) {
      this.bundled = true;
      clearInterval(this.helloTimer);
      this.fromEditor({ type: 'request', rid: 'init-1', method: 'init' });
    } else if (m.type === 'response') {
      this.responses.push(m);
      if (m.rid === 'init-1' && m.ok) {
        this.init = m.value;
        if (this.script.saveSettings)
          this.fromEditor({
            type: 'request',
            rid: 'settings-1',
            method: 'save_settings',
            params: { settings: this.script.saveSettings },
          });
        else await this.sendOrClose();
      } else if (m.rid === 'settings-1') {
        await this.sendOrClose();
      } else if (m.rid === 'submit-1' && !m.ok) {
        // The editor shows the error and stays open; this scripted user then closes it.
        this.fromEditor({ type: 'request', rid: 'cancel-1', method: 'cancel' });
      }
    } else if (m.type === 'job') {
      this.jobs.push(m.job);
    } else if (m.type === 'ended') {
      this.ended = m.message;
    }
  }
}
