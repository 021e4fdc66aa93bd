/**
 * Rate limits per address and per IP, in memory (one server process). rate-limiter-flexible
 * counts in fixed windows with a clean API and no external store; see docs/decisions/004.
 */
import { json } from '@remix-run/node';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from '../server/env.server';
import { translator, type Locale } from '../lib/i18n';

const limits = {
  /** sign-in links: 5 per address per 15 minutes, 20 per IP */
  signInEmail: { points: 5, duration: 15 * 60 },
  signInIp: { points: 20, duration: 15 * 60 },
  /** stand applications and their edits */
  applicationIp: { points: 60, duration: 10 * 60 },
  /** resident subscriptions by email */
  subscriptionEmail: { points: 3, duration: 60 * 60 },
  subscriptionIp: { points: 20, duration: 60 * 60 },
  /** wrong second-factor codes: 5 per person per 15 minutes, 30 per IP (only failures count) */
  totpPerson: { points: 5, duration: 15 * 60 },
  totpIp: { points: 30, duration: 15 * 60 },
} as const;
export type LimitName = keyof typeof limits;

const limiters = new Map<LimitName, RateLimiterMemory>();
function limiter(name: LimitName) {
  let l = limiters.get(name);
  if (!l) {
    l = new RateLimiterMemory({ keyPrefix: name, ...limits[name] });
    limiters.set(name, l);
  }
  return l;
}

export interface Limited {
  retryAfterSeconds: number;
  minutes: number;
}

/**
 * Counts one attempt for each (limit, key); says how long to wait when any is exhausted.
 * Keys are lower-cased. RATE_LIMITS=off (benchmarks on loopback) turns counting off.
 */
export async function rateLimited(checks: [LimitName, string | undefined][]): Promise<Limited | null> {
  if (!env().RATE_LIMITS) return null;
  for (const [name, key] of checks) {
    if (!key) continue;
    try {
      await limiter(name).consume(key.toLowerCase());
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      return { retryAfterSeconds: seconds, minutes: Math.ceil(seconds / 60) };
    }
  }
  return null;
}

/** The same, for endpoints without a form: throws a 429 with a translated message and Retry-After. */
export async function enforceRateLimits(checks: [LimitName, string | undefined][], locale: Locale): Promise<void> {
  const limited = await rateLimited(checks);
  if (limited) {
    throw json(
      { message: translator(locale)('forms:errors.tooManyRequests', { minutes: limited.minutes }) },
      { status: 429, headers: { 'Retry-After': String(limited.retryAfterSeconds) } },
    );
  }
}

/**
 * Limits that count failures only (wrong TOTP codes): `blockedByFailures` before the
 * attempt, `recordFailure` after a wrong one. A right code does not use up the allowance.
 */
export async function blockedByFailures(checks: [LimitName, string | undefined][]): Promise<Limited | null> {
  if (!env().RATE_LIMITS) return null;
  for (const [name, key] of checks) {
    if (!key) continue;
    const res = await limiter(name).get(key.toLowerCase());
    if (res && res.consumedPoints >= limits[name].points) {
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      return { retryAfterSeconds: seconds, minutes: Math.ceil(seconds / 60) };
    }
  }
  return null;
}

export async function recordFailure(checks: [LimitName, string | undefined][]): Promise<void> {
  if (!env().RATE_LIMITS) return;
  for (const [name, key] of checks) {
    if (!key) continue;
    try {
      await limiter(name).consume(key.toLowerCase());
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  }
}

/** For tests: forget every count. */
export function resetRateLimits(): void {
  limiters.clear();
}
