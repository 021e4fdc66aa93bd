import { env } from './env.server';

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof levels, 'silent'>;

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (levels[level] < levels[env().LOG_LEVEL]) return;
  const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}${fields ? ' ' + JSON.stringify(fields) : ''}`;
  (level === 'error' ? process.stderr : process.stdout).write(line + '\n');
}

/** One-line logs on stdout/stderr, filtered by LOG_LEVEL. */
export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write('debug', m, f),
  info: (m: string, f?: Record<string, unknown>) => write('info', m, f),
  warn: (m: string, f?: Record<string, unknown>) => write('warn', m, f),
  error: (m: string, f?: Record<string, unknown>) => write('error', m, f),
};
