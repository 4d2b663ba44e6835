import sharp from 'sharp';

/**
 * A photo-like test picture, built here so no test downloads one: sky with clouds and a sun, hills, a textured
 * meadow, a red ball and a sign, then compressed as JPEG so it has a real camera file's block noise. Smooth
 * gradients alone hide the faults that real photos show (the old fill looked right on those and was broken on
 * every photo), so the fill's tests and the benchmark use this.
 */
export interface Photo {
  width: number;
  height: number;
  /** The picture as a user would send it (JPEG). */
  jpeg: Buffer;
  /** The same picture decoded to interleaved RGB. */
  rgb: Uint8Array;
  /** One byte per pixel, 255 over an object (with a margin, as a user paints it), 0 elsewhere. */
  masks: { ball: Uint8Array; sign: Uint8Array; sun: Uint8Array };
}

/** Object positions as fractions of the picture, so every size shows the same scene. */
const SCENE = {
  horizon: 0.52,
  sun: { x: 0.78, y: 0.16, r: 0.045 },
  ball: { x: 0.32, y: 0.78, r: 0.06 },
  sign: { x: 0.62, y: 0.5, w: 0.12, h: 0.09, post: 0.012, foot: 0.86 },
};

export async function photo(width: number, height: number, seed = 7): Promise<Photo> {
  const noise = new ValueNoise(seed);
  const size = Math.min(width, height);
  const rgb = new Uint8Array(width * height * 3);
  const { horizon, sun, ball, sign } = SCENE;
  const sunX = sun.x * width;
  const sunY = sun.y * height;
  const ballX = ball.x * width;
  const ballY = ball.y * height;
  const ballR = ball.r * size;
  const board = {
    x0: (sign.x - sign.w / 2) * width,
    x1: (sign.x + sign.w / 2) * width,
    y0: (sign.y - sign.h / 2) * height,
    y1: (sign.y + sign.h / 2) * height,
  };
  const postHalf = (sign.post * width) / 2;
  for (let y = 0; y < height; y++) {
    const v = y / height;
    for (let x = 0; x < width; x++) {
      const u = x / width;
      let r: number;
      let g: number;
      let b: number;
      const hill = horizon - 0.05 * noise.fbm(u * 3, 0.5, 3);
      if (v < hill) {
        // Sky: deeper blue at the top, hazy at the horizon, clouds as soft noise, a bright sun with a glow.
        const t = v / hill;
        r = 70 + 110 * t;
        g = 120 + 90 * t;
        b = 200 + 40 * t;
        const cloud = Math.max(0, noise.fbm(u * 4, v * 9, 5) - 0.55) * 2.2;
        r += (245 - r) * Math.min(1, cloud);
        g += (245 - g) * Math.min(1, cloud);
        b += (250 - b) * Math.min(1, cloud);
        const d = Math.hypot(x - sunX, y - sunY) / (sun.r * size);
        const glow = d < 1 ? 1 : Math.exp(-(d - 1) * 1.5) * 0.6;
        r += (255 - r) * glow;
        g += (240 - g) * glow;
        b += (170 - b) * glow;
      } else {
        // Meadow: darker green far away, blades as fine noise, patches as coarse noise.
        const t = (v - hill) / (1 - hill);
        const patch = noise.fbm(u * 6, v * 6, 3);
        const blades = noise.fbm(u * 180, v * 60, 2);
        const light = 0.65 + 0.35 * t + 0.25 * (patch - 0.5) + 0.35 * (blades - 0.5);
        r = (60 + 40 * patch) * light;
        g = (120 + 50 * t) * light;
        b = 40 * light;
      }
      // The sign: a post, and a board with two lines of dark "lettering".
      const onPost = Math.abs(x - sign.x * width) < postHalf && y > board.y1 && y < sign.foot * height;
      if (onPost) [r, g, b] = [110, 80, 50];
      if (x >= board.x0 && x < board.x1 && y >= board.y0 && y < board.y1) {
        const bu = (x - board.x0) / (board.x1 - board.x0);
        const bv = (y - board.y0) / (board.y1 - board.y0);
        const lettering =
          ((bv > 0.25 && bv < 0.42) || (bv > 0.58 && bv < 0.75)) &&
          bu > 0.1 &&
          bu < 0.9 &&
          noise.at(x >> 2, y >> 2) > 0.35;
        const edge = bu < 0.04 || bu > 0.96 || bv < 0.06 || bv > 0.94;
        [r, g, b] = edge ? [90, 60, 30] : lettering ? [30, 30, 35] : [235, 225, 200];
      }
      // The ball: shaded red sphere with a highlight, and its shadow on the grass.
      const dx = (x - ballX) / ballR;
      const dy = (y - ballY) / ballR;
      const d2 = dx * dx + dy * dy;
      const shadow = Math.hypot(dx - 0.3, (dy - 0.95) * 3);
      if (d2 >= 1 && shadow < 1.1) {
        r *= 0.55;
        g *= 0.55;
        b *= 0.55;
      }
      if (d2 < 1) {
        const nz = Math.sqrt(1 - d2);
        const lambert = Math.max(0.15, -0.4 * dx - 0.5 * dy + 0.75 * nz);
        const spec = Math.max(0, -0.4 * dx - 0.5 * dy + 0.75 * nz) ** 30;
        r = 220 * lambert + 255 * spec;
        g = 25 * lambert + 230 * spec;
        b = 30 * lambert + 230 * spec;
      }
      const grain = (noise.at(x * 7 + 3, y * 13 + 5) - 0.5) * 10;
      const i = (y * width + x) * 3;
      rgb[i] = clamp(r + grain);
      rgb[i + 1] = clamp(g + grain);
      rgb[i + 2] = clamp(b + grain);
    }
  }
  const jpeg = await sharp(rgb, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 82, chromaSubsampling: '4:2:0' })
    .toBuffer();
  const decoded = new Uint8Array(await sharp(jpeg).removeAlpha().raw().toBuffer());
  const margin = 0.012 * size;
  return {
    width,
    height,
    jpeg,
    rgb: decoded,
    masks: {
      ball: paint(width, height, (x, y) => Math.hypot(x - ballX, y - ballY) < ballR + margin || shadowAt(x, y)),
      sign: paint(
        width,
        height,
        (x, y) =>
          (x >= board.x0 - margin && x < board.x1 + margin && y >= board.y0 - margin && y < board.y1 + margin) ||
          (Math.abs(x - sign.x * width) < postHalf + margin && y > board.y1 && y < sign.foot * height + margin),
      ),
      sun: paint(width, height, (x, y) => Math.hypot(x - sunX, y - sunY) < sun.r * size * 2.2),
    },
  };

  function shadowAt(x: number, y: number): boolean {
    return Math.hypot((x - ballX) / ballR - 0.3, ((y - ballY) / ballR - 0.95) * 3) < 1.1 + margin / ballR;
  }
}

