import QRCode from 'qrcode';

/**
 * A QR code as SVG markup, made synchronously (mail templates render synchronously; the pages
 * use app/http/qr.server.ts). Black squares on white, with a quiet zone of `margin` modules.
 */
export function qrSvg(text: string, options: { margin?: number; size?: string; place?: { x: number; y: number; size: number } } = {}): string {
  const margin = options.margin ?? 2;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let path = '';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (modules.get(y, x)) path += `M${x + margin} ${y + margin}h1v1h-1z`;
  const total = n + 2 * margin;
  const place = options.place ? ` x="${options.place.x}" y="${options.place.y}" width="${options.place.size}" height="${options.place.size}"` : '';
  const size = options.size ? ` width="${options.size}" height="${options.size}"` : place;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}"${size} shape-rendering="crispEdges"><rect width="${total}" height="${total}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}
