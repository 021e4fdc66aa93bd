/**
 * Draws the share preview image and the app icons from the favicon's shapes (sharp, already a
 * dependency). Run after changing the logo: `npx tsx scripts/icons.ts`; the PNGs are committed.
 */
import path from 'node:path';
import sharp from 'sharp';

const out = path.resolve(import.meta.dirname, '../public');
const ACCENT = '#8a1538';

function icon(size: number, padding: number): string {
  const inner = size - 2 * padding;
  const s = (n: number) => padding + (n / 32) * inner;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" ${padding ? '' : `rx="${size * 0.1875}"`} fill="${ACCENT}"/>
  <path d="M${s(6)} ${s(24)} L${s(16)} ${s(7)} L${s(26)} ${s(24)} Z" fill="#fff"/></svg>`;
}

const share = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#f5f3ef"/>
  <rect x="0" y="0" width="1200" height="24" fill="${ACCENT}"/>
  <rect x="120" y="165" width="300" height="300" rx="56" fill="${ACCENT}"/>
  <path d="M176 390 L270 230 L364 390 Z" fill="#fff"/>
  <text x="480" y="345" font-family="DejaVu Sans, Arial, sans-serif" font-size="112" font-weight="700" fill="#1b1b1f">Festplatz</text>
</svg>`;

await sharp(Buffer.from(share)).png({ compressionLevel: 9 }).toFile(path.join(out, 'og-image.png'));
for (const size of [192, 512]) {
  await sharp(Buffer.from(icon(size, 0))).png().toFile(path.join(out, `icon-${size}.png`));
  // maskable: the shape inside the 80 % safe zone, the background to the edges
  await sharp(Buffer.from(icon(size, Math.round(size * 0.14)))).png().toFile(path.join(out, `icon-maskable-${size}.png`));
}
console.log('wrote public/og-image.png and public/icon-*.png');
