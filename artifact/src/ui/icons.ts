/**
 * Small line icons for the toolbar. Where the editor is narrow (Open WebUI's message or artifact panel, a
 * phone) the buttons show only these; the word stays as the button's accessible name and tooltip.
 */
const PATHS = {
  brush: 'M3 13c2 0 3-1 3-3l6-6 2 2-6 6c-2 0-3 1-3 3H3zM10 4l2 2',
  eraser: 'M2 12l6-8 6 5-4 5H5zM6 14h8',
  crop: 'M4 1v11h11M1 4h11v11',
  clear: 'M3 4h10M6 4V2h4v2M4 4l1 10h6l1-10',
  invert: 'M8 2a6 6 0 1 0 0 12zM8 2a6 6 0 1 1 0 12',
  grow: 'M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4M5 8h6M8 5v6',
  shrink: 'M5 1v4H1M15 5h-4V1M11 15v-4h4M1 11h4v4M5 8h6',
  blur: 'M8 1s5 6 5 9a5 5 0 0 1-10 0c0-3 5-9 5-9z',
  'load-mask': 'M8 11V2M4 6l4-4 4 4M2 11v3h12v-3',
  fit: 'M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4',
} as const;

export type IconName = keyof typeof PATHS;

const SVG = 'http://www.w3.org/2000/svg';

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', PATHS[name]);
  svg.append(path);
  return svg;
}
