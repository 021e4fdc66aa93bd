import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** while true, every message is refused with a temporary error */
  failing: boolean;
  waitFor: (predicate: (m: ParsedMail) => boolean, timeoutMs?: number) => Promise<ParsedMail>;
  close: () => Promise<void>;
}

/** A real SMTP server on loopback that keeps every message it accepts, parsed. */
export async function startSmtpServer(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    port: 0,
    messages: [],
    failing: false,
    waitFor: async () => {
      throw new Error('not started');
    },
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (state.failing) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('451 try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          state.messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.waitFor = async (predicate, timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = state.messages.find(predicate);
      if (found) return found;
      if (Date.now() > until) throw new Error(`no matching mail within ${timeoutMs} ms; got: ${state.messages.map((m) => m.subject).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** The first link in a message's text that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const match = (mail.text ?? '').split(/\s+/).find((w) => w.startsWith(prefix));
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`);
  return match;
}

/** For `smtp.waitFor`: a message addressed to `address`. */
export const sentTo = (address: string) => (m: { to?: unknown }) => JSON.stringify(m.to ?? '').includes(address);
