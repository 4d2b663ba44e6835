import { h } from './dom.js';

export const SHORTCUTS: Array<[string, string]> = [
  ['B / E', 'Brush / eraser'],
  ['X', 'Switch brush and eraser'],
  ['C', 'Crop tool'],
  ['[ / ]', 'Smaller / larger brush'],
  ['Shift + [ / ]', 'Softer / harder brush'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z, Ctrl+Y', 'Redo'],
  ['I', 'Invert the mask'],
  ['Wheel, pinch, + / −', 'Zoom'],
  ['Space+drag, middle button, two fingers', 'Pan'],
  ['0', 'Fit to view'],
  ['Ctrl+Enter', 'Send'],
  ['?', 'This help'],
];

/** The "?" button and the list of shortcuts it opens (Escape or a click outside closes it). */
export function helpPopover(): { button: HTMLButtonElement; popover: HTMLElement; toggle(): void } {
  const popover = h(
    'div',
    { class: 'help', id: 'help', role: 'dialog', 'aria-label': 'Keyboard shortcuts', hidden: true },
    h('h2', {}, 'Shortcuts'),
    h('dl', {}, ...SHORTCUTS.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('p', {}, 'Paint white over what should change. Soft brushes (hardness below 100) blend the edge.'),
  );
  const button = h('button', { type: 'button', class: 'icon', 'aria-label': 'Help and shortcuts', 'aria-expanded': 'false', 'aria-controls': 'help', title: 'Help (?)' }, '?');
  const set = (open: boolean) => {
    popover.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  const toggle = () => set(popover.hidden);
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    toggle();
  });
  document.addEventListener('click', (e) => {
    if (!popover.hidden && !popover.contains(e.target as Node)) set(false);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !popover.hidden) {
      set(false);
      button.focus();
    }
  });
  return { button, popover, toggle };
}
