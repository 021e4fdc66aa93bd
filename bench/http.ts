import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
/** A bench-only secret for the bench's own throwaway servers. */
export const BENCH_SESSION_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
}

/** Runs autocannon in a second process (bounded: fixed duration, 127.0.0.1 only) and reads its JSON. */
export async function load(url: string, options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {}): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`bench targets loopback only: ${url}`);
  const args = [path.join(root, 'node_modules/autocannon/autocannon.js'), '--json', '-c', String(options.connections ?? 50), '-d', String(options.seconds ?? 5)];
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise((r) => child.on('exit', r));
  const r = JSON.parse(out);
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    total: r.requests.total,
  };
}

export interface AppServer {
  url: string;
  process: ChildProcess;
  peakRssMb: () => number;
  stop: () => Promise<void>;
}

/** The real production server over the build, on the given database, rate limits off (one IP on loopback). */
export async function startAppServer(databasePath: string, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  // BENCH_NODE_ARGS: extra node flags for the server under test (profiling: --cpu-prof, --trace-gc, --import <preload>)
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), 'server.mjs'], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', SESSION_SECRET: BENCH_SESSION_SECRET, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, LOG_LEVEL: 'warn', RATE_LIMITS: 'off', SEED_DEMO: 'false', MAIL_DIR: path.join(path.dirname(databasePath), 'mail'), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    child.stdout!.on('data', () => {
      const m = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
  });
  return {
    url,
    process: child,
    peakRssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
