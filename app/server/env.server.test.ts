import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env.server';

describe('environment', () => {
  it('has defaults a newcomer can run with', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_PATH).toBe('data/festplatz.sqlite');
    expect(env.PUBLIC_URL).toBe('http://localhost:3000');
    expect(env.SEED_DEMO).toBe(true);
  });

  it('seeds the demo only where a person asks for it: off by default in production, on when SEED_DEMO says so', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };
    expect(loadEnv(production).SEED_DEMO).toBe(false);
    expect(loadEnv({ ...production, SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
    expect(loadEnv({ NODE_ENV: 'development', SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
    expect(loadEnv({ NODE_ENV: 'test' }).SEED_DEMO).toBe(true);
  });

  it('names every bad value in one message', () => {
    expect(() => loadEnv({ PORT: 'eighty', SMTP_URL: 'not a url' })).toThrow(EnvError);
    try {
      loadEnv({ PORT: 'eighty', SMTP_URL: 'not a url' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/SMTP_URL/);
    }
  });

  it('refuses the development secret in production, and half a Stripe configuration', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: must be set in production/);
    expect(() => loadEnv({ STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });
});
