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

/** Smooth colour gradients: the kind of content classical inpainting reconstructs well. */
export async function smoothImage(width: number, height: number): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = Math.round(128 + 100 * Math.sin(2 * Math.PI * 0.7 * (x / width) + 0.5));
      data[i + 1] = Math.round(40 + 180 * (y / height));
      data[i + 2] = Math.round(128 + 90 * Math.cos(2 * Math.PI * ((x + y) / (width + height))));
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A white disc covering `fraction` of the picture, centred at (cx, cy) given as fractions. */
export async function circleMask(width: number, height: number, fraction: number, cx = 0.5, cy = 0.5): Promise<Buffer> {
  const data = Buffer.alloc(width * height);
  const radius = Math.sqrt((fraction * width * height) / Math.PI);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (Math.hypot(x + 0.5 - cx * width, y + 0.5 - cy * height) <= radius) data[y * width + x] = 255;
    }
  }
  return sharp(data, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}
