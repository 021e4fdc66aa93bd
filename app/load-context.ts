// What server.mjs hands every loader and action besides the request.
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** the CSP nonce of this response */
    cspNonce: string;
    /** the client's address (behind a proxy on loopback: X-Forwarded-For) */
    clientIp: string;
  }
}
export {};
