import sharp from 'sharp';

/** A deterministic test picture with structure (gradients and stripes), as PNG. */
export async function testImage(width = 256, height = 192): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = Math.round((x / width) * 255);
      data[i + 1] = Math.round((y / height) * 255);
      data[i + 2] = (Math.floor(x / 16) + Math.floor(y / 16)) % 2 ? 200 : 60;
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A mask PNG: white rectangle (x, y, w, h as fractions) on black. */
export async function testMask(
  width: number,
  height: number,
  rect = { x: 0.25, y: 0.25, w: 0.5, h: 0.5 },
): Promise<Buffer> {
  const data = Buffer.alloc(width * height);
  for (let y = Math.round(rect.y * height); y < Math.round((rect.y + rect.h) * height); y++) {
    for (let x = Math.round(rect.x * width); x < Math.round((rect.x + rect.w) * width); x++) data[y * width + x] = 255;
  }
  return sharp(data, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}

/**
 * A photo-like picture as a camera or image generation makes it: a sky gradient with soft clouds, grass with
 * fine texture, a red ball, sensor noise, saved as JPEG (whose blocks add their own noise). Deterministic.
 */
export async function photoLike(width: number, height: number, quality = 90): Promise<Buffer> {
  let seed = 0x2545f491;
  const rand = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const data = Buffer.alloc(width * height * 3);
  const horizon = Math.round(height * 0.55);
  const ball = { x: width * 0.62, y: height * 0.7, r: Math.min(width, height) * 0.09 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const noise = (rand() - 0.5) * 18;
      let rgb: [number, number, number];
      if ((x - ball.x) ** 2 + (y - ball.y) ** 2 < ball.r ** 2) {
        const shade = 1 - (y - ball.y + ball.r) / (4 * ball.r);
        rgb = [215 * shade + 30, 35 * shade, 40 * shade];
      } else if (y < horizon) {
        const t = y / horizon;
        const cloud = Math.max(0, Math.sin(x / (width / 7)) * Math.cos(y / (height / 9)) - 0.55) * 260;
        rgb = [90 + 80 * t + cloud, 150 + 60 * t + cloud, 235 + cloud * 0.1];
      } else {
        const blade = Math.sin(x * 0.9 + Math.sin(y * 0.35) * 3) * 22;
        rgb = [55 + blade * 0.4, 140 + blade, 45 + blade * 0.3];
      }
      for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, Math.round(rgb[c]! + noise)));
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}
