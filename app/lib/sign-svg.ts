/**
 * Printable signs for the festival grounds (docs/decisions/113): one SVG page in A4 or A3
 * (millimetres, so a browser or any print shop prints it at size), with a big name, a line
 * in all six languages saying what the code is for, and a QR code to the program, whose
 * link carries no language, so each visitor's phone opens it in their own.
 */
import { qrSvg } from './qr-svg';

export const SIGN_SIZES = { a4: { width: 210, height: 297 }, a3: { width: 297, height: 420 } } as const;
export type SignSize = keyof typeof SIGN_SIZES;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface SignInput {
  size: SignSize;
  /** the big line: the stage's or the edition's name */
  name: string;
  /** the small line over it: the edition */
  eyebrow: string;
  /** "Programm dieser Bühne" in every language, each with its writing direction */
  callToAction: { text: string; lang: string; dir: 'ltr' | 'rtl' }[];
  /** what the QR code opens (and printed under it) */
  url: string;
}

/** The name and the link are shrunk to fit the width (a rough measure: a bold character is about 0.65 of the font size). */
export function signSvg(input: SignInput): string {
  const { width, height } = SIGN_SIZES[input.size];
  const unit = width / 210; // everything scales with the paper
  const margin = 15 * unit;
  const nameSize = Math.min(30 * unit, (width - 2 * margin) / Math.max(1, input.name.length * 0.65));
  const urlSize = Math.min(5 * unit, (width - 2 * margin) / Math.max(1, input.url.length * 0.56));
  const qrSize = width - 2 * margin - 70 * unit;
  const qrTop = 95 * unit;
  const lines = input.callToAction
    .map((line, i) => {
      const y = qrTop + qrSize + (18 + i * 9) * unit;
      return `<text x="${width / 2}" y="${y.toFixed(1)}" font-size="${(6.5 * unit).toFixed(1)}" text-anchor="middle" xml:lang="${line.lang}" direction="${line.dir}" unicode-bidi="embed">${escapeXml(line.text)}</text>`;
    })
    .join('');
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}" font-family="'Noto Sans', 'DejaVu Sans', Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<rect x="0" y="0" width="${width}" height="${(12 * unit).toFixed(1)}" fill="#8a1538"/>`,
    `<text x="${width / 2}" y="${(32 * unit).toFixed(1)}" font-size="${(9 * unit).toFixed(1)}" text-anchor="middle" fill="#333">${escapeXml(input.eyebrow)}</text>`,
    `<text x="${width / 2}" y="${(70 * unit).toFixed(1)}" font-size="${nameSize.toFixed(1)}" font-weight="700" text-anchor="middle" fill="#111">${escapeXml(input.name)}</text>`,
    qrSvg(input.url, { margin: 2, place: { x: (width - qrSize) / 2, y: qrTop, size: qrSize } }),
    lines,
    `<text x="${width / 2}" y="${(height - 10 * unit).toFixed(1)}" font-size="${urlSize.toFixed(2)}" text-anchor="middle" fill="#333" direction="ltr">${escapeXml(input.url)}</text>`,
    `</svg>`,
  ].join('\n');
}
