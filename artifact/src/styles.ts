/**
 * The editor's stylesheet, shipped inside the bundle: the artifact iframe receives the editor as one script,
 * and the standalone page's CSP allows inline styles but nothing else inline.
 */
const CSS = `
.fi-app, .fi-app * { box-sizing: border-box; }
:root { color-scheme: light dark;
  --bg: #f7f7f8; --surface: #ffffff; --surface-2: #eef0f3; --text: #1d1f23; --muted: #5d6470; --border: #d5d9e0;
  --accent: #5b4cf0; --accent-text: #ffffff; --danger: #c62828; --focus: #1f6feb; --stage: #e4e6ea; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #121316; --surface: #1b1d21; --surface-2: #262a30; --text: #e8eaed; --muted: #a1a8b3; --border: #363b44;
    --accent: #8b80ff; --accent-text: #111; --danger: #ff6b6b; --focus: #79b8ff; --stage: #0b0c0e; }
}
html, body { margin: 0; height: 100%; background: var(--bg); color: var(--text); font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
/* The Open WebUI artifact bootstrap centres its loading message; the editor replaces that layout. */
body { display: block; text-align: left; }
.fi-app { width: 100%; text-align: left; }
.fi-app p { max-width: none; padding: 0; }
.fi-app { display: flex; flex-direction: column; height: 100vh; height: 100dvh; min-height: 420px; }
.fi-app button, .fi-app .button, .fi-app select, .fi-app input, .fi-app textarea { font: inherit; color: inherit; }
.fi-app button, .fi-app .button { background: var(--surface-2); border: 1px solid var(--border); border-radius: 6px; padding: 4px 10px;
  min-height: 30px; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; gap: 4px; white-space: nowrap; }
.fi-app button:hover:not(:disabled), .fi-app .button:hover { border-color: var(--accent); }
.fi-app button:disabled { opacity: .45; cursor: not-allowed; }
.fi-app button[aria-pressed="true"] { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
.fi-app .primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); font-weight: 600; }
.fi-app .danger { color: var(--danger); }
.fi-app :focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.fi-app select, .fi-app input[type=number], .fi-app input[type=password], .fi-app textarea {
  background: var(--surface); border: 1px solid var(--border); border-radius: 6px; padding: 4px 6px; min-height: 30px; }
.fi-app textarea { width: 100%; resize: vertical; min-height: 80px; }
.fi-app input[type=range] { accent-color: var(--accent); }
.fi-app input[type=color] { width: 32px; height: 28px; padding: 0; border: 1px solid var(--border); border-radius: 6px; background: none; }
.sr-only { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }
.top { display: flex; align-items: center; gap: 8px; padding: 6px 10px; background: var(--surface); border-bottom: 1px solid var(--border); flex-wrap: wrap; }
.top h1 { font-size: 15px; margin: 0 6px 0 0; }
.top .spacer { flex: 1; }
.header-actions { display: flex; gap: 6px; }
.picker { max-width: 240px; }
.toolbar { display: flex; flex-wrap: wrap; gap: 6px 14px; padding: 6px 10px; background: var(--surface); border-bottom: 1px solid var(--border); align-items: center; }
.toolbar .group { display: flex; align-items: center; gap: 5px; flex-wrap: wrap; }
.toolbar label { color: var(--muted); font-size: 13px; }
.toolbar input[type=range] { width: 90px; }
.toolbar output { min-width: 44px; font-variant-numeric: tabular-nums; color: var(--muted); font-size: 13px; }
.small-number { width: 54px; }
.unit { color: var(--muted); font-size: 13px; }
.main { flex: 1; display: flex; min-height: 0; }
.stage { position: relative; flex: 1; min-width: 0; background: var(--stage); overflow: hidden; touch-action: none; }
.stage-canvas { position: absolute; inset: 0; display: block; touch-action: none; }
.fi-app.dropping .stage { outline: 3px dashed var(--accent); outline-offset: -6px; }
.empty-state { position: absolute; inset: 0; display: grid; place-content: center; gap: 12px; text-align: center; padding: 16px; color: var(--muted); pointer-events: none; }
.empty-state button { pointer-events: auto; justify-self: center; }
.panel { width: 320px; flex: none; overflow-y: auto; padding: 10px 12px; background: var(--surface); border-left: 1px solid var(--border); display: flex; flex-direction: column; gap: 10px; }
.panel-form { display: flex; flex-direction: column; gap: 10px; margin: 0; }
.field { display: flex; flex-direction: column; gap: 3px; }
.field > label, .field-title { font-weight: 600; font-size: 13px; margin: 0; }
.field.check { flex-direction: row; align-items: center; gap: 6px; }
.field.check label { font-weight: normal; }
.field-row { display: flex; gap: 8px; align-items: center; }
.field-row input[type=range] { flex: 1; min-width: 0; }
.field-row input[type=number] { width: 76px; }
.field-group { display: flex; flex-direction: column; gap: 8px; }
.field-pair { display: flex; gap: 10px; }
.field-pair .field { flex: 1; }
.range-hint, .counter { font-weight: normal; color: var(--muted); font-size: 12px; }
.counter { float: right; }
.more summary { cursor: pointer; font-weight: 600; padding: 2px 0; }
.more[open] { display: flex; flex-direction: column; gap: 8px; }
.send-row { display: flex; gap: 8px; }
.send { flex: 1; justify-content: center; min-height: 38px !important; font-size: 15px; }
.hint { margin: 0; color: var(--muted); font-size: 13px; }
.status { margin: 0; font-size: 13px; color: var(--muted); min-height: 1em; }
.status.error, .boot.error, small.error { color: var(--danger); }
.job { display: flex; flex-direction: column; gap: 6px; padding: 8px; border: 1px solid var(--border); border-radius: 8px; background: var(--surface-2); }
.job-line { display: flex; justify-content: space-between; gap: 8px; }
.job-elapsed { color: var(--muted); font-variant-numeric: tabular-nums; }
.job progress { width: 100%; accent-color: var(--accent); }
.job button { align-self: flex-start; }
.compare { position: absolute; inset: 0; display: flex; flex-direction: column; background: var(--stage); z-index: 2; }
.cmp-frame { position: relative; flex: 1; min-height: 0; margin: 10px; }
.cmp-img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; user-select: none; }
.cmp-frame::after { content: ""; position: absolute; top: 0; bottom: 0; left: var(--cmp, 50%); width: 2px; background: #fff; box-shadow: 0 0 3px #000; pointer-events: none; }
.cmp-slider { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0; cursor: ew-resize; }
.cmp-slider:focus-visible { opacity: .25; }
.cmp-label { position: absolute; top: 6px; padding: 2px 8px; border-radius: 4px; background: rgba(0,0,0,.6); color: #fff; font-size: 12px; pointer-events: none; }
.cmp-label.left { left: 6px; } .cmp-label.right { right: 6px; }
.cmp-actions { display: flex; gap: 8px; padding: 0 10px 10px; flex-wrap: wrap; }
.help { position: fixed; top: 48px; right: 10px; z-index: 20; width: min(380px, calc(100vw - 20px)); max-height: calc(100vh - 60px); overflow: auto;
  background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 10px 14px; box-shadow: 0 8px 30px rgba(0,0,0,.25); }
.help h2 { font-size: 15px; margin: 4px 0 8px; }
.help dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 0; }
.help dt { font-family: ui-monospace, monospace; font-size: 12px; color: var(--muted); }
.help dd { margin: 0; }
.help p { color: var(--muted); font-size: 13px; }
.gallery { position: fixed; inset: 0; z-index: 15; background: var(--bg); display: flex; flex-direction: column; }
.gallery-head { display: flex; justify-content: space-between; align-items: center; padding: 8px 12px; border-bottom: 1px solid var(--border); background: var(--surface); }
.gallery-head h2 { font-size: 15px; margin: 0; }
.gallery-list { list-style: none; margin: 0; padding: 10px; overflow: auto; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 10px; }
.gallery-list li { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 8px; display: flex; flex-direction: column; gap: 6px; }
.gallery-list li.empty { color: var(--muted); }
.thumb { width: 100%; aspect-ratio: 4 / 3; object-fit: contain; background: var(--stage); border-radius: 4px; display: grid; place-items: center; }
.gallery-text { display: flex; flex-direction: column; gap: 2px; overflow-wrap: anywhere; }
.gallery-text small { color: var(--muted); }
.gallery-actions { display: flex; gap: 6px; flex-wrap: wrap; }
.token-form { max-width: 420px; margin: 10vh auto; padding: 20px; display: flex; flex-direction: column; gap: 10px; background: var(--surface); border: 1px solid var(--border); border-radius: 10px; }
.boot, .closed { padding: 24px; text-align: center; }
.fi-app.busy .stage-canvas { opacity: .85; }
.drop-zones { position: absolute; inset: 0; z-index: 3; display: grid; grid-template-columns: 1fr 1fr; gap: 10px; padding: 10px; }
.drop-zone { display: grid; place-items: center; text-align: center; padding: 12px; border: 3px dashed var(--accent); border-radius: 10px;
  background: color-mix(in srgb, var(--surface) 85%, transparent); font-weight: 600; overflow-wrap: anywhere; }
.masked-only { display: flex; flex-direction: column; gap: 2px; padding: 6px 8px; border: 1px solid var(--border); border-radius: 8px; background: var(--surface-2); }
.masked-only .field.check label { font-weight: 600; }
.refs-list { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.refs-list li { position: relative; }
.refs-list li.unused { opacity: .4; }
.ref-thumb { width: 56px; height: 56px; object-fit: cover; border-radius: 6px; border: 1px solid var(--border); display: block; }
.refs-list button.icon { position: absolute; top: -6px; right: -6px; min-height: 22px; padding: 0 6px; border-radius: 11px; }
.refs-add { display: flex; gap: 6px; flex-wrap: wrap; }
.refs-add select { max-width: 100%; min-width: 0; flex: 1; }
.fi-app button.link { align-self: flex-start; background: none; border: none; padding: 0; min-height: 0; color: var(--muted); text-decoration: underline; }
.fi-app select { max-width: 100%; }
.fi-app label, .hint, .status { overflow-wrap: anywhere; }
@media (max-width: 760px) {
  .fi-app { height: auto; min-height: 100vh; }
  .main { flex-direction: column; }
  .stage { flex: none; height: 58vh; min-height: 260px; }
  .panel { width: auto; border-left: none; border-top: 1px solid var(--border); overflow: visible; }
  .toolbar { gap: 6px 10px; }
  .toolbar input[type=range] { width: 72px; }
  .top h1 { font-size: 14px; }
}
`;

export function injectStyles(): void {
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
}
