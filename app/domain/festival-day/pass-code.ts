/**
 * The short code of a stand pass: seven characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), shown in groups as "D27-F3-7K". Random, not derived from anything:
 * it carries no personal data, and 31^7 ≈ 2.75 × 10^10 codes make guessing one of an
 * edition's few hundred pointless (docs/decisions/110). Pure, shared by server and browser.
 */
export const PASS_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PASS_LENGTH = 7;

/** A new code; `randomIndex(n)` must be a cryptographic random integer in [0, n). */
export function newPassCode(randomIndex: (n: number) => number): string {
  return Array.from({ length: PASS_LENGTH }, () => PASS_ALPHABET[randomIndex(PASS_ALPHABET.length)]).join('');
}

/** "D27F37K" as people read it: "D27-F3-7K". */
export function formatPassCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3, 5)}-${code.slice(5)}`;
}

/**
 * What someone typed or a QR code held, as a stored code, or null when it cannot be one.
 * Accepts dashes, spaces, lower case and the pass URL (…/check-in?code=D27F37K); reads the
 * look-alikes the alphabet leaves out as the letter people meant (O → 0 is no code either).
 */
export function normalisePassCode(input: string): string | null {
  let text = input.trim();
  const fromUrl = /[?&]code=([^&#\s]+)/.exec(text);
  if (fromUrl) text = decodeURIComponent(fromUrl[1]!);
  const code = text.toUpperCase().replace(/[\s\-–—_.]/g, '');
  if (code.length !== PASS_LENGTH) return null;
  for (const ch of code) if (!PASS_ALPHABET.includes(ch)) return null;
  return code;
}

/** Where a pass's QR code leads: the check-in page of its edition with the code filled in. */
export function passUrl(publicUrl: string, editionSlug: string, code: string): string {
  return `${publicUrl}/office/editions/${editionSlug}/check-in?code=${code}`;
}
