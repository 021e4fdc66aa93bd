/** The sign-in forms, one zod schema each, parsed on the server and in the browser (Conform). */
import { z } from 'zod';

/** "Send me a sign-in link" */
export const signInSchema = z.object({
  email: z.string().trim().min(1).max(254).pipe(z.email()),
  redirectTo: z.string().max(500).optional(),
});

/** The code from the authenticator app (enrolment and the code step) */
export const secondFactorCodeSchema = z.object({ code: z.string().trim().min(1).max(20) });
