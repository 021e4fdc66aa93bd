import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { acceptsGzip, isNotModified } from '~/http/conditional.server';

describe('conditional requests and gzip (feeds, schedule files, cached pages)', () => {
  it('answers a conditional request from a list of tags, a weak tag or a star, and the date only without tags', () => {
    const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
    expect(isNotModified(req({ 'if-none-match': '"a", W/"b"' }), ['"b"'])).toBe(true);
    expect(isNotModified(req({ 'if-none-match': '*' }), ['"x"'])).toBe(true);
    expect(isNotModified(req({ 'if-none-match': '"c"' }), ['"b"'])).toBe(false);
    const modified = new Date('2026-12-01T10:00:00Z');
    expect(isNotModified(req({ 'if-modified-since': 'Tue, 01 Dec 2026 10:00:00 GMT' }), ['"b"'], modified)).toBe(true);
    expect(isNotModified(req({ 'if-none-match': '"c"', 'if-modified-since': 'Tue, 01 Dec 2026 10:00:00 GMT' }), ['"b"'], modified)).toBe(false);
  });

  it('serves gzip only to clients that take it', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
