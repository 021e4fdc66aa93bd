/**
 * The festival day's shared UI: arrival counts, the answer to a check-in, the camera scanner
 * (jsQR, loaded only when asked, docs/decisions/111) and the offline queue of scans
 * (kept in localStorage, sent when the network is back; the server refuses duplicates).
 */
import { useRevalidator } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useI18n } from './i18n';
import { formatTime } from '~/lib/time';

/** True once running in the browser (false on the server and in the first render, so both agree). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
const noSubscription = () => () => {};

/**
 * With JavaScript, a page's data is read again every `ms` while the page is shown and the
 * phone is online: the arrival counts stay live enough to act on (without JavaScript, a reload).
 */
export function useLiveData(ms: number): { revalidate: () => void } {
  const revalidator = useRevalidator();
  const state = useRef(revalidator.state);
  useEffect(() => {
    state.current = revalidator.state;
  });
  const { revalidate } = revalidator;
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible' && navigator.onLine && state.current === 'idle') revalidate();
    }, ms);
    return () => window.clearInterval(timer);
  }, [ms, revalidate]);
  return { revalidate };
}

interface AreaCount {
  areaId: number | null;
  areaName: string | null;
  expected: number;
  arrived: number;
}

/** Arrived / expected per area and in all, as a small table (the dashboard shows it too). */
export function ArrivalCounts({ areas, total, caption }: { areas: AreaCount[]; total: { expected: number; arrived: number }; caption?: string }) {
  const { t, text } = useI18n();
  return (
    <div className="table-scroll" role="region" aria-labelledby="arrivals-caption" tabIndex={0}>
      <table className="arrival-counts">
        <caption id="arrivals-caption">{caption ?? t('festival-day:counts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('festival-day:counts.area')}</th>
            <th scope="col">{t('festival-day:counts.arrived')}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr key={a.areaId ?? 'none'}>
              <th scope="row">{a.areaName ? text(a.areaName).text : t('festival-day:counts.unplaced')}</th>
              <td>{t('festival-day:counts.ofExpected', { arrived: a.arrived, expected: a.expected })}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('festival-day:counts.total')}</th>
            <td data-testid="arrivals-total">{t('festival-day:counts.ofExpected', { arrived: total.arrived, expected: total.expected })}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

type Outcome =
  | { status: 'checked-in'; organisation: string; pitch: string | null; at: string }
  | { status: 'already'; organisation: string; pitch: string | null; at: string; by: string };

export function CheckInOutcomeNotice({ outcome }: { outcome: Outcome }) {
  const { t, locale } = useI18n();
  const pitch = outcome.pitch ? t('festival-day:pitch', { label: outcome.pitch }) : t('festival-day:noPitch');
  return outcome.status === 'already' ? (
    <p className="notice notice--warning">{t('festival-day:checkIn.already', { organisation: outcome.organisation, time: formatTime(outcome.at, locale), by: outcome.by })}</p>
  ) : (
    <p className="notice notice--success">{t('festival-day:checkIn.done', { organisation: outcome.organisation, pitch, time: formatTime(outcome.at, locale) })}</p>
  );
}

const QUEUE_EVENT = 'festplatz:check-in-queue';
function subscribeQueue(onChange: () => void) {
  window.addEventListener(QUEUE_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(QUEUE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}
function queueLength(key: string): number {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.length : 0;
  } catch {
    return 0;
  }
}

interface QueuedScan {
  code: string;
  scannedAt: string;
  method: 'scan' | 'code' | 'offline';
}

export interface ScanResult {
  ok: boolean;
  message: string;
}

/**
 * Scans go to the server at once when the phone is online; otherwise (or when sending fails)
 * they are kept in localStorage and sent in order when the network returns. A scan sent twice
 * is answered "already checked in" by the server, so nothing is counted twice.
 */
export function useOfflineQueue(slug: string) {
  const key = `festplatz:check-in-queue:${slug}`;
  // the queue's length follows localStorage (this tab's writes, and other tabs' through 'storage')
  const waiting = useSyncExternalStore(
    subscribeQueue,
    () => queueLength(key),
    () => 0,
  );
  const [lastOutcome, setLastOutcome] = useState<ScanResult | null>(null);
  const sending = useRef(false);

  const read = useCallback((): QueuedScan[] => {
    try {
      const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueuedScan[]) : [];
    } catch {
      return [];
    }
  }, [key]);
  const write = useCallback(
    (queue: QueuedScan[]) => {
      window.localStorage.setItem(key, JSON.stringify(queue));
      window.dispatchEvent(new Event(QUEUE_EVENT));
    },
    [key],
  );

  /** Sends one scan; null when the network failed (the scan stays queued). */
  const send = useCallback(
    async (scan: QueuedScan): Promise<ScanResult | null> => {
      try {
        const response = await fetch(`/office/editions/${slug}/check-in/scan`, {
          method: 'POST',
          body: new URLSearchParams({ code: scan.code, method: scan.method, scannedAt: scan.scannedAt }),
          headers: { Accept: 'application/json' },
        });
        if (!(response.headers.get('content-type') ?? '').includes('application/json')) return null; // signed out: keep it
        const body = (await response.json()) as { ok: boolean; message: string };
        return { ok: body.ok, message: body.message };
      } catch {
        return null;
      }
    },
    [slug],
  );

  const flush = useCallback(async () => {
    if (sending.current || !navigator.onLine) return;
    sending.current = true;
    try {
      for (let queue = read(); queue.length > 0; queue = read()) {
        const result = await send(queue[0]!);
        if (!result) break;
        write(read().slice(1));
        setLastOutcome(result);
      }
    } finally {
      sending.current = false;
    }
  }, [read, send, write]);

  useEffect(() => {
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    // the network may be "up" while the server is not reachable: try again now and then
    const retry = window.setInterval(online, 10_000);
    return () => {
      window.removeEventListener('online', online);
      window.clearInterval(retry);
    };
  }, [flush]);

  const add = useCallback(
    async (code: string, method: 'scan' | 'code') => {
      const scan: QueuedScan = { code, scannedAt: new Date().toISOString(), method };
      if (navigator.onLine && read().length === 0) {
        const result = await send(scan);
        if (result) {
          setLastOutcome(result);
          return;
        }
      }
      write([...read(), { ...scan, method: 'offline' }]);
      // online with older scans still waiting: this one goes after them, in order
      if (navigator.onLine) void flush();
    },
    [flush, read, send, write],
  );

  return { add, waiting, lastOutcome, flush };
}

type Decoder = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
let decoder: Promise<Decoder> | null = null;
/** jsQR, fetched the first time a scan is asked for (not with the page). */
function loadDecoder(): Promise<Decoder> {
  decoder ??= import('jsqr').then((m) => ((m as unknown as { default?: Decoder }).default ?? (m as unknown as Decoder)));
  return decoder;
}

function decodeCanvas(canvas: HTMLCanvasElement, source: CanvasImageSource, width: number, height: number, decode: Decoder): string | null {
  // large photos are scaled down: jsQR is quick on ~800 px and a pass's code is large
  const scale = Math.min(1, 800 / Math.max(width, height));
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  return decode(image.data, image.width, image.height)?.data ?? null;
}

/**
 * The camera, asked for only when the button is pressed; a photo of the pass works too
 * (and where there is no camera). Each code read is handed to `onCode` once (the same pass
 * held in front of the camera is not sent again for a few seconds).
 */
export function PassScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const frame = useRef<number | null>(null);
  const recent = useRef<{ code: string; at: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const found = useCallback(
    (code: string) => {
      const now = Date.now();
      if (recent.current && recent.current.code === code && now - recent.current.at < 4_000) return;
      recent.current = { code, at: now };
      onCode(code);
    },
    [onCode],
  );

  const stop = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    setRunning(false);
  }, []);
  useEffect(() => stop, [stop]);

  async function start() {
    setProblem(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem(t('festival-day:scan.noCamera'));
      return;
    }
    try {
      const [decode, media] = await Promise.all([loadDecoder(), navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })]);
      stream.current = media;
      const element = video.current!;
      element.srcObject = media;
      await element.play();
      setRunning(true);
      const tick = () => {
        if (!stream.current) return;
        if (element.readyState >= element.HAVE_CURRENT_DATA && canvas.current) {
          const code = decodeCanvas(canvas.current, element, element.videoWidth, element.videoHeight, decode);
          if (code) found(code);
        }
        frame.current = requestAnimationFrame(tick);
      };
      frame.current = requestAnimationFrame(tick);
    } catch {
      stop();
      setProblem(t('festival-day:scan.cameraRefused'));
    }
  }

  async function fromPhoto(file: File | undefined) {
    setProblem(null);
    if (!file || !canvas.current) return;
    try {
      const [decode, bitmap] = await Promise.all([loadDecoder(), createImageBitmap(file)]);
      const code = decodeCanvas(canvas.current, bitmap, bitmap.width, bitmap.height, decode);
      bitmap.close();
      if (code) found(code);
      else setProblem(t('festival-day:scan.nothingFound'));
    } catch {
      setProblem(t('festival-day:scan.nothingFound'));
    }
  }

  return (
    <section aria-labelledby="scan-title" className="pass-scanner">
      <h2 id="scan-title">{t('festival-day:scan.title')}</h2>
      <p className="hint">{t('festival-day:scan.hint')}</p>
      <p className="button-row">
        {running ? (
          <button type="button" className="secondary" onClick={stop}>
            {t('festival-day:scan.stop')}
          </button>
        ) : (
          <button type="button" onClick={() => void start()}>
            {t('festival-day:scan.start')}
          </button>
        )}
      </p>
      {/* the picture the camera sees, so the pass can be aimed; decoding works on the canvas */}
      <video ref={video} className="pass-scanner__video" hidden={!running} muted playsInline aria-label={t('festival-day:scan.preview')} />
      <canvas ref={canvas} hidden />
      <div className="field">
        <label htmlFor="pass-photo">{t('festival-day:scan.photo')}</label>
        <input
          id="pass-photo"
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(event) => {
            void fromPhoto(event.currentTarget.files?.[0]);
            event.currentTarget.value = '';
          }}
        />
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
