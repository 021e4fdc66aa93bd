/** The forms of the check-in page (one zod schema each, used by the browser and the server). */
import { z } from 'zod';

export const CODE_INPUT_MAX = 300;

/** A pass code typed (or a scanned pass URL); its format is checked by the domain, which says why. */
export const checkInCodeSchema = z.object({
  intent: z.literal('code'),
  code: z.string().trim().min(1).max(CODE_INPUT_MAX),
});

/** A stand picked from the list, or a check-in taken back. */
export const standActionSchema = z.object({
  intent: z.enum(['list', 'undo']),
  registrationId: z.coerce.number().int().positive(),
});

/** What the phone sends for a scan (also the ones kept while offline). */
export const scanSchema = z.object({
  code: z.string().trim().min(1).max(CODE_INPUT_MAX),
  method: z.enum(['scan', 'code', 'offline']).default('scan'),
  scannedAt: z.string().max(40).optional(),
});
