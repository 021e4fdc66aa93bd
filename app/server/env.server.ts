import { z } from 'zod';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const DEV_SECRET = 'festplatz-development-secret-change-me-in-production';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_PATH: z.string().min(1).default('data/festplatz.sqlite'),
    PUBLIC_URL: z.url().optional(),
    /** comma-separated; the first signs new cookies, all are accepted (rotation) */
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SECRET),
    /** unset: on in development and tests, off in production (a city's database starts empty) */
    SEED_DEMO: boolean.optional(),
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default('Festplatz <noreply@festplatz.localhost>'),
    MAIL_DIR: z.string().min(1).default('data/mail'),
    STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    /** tests point the real Stripe SDK at a local server */
    STRIPE_API_HOST: z.string().optional(),
    STRIPE_API_PORT: z.coerce.number().int().optional(),
    STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
    /** the payee on bank-transfer instructions and receipts (placeholders: set them for your city) */
    PAYEE_NAME: z.string().min(1).default('Stadt Dortmund · Büro für Festkultur (Beispiel)'),
    /** address lines separated by "|" */
    PAYEE_ADDRESS: z.string().min(1).default('Friedensplatz 1|44135 Dortmund'),
    PAYEE_IBAN: z.string().min(1).default('DE89 3704 0044 0532 0130 00'),
    PAYEE_BIC: z.string().min(1).default('COBADEFFXXX'),
    PAYEE_BANK: z.string().min(1).default('Beispielbank Dortmund'),
    /** printed on receipts instead of the translated default ("umsatzsteuerfrei") */
    RECEIPT_VAT_NOTE: z.string().min(1).optional(),
    /** off only for load tests on loopback, where every client has one address */
    RATE_LIMITS: z.enum(['on', 'off']).default('on').transform((v) => v === 'on'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** contact data of editions that ended longer ago than this is erased (daily, and npm run privacy:retention) */
    RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SESSION_SECRET === DEV_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'must be set in production' });
    }
    if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_WEBHOOK_SECRET'],
        message: 'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set together or not at all',
      });
    }
  });

export type Env = Omit<z.infer<typeof schema>, 'SEED_DEMO'> & { PUBLIC_URL: string; SEED_DEMO: boolean };

export class EnvError extends Error {}

/** Reads and checks the environment; throws one readable message listing every bad value. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const input = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    ...env,
    SEED_DEMO: env.SEED_DEMO ?? env.NODE_ENV !== 'production',
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
  };
}

let cached: Env | undefined;
/** The environment of this process, checked once. */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
