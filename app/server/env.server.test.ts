import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env.server';

const tempData = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'festplatz-env-')), 'data', 'festplatz.sqlite');

describe('environment', () => {
  it('has defaults a newcomer can run with', () => {
    const env = loadEnv({ DATABASE_PATH: tempData() });
    expect(env.PORT).toBe(3000);
    // loopback unless HOST says otherwise or in production (issue 17)
    expect(env.HOST).toBe('127.0.0.1');
    expect(loadEnv({ DATABASE_PATH: tempData(), HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadEnv({ DATABASE_PATH: tempData(), NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).HOST).toBe('0.0.0.0');
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

  it('without SESSION_SECRET, makes a random one into the data folder and keeps using it', () => {
    const database = tempData();
    const first = loadEnv({ DATABASE_PATH: database }).SESSION_SECRET;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(path.dirname(database), 'session-secret');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(loadEnv({ DATABASE_PATH: database }).SESSION_SECRET).toBe(first);
    // another data folder, another secret: nothing published in the repository signs anything
    expect(loadEnv({ DATABASE_PATH: tempData() }).SESSION_SECRET).not.toBe(first);
  });

  it('refuses the development secret in production, and half a Stripe configuration', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: must be set in production/);
    expect(() => loadEnv({ STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });
});
