// The reference: a bare node:http server answering every request with the same bytes
// (gzip when asked, 304 for a matching If-None-Match). Usage: node plain-server.mjs FILE TYPE
import http from 'node:http';
import fs from 'node:fs';
import zlib from 'node:zlib';
import crypto from 'node:crypto';

const [file, type] = process.argv.slice(2);
const body = fs.readFileSync(file);
const gzipped = zlib.gzipSync(body);
const etag = `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
const server = http.createServer((req, res) => {
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag });
    return res.end();
  }
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  res.writeHead(200, { 'Content-Type': type, ETag: etag, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
  res.end(gzip ? gzipped : body);
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port} ${etag}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
