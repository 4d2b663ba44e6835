import { t, type MessageKey } from '../i18n.js';
import { h } from './dom.js';

/** Keys, or the message naming them where they are words ("Wheel, pinch"), and what they do. */
const SHORTCUTS: Array<[string | MessageKey, MessageKey]> = [
  ['B / E', 'help.brush_eraser'],
  ['X', 'help.switch'],
  ['C', 'help.crop'],
  ['[ / ]', 'help.size'],
  ['Shift + [ / ]', 'help.hardness'],
  ['Ctrl+Z', 'help.undo'],
  ['Ctrl+Shift+Z, Ctrl+Y', 'help.redo'],
  ['I', 'help.invert'],
  ['help.zoom_keys', 'help.zoom'],
  ['help.pan_keys', 'help.pan'],
  ['0', 'help.fit'],
  ['help.kb_keys', 'help.kb_paint'],
  ['R', 'help.rect'],
  ['L', 'help.lasso'],
  ['H', 'help.hold_compare'],
  ['Ctrl+Enter', 'help.send'],
  ['?', 'help.help'],
];

/** The "?" button and the list of shortcuts it opens (Escape or a click outside closes it). */
export function helpPopover(): { button: HTMLButtonElement; popover: HTMLElement; toggle(): void } {
  const popover = h(
    'div',
    { class: 'help', id: 'help', role: 'dialog', 'aria-label': t('help.dialog'), tabindex: -1, hidden: true },
    h('h2', {}, t('help.title')),
    h(
      'dl',
      {},
      ...SHORTCUTS.flatMap(([k, v]) => [
        h('dt', {}, k.startsWith('help.') ? t(k as MessageKey) : k),
        h('dd', {}, t(v)),
      ]),
    ),
    h('p', {}, t('help.tip')),
  );
  const button = h(
    'button',
    {
      type: 'button',
      class: 'icon',
      'aria-expanded': 'false',
      'aria-controls': 'help',
      title: t('help.button_title'),
    },
    // The glyph is what one sees; the name is the word.
    h('span', { 'aria-hidden': 'true' }, '?'),
    h('span', { class: 'sr-only' }, t('help.button')),
  );
  const set = (open: boolean) => {
    popover.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) popover.focus();
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
