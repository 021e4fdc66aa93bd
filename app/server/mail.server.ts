import { onMailQueued } from '~/domain/mail/outbox.server';
import { startMailWorker, type MailWorker } from '~/domain/mail/worker.server';
import { fileTransport, smtpTransport, type MailTransport } from '~/domain/mail/transport.server';
import { db } from './db.server';
import { env } from './env.server';
import { log } from './log.server';

let worker: MailWorker | undefined;

/** Without SMTP, a developer signs in with the link printed to the log. */
function withSignInLinksLogged(files: MailTransport): MailTransport {
  return {
    ...files,
    async send(mail) {
      await files.send(mail);
      const link = /\S+\/login\/verify\?token=\S+/.exec(mail.text)?.[0];
      if (link) log.info(`sign-in link for ${mail.to}: ${link}`);
    },
  };
}

/** Starts the outbox worker: SMTP with SMTP_URL, files under MAIL_DIR without. */
export function startMail(): MailWorker {
  const config = env();
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL) : withSignInLinksLogged(fileTransport(config.MAIL_DIR));
  worker = startMailWorker(db(), transport, {
    from: config.MAIL_FROM,
    intervalMs: 2_000,
    onError: (error) => log.error('mail worker', { error: String(error) }),
  });
  // every use case that writes to the outbox wakes the worker after its commit (enqueueMail)
  const started = worker;
  onMailQueued(() => started.wake());
  log.info(transport.kind === 'smtp' ? 'mail: sending through SMTP_URL' : `mail: no SMTP_URL, writing messages to ${config.MAIL_DIR}`);
  return worker;
}
