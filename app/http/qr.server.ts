import QRCode from 'qrcode';

/** A QR code as an SVG data URI for an <img>, rendered on the server, offline (docs/decisions/060). */
export async function qrDataUri(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