function paint(width: number, height: number, inside: (x: number, y: number) => boolean): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (inside(x + 0.5, y + 0.5)) mask[y * width + x] = 255;
  return mask;
}

function clamp(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}

/** Smoothly interpolated lattice noise in [0, 1], deterministic for a seed. */
class ValueNoise {
  private readonly table = new Float32Array(1024);

  constructor(seed: number) {
    let s = seed >>> 0;
    for (let i = 0; i < this.table.length; i++) {
      // mulberry32
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      this.table[i] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
  }

  /** The lattice value at integer coordinates. */
  at(x: number, y: number): number {
    return this.table[(Math.imul(x, 73856093) ^ Math.imul(y, 19349663)) & 1023]!;
  }

  private smooth(x: number, y: number): number {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const top = this.at(x0, y0) + (this.at(x0 + 1, y0) - this.at(x0, y0)) * sx;
    const bottom = this.at(x0, y0 + 1) + (this.at(x0 + 1, y0 + 1) - this.at(x0, y0 + 1)) * sx;
    return top + (bottom - top) * sy;
  }

  /** Fractal sum of `octaves` layers, each twice as fine and half as strong. */
  fbm(x: number, y: number, octaves: number): number {
    let sum = 0;
    let amp = 0.5;
    let norm = 0;
    for (let o = 0; o < octaves; o++) {
      sum += amp * this.smooth(x, y);
      norm += amp;
      x *= 2;
      y *= 2;
      amp *= 0.5;
    }
    return sum / norm;
  }
}
