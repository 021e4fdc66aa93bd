import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'emails/**/*.test.ts', 'tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    env: { LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: browser journeys each start a server and a Chromium.
    maxWorkers: 2,
  },
});
