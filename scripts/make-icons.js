/**
 * Draws the add-in's icons (PNG, no dependencies) into assets/:
 *   icon-16/32/64/80.png  three rising bars (the add-in)
 *   funnel-16/32/80.png   a funnel (the "New Funnel" button)
 * Run: node scripts/make-icons.js
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** pixel(x, y) -> [r, g, b, a] in 0..255, sampled 4x4 per pixel for smooth edges. */
function png(size, shape) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const c = shape((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          if (c) acc = acc.map((v, i) => v + (i < 3 ? c[i] * (c[3] / 255) : c[3]));
        }
      const a = acc[3] / 16;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(acc[0] / 16 / (a / 255)) : 0;
      raw[o + 1] = a ? Math.round(acc[1] / 16 / (a / 255)) : 0;
      raw[o + 2] = a ? Math.round(acc[2] / 16 / (a / 255)) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
const GREEN = [16, 124, 65, 255];
const LIGHT = [33, 115, 70, 255];
const bars = (u, v) => {
  const inBar = (x0, x1, top) => u >= x0 && u <= x1 && v >= top && v <= 0.9;
  if (inBar(0.1, 0.3, 0.55) || inBar(0.4, 0.6, 0.35)) return LIGHT;
  if (inBar(0.7, 0.9, 0.1)) return GREEN;
  return null;
};
const funnel = (u, v) => {
  if (v < 0.1 || v > 0.9) return null;
  const half = v < 0.6 ? 0.42 - (v - 0.1) * 0.6 : 0.12;
  if (Math.abs(u - 0.5) > half) return null;
  const band = Math.floor((v - 0.1) / 0.2);
  return band % 2 === 0 ? GREEN : LIGHT;
};
const dir = path.resolve(__dirname, "../assets");
fs.mkdirSync(dir, { recursive: true });
for (const s of [16, 32, 64, 80]) fs.writeFileSync(path.join(dir, `icon-${s}.png`), png(s, bars));
for (const s of [16, 32, 80]) fs.writeFileSync(path.join(dir, `funnel-${s}.png`), png(s, funnel));
console.log(`icons written to ${dir}`);
