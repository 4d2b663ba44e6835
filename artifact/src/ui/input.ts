import { typingIn } from './job.js';
import { BRUSH_MAX } from './toolbar.js';
import type { Workspace } from './workspace.js';

/** Keyboard shortcuts (see help.ts). Keys typed into fields stay there, except Ctrl+Enter which sends. */
export function bindKeys(ws: Workspace, actions: { send(): void; help(): void; update(): void }): void {
  // Sliders, checkboxes and buttons do not take letters, so shortcuts keep working after using them.
  const typing = typingIn;
  window.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key === 'Enter') {
      e.preventDefault();
      actions.send();
      return;
    }
    if (typing(e.target)) return;
    const key = e.key.toLowerCase();
    if (mod && key === 'z') {
      e.preventDefault();
      if (e.shiftKey) ws.redo();
      else ws.undo();
    } else if (mod && key === 'y') {
      e.preventDefault();
      ws.redo();
    } else if (mod || e.altKey) {
      return;
    } else if (e.key === ' ') {
      e.preventDefault();
      ws.stage.spacePanning = true;
    } else if (e.code === 'BracketLeft' || e.code === 'BracketRight' || e.key === '[' || e.key === ']') {
      const up = e.code === 'BracketRight' || e.key === ']';
      if (e.shiftKey) ws.hardness = Math.min(1, Math.max(0, Math.round((ws.hardness + (up ? 0.1 : -0.1)) * 10) / 10));
      else
        ws.setBrushSize(
          Math.min(BRUSH_MAX, Math.max(1, Math.round(ws.brushSize * (up ? 1.2 : 1 / 1.2)) + (up ? 1 : 0))),
        );
      ws.stage.render();
    } else if (key === 'b') ws.setTool('brush');
    else if (key === 'e') ws.setTool('eraser');
    else if (key === 'x') ws.setTool(ws.tool === 'eraser' ? 'brush' : 'eraser');
    else if (key === 'c') ws.setTool(ws.tool === 'crop' ? 'brush' : 'crop');
    else if (key === 'i') ws.invertMask();
    else if (e.key === '+' || e.key === '=') ws.stage.zoom(1);
    else if (e.key === '-') ws.stage.zoom(-1);
    else if (e.key === '0') ws.stage.fit();
    else if (e.key === '?') actions.help();
    else return;
    actions.update();
  });
  window.addEventListener('keyup', (e) => {
    if (e.key === ' ') ws.stage.spacePanning = false;
  });
  window.addEventListener('blur', () => {
    ws.stage.spacePanning = false;
  });
}

export type DropTarget = 'picture' | 'mask';

/**
 * Loading by drag and drop and by pasting, in addition to the Load buttons. While a picture that takes a mask
 * is open, a dragged file can become either a new picture or the mask: `zones` shows the two places to drop.
 */
export function bindFileDrop(
  target: HTMLElement,
  drop: { zones: HTMLElement; canMask(): boolean; onFile(file: File, as: DropTarget): void },
): void {
  const end = () => {
    target.classList.remove('dropping');
    drop.zones.hidden = true;
  };
  target.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    target.classList.add('dropping');
    drop.zones.hidden = !drop.canMask();
  });
  // relatedTarget is null only when the drag leaves the page, not when it moves between the zones.
  target.addEventListener('dragleave', (e) => {
    if (!e.relatedTarget) end();
  });
  target.addEventListener('drop', (e) => {
    const asMask = !drop.zones.hidden && e.target instanceof Element && e.target.closest('[data-drop="mask"]') !== null;
    end();
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    drop.onFile(file, asMask ? 'mask' : 'picture');
  });
  document.addEventListener('paste', (e) => {
    const file = [...(e.clipboardData?.files ?? [])][0];
    if (!file) return; // pasting text into the prompt stays text
    e.preventDefault();
    drop.onFile(file, 'picture');
  });
}
