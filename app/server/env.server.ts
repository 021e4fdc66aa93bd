import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The file a secret is generated into when none is given (next to the database). */
export const SECRET_FILE = 'session-secret';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** default: loopback only, except in production (behind a proxy, or a container) */
    HOST: z.string().min(1).optional(),
    DATABASE_PATH: z.string().min(1).default('data/festplatz.sqlite'),
    PUBLIC_URL: z.url().optional(),
    /** comma-separated; the first signs new cookies, all are accepted (rotation) */
    SESSION_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters')
      .refine((s) => s.split(',').every((part) => part.trim().length >= 32), 'each secret must be at least 32 characters')
      .optional(),
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
    /** the automatic daily online backup (7 daily, 4 weekly kept) */
    DAILY_BACKUP: boolean.default(true),
    /** where it goes; default: backups/ beside the database */
    BACKUP_DIR: z.string().min(1).optional(),
    /** the first look after start (then hourly: is today's backup there?) */
    BACKUP_FIRST_DELAY_SECONDS: z.coerce.number().min(0).max(86_400).default(300),
    /** who may frame the /embed pages: "*" (any site) or space/comma-separated origins (https://www.dortmund.de) */
    EMBED_ORIGINS: z
      .string()
      .default('*')
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .refine((list) => list.length > 0 && list.every((o) => o === '*' || /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o)), 'must be * or origins like https://www.example.de, separated by commas'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
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

export type Env = Omit<z.infer<typeof schema>, 'SEED_DEMO'> & { PUBLIC_URL: string; HOST: string; SESSION_SECRET: string; SEED_DEMO: boolean };

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
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    HOST: env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    SESSION_SECRET: env.SESSION_SECRET ?? generatedSecret(env.DATABASE_PATH),
    SEED_DEMO: env.SEED_DEMO ?? env.NODE_ENV !== 'production',
  };
}

/**
 * Without SESSION_SECRET (outside production): a random secret made on first start and
 * kept in the data folder beside the database (`session-secret`, readable by its owner
 * only), so `npm start` works out of the box and never signs with a published value.
 */
export function generatedSecret(databasePath: string): string {
  const dir = databasePath === ':memory:' ? path.resolve('data') : path.dirname(path.resolve(databasePath));
  const file = path.join(dir, SECRET_FILE);
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  try {
    // 'wx': two processes starting at once keep the first one's secret
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
}

let cached: Env | undefined;
/** The environment of this process, checked once. */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
