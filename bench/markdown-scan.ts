/**
 * Hostile chat messages cost linear time: finding the images in 1 MB and in 4 MB of text built to trip a
 * backtracking scan ("![" repeated, unclosed tags...). Four times the text should cost about four times the time;
 * a quadratic scan would take about sixteen.
 */
import { imagesInMessage } from '../src/owui/images.js';
import { atMost, round, type Result } from './result.js';

const MB = 1024 * 1024;
const UNITS = ['![', '![a](', '<img ', '<img src=', '`![`](', '[[[[![', '![a](b "'];

function bestMs(text: string): number {
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    imagesInMessage({ content: text });
    return performance.now() - start;
  });
  return Math.min(...times);
}

export async function benchMarkdownScan(): Promise<Result[]> {
  let worstRatio = 0;
  let worstBig = 0;
  let worstUnit = '';
  for (const unit of UNITS) {
    const text = unit.repeat(Math.ceil((4 * MB) / unit.length));
    const small = bestMs(text.slice(0, MB));
    const big = bestMs(text);
    const ratio = big / Math.max(small, 1);
    if (ratio > worstRatio) [worstRatio, worstUnit] = [ratio, unit];
    worstBig = Math.max(worstBig, big);
  }
  return [
    atMost(
      'chat scan: 4 MB vs 1 MB of hostile markdown, time ratio',
      round(worstRatio),
      'x',
      8,
      `worst: "${worstUnit}" repeated`,
    ),
    atMost(
      'chat scan: 4 MB of hostile markdown, slowest',
      round(worstBig),
      'ms',
      2000,
      `${UNITS.length} patterns, best of 3`,
    ),
  ];
}
