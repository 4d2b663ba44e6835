/**
 * The artifact placed in the chat message: a small page that asks the Open WebUI page (through the host
 * script, see host.ts) for the editor code and runs it. The chat stores these ~2 KB, not the editor or
 * the image. It talks to the page only by postMessage, whatever the frame's origin: Open WebUI 0.5.0-0.6.2
 * sandboxes artifacts with allow-same-origin, later versions give them an opaque origin.
 */
interface BootstrapOptions {
  nonce: string;
}

const ENDED =
  'This inpaint session has ended (or the page was reloaded). Click the Inpaint button under the image to start again.';

export function bootstrapHtml(opts: BootstrapOptions): string {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(opts.nonce)) throw new Error('nonce must be url-safe');
  // Open WebUI up to 0.6.34 runs an artifact's inline scripts twice: only the first run may start an editor.
  const script = `(()=>{if(window.__fluxInpaintBoot)return;window.__fluxInpaintBoot=1;const N=${JSON.stringify(opts.nonce)};let got=false,tries=0;
const post=m=>parent.postMessage(Object.assign({},m,{source:"flux-inpaint",nonce:N}),"*");
const say=t=>{const p=document.getElementById("fi-msg");if(p)p.textContent=t};
addEventListener("message",e=>{const d=e.data;if(e.source!==parent||!d||d.source!=="flux-inpaint"||d.nonce!==N)return;
if(d.type==="bundle"&&!got&&typeof d.code==="string"){got=true;window.__fluxInpaintBridge={nonce:N,post};document.body.textContent="";
try{new Function(d.code)()}catch(err){document.body.textContent="The editor failed to start: "+(err&&err.message)}}
else if(d.type==="ended"){got=true;document.body.innerHTML='<p id="fi-msg"></p>';say(d.message||${JSON.stringify(ENDED)})}});
const hello=()=>{if(got)return;post({type:"hello"});tries++;if(tries===24)say(${JSON.stringify(ENDED)});setTimeout(hello,tries<24?500:5000)};hello()})();`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>FLUX Inpaint</title>
<style>html,body{margin:0;height:100%;font:14px/1.4 system-ui,sans-serif;color:#444;background:#fff}
body{display:grid;place-items:center;text-align:center}p{max-width:30em;padding:1em}
@media(prefers-color-scheme:dark){html,body{color:#ccc;background:#171717}}</style></head>
<body><p id="fi-msg">Loading the inpaint editor…</p>
<script>${script}</script></body></html>`;
}

/** The bootstrap as a fenced block Open WebUI turns into an artifact. */
export function artifactBlock(opts: BootstrapOptions): string {
  return `\n\n\`\`\`html\n${bootstrapHtml(opts)}\n\`\`\`\n`;
}
