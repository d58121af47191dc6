// Draws the Teams app icons (a white water drop; "drypp" is Norwegian for "drip") and writes them as PNG.
// Run once with `npx tsx scripts/make-icons.ts`; the PNGs are committed, this script is kept so they can be redrawn.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const TEAL: Rgba = [0x0f, 0x7b, 0x7b, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

interface Drop {
  /** centre of the round bottom */
  cx: number;
  cy: number;
  r: number;
  /** y of the pointed top (x is cx) */
  tipY: number;
}

/** True when (x, y) is inside the drop: the circle plus the cone from the tip to the circle's tangent points. */
function insideDrop(drop: Drop, x: number, y: number): boolean {
  const dx = x - drop.cx;
  const dy = y - drop.cy;
  if (dx * dx + dy * dy <= drop.r * drop.r) return true;
  const axis = drop.cy - drop.tipY; // distance tip → centre
  if (axis <= drop.r) return false;
  const along = y - drop.tipY; // projection on the (vertical) axis
  const tangentDepth = (axis * axis - drop.r * drop.r) / axis;
  if (along < 0 || along > tangentDepth) return false;
  const halfWidthAtTangent = (drop.r * Math.sqrt(axis * axis - drop.r * drop.r)) / axis;
  return Math.abs(dx) <= (along / tangentDepth) * halfWidthAtTangent;
}

/** Fraction of a pixel covered by a shape, from an n×n grid of samples. */
function coverage(inside: (x: number, y: number) => boolean, px: number, py: number, n = 4): number {
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (inside(px + (i + 0.5) / n, py + (j + 0.5) / n)) hits++;
    }
  }
  return hits / (n * n);
}

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  const m = (i: 0 | 1 | 2 | 3) => Math.round(a[i] + (b[i] - a[i]) * t);
  return [m(0), m(1), m(2), m(3)];
}

function render(size: number, pixel: (x: number, y: number) => Rgba): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) rgba.set(pixel(x, y), (y * size + x) * 4);
  }
  return rgba;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (no filtering: filter byte 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** 192×192, full colour: a white drop on a teal square. */
export function drawColorIcon(): Buffer {
  const size = 192;
  const drop: Drop = { cx: 96, cy: 112, r: 46, tipY: 30 };
  const rgba = render(size, (x, y) =>
    mix(
      TEAL,
      WHITE,
      coverage((sx, sy) => insideDrop(drop, sx, sy), x, y),
    ),
  );
  return encodePng(size, size, rgba);
}

/**
 * 32×32 outline: the drop's outline in pure white on transparent. Teams wants only white and transparent
 * here, so a pixel is either fully white or fully transparent (no anti-aliasing).
 */
export function drawOutlineIcon(): Buffer {
  const size = 32;
  const outer: Drop = { cx: 16, cy: 19.5, r: 9.5, tipY: 2 };
  const inner: Drop = { cx: 16, cy: 19.5, r: 7, tipY: 6.5 };
  const inRing = (x: number, y: number) => insideDrop(outer, x, y) && !insideDrop(inner, x, y);
  const rgba = render(size, (x, y) => (coverage(inRing, x, y) >= 0.5 ? WHITE : TRANSPARENT));
  return encodePng(size, size, rgba);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = new URL('../appPackage/', import.meta.url);
  writeFileSync(new URL('color.png', dir), drawColorIcon());
  writeFileSync(new URL('outline.png', dir), drawOutlineIcon());
  console.log('wrote appPackage/color.png (192x192) and appPackage/outline.png (32x32)');
}
